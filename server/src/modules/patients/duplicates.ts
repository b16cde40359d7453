import type { DuplicateCandidate } from "@portico/contracts";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { PatientsTable } from "../../db/tables/people.ts";
import {
  duplicateReasons,
  maskEmail,
  maskPhone,
  nearbyBirthDates,
  normalizeEmail,
  type PersonFacts,
  phoneDigits,
} from "./matching.ts";
import { type CandidateRow, duplicateCandidates } from "./repo.ts";

/** A chart's person facts, as matching compares them. */
export function personOfRow(
  row: Pick<
    Selectable<PatientsTable>,
    "legal_given_name" | "legal_family_name" | "preferred_name" | "date_of_birth" | "sex" | "phone" | "email"
  >,
): PersonFacts {
  return {
    givenName: row.legal_given_name,
    familyName: row.legal_family_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    phone: row.phone,
    email: row.email,
  };
}

const ORDER: Record<string, number> = { name: 0, similar_name: 1, nickname: 2 };

export function presentCandidate(row: CandidateRow, matchedOn: DuplicateCandidate["matchedOn"]): DuplicateCandidate {
  return {
    id: row.id,
    mrn: row.mrn,
    name: `${row.legal_given_name} ${row.legal_family_name}`,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    phoneMasked: maskPhone(row.phone),
    emailMasked: maskEmail(row.email),
    status: row.status === "pending_verification" ? "pending_verification" : "active",
    matchedOn,
  };
}

/**
 * Existing charts that are probably the same person (never merged ones): candidates are read
 * by birth date (and nearby dates), phone and email through indexes, then judged by
 * `duplicateReasons` — normalised, typo- and nickname-tolerant names.
 */
export async function findProbableDuplicates(
  db: Kysely<DB> | Transaction<DB>,
  person: PersonFacts,
  excludeId?: string,
): Promise<DuplicateCandidate[]> {
  const rows = await duplicateCandidates(db, {
    birthDates: [person.dateOfBirth, ...nearbyBirthDates(person.dateOfBirth)],
    phoneDigits: phoneDigits(person.phone),
    email: normalizeEmail(person.email),
    excludeId,
  });
  const found: DuplicateCandidate[] = [];
  for (const row of rows) {
    const reasons = duplicateReasons(person, personOfRow(row));
    if (reasons) found.push(presentCandidate(row, reasons));
  }
  return found
    .sort(
      (a, b) =>
        (ORDER[a.matchedOn[0] as string] ?? 9) - (ORDER[b.matchedOn[0] as string] ?? 9) ||
        b.matchedOn.length - a.matchedOn.length,
    )
    .slice(0, 10);
}
