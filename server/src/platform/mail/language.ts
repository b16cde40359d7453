import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { currentDb } from "../transaction.ts";
import type { MailLocale } from "./templates.ts";

/**
 * Which language a person reads Portico in — pages and every email to them. There is ONE
 * preference per person, held on their account (`users.locale`); the person RECEIVING an
 * email decides its language, never the sender, the patient it is about or the staff member
 * who caused it. Someone without an account yet (an invited caregiver, a patient whose chart
 * has no login) is written to in the language stored with them: the chart's preferred
 * language, or the one stored with the invitation (its sender's). Every email Portico sends
 * picks its language through `recipientLanguage` (or `personLanguage`, when the facts are
 * already at hand).
 */

/** "es", "es-MX", "ES" → "es"; anything else (or nothing) → `fallback`. */
export function languageFromTag(tag: string | null | undefined, fallback: MailLocale = "en"): MailLocale {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === "es" ? "es" : primary === "en" ? "en" : fallback;
}

/**
 * The first language of an `Accept-Language` header Portico speaks, by quality
 * ("es-MX,es;q=0.9,en;q=0.8" → "es"); undefined when it names neither.
 */
export function browserLanguage(acceptLanguage: string | null | undefined): MailLocale | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) {
    const primary = r.tag.toLowerCase().split("-")[0];
    if (primary === "es" || primary === "en") return primary;
  }
  return undefined;
}

/**
 * The language for a new account: what the person's page was showing (sent by the web), else
 * their browser's `Accept-Language`, else `fallback` (e.g. the invitation's or the chart's).
 */
export function newAccountLanguage(
  chosen: MailLocale | undefined,
  acceptLanguage: string | null | undefined,
  fallback: MailLocale = "en",
): MailLocale {
  return chosen ?? browserLanguage(acceptLanguage) ?? fallback;
}

/** The rule on facts already loaded: the account's language wins; else what is stored with the person or request. */
export function personLanguage(facts: { accountLocale?: string | null; storedLanguage?: string | null }): MailLocale {
  if (facts.accountLocale === "en" || facts.accountLocale === "es") return facts.accountLocale;
  return languageFromTag(facts.storedLanguage);
}

/** Who an email is going to. */
export type Recipient =
  /** someone with an account */
  | { userId: string }
  /** a patient: their account's language when they have one, else the chart's preferred language */
  | { patientId: string }
  /** an address: the language of the account that uses it, else the one stored with the request */
  | { email: string; stored: MailLocale };

/** The one function that picks an email's language: the recipient's. */
export async function recipientLanguage(database: Kysely<DB> | Transaction<DB>, to: Recipient): Promise<MailLocale> {
  // inside a transaction, its connection: the account may have been created a moment ago
  const db = database.isTransaction ? database : currentDb(database);
  if ("userId" in to) {
    const row = await db.selectFrom("users").select("locale").where("id", "=", to.userId).executeTakeFirst();
    return personLanguage({ accountLocale: row?.locale });
  }
  if ("patientId" in to) {
    const row = await db
      .selectFrom("patients as p")
      .leftJoin("users as u", "u.id", "p.user_id")
      .select(["u.locale", "p.preferred_language"])
      .where("p.id", "=", to.patientId)
      .executeTakeFirst();
    return personLanguage({ accountLocale: row?.locale, storedLanguage: row?.preferred_language });
  }
  const row = await db
    .selectFrom("users")
    .select("locale")
    .where("email_normalized", "=", to.email.trim().toLowerCase())
    .executeTakeFirst();
  return personLanguage({ accountLocale: row?.locale, storedLanguage: to.stored });
}
