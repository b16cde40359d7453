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

/** Field-level problems the server reported (details.fields: { name: message }), if any. */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const details = error.details as { fields?: Record<string, unknown> } | undefined;
  const fields = details?.fields;
  if (!fields || typeof fields !== "object") return {};
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) if (typeof message === "string") out[name] = message;
  return out;
}

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
