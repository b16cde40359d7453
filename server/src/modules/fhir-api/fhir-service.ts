import type { Resource } from "@medplum/fhirtypes";
import type { Database } from "../../db/database.ts";
import { type AccessService, ensurePatientScopedQuery } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { currentContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { currentDb } from "../../platform/transaction.ts";
import { type RecordSection, recordSections } from "../records/section.ts";
import type { FhirCaller } from "./caller.ts";
import { FhirError, fhirNotFound } from "./outcome.ts";
import type { FhirResourceType, FhirSource } from "./resource-type.ts";
import { fhirResourceTypes } from "./resources/index.ts";
import { type FhirSearchParam, matches } from "./search-params.ts";

export interface FhirServiceDeps {
  db: Database;
  access: AccessService;
  audit: AuditLog;
  cipher: FieldCipher;
}

/** One page of a search: the resources, and whether more follow. */
export interface FhirPage {
  resources: Resource[];
  more: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `Patient/<id>` or `<id>` → the id */
export const patientIdOf = (reference: string) => reference.replace(/^Patient\//, "");

/**
 * The FHIR R4 read API (issue 17): read and search over the record download's sections, so
 * an app gets exactly what the patient's own download holds, through the same gate. Every
 * read and search is audited by `authorizePatient` (with the FHIR type; a connected app is
 * named by the request context); anything the caller may not see answers 404 exactly like a record that
 * does not exist.
 */
export class FhirService {
  readonly #deps: FhirServiceDeps;

  constructor(deps: FhirServiceDeps) {
    this.#deps = deps;
  }

  /** the resource type named in a URL, or 400 `not-supported` */
  typeOf(name: string): FhirResourceType {
    const type = fhirResourceTypes.find((t) => t.type === name);
    if (!type) throw new FhirError(400, "not-supported", `Resource type ${name} is not supported by this server.`);
    return type;
  }

  /** `GET [type]/[id]` */
  async read(caller: FhirCaller, type: FhirResourceType, id: string): Promise<Resource> {
    const missing = () => fhirNotFound(`${type.type}/${id}`);
    if (!type.idPattern.test(id) || !caller.mayRead(type.type)) throw missing();
    const db = currentDb(this.#deps.db);
    let owner: { patientId: string; source: FhirSource } | undefined;
    for (const source of type.sources) {
      const patientId = await source.ownerOf(db, id);
      if (patientId) {
        owner = { patientId, source };
        break;
      }
    }
    if (!owner) throw missing();
    await this.#withinToken(caller, owner.patientId, type, id);
    const section = sectionNamed(owner.source.section);
    const reader = await this.#reader(caller, owner.patientId, section, type, id);
    for await (const entry of section.entries(reader)) {
      const found = entry.fhir.find((r) => r.resourceType === type.type && r.id === id);
      if (found) return withMeta(found, (await owner.source.lastUpdated(currentDb(this.#deps.db), [id])).get(id));
    }
    // e.g. a confidential medication read by a caregiver: the section leaves it out
    throw missing();
  }

  /** `GET [type]?patient=…&_count=…&_offset=…`: the resources of one patient (or the patients the caller may read, for Patient) */
  async search(
    caller: FhirCaller,
    type: FhirResourceType,
    params: { patient?: string; _id?: string; filters: readonly { param: FhirSearchParam; value: string }[] },
    page: { count: number; offset: number },
  ): Promise<FhirPage> {
    if (!caller.mayRead(type.type))
      throw new FhirError(403, "forbidden", `The token's scopes do not include ${type.type}.`);
    const patientIds = this.#patientsSearched(caller, type, params);
    const wanted = page.offset + page.count + 1;
    const found: { resource: Resource; source: FhirSource }[] = [];
    outer: for (const patientId of patientIds) {
      if (type.type === "Patient" && !(await this.#deps.access.can(patientId, { scope: "profile", action: "read" }))) {
        if (params._id === undefined) continue;
      }
      await this.#withinToken(caller, patientId, type, null);
      const readable: { section: RecordSection; source: FhirSource }[] = [];
      for (const source of type.sources) {
        const section = sectionNamed(source.section);
        if (await this.#deps.access.can(patientId, { scope: section.scope, action: "read" }))
          readable.push({ section, source });
      }
      // none readable: the gate's own refusal (audited, 404 as for a patient that does not exist)
      const first = type.sources[0] as FhirSource;
      if (readable.length === 0) readable.push({ section: sectionNamed(first.section), source: first });
      for (const { section, source } of readable) {
        const reader = await this.#reader(caller, patientId, section, type, null);
        for await (const entry of section.entries(reader)) {
          for (const resource of entry.fhir) {
            if (resource.resourceType !== type.type) continue;
            if (!params.filters.every((f) => matches(f.param, resource, f.value))) continue;
            found.push({ resource, source });
            if (found.length >= wanted) break outer;
          }
        }
      }
    }
    const shown = found.slice(page.offset, page.offset + page.count);
    const times = new Map<string, Date>();
    for (const source of type.sources) {
      const ids = shown.filter((f) => f.source === source).map((f) => f.resource.id as string);
      if (ids.length > 0)
        for (const [id, at] of await source.lastUpdated(currentDb(this.#deps.db), ids)) times.set(id, at);
    }
    const resources = shown.map((f) => withMeta(f.resource, times.get(f.resource.id as string)));
    return { resources, more: found.length > page.offset + page.count };
  }

  /** The patient for `$everything` after the token check (the content itself is the record download's). */
  async everythingFor(caller: FhirCaller, patientId: string): Promise<void> {
    if (!UUID.test(patientId)) throw fhirNotFound(`Patient/${patientId}`);
    const patient = this.typeOf("Patient");
    await this.#withinToken(caller, patientId, patient, patientId);
  }

  #patientsSearched(caller: FhirCaller, type: FhirResourceType, params: { patient?: string; _id?: string }): string[] {
    const actor = currentContext().actor;
    if (type.type === "Patient") {
      if (params._id !== undefined) return [params._id];
      if (caller.patientId) return [caller.patientId];
      return [...new Set([actor.patientId, ...actor.grants.map((g) => g.patientId)].filter((p): p is string => !!p))];
    }
    const patient = params.patient !== undefined ? patientIdOf(params.patient) : (caller.patientId ?? actor.patientId);
    if (!patient) {
      throw new FhirError(400, "invalid", `Searching ${type.type} needs the patient parameter (patient=Patient/<id>).`);
    }
    return [patient];
  }

  /** a token granted for one patient reads only that patient: anything else is refused (audited) as not found */
  async #withinToken(caller: FhirCaller, patientId: string, type: FhirResourceType, id: string | null): Promise<void> {
    if (!caller.patientId || caller.patientId === patientId) return;
    await this.#deps.audit.recordIndependent({
      action: "read",
      resourceType: "fhir_resource",
      resourceId: id,
      patientId: UUID.test(patientId) ? patientId : null,
      outcome: "denied",
      details: { reason: "outside_token_grant", fhirType: type.type },
    });
    throw id ? fhirNotFound(`${type.type}/${id}`) : fhirNotFound(`Patient/${patientId}`);
  }

  async #reader(
    _caller: FhirCaller,
    patientId: string,
    section: RecordSection,
    type: FhirResourceType,
    id: string | null,
  ) {
    const granted = await this.#deps.access.authorizePatient(patientId, {
      scope: section.scope,
      action: "read",
      resourceType: "fhir_resource",
      resourceId: id,
      auditAction: id ? "read" : "search",
      patientFacing: true,
      details: { fhirType: type.type },
    });
    return {
      db: currentDb(this.#deps.db),
      patientId: ensurePatientScopedQuery(granted, section.scope),
      includeConfidential: granted.includeConfidential,
      cipher: this.#deps.cipher,
    };
  }
}

/** `meta.versionId` and `meta.lastUpdated` from when the record last changed */
function withMeta(resource: Resource, at: Date | undefined): Resource {
  return at
    ? ({ ...resource, meta: { versionId: String(at.getTime()), lastUpdated: at.toISOString() } } as Resource)
    : resource;
}

function sectionNamed(name: string): RecordSection {
  const found = recordSections.all().find((s) => s.section.name === name);
  if (!found) throw new Error(`the FHIR API reads a record section named ${name}, which no module declares`);
  return found.section;
}
