import { Readable } from "node:stream";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { bundleEntry, bundleHead, bundleTail } from "../../fhir/bundle.ts";
import { type AccessService, ensurePatientScopedQuery } from "../../platform/access/patient-access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { currentDb } from "../../platform/transaction.ts";
import { type RecordReader, type RecordSection, recordSections } from "./section.ts";

export type RecordFormat = "json" | "fhir";

export interface RecordDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  cipher: FieldCipher;
  config: Pick<Config, "publicUrl">;
}

/**
 * The whole-record download (SPEC §2.9): everything the portal holds about a patient, as JSON
 * (`portico.record`, one key per section) or as a FHIR R4 `collection` Bundle. Sections come
 * from the modules' manifests (`recordSections`); a reader whose grant lacks a section's scope
 * gets it withheld (listed, not shown), and a proxy never gets confidential rows. Written as a
 * stream, section by section and page by page: a large record is never held in memory.
 */
export class RecordService {
  readonly #deps: RecordDeps;

  constructor(deps: RecordDeps) {
    this.#deps = deps;
  }

  async download(patientId: string, format: RecordFormat): Promise<{ stream: Readable; fileName: string }> {
    const { access, clock, cipher, config } = this.#deps;
    const granted = await access.authorizePatient(patientId, {
      scope: "records",
      action: "read",
      resourceType: "patient_record",
      auditAction: "download",
      patientFacing: true,
      details: { format },
    });
    const reader: RecordReader = {
      db: currentDb(this.#deps.db),
      patientId: ensurePatientScopedQuery(granted, "records"),
      includeConfidential: granted.includeConfidential,
      cipher,
    };
    const shown: RecordSection[] = [];
    const withheld: string[] = [];
    for (const { section } of recordSections.all()) {
      const may =
        section.scope === "records" || (await access.can(patientId, { scope: section.scope, action: "read" }));
      if (may) shown.push(section);
      else withheld.push(section.name);
    }
    const now = clock.now();
    const day = now.toISOString().slice(0, 10);
    const chunks =
      format === "fhir"
        ? fhirChunks(reader, shown, now, `${config.publicUrl}/fhir/R4`)
        : jsonChunks(reader, shown, withheld, now);
    return {
      stream: Readable.from(chunks, { objectMode: false }),
      fileName: `health-record-${day}.${format === "fhir" ? "fhir.json" : "json"}`,
    };
  }
}

async function* jsonChunks(reader: RecordReader, shown: RecordSection[], withheld: string[], now: Date) {
  yield `{"format":"portico.record","version":1,"generatedAt":${JSON.stringify(now.toISOString())},"patientId":${JSON.stringify(reader.patientId)},"withheld":${JSON.stringify(withheld)},"sections":{`;
  let firstSection = true;
  for (const section of shown) {
    yield `${firstSection ? "" : ","}${JSON.stringify(section.name)}:[`;
    firstSection = false;
    let first = true;
    let batch = "";
    for await (const entry of section.entries(reader)) {
      batch += (first ? "" : ",") + JSON.stringify(entry.json);
      first = false;
      if (batch.length > 64_000) {
        yield batch;
        batch = "";
      }
    }
    yield `${batch}]`;
  }
  yield "}}";
}

async function* fhirChunks(reader: RecordReader, shown: RecordSection[], now: Date, baseUrl: string) {
  yield bundleHead(`record-${reader.patientId}-${now.getTime()}`, now);
  let first = true;
  let batch = "";
  for (const section of shown) {
    for await (const entry of section.entries(reader)) {
      for (const resource of entry.fhir) {
        batch += (first ? "" : ",") + bundleEntry(baseUrl, resource);
        first = false;
      }
      if (batch.length > 64_000) {
        yield batch;
        batch = "";
      }
    }
  }
  yield batch + bundleTail;
}
