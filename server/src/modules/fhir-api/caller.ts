import type { Resource } from "@medplum/fhirtypes";

/**
 * Who is calling the FHIR API, besides the actor in the request context (whose access the
 * gate checks as for the portal). A portal session reads whatever its user may read; a
 * connected app's token is narrower: one patient, the resource types its scopes name, and the
 * app named in every audit row.
 */
export interface FhirCaller {
  /** the patient a token was granted for (null: any the user may read, for a portal session) */
  patientId: string | null;
  /** whether the token's scopes allow reading this resource type */
  mayRead(type: Resource["resourceType"]): boolean;
  /** the connected app, for the audit log (null for the portal itself) */
  app: { clientId: string; name: string } | null;
}

export const portalSessionCaller: FhirCaller = Object.freeze({
  patientId: null,
  mayRead: () => true,
  app: null,
});
