import type { Resource } from "@medplum/fhirtypes";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { PatientScope } from "../../platform/access/policy.ts";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import type { FieldCipher } from "../../platform/crypto.ts";

/**
 * One section of a patient's record download (SPEC §2.9). Each module holding patient data
 * lists its sections in its manifest (`recordSections` in `modules/kit.ts`); the records module
 * streams every section a reader may see, as JSON and as a FHIR R4 Bundle. A module test fails
 * when a module with `patientReferences` contributes no section and gives no reason.
 */
export interface RecordSection {
  /** its key in the JSON download, e.g. "appointments" */
  name: string;
  /** the part of the record it belongs to: a proxy whose grant lacks it gets the section withheld */
  scope: PatientScope;
  /** the section's entries, oldest first, read page by page (never the whole section in memory) */
  entries(reader: RecordReader): AsyncIterable<RecordEntry>;
  /**
   * the FHIR resources of its entries with these FHIR ids, by key (one query, not the whole
   * section), mapped exactly as `entries` maps them (the FHIR API's reads and `_include`s);
   * left out: a read streams the section until it finds the id
   */
  fhirByIds?(reader: RecordReader, ids: readonly string[]): Promise<Resource[]>;
}

/**
 * What a section reads with: the patient's rows through the scoped query builder, made from
 * the download's (or the FHIR API's) audited `PatientAccess` — every query of a section filters
 * on that patient, and leaves out confidential rows when the access says so (a proxy).
 */
export interface RecordReader {
  db: Kysely<DB> | Transaction<DB>;
  /** the patient's rows (`rows.patientId` is the patient the resources name) */
  rows: PatientRows;
  cipher: FieldCipher;
}

/** One entry: its JSON form and its FHIR R4 resources (none when FHIR has no fitting resource). */
export interface RecordEntry {
  json: Record<string, unknown>;
  fhir: readonly Resource[];
}

export const RECORD_PAGE_SIZE = 200;

/**
 * Keyset paging: `page(after)` returns up to RECORD_PAGE_SIZE rows after the cursor (null for
 * the first page), ordered by the same key `cursor(row)` gives; yields them one by one.
 */
export async function* paged<Row, Cursor>(
  page: (after: Cursor | null) => Promise<Row[]>,
  cursor: (row: Row) => Cursor,
): AsyncIterable<Row> {
  let after: Cursor | null = null;
  for (;;) {
    const rows = await page(after);
    yield* rows;
    if (rows.length < RECORD_PAGE_SIZE) return;
    after = cursor(rows[rows.length - 1] as Row);
  }
}

/** Every module's sections, in registry order (filled by `modules/registry.ts` from the manifests). */
const registered: { module: string; section: RecordSection }[] = [];
export const recordSections = {
  register(module: string, section: RecordSection): void {
    if (registered.some((r) => r.section.name === section.name)) {
      throw new Error(`module ${module}: a record section named ${section.name} already exists`);
    }
    registered.push({ module, section });
  },
  all(): readonly { module: string; section: RecordSection }[] {
    return registered;
  },
};
