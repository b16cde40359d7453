import type { Resource } from "@medplum/fhirtypes";
import { FhirError } from "./outcome.ts";

/** A coding as a token search compares it: `[system]|[code]`, `|[code]` (no system) or `[code]`. */
export interface TokenValue {
  system?: string;
  code?: string;
}

/** A search parameter a resource type answers, beyond `patient`, `_id`, `_count` and `_offset`. */
export interface FhirSearchParam<R extends Resource = Resource> {
  name: string;
  type: "token" | "date" | "string" | "reference";
  documentation: string;
  /**
   * the values the parameter compares: codings for a token, instants or dates for a date,
   * texts for a string, `Type/id` references for a reference
   */
  values(resource: R): (TokenValue | string | undefined)[];
}

/** `CodeableConcept.coding` as token values */
export const codings = (concepts: { coding?: { system?: string; code?: string }[] }[] | undefined): TokenValue[] =>
  (concepts ?? []).flatMap((c) => c.coding ?? []).map((c) => ({ system: c.system, code: c.code }));

/**
 * Whether a resource matches one occurrence of a parameter (`date=ge2024-01-01`,
 * `status=booked,arrived`): comma-separated values are alternatives. Repeated parameters are
 * all required (the caller checks each). Malformed values are a 400.
 */
export function matches(param: FhirSearchParam, resource: Resource, raw: string): boolean {
  // biome-ignore lint/suspicious/noExplicitAny: each resource type's file declares its own parameters
  const values = (param as FhirSearchParam<any>).values(resource);
  const alternatives = raw.split(",");
  if (alternatives.some((a) => a === "")) throw new FhirError(400, "invalid", `${param.name} has an empty value.`);
  return alternatives.some((alternative) =>
    param.type === "token"
      ? tokenMatches(values as TokenValue[], alternative)
      : param.type === "string"
        ? stringMatches(values as string[], alternative)
        : param.type === "reference"
          ? referenceMatches(values as string[], alternative)
          : dateMatches(param.name, values as string[], alternative),
  );
}

/** accents and case set aside, as FHIR string search compares */
const folded = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** FHIR string search: a value (or any word of it) starts with the wanted text, case and accents aside */
function stringMatches(values: (string | undefined)[], wanted: string): boolean {
  const w = folded(wanted.trim());
  return values.some((v) => {
    if (!v) return false;
    const f = folded(v);
    return f.startsWith(w) || f.split(/[\s,]+/).some((word) => word.startsWith(w));
  });
}

/** `Type/id` or a bare `id` (any type the parameter allows) */
function referenceMatches(values: (string | undefined)[], wanted: string): boolean {
  const bare = !wanted.includes("/");
  return values.some((v) => v !== undefined && (bare ? v.slice(v.indexOf("/") + 1) === wanted : v === wanted));
}

function tokenMatches(values: (TokenValue | string | undefined)[], wanted: string): boolean {
  const bar = wanted.indexOf("|");
  const system = bar >= 0 ? wanted.slice(0, bar) : undefined;
  const code = bar >= 0 ? wanted.slice(bar + 1) : wanted;
  return values.some((v) => {
    if (v === undefined) return false;
    const value = typeof v === "string" ? { code: v } : v;
    if (code !== "" && value.code !== code) return false;
    if (system === undefined) return true;
    return system === "" ? value.system === undefined : value.system === system;
  });
}

export const PREFIXES = ["eq", "ne", "gt", "lt", "ge", "le"] as const;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The range a FHIR date search value stands for: [start, end) in milliseconds */
export function rangeOf(name: string, value: string): { start: number; end: number } {
  const m = DATE.exec(value);
  const invalid = () =>
    new FhirError(400, "invalid", `${name} must be a date like 2024, 2024-05, 2024-05-17 or 2024-05-17T09:30:00Z.`);
  if (!m) throw invalid();
  const [, y, mo, d, h, , sec, zone] = m;
  // a time needs its zone (Portico's instants are absolute)
  if (h !== undefined && !zone) throw invalid();
  const start = Date.parse(h !== undefined ? value : `${y}-${mo ?? "01"}-${d ?? "01"}T00:00:00Z`);
  if (Number.isNaN(start)) throw invalid();
  const from = new Date(start);
  const end =
    h !== undefined
      ? start + (sec !== undefined ? 1000 : 60_000)
      : d !== undefined
        ? Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 1)
        : mo !== undefined
          ? Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)
          : Date.UTC(from.getUTCFullYear() + 1, 0, 1);
  return { start, end };
}

function dateMatches(name: string, values: (string | undefined)[], wanted: string): boolean {
  const given = PREFIXES.find((p) => wanted.startsWith(p));
  const prefix = given ?? "eq";
  const { start, end } = rangeOf(name, given ? wanted.slice(2) : wanted);
  return values.some((v) => {
    if (!v) return false;
    const t = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
    const within = t >= start && t < end;
    const test: Record<(typeof PREFIXES)[number], boolean> = {
      eq: within,
      ne: !within,
      gt: t >= end,
      lt: t < start,
      ge: t >= start,
      le: t < end,
    };
    return test[prefix];
  });
}
