import type { Resource } from "@medplum/fhirtypes";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { FhirSearchParam } from "./search-params.ts";

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Where resources of one FHIR type come from: a section of the record download
 * (`modules/records/sections/`, whose mappers are in `server/src/fhir/`) — so the FHIR API
 * serves exactly what the download holds, through the same gate — and how to find the patient
 * a resource id belongs to, the one query made before the gate (by the record's own id).
 */
export interface FhirSource {
  /** the record section's name (`RecordSection.name`) */
  section: string;
  /** the patient the record with this id belongs to (the id is already a well-formed one), or undefined */
  ownerOf(db: Db, id: string): Promise<string | undefined>;
  /** when each of these records last changed (`meta.lastUpdated`, and `meta.versionId` from it), one query per page */
  lastUpdated(db: Db, ids: readonly string[]): Promise<Map<string, Date>>;
}

/** One FHIR resource type the API serves: `resources/<type>.ts`, one file per type. */
export interface FhirResourceType {
  type: Resource["resourceType"];
  /** what the CapabilityStatement says about it */
  documentation: string;
  sources: readonly FhirSource[];
  /** the form of an id of this type (anything else is a resource that does not exist) */
  idPattern: RegExp;
  /**
   * search parameters besides `_count` and `_offset`: `patient` (every type but Patient, which
   * takes `_id`), then those compared on the resources (`search-params.ts`)
   */
  searchParams: readonly (typeof PATIENT_PARAM | typeof ID_PARAM | FhirSearchParam)[];
}

export const UUID_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ID_PARAM = {
  name: "_id",
  type: "token",
  documentation: "The patient's id; left out, every patient the caller may read (themselves and those they act for)",
} as const;

export const PATIENT_PARAM = {
  name: "patient",
  type: "reference",
  documentation:
    "The patient the records belong to: `Patient/<id>` or `<id>` (the patient the token was granted, when left out)",
} as const;

/** `lastUpdated` from rows of `{ id, at }` */
export async function changedAt(
  rows: Promise<{ id: string | number; at: Date }[]>,
  prefix = "",
): Promise<Map<string, Date>> {
  return new Map((await rows).map((r) => [`${prefix}${r.id}`, r.at]));
}

/** Declares one resource type (keeps the literal types). */
export const defineFhirType = (t: FhirResourceType): FhirResourceType => t;
