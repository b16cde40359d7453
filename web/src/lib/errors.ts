import type { FieldProblem } from "@portico/contracts";
import { ApiError } from "./api";

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/**
 * A sentence for people, in their language, for any failure: the translation for the server's
 * error code when there is one, otherwise the server's own message, otherwise a generic one.
 */
export function errorMessage(error: unknown, t: Translate, exists: Exists): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t("errors.network");
    const key = `errors.${error.code}`;
    if (exists(key)) return t(key);
    if (error.message) return error.message;
    return error.status >= 500 ? t("errors.internal") : t("errors.generic");
  }
  return t("errors.generic");
}

/**
 * The `[{ field, problem }]` list a 4xx answer carries (contracts `FieldProblems`), or none.
 * Checked by shape rather than with TypeBox's checker, which would put the schema library on
 * every page's first load for this one test.
 */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) return [];
  return isFieldProblems(error.details) ? error.details : [];
}

function isFieldProblems(details: unknown): details is FieldProblem[] {
  return (
    Array.isArray(details) &&
    details.every(
      (d) =>
        typeof d === "object" &&
        d !== null &&
        typeof (d as FieldProblem).problem === "string" &&
        ((d as FieldProblem).field === undefined || typeof (d as FieldProblem).field === "string"),
    )
  );
}

export interface ServerFieldErrorOptions {
  /**
   * The form's name for the field the server names by its path ("address.line1",
   * "questionnaire.0.id"); `undefined` leaves the problem to the form-level message.
   * By default the path itself.
   */
  field?: (path: string) => string | undefined;
  /** The sentence shown beside the field and in the error summary, in the reader's language. */
  message: (field: string, problem: string) => string;
}

/**
 * The one reader of server field errors: field name → message, for the fields of this form
 * (`Form` shows each beside its field and links to it from the error summary).
 */
export function fieldErrorsFrom(error: unknown, options: ServerFieldErrorOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field: path, problem } of fieldProblems(error)) {
    if (!path) continue;
    const name = options.field ? options.field(path) : path;
    if (name && !(name in out)) out[name] = options.message(name, problem);
  }
  return out;
}

/** The last part of a field path ("person.address.postalCode" → "postalCode"), for forms whose names are flat. */
export const lastPathPart = (path: string): string => path.split(".").pop() ?? path;

/** Server field paths renamed to this form's field names; paths not listed stay with the form-level message. */
export const renamed =
  (names: Record<string, string>) =>
  (path: string): string | undefined =>
    names[path];

/** Suggestions from a weak_password answer (details.suggestions / details.warning). */
export function passwordAdvice(error: unknown): { warning?: string; suggestions: string[] } {
  if (!(error instanceof ApiError) || error.code !== "weak_password") return { suggestions: [] };
  const details = (error.details ?? {}) as { warning?: unknown; suggestions?: unknown };
  const suggestions = Array.isArray(details.suggestions)
    ? details.suggestions.filter((s): s is string => typeof s === "string" && s.length > 0)
    : [];
  const warning = typeof details.warning === "string" && details.warning ? details.warning : undefined;
  return { warning, suggestions };
}
