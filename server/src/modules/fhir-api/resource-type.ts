import type { Resource } from "@medplum/fhirtypes";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { RecordSection } from "../records/section.ts";
import type { SchedulingService } from "../scheduling/service.ts";
import type { FhirSearchParam } from "./search-params.ts";

export type Db = Kysely<DB> | Transaction<DB>;

/**
 * Where resources of one FHIR type come from: a section of the record download
 * (`modules/records/sections/`, whose mappers are in `server/src/fhir/`) — so the FHIR API
 * serves exactly what the download holds, through the same gate and the same scoped reader
 * (`RecordReader.rows`); reads and `_include`s by id use the section's keyed `fhirByIds` (the
 * same rows and mapping) — and how to find the patient a resource id belongs to, the one query
 * made before the gate (by the record's own id).
 */
export interface FhirSource {
  /**
   * the record section's name (`RecordSection.name`), or a section of the FHIR API's own for
   * a type the download does not hold as such (its scope is checked by the same gate)
   */
  section: string | RecordSection;
  /**
   * the patient the record with this id belongs to (the id matches the type's pattern; one this
   * source does not hold answers undefined without a query), or undefined
   */
  ownerOf(db: Db, id: string): Promise<string | undefined>;
  /** when each of these records last changed (`meta.lastUpdated`, and `meta.versionId` from it), one query per page */
  lastUpdated(db: Db, ids: readonly string[]): Promise<Map<string, Date>>;
}

/** What a directory type (not patient data) reads with. */
export interface DirectoryContext {
  db: Db;
  /** the scheduling module's slot search (read-only use) */
  slots: Pick<SchedulingService, "searchSlots">;
  /** the clinic's name, for the Organization */
  clinicName: string;
  /** whose eligibility free slots are searched with: the token's patient, or the signed-in patient (staff: none) */
  patientId: string | undefined;
}

/**
 * A type that is not patient data (the clinic's directory: practitioners, locations, schedules,
 * free slots): read by any authenticated caller (a token needs a scope for the type), never
 * audited as a record access, and never anything staff-only (no emails, no user ids).
 */
export interface DirectorySource {
  read(ctx: DirectoryContext, id: string): Promise<Resource | undefined>;
  /** the candidates for a search (the parameters are then compared on each, as for other types) */
  list(ctx: DirectoryContext, filters: readonly { param: FhirSearchParam; value: string }[]): Promise<Resource[]>;
}

/** An `_include` a type answers: `[type]:[param]`, following references the resource holds. */
export interface FhirInclude {
  /** e.g. "PractitionerRole:practitioner" */
  name: string;
  /** the `Type/id` references followed */
  references(resource: Resource): string[];
}

/** One FHIR resource type the API serves: `resources/<type>.ts`, one file per type. */
export interface FhirResourceType {
  type: Resource["resourceType"];
  /** what the CapabilityStatement says about it */
  documentation: string;
  /** the US Core profile each resource claims in `meta.profile` (left out: no US Core profile fits) */
  profile?: string;
  /**
   * profiles some of its resources claim, each as its mapper says (e.g. Observation: a vital
   * sign's), listed in the CapabilityStatement's `supportedProfile` beside `profile`
   */
  supportedProfiles?: readonly string[];
  /** patient data: where it comes from (empty for a directory type) */
  sources: readonly FhirSource[];
  /** not patient data: the clinic's directory */
  directory?: DirectorySource;
  /** false: read (and included) only, no search-type interaction */
  searchable?: boolean;
  /** a search parameter a search must give (400 otherwise), for a directory type */
  requiredParam?: string;
  /** `_include` values answered */
  includes?: readonly FhirInclude[];
  /** `_revinclude` values answered on a search of this type (e.g. Provenance:target) */
  revincludes?: readonly string[];
  /** for a type others `_revinclude`: the references to resources of this type that point at a target */
  revincludeOf?(target: Resource): string[];
  /** the form of an id of this type (anything else is a resource that does not exist) */
  idPattern: RegExp;
  /**
   * search parameters besides `_count` and `_offset`: `patient` (every type but Patient, which
   * takes `_id`), then those compared on the resources (`search-params.ts`)
   */
  searchParams: readonly (PlainParam | FhirSearchParam)[];
}

export const US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";

export const UUID_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** a parameter the service answers itself (not compared on resources) */
export interface PlainParam {
  name: string;
  type: "token" | "reference";
  documentation: string;
}

/** `_id` of a directory type */
export const RESOURCE_ID_PARAM: PlainParam = { name: "_id", type: "token", documentation: "The resource's id" };

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
