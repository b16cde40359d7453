import { ReferralEventKind, ReferralStatus, ReferralUrgency } from "@portico/contracts";
import { describe, expect, it } from "vitest";
import en from "../../i18n/referrals.en.json";
import es from "../../i18n/referrals.es.json";
import { dateInDays, STATUS_TONE, specialtyLabel } from "./data";

/** The literals of a TypeBox union of literals (the contract is the list, not a copy here). */
function literals(union: { anyOf: Array<{ const: unknown }> }): string[] {
  return union.anyOf.map((member) => String(member.const));
}

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("referral words", () => {
  it("English and Spanish have the same keys", () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it("every status, step and urgency the server sends has words in both languages, and every status a tone", () => {
    for (const messages of [en, es]) {
      const all = new Set(keys(messages));
      for (const status of literals(ReferralStatus)) {
        expect(all.has(`status.${status}`), `status.${status}`).toBe(true);
        expect(all.has(`queue.statuses.${status}`), `queue.statuses.${status}`).toBe(true);
      }
      for (const event of literals(ReferralEventKind))
        expect(all.has(`history.${event}`), `history.${event}`).toBe(true);
      for (const urgency of literals(ReferralUrgency)) {
        expect(all.has(`urgency.${urgency}`), `urgency.${urgency}`).toBe(true);
        expect(all.has(`urgencyChoice.${urgency}`), `urgencyChoice.${urgency}`).toBe(true);
      }
    }
    expect(Object.keys(STATUS_TONE).sort()).toEqual(literals(ReferralStatus).sort());
  });
});

describe("referral helpers", () => {
  it("names a specialty in words, spelling out one without a translation", () => {
    const t = (key: string, options?: Record<string, unknown>) =>
      key === "specialty.cardiology" ? "Cardiología" : String(options?.defaultValue);
    expect(specialtyLabel("cardiology", t)).toBe("Cardiología");
    expect(specialtyLabel("sports_medicine", t)).toBe("Sports medicine");
  });

  it("suggests an expiry on the calendar, across a month and a year", () => {
    expect(dateInDays(90, new Date(2026, 10, 29, 23, 30))).toBe("2027-02-27");
    expect(dateInDays(3, new Date(2026, 1, 27, 8))).toBe("2026-03-02");
  });
});
