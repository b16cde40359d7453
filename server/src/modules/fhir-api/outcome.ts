import type { OperationOutcome } from "@medplum/fhirtypes";

/** An error answered as a FHIR OperationOutcome (`issue.code` from the FHIR issue-type value set). */
export class FhirError extends Error {
  readonly status: number;
  readonly code: "invalid" | "not-supported" | "not-found" | "login" | "forbidden" | "throttled" | "exception";

  constructor(status: number, code: FhirError["code"], message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const fhirNotFound = (what: string) => new FhirError(404, "not-found", `${what} was not found.`);

export function operationOutcome(
  code: FhirError["code"],
  text: string,
  severity: "error" | "fatal" = "error",
): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, diagnostics: text }] };
}
