import type { CodeableConcept, Reference, Resource } from "@medplum/fhirtypes";
import { codings, type FhirSearchParam } from "../search-params.ts";

/** `status`: the resource's own status code, as a token */
export const statusParam = (documentation: string): FhirSearchParam<Resource & { status?: string }> => ({
  name: "status",
  type: "token",
  documentation,
  values: (r) => [r.status],
});

/** a date parameter comparing one date or instant element of the resource */
export const dateParam = <R extends Resource>(
  name: string,
  documentation: string,
  value: (resource: R) => string | undefined,
): FhirSearchParam<R> => ({ name, type: "date", documentation, values: (r) => [value(r)] });

/** a token parameter comparing the codings of some CodeableConcepts of the resource */
export const conceptParam = <R extends Resource>(
  name: string,
  documentation: string,
  concepts: (resource: R) => CodeableConcept[] | undefined,
): FhirSearchParam<R> => ({ name, type: "token", documentation, values: (r) => codings(concepts(r)) });

/** a reference parameter comparing the `Type/id` of some Reference elements of the resource */
export const referenceParam = <R extends Resource>(
  name: string,
  documentation: string,
  references: (resource: R) => (Reference | undefined)[] | undefined,
): FhirSearchParam<R> => ({
  name,
  type: "reference",
  documentation,
  values: (r) => (references(r) ?? []).map((reference) => reference?.reference),
});
