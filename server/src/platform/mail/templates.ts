/**
 * Mail templates. Emails never carry health information (SPEC §2: they say only that there is
 * something new): a template declares each parameter it takes and its kind, and `Mailer.send`
 * refuses anything else, so free text cannot reach an email. The only personal detail a
 * template may take is a first name (`firstName`), to tell a caregiver whose appointment it is.
 */
import { dateTimeFormat, isKnownTimeZone } from "../time-zones.ts";

export type MailLocale = "en" | "es";
export const MAIL_LOCALES: readonly MailLocale[] = ["en", "es"];

/**
 * - `url`: a link into the portal: an absolute URL on PUBLIC_URL, or a path ("/appointments");
 *   a queued email keeps the path only and gets the address of the portal when it is sent
 * - `integer`: a whole number ≥ 0 (e.g. how many new messages)
 * - `datetime`: an ISO-8601 instant with an offset, shown with `formatDateTime`
 * - `timeZone`: an IANA time zone name (e.g. "America/New_York")
 * - `firstName`: the first name of the person an email is about, written to someone acting for
 *   them (UX "Say whose it is"); "" when the reader is that person. Letters, spaces, hyphens,
 *   apostrophes and periods, at most 40 characters — never a diagnosis or a reason for a visit
 * - `place`: a clinic location's name or one-line address, from the clinic's own set-up (never
 *   text a patient typed); "" for none. One line, at most 200 characters
 * - `{ oneOf }`: one of a fixed list of values the template turns into words
 */
export type ParamKind =
  | "url"
  | "integer"
  | "datetime"
  | "timeZone"
  | "firstName"
  | "place"
  | { readonly oneOf: readonly string[] };
export type ParamSpec = Readonly<Record<string, ParamKind>>;

type ValueOf<K> = K extends "integer" ? number : K extends { readonly oneOf: readonly (infer U)[] } ? U : string;
export type ParamsOf<S extends ParamSpec> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** What every template can use besides its parameters. */
export interface RenderContext {
  locale: MailLocale;
  clinicName: string;
  clinicPhone: string;
  /** the portal's address, e.g. "https://portal.example.org" */
  publicUrl: string;
}

export interface MailAction {
  label: string;
  url: string;
}

export interface LocaleContent<P> {
  subject: string | ((params: P, ctx: RenderContext) => string);
  /** the body as plain text: paragraphs separated by a blank line (no greeting, no footer) */
  text(params: P, ctx: RenderContext): string;
  /** the one link or button of the email */
  action?(params: P, ctx: RenderContext): MailAction;
}

export interface MailTemplate<S extends ParamSpec = ParamSpec> {
  name: string;
  params: S;
  en: LocaleContent<ParamsOf<S>>;
  es: LocaleContent<ParamsOf<S>>;
}

const registry = new Map<string, MailTemplate>();

export function defineTemplate<const S extends ParamSpec>(
  name: string,
  definition: { params: S; en: LocaleContent<ParamsOf<S>>; es: LocaleContent<ParamsOf<S>> },
): MailTemplate<S> {
  if (!/^[a-z][a-z0-9_.]{1,62}$/.test(name)) throw new Error(`mail template name "${name}" is not valid`);
  if (registry.has(name)) throw new Error(`mail template ${name} is defined twice`);
  const template: MailTemplate<S> = { name, ...definition };
  registry.set(name, template as unknown as MailTemplate);
  return template;
}

export function findTemplate(name: string): MailTemplate | undefined {
  return registry.get(name);
}

export class MailParamsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MailParamsError";
  }
}

const FIRST_NAME = /^(|[\p{L}\p{M}][\p{L}\p{M} .'\u2019-]{0,39})$/u;
// printable, one line: no control, format (bidi, zero-width) or line/paragraph separator characters
const PLACE = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]{0,200}$/u;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks `params` against the template's declaration: every declared parameter present, of its
 * kind, and nothing else. Links must point into the portal itself: a path, or an absolute URL
 * on `publicUrl`. With `stored: true` (the parameters of a queued email, checked when it was
 * queued) an absolute link on another address is accepted too: `resolveLinks` moves it onto
 * the current one.
 */
export function validateParams(
  template: MailTemplate,
  params: unknown,
  publicUrl: string,
  options: { stored?: boolean } = {},
): Record<string, unknown> {
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    throw new MailParamsError(`mail template ${template.name} takes an object of parameters`);
  }
  const given = params as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(template.params, key)) {
      throw new MailParamsError(`mail template ${template.name} does not take a parameter "${key}"`);
    }
  }
  const origin = new URL(publicUrl).origin;
  for (const [key, kind] of Object.entries(template.params)) {
    const value = given[key];
    const problem = `mail template ${template.name}: parameter "${key}"`;
    if (value === undefined) throw new MailParamsError(`${problem} is missing`);
    if (kind === "integer") {
      if (!Number.isSafeInteger(value) || (value as number) < 0)
        throw new MailParamsError(`${problem} must be an integer ≥ 0`);
      continue;
    }
    if (typeof value !== "string" || value.length > 2_000)
      throw new MailParamsError(`${problem} must be a short string`);
    if (kind === "url") {
      if (isPortalPath(value)) continue;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        throw new MailParamsError(`${problem} must be a URL`);
      }
      if (options.stored ? url.protocol !== "http:" && url.protocol !== "https:" : url.origin !== origin) {
        throw new MailParamsError(`${problem} must link into the portal (${origin})`);
      }
    } else if (kind === "datetime") {
      if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
        throw new MailParamsError(`${problem} must be an ISO-8601 date-time with an offset`);
      }
    } else if (kind === "timeZone") {
      if (!isKnownTimeZone(value)) throw new MailParamsError(`${problem} must be an IANA time zone`);
    } else if (kind === "firstName") {
      if (!FIRST_NAME.test(value)) throw new MailParamsError(`${problem} must be a first name (letters, at most 40)`);
    } else if (kind === "place") {
      if (!PLACE.test(value)) throw new MailParamsError(`${problem} must be one line of at most 200 characters`);
    } else if (!kind.oneOf.includes(value)) {
      throw new MailParamsError(`${problem} must be one of ${kind.oneOf.join(", ")}`);
    }
  }
  return given;
}

/** "/appointments?x=1": a path into the portal (not "//host", which is another site). */
function isPortalPath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !value.includes("\\");
}

/** The part of a portal link after `publicUrl` (or after the origin, for a link on another address). */
function pathOf(value: string, publicUrl: string): string {
  if (isPortalPath(value)) return value;
  const base = publicUrl.replace(/\/+$/, "");
  if (value === base || value.startsWith(`${base}/`) || value.startsWith(`${base}?`) || value.startsWith(`${base}#`)) {
    return value.slice(base.length) || "/";
  }
  const url = new URL(value);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * What a queued email keeps of its links: paths, so that an email queued before PUBLIC_URL or
 * PORT changed still links into the portal where it is now. `params` must be valid.
 */
export function storedLinks(template: MailTemplate, params: Record<string, unknown>, publicUrl: string) {
  const stored = { ...params };
  for (const [key, kind] of Object.entries(template.params)) {
    if (kind === "url") stored[key] = pathOf(params[key] as string, publicUrl);
  }
  return stored;
}

/** The links of `params` as absolute URLs on the portal's current address. `params` must be valid. */
export function resolveLinks(template: MailTemplate, params: Record<string, unknown>, publicUrl: string) {
  const resolved = { ...params };
  const base = publicUrl.replace(/\/+$/, "");
  for (const [key, kind] of Object.entries(template.params)) {
    if (kind === "url") resolved[key] = `${base}${pathOf(params[key] as string, publicUrl)}`;
  }
  return resolved;
}

/** "Tuesday, March 3, 2026 at 9:30 AM EST" / "martes, 3 de marzo de 2026, 9:30 a. m. EST" */
export function formatDateTime(iso: string, locale: MailLocale, timeZone: string): string {
  return dateTimeFormat(locale === "es" ? "es-US" : "en-US", timeZone, "full-short", {
    dateStyle: "full",
    timeStyle: "short",
  })
    .format(new Date(iso))
    .concat(
      " ",
      dateTimeFormat("en-US", timeZone, "zone-short", { timeZoneName: "short" })
        .formatToParts(new Date(iso))
        .find((p) => p.type === "timeZoneName")?.value ?? "",
    )
    .trim();
}
