import { type Static, Type } from "typebox";

/** The error body every failing API call answers with. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: "stable machine-readable code, e.g. not_found, slot_taken" }),
    message: Type.String({ description: "a sentence for people" }),
    details: Type.Optional(Type.Unknown()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const Uuid = Type.String({ format: "uuid" });
export const IsoDateTime = Type.String({ format: "date-time" });
export const IsoDate = Type.String({ format: "date", description: "YYYY-MM-DD" });
export const Locale = Type.Union([Type.Literal("en"), Type.Literal("es")]);
export type Locale = Static<typeof Locale>;

export const IdParams = Type.Object({ id: Uuid });
export const PatientParams = Type.Object({ patientId: Uuid });

/** Standard error responses to declare on routes (documented in OpenAPI). */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
} as const;
