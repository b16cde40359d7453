import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ProxyScope } from "../../db/tables/people.ts";
import { personLanguage } from "../mail/language.ts";
import type { MailLocale } from "../mail/templates.ts";
import { type AgeBounds, DEFAULT_AGE_BOUNDS, effectiveScopes } from "./policy.ts";

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The first name a caregiver's email uses to say whose it is (a `firstName` template
 * parameter): the preferred name's first word, else the given name's; "" when that is not a
 * plain name (the email then says it without a name).
 */
export function emailFirstName(preferredName: string | null, givenName: string): string {
  const name = (preferredName?.trim() || givenName.trim()).split(/\s+/)[0] ?? "";
  return /^[\p{L}\p{M}][\p{L}\p{M}.'\u2019-]{0,39}$/u.test(name) ? name : "";
}

/** One person to email about a patient's business, in their own language. */
export interface NoticeRecipient {
  email: string;
  locale: MailLocale;
  /** the patient's first name when the reader is a caregiver (emails then say whose it is); null for the patient */
  forName: string | null;
}

export interface WhoMayBeTold {
  /** the caregivers' grants must give this scope now (`effectiveScopes`: in force, the teen and 18 rules) */
  scope: ProxyScope;
  now: Date;
  ages?: AgeBounds;
  /**
   * Which caregivers are told besides the patient's own address:
   * - "all": every caregiver whose grant gives the scope;
   * - "when_patient_has_no_address": only for a patient with no address (a young child);
   * - "none": the patient only (e.g. a confidential record).
   */
  caregivers: "all" | "when_patient_has_no_address" | "none";
  /** a caregiver told in any case while their grant gives the scope (the one who asked) */
  alsoCaregiverUserId?: string | null;
}

/**
 * Who may be told about a patient's appointments, medications, messages, …: the patient at
 * their own address (else their login's), and the caregivers the module's rule names among
 * those whose grant gives the scope now, as the access policy decides it. Each in their own
 * language (the account's, else the chart's); one email per address. Emails carry no health
 * information: this decides only who hears that there is something new.
 */
export async function whoMayBeTold(db: Db, patientId: string, rule: WhoMayBeTold): Promise<NoticeRecipient[]> {
  const patient = await db
    .selectFrom("patients as p")
    .leftJoin("users as u", "u.id", "p.user_id")
    .select([
      "p.email",
      "p.preferred_language",
      "p.preferred_name",
      "p.legal_given_name",
      "p.status",
      "p.date_of_birth",
      "u.email as userEmail",
      "u.status as userStatus",
      "u.locale as accountLocale",
    ])
    .where("p.id", "=", patientId)
    .executeTakeFirst();
  if (!patient || patient.status === "merged") return [];
  const recipients: NoticeRecipient[] = [];
  const own = patient.email ?? (patient.userStatus === "active" ? patient.userEmail : null);
  if (own) {
    recipients.push({
      email: own,
      locale: personLanguage({ accountLocale: patient.accountLocale, storedLanguage: patient.preferred_language }),
      forName: null,
    });
  }
  const everyCaregiver = rule.caregivers === "all" || (rule.caregivers === "when_patient_has_no_address" && !own);
  const onlyOne = everyCaregiver ? null : (rule.alsoCaregiverUserId ?? null);
  if (!everyCaregiver && (onlyOne === null || rule.caregivers === "none")) return recipients;

  const grants = await db
    .selectFrom("proxy_grants as g")
    .innerJoin("users as u", "u.id", "g.proxy_user_id")
    .select(["g.id", "g.relationship", "g.scopes", "g.starts_at", "g.ends_at", "g.revoked_at", "u.email", "u.locale"])
    .where("g.patient_id", "=", patientId)
    .where("g.revoked_at", "is", null)
    .where("u.status", "=", "active")
    .$if(onlyOne !== null, (q) => q.where("g.proxy_user_id", "=", onlyOne as string))
    .orderBy("g.created_at")
    .execute();
  const facts = { id: patientId, dateOfBirth: patient.date_of_birth, status: patient.status };
  const forName = emailFirstName(patient.preferred_name, patient.legal_given_name);
  for (const g of grants) {
    const { scopes } = effectiveScopes(
      {
        grantId: g.id,
        patientId,
        relationship: g.relationship,
        scopes: g.scopes,
        startsAt: g.starts_at,
        endsAt: g.ends_at,
        revokedAt: g.revoked_at,
      },
      facts,
      rule.now,
      rule.ages ?? DEFAULT_AGE_BOUNDS,
    );
    if (!scopes.includes(rule.scope)) continue;
    if (recipients.some((r) => r.email.toLowerCase() === g.email.toLowerCase())) continue;
    recipients.push({ email: g.email, locale: personLanguage({ accountLocale: g.locale }), forName });
  }
  return recipients;
}
