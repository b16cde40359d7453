import { Readable } from "node:stream";
import type { RecordContents } from "@portico/contracts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { bundleEntry, bundleHead, bundleTail } from "../../fhir/bundle.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { ADOLESCENT_PARENT_SCOPES } from "../../platform/access/policy.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
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
 * gets it withheld (listed, not shown), and a proxy never gets confidential rows. A parent or
 * guardian of an adolescent whose grant holds `records` gets the download restricted (SPEC
 * §2.2): only the sections of the restricted scopes (appointments, medications), the rest
 * withheld. Written as a stream, section by section and page by page: a large record is never
 * held in memory.
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
      recordDownload: true,
      details: { format },
    });
    const reader: RecordReader = {
      db: currentDb(this.#deps.db),
      rows: patientRows(granted, "records"),
      cipher,
    };
    const { shown, withheld } = await this.#sections(patientId, granted.restricted);
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

  /** What the reader's download will hold (not audited: it reads no patient data; the route gate audits a refusal). */
  async contents(patientId: string): Promise<RecordContents> {
    const { access } = this.#deps;
    const check = { scope: "records", action: "read" } as const;
    if (!(await access.can(patientId, { ...check, recordDownload: true }))) {
      // the route gate has refused already; this answers the same way if it is ever called without it
      await access.authorizePatient(patientId, {
        ...check,
        resourceType: "patient_record",
        patientFacing: true,
        recordDownload: true,
      });
    }
    // allowed only as the whole-record download: a parent of an adolescent, restricted
    const restricted = !(await access.can(patientId, check));
    const { shown, withheld } = await this.#sections(patientId, restricted);
    return { sections: shown.map((s) => s.name), withheld, restricted };
  }

  /** The sections the reader gets, in registry order, and the names of those withheld. */
  async #sections(patientId: string, restricted: boolean): Promise<{ shown: RecordSection[]; withheld: string[] }> {
    const { access } = this.#deps;
    const shown: RecordSection[] = [];
    const withheld: string[] = [];
    for (const { section } of recordSections.all()) {
      const may = restricted
        ? (ADOLESCENT_PARENT_SCOPES as readonly string[]).includes(section.scope) &&
          (await access.can(patientId, { scope: section.scope, action: "read" }))
        : section.scope === "records" || (await access.can(patientId, { scope: section.scope, action: "read" }));
      if (may) shown.push(section);
      else withheld.push(section.name);
    }
    return { shown, withheld };
  }
}

async function* jsonChunks(reader: RecordReader, shown: RecordSection[], withheld: string[], now: Date) {
  yield `{"format":"portico.record","version":1,"generatedAt":${JSON.stringify(now.toISOString())},"patientId":${JSON.stringify(reader.rows.patientId)},"withheld":${JSON.stringify(withheld)},"sections":{`;
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
  yield bundleHead(`record-${reader.rows.patientId}-${now.getTime()}`, now);
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
