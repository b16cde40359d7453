import type { PatientSearchHit, PatientSearchResponse } from "@portico/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { damerauLevenshtein, normalizeText, parseBirthDate } from "./matching.ts";

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

/** Trigram similarity a dictionary word must reach to be considered as a correction. */
const CORRECTION_CANDIDATE_SIMILARITY = 0.3;
/** Edits allowed between a typed word and its correction: one, or two in longer words. */
const allowedEdits = (word: string) => (word.length >= 6 ? 2 : 1);

interface SearchOptions {
  limit: number;
  includePending: boolean;
  /** front desk sees contact details; clinicians the minimal fields */
  withContact: boolean;
}

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Indexed search (migration 0009): each typed word is a prefix of a word of the normalised
 * name (full-text GIN on `search_words`), results in name order; birth date, MRN and phone
 * digits through btree indexes. When no chart matches every word as typed, words that start
 * no name at all are corrected against the dictionary of name words (one or two edits) and
 * the search runs once more — so "garsia" finds García without comparing 100k names.
 */
export async function searchPatients(
  trx: Db,
  parsed: ParsedQuery,
  options: SearchOptions,
): Promise<Omit<PatientSearchHit, "age">[]> {
  if (!parsed.name && !parsed.dateOfBirth && !parsed.mrn && !parsed.phoneDigits) return [];
  const words = parsed.name ? nameWords(parsed.name) : [];
  if (parsed.name && words.length === 0) return [];
  let hits = await runSearch(trx, parsed, words.length ? words.map((w) => `${w}:*`).join(" & ") : undefined, options);
  if (hits.length === 0 && words.length > 0) {
    const corrected = await correctedQuery(trx, words);
    if (corrected) hits = await runSearch(trx, parsed, corrected, options);
  }
  return hits;
}

/** The words of a normalised name (only [a-z0-9], so safe inside a tsquery), at most eight. */
function nameWords(name: string): string[] {
  return [...new Set(name.split(" ").filter((w) => /^[a-z0-9]+$/.test(w)))].slice(0, 8);
}

/**
 * `word:*` for words that start some name word, `(word:* | fix1 | fix2)` for those that do
 * not; undefined when a word has no close correction either (nothing can match).
 */
async function correctedQuery(trx: Db, words: string[]): Promise<string | undefined> {
  await sql`select set_config('pg_trgm.similarity_threshold', ${String(CORRECTION_CANDIDATE_SIMILARITY)}, true)`.execute(
    trx,
  );
  const parts: string[] = [];
  let changed = false;
  for (const word of words) {
    const known = await sql`select 1 from patient_name_words where word like ${`${word}%`} limit 1`.execute(trx);
    if (known.rows.length > 0 || word.length < 3) {
      parts.push(`${word}:*`);
      continue;
    }
    // candidates: trigram neighbours, plus words with the same first letter and a length within
    // reach (short words and swapped letters share few trigrams: "kign" → "king")
    const edits = allowedEdits(word);
    const { rows } = await sql<{ word: string }>`
      select word from patient_name_words
      where word % ${word}
        or (word like ${`${word.slice(0, 1)}%`} and length(word) between ${word.length - edits} and ${word.length + edits})
      limit 5000`.execute(trx);
    const fixes = rows
      .map((r) => ({ word: r.word, distance: damerauLevenshtein(r.word, word) }))
      .filter((c) => c.distance <= edits)
      .sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word))
      .slice(0, 12)
      .map((c) => c.word);
    if (fixes.length === 0) return undefined;
    changed = true;
    parts.push(`(${[`${word}:*`, ...fixes].join(" | ")})`);
  }
  return changed ? parts.join(" & ") : undefined;
}

async function runSearch(
  trx: Db,
  parsed: ParsedQuery,
  nameQuery: string | undefined,
  options: SearchOptions,
): Promise<Omit<PatientSearchHit, "age">[]> {
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
    .where("p.status", "in", options.includePending ? ["active", "pending_verification"] : ["active"]);
  if (parsed.mrn) query = query.where("p.mrn", "=", parsed.mrn);
  if (parsed.phoneDigits) {
    const digits = parsed.phoneDigits;
    query =
      digits.length === 10
        ? query.where("p.phone_digits", "=", digits)
        : query
            // the last seven digits are indexed (a number typed without its area code)
            .where(sql<string>`right(p.phone_digits, 7)`, "=", digits.slice(-7))
            .where("p.phone_digits", "like", `%${digits}`);
  }
  if (parsed.dateOfBirth) query = query.where("p.date_of_birth", "=", parsed.dateOfBirth);
  if (nameQuery) query = query.where(sql<boolean>`p.search_words @@ to_tsquery('simple', ${nameQuery})`);
  const rows = await query
    .orderBy("p.legal_family_name")
    .orderBy("p.legal_given_name")
    .orderBy("p.id")
    .limit(options.limit)
    .execute();
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
