import { type Static, Type } from "typebox";
import { ErrorBody } from "./errors.ts";

export const Uuid = Type.String({ format: "uuid" });
export const IsoDateTime = Type.String({ format: "date-time" });
export const IsoDate = Type.String({ format: "date", description: "YYYY-MM-DD" });
export const Locale = Type.Union([Type.Literal("en"), Type.Literal("es")]);
export type Locale = Static<typeof Locale>;

/**
 * Characters that change how text looks without being seen: the bidirectional controls
 * (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069) and the zero-width and invisible
 * formatting characters (U+200B–U+200D, U+2060–U+2064, U+206A–U+206F, U+FEFF). With them a
 * name shows to staff reversed, reordered or as a look-alike of another person's.
 */
const HIDDEN = "\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFEFF";
export const HIDDEN_CHARACTERS = new RegExp(`[${HIDDEN}]`, "u");
/** at least one visible character, and no hidden ones (linear: the three classes do not overlap) */
export const VISIBLE_TEXT_PATTERN = `^[^\\S${HIDDEN}]*[^\\s${HIDDEN}][^${HIDDEN}]*$`;
/** no hidden characters; may be empty */
export const PLAIN_TEXT_PATTERN = `^[^${HIDDEN}]*$`;
/** What the API says about a field that fails either pattern. */
export const TEXT_PATTERN_PROBLEM =
  "must be visible text without hidden formatting characters (text-direction overrides or zero-width characters)";

/**
 * The one schema for a name or short free text that people read (person and clinic names,
 * addresses, reasons, notes, answers): a length limit, and no characters that hide or reorder
 * what staff see. Required text must have a visible character; `allowEmpty` for optional
 * fields that may be sent blank.
 */
export function ShortText(
  maxLength: number,
  options: { minLength?: number; allowEmpty?: boolean; description?: string } = {},
) {
  return Type.String({
    minLength: options.allowEmpty ? 0 : (options.minLength ?? 1),
    maxLength,
    pattern: options.allowEmpty ? PLAIN_TEXT_PATTERN : VISIBLE_TEXT_PATTERN,
    ...(options.description ? { description: options.description } : {}),
  });
}

/** A person's name (given, family, preferred, display name). */
export const PersonName = ShortText(100);

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

/** An IANA time zone name, as a browser reports it; the server also checks that it exists (400). */
export const TimeZoneName = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: "^[A-Za-z][A-Za-z0-9_+/-]*$",
  description: "IANA time zone, e.g. America/New_York (Intl.DateTimeFormat().resolvedOptions().timeZone)",
});
