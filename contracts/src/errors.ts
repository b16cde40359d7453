import { type Static, Type } from "typebox";

/**
 * One problem with one field of a request. `field` is the field's path in the request body,
 * dots between levels ("address.postalCode", "questionnaire.2.id"); it is absent when the
 * problem is about the request as a whole.
 */
export const FieldProblem = Type.Object({
  field: Type.Optional(Type.String({ description: "path of the field in the request, e.g. address.postalCode" })),
  problem: Type.String({ description: "what is wrong, for people (English)" }),
});
export type FieldProblem = Static<typeof FieldProblem>;

/** The `details` of a `validation_failed` answer (and of some domain errors): one entry per field problem. */
export const FieldProblems = Type.Array(FieldProblem);
export type FieldProblems = Static<typeof FieldProblems>;

/** The error body every failing API call answers with. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: "stable machine-readable code, e.g. not_found, slot_taken" }),
    message: Type.String({ description: "a sentence for people" }),
    details: Type.Optional(
      Type.Unknown({
        description:
          "validation_failed: a list of { field, problem } (FieldProblems); other codes may add facts, e.g. weak_password: { warning, suggestions }",
      }),
    ),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;
