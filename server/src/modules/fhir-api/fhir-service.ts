import type { Resource } from "@medplum/fhirtypes";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { PatientScope } from "../../platform/access/policy.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { currentContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { currentDb } from "../../platform/transaction.ts";
import { type RecordReader, type RecordSection, recordSections } from "../records/section.ts";
import type { FhirCaller } from "./caller.ts";
import { FhirError, fhirNotFound } from "./outcome.ts";
import type { DirectoryContext, FhirInclude, FhirResourceType, FhirSource } from "./resource-type.ts";
import { fhirResourceTypes } from "./resources/index.ts";
import { type FhirSearchParam, matches } from "./search-params.ts";

export interface FhirServiceDeps {
  db: Database;
  access: AccessService;
  audit: AuditLog;
  cipher: FieldCipher;
  /** the scheduling module's free-slot search (Slot), used read-only */
  slots: DirectoryContext["slots"];
  clinicName: string;
}

/** One page of a search: the resources, what `_include`/`_revinclude` added, and whether more follow. */
export interface FhirPage {
  resources: Resource[];
  included: Resource[];
  more: boolean;
}

/** What a search asks for besides paging. */
export interface FhirSearch {
  patient?: string;
  _id?: string;
  filters: readonly { param: FhirSearchParam; value: string }[];
  /** `_include` values (`[type]:[param]`) */
  include?: readonly string[];
  /** `_revinclude` values (`Provenance:target`) */
  revinclude?: readonly string[];
  /** `Prefer: handling=lenient`: an `_include` not supported is ignored rather than a 400 */
  lenient?: boolean;
}

interface IncludesAsked {
  include: FhirInclude[];
  revinclude: string[];
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
    if (type.directory) {
      const found = await type.directory.read(this.#directoryContext(caller), id);
      if (!found) throw missing();
      return withMeta(found, undefined, type.profile);
    }
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
    const section = sectionOf(owner.source);
    const reader = await this.#reader(caller, owner.patientId, section, type, id);
    const at = async () => (await owner.source.lastUpdated(currentDb(this.#deps.db), [id])).get(id);
    if (section.fhirByIds) {
      // a keyed lookup (the section's own rows and mapping, one record)
      const found = (await section.fhirByIds(reader, [id])).find((r) => r.resourceType === type.type && r.id === id);
      if (found) return withMeta(found, await at(), type.profile);
      throw missing();
    }
    for await (const entry of section.entries(reader)) {
      const found = entry.fhir.find((r) => r.resourceType === type.type && r.id === id);
      if (found) return withMeta(found, await at(), type.profile);
    }
    // e.g. a confidential medication read by a caregiver: the section leaves it out
    throw missing();
  }

  /** `GET [type]?patient=…&_count=…&_offset=…`: the resources of one patient (or the patients the caller may read, for Patient) */
  async search(
    caller: FhirCaller,
    type: FhirResourceType,
    params: FhirSearch,
    page: { count: number; offset: number },
  ): Promise<FhirPage> {
    if (type.searchable === false)
      throw new FhirError(400, "not-supported", `${type.type} is read by id (or included), not searched.`);
    if (!caller.mayRead(type.type))
      throw new FhirError(403, "forbidden", `The token's scopes do not include ${type.type}.`);
    const includes = this.#includesAsked(type, params);
    if (type.directory) {
      if (type.requiredParam && !params.filters.some((f) => f.param.name === type.requiredParam))
        throw new FhirError(400, "invalid", `Searching ${type.type} needs the ${type.requiredParam} parameter.`);
      let list = await type.directory.list(this.#directoryContext(caller), params.filters);
      const ids = params._id?.split(",");
      if (ids) list = list.filter((r) => ids.includes(r.id as string));
      list = list.filter((r) => params.filters.every((f) => matches(f.param, r, f.value)));
      const shown = list.slice(page.offset, page.offset + page.count).map((r) => withMeta(r, undefined, type.profile));
      return {
        resources: shown,
        included: await this.#included(caller, shown, includes, null),
        more: list.length > page.offset + page.count,
      };
    }
    const patientIds = this.#patientsSearched(caller, type, params);
    const wanted = page.offset + page.count + 1;
    const found: { resource: Resource; source: FhirSource; patientId: string }[] = [];
    outer: for (const patientId of patientIds) {
      if (type.type === "Patient" && !(await this.#deps.access.can(patientId, { scope: "profile", action: "read" }))) {
        if (params._id === undefined) continue;
      }
      await this.#withinToken(caller, patientId, type, null);
      // a type from several sections reads those the caller may read; from one, the gate decides
      const readable: { section: RecordSection; source: FhirSource }[] = [];
      if (type.sources.length > 1) {
        for (const source of type.sources) {
          const section = sectionOf(source);
          if (await this.#deps.access.can(patientId, { scope: section.scope, action: "read" }))
            readable.push({ section, source });
        }
      }
      // none readable: the gate's own refusal (audited, 404 as for a patient that does not exist)
      const first = type.sources[0] as FhirSource;
      if (readable.length === 0) readable.push({ section: sectionOf(first), source: first });
      // one gate decision (and audit row) per part of the record, however many sections share it
      const readers = new Map<PatientScope, RecordReader>();
      for (const { section, source } of readable) {
        const reader = readers.get(section.scope) ?? (await this.#reader(caller, patientId, section, type, null));
        readers.set(section.scope, reader);
        for await (const entry of section.entries(reader)) {
          for (const resource of entry.fhir) {
            if (resource.resourceType !== type.type) continue;
            if (!params.filters.every((f) => matches(f.param, resource, f.value))) continue;
            found.push({ resource, source, patientId });
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
    const resources = shown.map((f) => withMeta(f.resource, times.get(f.resource.id as string), type.profile));
    const included: Resource[] = [];
    for (const patientId of new Set(shown.map((f) => f.patientId))) {
      const theirs = resources.filter((_, i) => shown[i]?.patientId === patientId);
      included.push(...(await this.#included(caller, theirs, includes, patientId)));
    }
    return { resources, included, more: found.length > page.offset + page.count };
  }

  /**
   * The `_include`s and `_revinclude`s asked for, each one this type answers; anything else is
   * a 400 (`not-supported`), or ignored with `Prefer: handling=lenient`, as for unknown parameters.
   */
  #includesAsked(type: FhirResourceType, params: FhirSearch) {
    const asked: IncludesAsked = { include: [], revinclude: [] };
    for (const value of params.include ?? []) {
      // `[type]:[param]`, or `[type]:[param]:[target type]` (only references to that type)
      const known = type.includes?.find((i) => value === i.name || value.startsWith(`${i.name}:`));
      const target = known && value !== known.name ? value.slice(known.name.length + 1) : undefined;
      if (known && (target === undefined || fhirResourceTypes.some((t) => t.type === target)))
        asked.include.push({
          name: value,
          references: (r) => known.references(r).filter((ref) => !target || ref.startsWith(`${target}/`)),
        });
      else if (!params.lenient)
        throw new FhirError(400, "not-supported", `_include=${value} is not supported on ${type.type}.`);
    }
    for (const value of params.revinclude ?? []) {
      if (type.revincludes?.includes(value)) asked.revinclude.push(value);
      else if (!params.lenient)
        throw new FhirError(400, "not-supported", `_revinclude=${value} is not supported on ${type.type}.`);
    }
    return asked;
  }

  /**
   * What `_include` and `_revinclude` add to a page: each referenced resource through the same
   * read (the gate; a resource the caller may not see is simply left out), once. Resources of a
   * patient's record come by key in one lookup per type and patient (one audit row, as a search).
   */
  async #included(
    caller: FhirCaller,
    resources: readonly Resource[],
    asked: IncludesAsked,
    patientId: string | null,
  ): Promise<Resource[]> {
    const wanted = new Map<string, Set<string>>();
    const want = (reference: string) => {
      const [typeName, id] = reference.split("/");
      if (!typeName || !id) return;
      wanted.set(typeName, (wanted.get(typeName) ?? new Set()).add(id));
    };
    for (const include of asked.include) for (const r of resources) include.references(r).forEach(want);
    for (const rev of asked.revinclude) {
      const sourceType = fhirResourceTypes.find((t) => t.type === rev.split(":")[0]);
      for (const r of resources) for (const ref of sourceType?.revincludeOf?.(r) ?? []) want(ref);
    }
    const out: Resource[] = [];
    for (const [typeName, ids] of wanted) {
      const type = fhirResourceTypes.find((t) => t.type === typeName);
      if (!type || !caller.mayRead(type.type)) continue;
      if (type.directory) {
        for (const id of ids) {
          const found = type.idPattern.test(id)
            ? await type.directory.read(this.#directoryContext(caller), id)
            : undefined;
          if (found) out.push(withMeta(found, undefined, type.profile));
        }
        continue;
      }
      if (!patientId) continue;
      out.push(
        ...(await this.#keyed(
          caller,
          patientId,
          type,
          [...ids].filter((id) => type.idPattern.test(id)),
        )),
      );
    }
    return out;
  }

  /** resources of one patient by key, for `_include`: what the caller may not read is left out (not refused) */
  async #keyed(caller: FhirCaller, patientId: string, type: FhirResourceType, ids: readonly string[]) {
    if (ids.length === 0 || (caller.patientId && caller.patientId !== patientId)) return [];
    const out: Resource[] = [];
    const readers = new Map<PatientScope, RecordReader>();
    for (const source of type.sources) {
      const section = sectionOf(source);
      if (!section.fhirByIds || !(await this.#deps.access.can(patientId, { scope: section.scope, action: "read" })))
        continue;
      const reader = readers.get(section.scope) ?? (await this.#reader(caller, patientId, section, type, null));
      readers.set(section.scope, reader);
      const found = (await section.fhirByIds(reader, ids)).filter((r) => r.resourceType === type.type);
      const times = await source.lastUpdated(
        currentDb(this.#deps.db),
        found.map((r) => r.id as string),
      );
      out.push(...found.map((r) => withMeta(r, times.get(r.id as string), type.profile)));
    }
    return out;
  }

  #directoryContext(caller: FhirCaller): DirectoryContext {
    const actor = currentContext().actor;
    // a caregiver without a record of their own: the one patient they act for (several: say none, a 400)
    const patientId =
      caller.patientId ?? actor.patientId ?? (actor.grants.length === 1 ? actor.grants[0]?.patientId : undefined);
    return {
      db: currentDb(this.#deps.db),
      slots: this.#deps.slots,
      clinicName: this.#deps.clinicName,
      patientId: patientId ?? undefined,
    };
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
  ): Promise<RecordReader> {
    const granted = await this.#deps.access.authorizePatient(patientId, {
      scope: section.scope,
      action: "read",
      resourceType: "fhir_resource",
      resourceId: id,
      auditAction: id ? "read" : "search",
      patientFacing: true,
      details: { fhirType: type.type },
    });
    return { db: currentDb(this.#deps.db), rows: patientRows(granted, section.scope), cipher: this.#deps.cipher };
  }
}

/**
 * `meta.versionId` and `meta.lastUpdated` from when the record last changed, and the US Core
 * profile claimed by the type, beside those the mapper claimed for this resource
 */
function withMeta(resource: Resource, at: Date | undefined, profile: string | undefined): Resource {
  if (!at && !profile) return resource;
  const profiles = [...new Set([...(profile ? [profile] : []), ...(resource.meta?.profile ?? [])])];
  return {
    ...resource,
    meta: {
      ...resource.meta,
      ...(at ? { versionId: String(at.getTime()), lastUpdated: at.toISOString() } : {}),
      ...(profiles.length ? { profile: profiles } : {}),
    },
  } as Resource;
}

/** a source's section: a record section by name, or the FHIR API's own */
function sectionOf(source: FhirSource): RecordSection {
  return typeof source.section === "string" ? sectionNamed(source.section) : source.section;
}

function sectionNamed(name: string): RecordSection {
  const found = recordSections.all().find((s) => s.section.name === name);
  if (!found) throw new Error(`the FHIR API reads a record section named ${name}, which no module declares`);
  return found.section;
}
