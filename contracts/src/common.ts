import { type Static, type TLiteral, type TNull, type TSchema, type TSchemaOptions, type TUnion, Type } from "typebox";
import { ErrorBody } from "./errors.ts";

/**
 * One of the given strings: a union of literal schemas (`anyOf` of `const`s in the JSON schema),
 * typed as the union of the strings.
 */
export function Literals<const Values extends readonly [string, ...string[]]>(
  values: Values,
  options?: TSchemaOptions,
): TUnion<{ -readonly [K in keyof Values]: TLiteral<Values[K]> }> {
  return Type.Union(
    values.map((value) => Type.Literal(value)),
    options,
  ) as never;
}

/** The values of a `Literals` schema, in its order: for lists of every value (a page's choices, a test over each). */
export function valuesOf<T extends TUnion<TLiteral<string>[]>>(schema: T): Static<T>[] {
  return schema.anyOf.map((literal) => literal.const) as Static<T>[];
}

/** The schema, or null. */
export function Nullable<Schema extends TSchema>(schema: Schema): TUnion<[Schema, TNull]> {
  return Type.Union([schema, Type.Null()]);
}

export const Uuid = Type.String({ format: "uuid" });
export const IsoDateTime = Type.String({ format: "date-time" });
export const IsoDate = Type.String({ format: "date", description: "YYYY-MM-DD" });
export const Locale = Literals(["en", "es"]);
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

/** Someone named for the reader by id and display name (a patient, a provider, a member of staff). */
export const NamedPerson = Type.Object({ id: Uuid, displayName: Type.String() });
/** The patient a staff queue item is about: named, with the date of birth that tells namesakes apart. */
export const QueuePatient = Type.Object({ id: Uuid, displayName: Type.String(), dateOfBirth: IsoDate });
/** Something shown by its name: its id and the name (a location, a provider, a pharmacy, a medication, a pool). */
export const NamedRef = Type.Object({ id: Uuid, name: Type.String() });

/** A clinician's refusal of a patient's request (a refill, a referral): the reason is shown to the patient. */
export const DenyRequest = Type.Object({ reason: ShortText(500, { minLength: 3 }) }, { additionalProperties: false });

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
