import { RefillItemStatus, type RefillProtocol, RefillReasonCode, RefillRule, valuesOf } from "@portico/contracts";
import { describe, expect, it } from "vitest";
import en from "../../i18n/refills.en.json";
import es from "../../i18n/refills.es.json";
import { decisionKey } from "./data";
import { bodyOf, check, draftOf, fractionText, parseFraction } from "./protocol-draft";

const STATUSES = valuesOf(RefillItemStatus);
const RULES = valuesOf(RefillRule);
const REASONS = valuesOf(RefillReasonCode);

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("refill words", () => {
  it("English and Spanish have the same keys", () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it("every decision a patient can get reads in plain words in both languages", () => {
    const seen = new Set<string>();
    for (const status of STATUSES) {
      for (const rule of RULES) {
        for (const reviewed of [false, true]) {
          const key = decisionKey(status, rule, reviewed);
          seen.add(key);
          for (const messages of [en, es]) {
            expect(messages.decision[key as keyof typeof en.decision], `decision.${key}`).toBeTruthy();
            expect(messages.status[key as keyof typeof en.status], `status.${key}`).toBeTruthy();
          }
        }
      }
    }
    expect(decisionKey("approved", "refill_from_remaining", false)).toBe("refillApproved");
    expect(decisionKey("approved", "renewal_under_protocol", false)).toBe("renewalApproved");
    // a clinician's approval is never "under the clinic's rules"
    expect(decisionKey("approved", "renewal_needs_prescriber", true)).toBe("approvedByCareTeam");
    expect(decisionKey("queued", "too_early", false)).toBe("tooEarly");
    expect(decisionKey("queued", "controlled_substance", false)).toBe("sentToDoctor");
    expect(decisionKey("denied", "too_early", true)).toBe("denied");
    expect(seen.size).toBe(6);
  });

  it("every reason the protocol gives has words for the clinician", () => {
    for (const code of REASONS) {
      expect(en.reasons[code], code).toBeTruthy();
      expect(es.reasons[code], code).toBeTruthy();
    }
  });
});

describe("the protocol form", () => {
  const protocol: RefillProtocol = {
    version: 2,
    createdAt: "2026-10-30T14:00:00.000Z",
    createdBy: "Priya Shah",
    classes: [{ code: "thyroid", label: "Thyroid" }],
    visitWindowDays: 365,
    labRequirements: [{ classCode: "thyroid", labCode: "tsh", labName: "TSH", maxAgeDays: 365 }],
    earlyRefillFraction: 2 / 3,
  };
  const t = (key: string) => key;

  it("keeps two thirds exact through the form (66.67 % would move the first day a refill is not early)", () => {
    const draft = draftOf(protocol);
    expect(draft.earlyRefillFraction).toBe("2/3");
    expect(bodyOf(draft).earlyRefillFraction).toBe(2 / 3);
    expect(check(draft, t)).toEqual({});
  });

  it("reads percentages and fractions, and refuses anything else", () => {
    expect(fractionText(0.75)).toBe("75");
    expect(fractionText(0.665)).toBe("66.5");
    expect(parseFraction("75")).toBe(0.75);
    expect(parseFraction("75 %")).toBe(0.75);
    expect(parseFraction("66,5")).toBeCloseTo(0.665, 12);
    expect(parseFraction("3/4")).toBe(0.75);
    expect(parseFraction("1/0")).toBeNull();
    expect(parseFraction("two thirds")).toBeNull();
    expect(check({ ...draftOf(protocol), earlyRefillFraction: "3/2" }, t)).toHaveProperty("earlyRefillFraction");
    expect(check({ ...draftOf(protocol), earlyRefillFraction: "" }, t)).toHaveProperty("earlyRefillFraction");
  });

  it("names each problem by the server's field path", () => {
    const draft = draftOf(protocol);
    const errors = check(
      {
        ...draft,
        classes: [...draft.classes, { code: "thyroid", label: "" }],
        visitWindowDays: "0",
        labRequirements: [{ classCode: "statin", labCode: "LDL", labName: "", maxAgeDays: "x" }],
      },
      t,
    );
    expect(Object.keys(errors).sort()).toEqual([
      "classes.1.code",
      "classes.1.label",
      "labRequirements.0.classCode",
      "labRequirements.0.labCode",
      "labRequirements.0.labName",
      "labRequirements.0.maxAgeDays",
      "visitWindowDays",
    ]);
  });
});
