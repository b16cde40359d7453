import type { PatientSearchHit, PatientSearchResponse } from "@portico/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { normalizeText, parseBirthDate } from "./matching.ts";

export type SearchInterpretation = PatientSearchResponse["interpretedAs"][number];

export interface ParsedQuery {
  name?: string;
  dateOfBirth?: string;
  mrn?: string;
  phoneDigits?: string;
}

/**
 * Reads what staff typed: an MRN ("P100042"), a phone number (7+ digits), a date of birth
 * (1984-03-02, 03/02/1984) and/or a name — "rivera 03/02/1984" is a name and a birth date.
 */
export function parseSearchQuery(q: string): ParsedQuery {
  const text = q.trim();
  const parsed: ParsedQuery = {};
  if (/^p\d{4,12}$/i.test(text)) return { mrn: text.toUpperCase() };
  const digits = text.replace(/\D/g, "");
  if (/^[+\d\s().-]+$/.test(text) && !parseBirthDate(text)) {
    if (digits.length >= 7) return { phoneDigits: digits.slice(-10) };
    if (/^\d{4,12}$/.test(text)) return { mrn: `P${text}` };
  }
  const nameParts: string[] = [];
  for (const token of text.split(/\s+/)) {
    const date = parseBirthDate(token);
    if (date && !parsed.dateOfBirth) parsed.dateOfBirth = date;
    else nameParts.push(token);
  }
  const name = normalizeText(nameParts.join(" "));
  if (name.length > 0) parsed.name = name;
  return parsed;
}

/** Word similarity a name must reach (0–1): low enough for a typo, high enough to stay relevant. */
const NAME_THRESHOLD = 0.45;

interface SearchOptions {
  limit: number;
  includePending: boolean;
  /** front desk sees contact details; clinicians the minimal fields */
  withContact: boolean;
}

/** Indexed search: GIN trigram on `search_name`, btree on birth date, MRN and phone digits. */
export async function searchPatients(
  trx: Kysely<DB> | Transaction<DB>,
  parsed: ParsedQuery,
  options: SearchOptions,
): Promise<PatientSearchHit[]> {
  if (!parsed.name && !parsed.dateOfBirth && !parsed.mrn && !parsed.phoneDigits) return [];
  if (parsed.name) {
    // the `<%` operator uses this threshold (and the trigram index); local to the transaction
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(NAME_THRESHOLD)}, true)`.execute(trx);
  }
  let query = trx
    .selectFrom("patients as p")
    .select([
      "p.id",
      "p.mrn",
      "p.legal_given_name",
      "p.legal_family_name",
      "p.preferred_name",
      "p.date_of_birth",
      "p.sex",
      "p.status",
      "p.phone",
      "p.email",
    ])
    .where("p.status", options.includePending ? "!=" : "=", options.includePending ? "merged" : "active");
  if (parsed.mrn) query = query.where("p.mrn", "=", parsed.mrn);
  if (parsed.phoneDigits) {
    query =
      parsed.phoneDigits.length === 10
        ? query.where("p.phone_digits", "=", parsed.phoneDigits)
        : query.where("p.phone_digits", "like", `%${parsed.phoneDigits}`);
  }
  if (parsed.dateOfBirth) query = query.where("p.date_of_birth", "=", parsed.dateOfBirth);
  if (parsed.name) {
    const name = parsed.name;
    query = query
      .where(sql<boolean>`${name} <% p.search_name`)
      .orderBy(sql`word_similarity(${name}, p.search_name)`, "desc");
  }
  const rows = await query.orderBy("p.legal_family_name").orderBy("p.legal_given_name").limit(options.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    mrn: r.mrn,
    name: `${r.legal_given_name} ${r.legal_family_name}`,
    preferredName: r.preferred_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    status: r.status,
    ...(options.withContact ? { phone: r.phone, email: r.email } : {}),
  }));
}

export function interpretation(parsed: ParsedQuery): SearchInterpretation[] {
  const out: SearchInterpretation[] = [];
  if (parsed.name) out.push("name");
  if (parsed.dateOfBirth) out.push("date_of_birth");
  if (parsed.mrn) out.push("mrn");
  if (parsed.phoneDigits) out.push("phone");
  return out;
}
