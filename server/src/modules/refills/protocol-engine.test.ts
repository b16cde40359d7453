import { describe, expect, it } from "vitest";
import {
  daysBeforeRefill,
  decideRefill,
  labChecks,
  type MedicationFacts,
  type PatientFactsForRefill,
  type ProtocolRules,
} from "./protocol-engine.ts";

const TODAY = "2026-06-30";
const protocol: ProtocolRules = {
  version: 7,
  classes: [
    { code: "antihypertensive", label: "Blood pressure" },
    { code: "thyroid", label: "Thyroid" },
  ],
  visitWindowDays: 365,
  labRequirements: [{ classCode: "thyroid", labCode: "tsh", labName: "TSH", maxAgeDays: 365 }],
  earlyRefillFraction: 2 / 3,
};
// 30 days' supply: 2/3 is exactly 20 days; filled 20 days before TODAY = exactly 2/3 elapsed
const base: MedicationFacts = {
  refillsRemaining: 0,
  daysSupply: 30,
  lastFilledOn: "2026-06-10",
  controlledSchedule: "none",
  protocolClass: "antihypertensive",
  prescriberId: "p1",
};
const seen: PatientFactsForRefill = { lastVisitWithPrescriberOn: "2026-01-15", latestLabOn: { tsh: "2026-03-01" } };

type Row = [
  string,
  Partial<MedicationFacts>,
  Partial<PatientFactsForRefill>,
  { outcome: "approved" | "queued"; rule: string; reasons?: string[]; possibleFrom?: string | null },
];

const rows: Row[] = [
  // rule 1: refills remaining
  [
    "refills left, exactly 2/3 elapsed",
    { refillsRemaining: 2 },
    {},
    { outcome: "approved", rule: "refill_from_remaining", reasons: [], possibleFrom: null },
  ],
  [
    "refills left, one day short of 2/3",
    { refillsRemaining: 2, lastFilledOn: "2026-06-11" },
    {},
    { outcome: "queued", rule: "too_early", reasons: ["too_early"], possibleFrom: "2026-07-01" },
  ],
  [
    "refills left, never filled",
    { refillsRemaining: 1, lastFilledOn: null },
    {},
    { outcome: "approved", rule: "refill_from_remaining", possibleFrom: null },
  ],
  [
    "refills left, no visit needed",
    { refillsRemaining: 1 },
    { lastVisitWithPrescriberOn: null },
    { outcome: "approved", rule: "refill_from_remaining" },
  ],
  [
    "refills left, class not covered does not matter",
    { refillsRemaining: 1, protocolClass: "opioid" },
    {},
    { outcome: "approved", rule: "refill_from_remaining" },
  ],
  // 90 days' supply: 2/3 = 60 days
  [
    "90-day supply, exactly 60 days",
    { refillsRemaining: 1, daysSupply: 90, lastFilledOn: "2026-05-01" },
    {},
    { outcome: "approved", rule: "refill_from_remaining" },
  ],
  [
    "90-day supply, 59 days",
    { refillsRemaining: 1, daysSupply: 90, lastFilledOn: "2026-05-02" },
    {},
    { outcome: "queued", rule: "too_early", possibleFrom: "2026-07-01" },
  ],
  // 10 days: 2/3 = 6.67 → 7 days
  [
    "10-day supply, 7 days (2/3 rounded up)",
    { refillsRemaining: 1, daysSupply: 10, lastFilledOn: "2026-06-23" },
    {},
    { outcome: "approved", rule: "refill_from_remaining" },
  ],
  [
    "10-day supply, 6 days",
    { refillsRemaining: 1, daysSupply: 10, lastFilledOn: "2026-06-24" },
    {},
    { outcome: "queued", rule: "too_early", possibleFrom: "2026-07-01" },
  ],
  // rule 2: renewal under protocol
  ["renewal, everything met", {}, {}, { outcome: "approved", rule: "renewal_under_protocol", reasons: [] }],
  [
    "renewal, visit exactly at the window edge (365 days)",
    {},
    { lastVisitWithPrescriberOn: "2025-06-30" },
    { outcome: "approved", rule: "renewal_under_protocol" },
  ],
  [
    "renewal, visit one day past the window",
    {},
    { lastVisitWithPrescriberOn: "2025-06-29" },
    { outcome: "queued", rule: "renewal_needs_prescriber", reasons: ["no_recent_visit"] },
  ],
  [
    "renewal, no visit ever",
    {},
    { lastVisitWithPrescriberOn: null },
    { outcome: "queued", rule: "renewal_needs_prescriber", reasons: ["no_recent_visit"] },
  ],
  [
    "renewal, class not covered",
    { protocolClass: "antidepressant" },
    {},
    { outcome: "queued", rule: "renewal_needs_prescriber", reasons: ["class_not_covered"] },
  ],
  [
    "renewal, no protocol class",
    { protocolClass: null },
    {},
    { outcome: "queued", rule: "renewal_needs_prescriber", reasons: ["no_protocol_class"] },
  ],
  [
    "renewal, no prescriber",
    { prescriberId: null },
    {},
    { outcome: "queued", rule: "renewal_needs_prescriber", reasons: ["no_prescriber"] },
  ],
  [
    "renewal, required lab recent",
    { protocolClass: "thyroid" },
    {},
    { outcome: "approved", rule: "renewal_under_protocol" },
  ],
  [
    "renewal, required lab exactly at its limit",
    { protocolClass: "thyroid" },
    { latestLabOn: { tsh: "2025-06-30" } },
    { outcome: "approved", rule: "renewal_under_protocol" },
  ],
  [
    "renewal, required lab one day too old",
    { protocolClass: "thyroid" },
    { latestLabOn: { tsh: "2025-06-29" } },
    { outcome: "queued", rule: "renewal_needs_prescriber", reasons: ["lab_too_old"] },
  ],
  [
    "renewal, required lab missing",
    { protocolClass: "thyroid" },
    { latestLabOn: {} },
    { outcome: "queued", rule: "renewal_needs_prescriber", reasons: ["lab_missing"] },
  ],
  [
    "renewal, early but otherwise covered",
    { lastFilledOn: "2026-06-11" },
    {},
    { outcome: "queued", rule: "too_early", reasons: ["too_early"], possibleFrom: "2026-07-01" },
  ],
  [
    "renewal, early and no visit",
    { lastFilledOn: "2026-06-20" },
    { lastVisitWithPrescriberOn: null },
    {
      outcome: "queued",
      rule: "renewal_needs_prescriber",
      reasons: ["no_recent_visit", "too_early"],
      possibleFrom: "2026-07-10",
    },
  ],
  [
    "renewal, several conditions unmet",
    { protocolClass: "statin" },
    { lastVisitWithPrescriberOn: null },
    { outcome: "queued", rule: "renewal_needs_prescriber", reasons: ["class_not_covered", "no_recent_visit"] },
  ],
  // rule 3: controlled substances, each schedule, even with refills left and everything else met
  ...(["II", "III", "IV", "V"] as const).flatMap((schedule): Row[] => [
    [
      `schedule ${schedule} with refills left`,
      { controlledSchedule: schedule, refillsRemaining: 3 },
      {},
      { outcome: "queued", rule: "controlled_substance", reasons: ["controlled_substance"] },
    ],
    [
      `schedule ${schedule} renewal under protocol conditions`,
      { controlledSchedule: schedule },
      {},
      { outcome: "queued", rule: "controlled_substance", reasons: ["controlled_substance"] },
    ],
  ]),
  [
    "controlled and early says the date",
    { controlledSchedule: "IV", refillsRemaining: 1, lastFilledOn: "2026-06-25" },
    {},
    {
      outcome: "queued",
      rule: "controlled_substance",
      reasons: ["controlled_substance", "too_early"],
      possibleFrom: "2026-07-15",
    },
  ],
];

describe("refill protocol engine", () => {
  it.each(rows)("%s", (_name, medication, patient, expected) => {
    const decision = decideRefill({ ...base, ...medication }, { ...seen, ...patient }, protocol, TODAY);
    expect(decision.outcome).toBe(expected.outcome);
    expect(decision.rule).toBe(expected.rule);
    expect(decision.protocolVersion).toBe(7);
    if (expected.reasons) expect(decision.reasons.map((r) => r.code)).toEqual(expected.reasons);
    if (expected.possibleFrom !== undefined) expect(decision.possibleFrom).toBe(expected.possibleFrom);
    // an approval never carries reasons; a queued decision always says why
    expect(decision.reasons.length === 0).toBe(decision.outcome === "approved");
  });

  it("takes 2/3 of a supply as exact whole days", () => {
    expect(daysBeforeRefill(30, 2 / 3)).toBe(20);
    expect(daysBeforeRefill(90, 2 / 3)).toBe(60);
    expect(daysBeforeRefill(10, 2 / 3)).toBe(7);
    expect(daysBeforeRefill(30, 0.75)).toBe(23);
  });

  it("follows the protocol it is given: a class added later is covered, a wider window admits an older visit", () => {
    const med = { ...base, protocolClass: "statin" };
    expect(decideRefill(med, seen, protocol, TODAY).outcome).toBe("queued");
    const v8 = { ...protocol, version: 8, classes: [...protocol.classes, { code: "statin", label: "Cholesterol" }] };
    expect(decideRefill(med, seen, v8, TODAY)).toMatchObject({ outcome: "approved", protocolVersion: 8 });
    const old = { ...seen, lastVisitWithPrescriberOn: "2024-07-01" };
    expect(decideRefill(base, old, protocol, TODAY).outcome).toBe("queued");
    expect(decideRefill(base, old, { ...protocol, visitWindowDays: 730 }, TODAY).outcome).toBe("approved");
  });

  it("reads each lab the class requires with its date and age: the queue shows what the decision saw", () => {
    const table: Array<
      [string, Record<string, string>, { latestOn: string | null; ageDays: number | null; recentEnough: boolean }]
    > = [
      ["recent", { tsh: "2026-03-01" }, { latestOn: "2026-03-01", ageDays: 121, recentEnough: true }],
      ["exactly at its limit", { tsh: "2025-06-30" }, { latestOn: "2025-06-30", ageDays: 365, recentEnough: true }],
      ["one day too old", { tsh: "2025-06-29" }, { latestOn: "2025-06-29", ageDays: 366, recentEnough: false }],
      ["missing", {}, { latestOn: null, ageDays: null, recentEnough: false }],
    ];
    for (const [, latest, expected] of table) {
      expect(labChecks("thyroid", latest, protocol, TODAY)).toEqual([
        { labCode: "tsh", labName: "TSH", maxAgeDays: 365, ...expected },
      ]);
    }
    // a class with no lab requirement, or no class: nothing to check
    expect(labChecks("antihypertensive", { tsh: "2026-03-01" }, protocol, TODAY)).toEqual([]);
    expect(labChecks(null, { tsh: "2026-03-01" }, protocol, TODAY)).toEqual([]);
  });
});
