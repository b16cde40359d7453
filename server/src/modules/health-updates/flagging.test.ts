import type { SendReadingRequest } from "@portico/contracts";
import { describe, expect, it } from "vitest";
import {
  checkRanges,
  DEFAULT_RANGES,
  flagReading,
  levelOf,
  rangeMap,
  scoreQuestionnaire,
  severityOf,
} from "./flagging.ts";
import { checkReading, fromCanonical, toCanonical } from "./measures.ts";

/** The scoring and flagging tables: every band boundary, every flag boundary, every bound. */
const ranges = rangeMap(DEFAULT_RANGES);

function flagOf(input: SendReadingRequest) {
  const checked = checkReading(input);
  if ("problems" in checked) throw new Error(JSON.stringify(checked.problems));
  return flagReading(checked, ranges);
}
const bp = (systolic: number, diastolic: number) =>
  flagOf({ measure: "blood_pressure", unit: "mmHg", systolic, diastolic });

/** the bands both scales share, up to 14 (the edges of each) */
const UP_TO_MODERATE: [number, string][] = [
  [0, "minimal"],
  [4, "minimal"],
  [5, "mild"],
  [9, "mild"],
  [10, "moderate"],
  [14, "moderate"],
];

describe("PHQ-9 severity bands (0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe)", () => {
  it.each([...UP_TO_MODERATE, [15, "moderately_severe"], [19, "moderately_severe"], [20, "severe"], [27, "severe"]])(
    "score %i → %s",
    (score, band) => expect(severityOf("phq9", score)).toBe(band),
  );
});

describe("GAD-7 severity bands (0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe)", () => {
  it.each([...UP_TO_MODERATE, [15, "severe"], [21, "severe"]])("score %i → %s", (score, band) =>
    expect(severityOf("gad7", score)).toBe(band),
  );
});

/** answers adding up to `score` with item 9 (index 8) fixed */
function phq9(score: number, item9 = 0): number[] {
  const answers = Array(9).fill(0) as number[];
  answers[8] = item9;
  let left = score - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    answers[i] = Math.min(3, left);
    left -= answers[i] as number;
  }
  return answers;
}

describe("questionnaire scoring and flags", () => {
  it.each([
    // kind, answers, score, severity, flag, guidance
    ["phq9", phq9(0), 0, "minimal", "normal", null],
    ["phq9", phq9(14), 14, "moderate", "normal", null],
    ["phq9", phq9(15), 15, "moderately_severe", "attention", null],
    ["phq9", phq9(27, 3), 27, "severe", "urgent", "crisis"],
    ["phq9", phq9(1, 1), 1, "minimal", "urgent", "crisis"],
    ["phq9", phq9(5, 0), 5, "mild", "normal", null],
    ["gad7", [2, 2, 2, 2, 2, 2, 2], 14, "moderate", "normal", null],
    ["gad7", [3, 2, 2, 2, 2, 2, 2], 15, "severe", "attention", null],
    ["gad7", [3, 3, 3, 3, 3, 3, 3], 21, "severe", "attention", null],
  ] as const)("%s %j → %i %s, %s, guidance %s", (kind, answers, score, severity, flag, guidance) => {
    const result = scoreQuestionnaire(kind, answers, ranges);
    expect(result).toMatchObject({ score, severity, flag, guidance });
  });

  it("PHQ-9 item 9 above 0 is urgent with crisis guidance, the item named first", () => {
    const result = scoreQuestionnaire("phq9", phq9(16, 2), ranges);
    expect(result).toMatchObject({ flag: "urgent", guidance: "crisis", reasons: ["phq9_item9", "phq9_score_high"] });
  });

  it("GAD-7 has no item 9 rule (its last item is 7)", () => {
    expect(scoreQuestionnaire("gad7", [0, 0, 0, 0, 0, 0, 3], ranges)).toMatchObject({ flag: "normal", guidance: null });
  });

  it.each([
    ["phq9", [0, 0, 0, 0, 0, 0, 0, 0], ["answers"]],
    ["phq9", [0, 0, 0, null, 0, 0, 0, 0, 0], ["answers.3"]],
    ["gad7", [0, 0, 0, 0, 0, 0, 0, 0, 0], ["answers"]],
    ["gad7", [], ["answers"]],
    ["gad7", [0, 4, 0, 0, 0, 0, 0], ["answers.1"]],
  ] as const)("%s %j is incomplete or wrong: problems name %j", (kind, answers, fields) => {
    const result = scoreQuestionnaire(kind, answers, ranges);
    expect("problems" in result && result.problems.map((p) => p.field)).toEqual(fields);
  });
});

describe("blood pressure flags (defaults: systolic 70/90/140/180, diastolic –/60/90/120; ≥ 180/120 always urgent)", () => {
  it.each([
    [120, 80, "normal", null],
    [139, 89, "normal", null],
    [140, 80, "attention", null],
    [120, 90, "attention", null],
    [179, 119, "attention", null],
    [180, 80, "urgent", "emergency"],
    [150, 120, "urgent", "emergency"],
    [90, 60, "normal", null],
    [89, 60, "attention", null],
    [100, 59, "attention", null],
    [70, 50, "attention", null],
    [69, 40, "urgent", "emergency"],
  ])("%i/%i → %s (guidance %s)", (s, d, flag, guidance) => {
    expect(bp(s, d)).toMatchObject({ flag, guidance });
  });

  it("≥ 180/120 stays urgent even if the clinic raised its urgent limit", () => {
    const lax = rangeMap(DEFAULT_RANGES.map((r) => (r.key === "systolic" ? { ...r, urgentAtOrAbove: 220 } : r)));
    const checked = checkReading({ measure: "blood_pressure", unit: "mmHg", systolic: 185, diastolic: 95 });
    if ("problems" in checked) throw new Error("refused");
    expect(flagReading(checked, lax)).toMatchObject({ flag: "urgent", guidance: "emergency" });
    expect(flagReading(checked, lax).reasons).toContain("systolic_high");
  });
});

describe("other measures' flag boundaries (canonical units)", () => {
  it.each([
    // measure, unit, value, flag
    ["heart_rate", "bpm", 39, "urgent"],
    ["heart_rate", "bpm", 40, "attention"],
    ["heart_rate", "bpm", 49, "attention"],
    ["heart_rate", "bpm", 50, "normal"],
    ["heart_rate", "bpm", 99, "normal"],
    ["heart_rate", "bpm", 100, "attention"],
    ["heart_rate", "bpm", 129, "attention"],
    ["heart_rate", "bpm", 130, "urgent"],
    ["glucose", "mg/dL", 53, "urgent"],
    ["glucose", "mg/dL", 54, "attention"],
    ["glucose", "mg/dL", 69, "attention"],
    ["glucose", "mg/dL", 70, "normal"],
    ["glucose", "mg/dL", 249, "normal"],
    ["glucose", "mg/dL", 250, "attention"],
    ["glucose", "mg/dL", 399, "attention"],
    ["glucose", "mg/dL", 400, "urgent"],
    ["glucose", "mmol/L", 2.9, "urgent"],
    ["glucose", "mmol/L", 3.0, "attention"],
    ["glucose", "mmol/L", 5.5, "normal"],
    ["temperature", "C", 34.9, "urgent"],
    ["temperature", "C", 35, "attention"],
    ["temperature", "C", 35.9, "attention"],
    ["temperature", "C", 36, "normal"],
    ["temperature", "C", 37.9, "normal"],
    ["temperature", "C", 38, "attention"],
    ["temperature", "C", 39.9, "attention"],
    ["temperature", "C", 40, "urgent"],
    ["temperature", "F", 98.6, "normal"],
    ["temperature", "F", 100.4, "attention"],
    ["temperature", "F", 104, "urgent"],
    ["spo2", "%", 89, "urgent"],
    ["spo2", "%", 90, "attention"],
    ["spo2", "%", 93, "attention"],
    ["spo2", "%", 94, "normal"],
    ["spo2", "%", 100, "normal"],
    ["weight", "kg", 80, "normal"],
    ["weight", "lb", 400, "normal"],
  ] as const)("%s %s %s → %s", (measure, unit, value, flag) => {
    expect(flagOf({ measure, unit, value }).flag).toBe(flag);
  });

  it("names the limit crossed", () => {
    expect(flagOf({ measure: "spo2", unit: "%", value: 88 }).reasons).toEqual(["spo2_low"]);
    expect(flagOf({ measure: "heart_rate", unit: "bpm", value: 135 }).reasons).toEqual(["heart_rate_high"]);
  });

  it("a missing range flags nothing", () => {
    expect(levelOf(1000, undefined)).toEqual({ level: "normal", reason: null });
  });
});

describe("plausible bounds and units (impossible → the field named)", () => {
  it.each([
    [{ measure: "blood_pressure", unit: "mmHg", systolic: 80, diastolic: 80 }, ["systolic"]],
    [{ measure: "blood_pressure", unit: "mmHg", systolic: 70, diastolic: 90 }, ["systolic"]],
    [{ measure: "blood_pressure", unit: "mmHg", systolic: 301, diastolic: 90 }, ["systolic"]],
    [{ measure: "blood_pressure", unit: "mmHg", systolic: 120, diastolic: 19 }, ["diastolic"]],
    [{ measure: "blood_pressure", unit: "mmHg", systolic: 120 }, ["diastolic"]],
    [{ measure: "blood_pressure", unit: "kg", systolic: 120, diastolic: 80 }, ["unit"]],
    [{ measure: "blood_pressure", unit: "mmHg", value: 120, systolic: 120, diastolic: 80 }, ["value"]],
    [{ measure: "weight", unit: "kg", value: -70 }, ["value"]],
    [{ measure: "weight", unit: "kg", value: 0 }, ["value"]],
    [{ measure: "weight", unit: "lb", value: 1200 }, ["value"]],
    [{ measure: "weight", unit: "mmHg", value: 70 }, ["unit"]],
    [{ measure: "weight", unit: "kg" }, ["value"]],
    [{ measure: "weight", unit: "kg", value: 70, systolic: 120 }, ["systolic"]],
    [{ measure: "heart_rate", unit: "bpm", value: 19 }, ["value"]],
    [{ measure: "heart_rate", unit: "bpm", value: 251 }, ["value"]],
    [{ measure: "glucose", unit: "mg/dL", value: 9 }, ["value"]],
    [{ measure: "glucose", unit: "mmol/L", value: 60 }, ["value"]],
    [{ measure: "glucose", unit: "%", value: 100 }, ["unit"]],
    [{ measure: "temperature", unit: "C", value: 98.6 }, ["value"]],
    [{ measure: "temperature", unit: "F", value: 37 }, ["value"]],
    [{ measure: "spo2", unit: "%", value: 101 }, ["value"]],
    [{ measure: "spo2", unit: "%", value: 49 }, ["value"]],
  ] as const)("%j → %j", (input, fields) => {
    const result = checkReading(input as SendReadingRequest);
    expect("problems" in result && result.problems.map((p) => p.field)).toEqual(fields);
  });

  it.each([
    [{ measure: "blood_pressure", unit: "mmHg", systolic: 300, diastolic: 200 }],
    [{ measure: "blood_pressure", unit: "mmHg", systolic: 51, diastolic: 50 }],
    [{ measure: "weight", unit: "kg", value: 0.5 }],
    [{ measure: "weight", unit: "lb", value: 1100 }],
    [{ measure: "spo2", unit: "%", value: 50 }],
    [{ measure: "temperature", unit: "F", value: 113 }],
    [{ measure: "temperature", unit: "F", value: 86 }],
  ] as const)("the edge %j is accepted", (input) => {
    expect("problems" in checkReading(input as SendReadingRequest)).toBe(false);
  });

  it("converts to canonical units and back", () => {
    expect(toCanonical("weight", "lb", 180)).toBe(81.65);
    expect(toCanonical("glucose", "mmol/L", 5.5)).toBe(99);
    expect(toCanonical("temperature", "F", 98.6)).toBe(37);
    expect(fromCanonical("lb", 81.65)).toBe(180);
    expect(fromCanonical("F", 37)).toBe(98.6);
    expect(fromCanonical("mmol/L", 99)).toBe(5.5);
  });
});

describe("the clinic's ranges as an admin saves them", () => {
  const keys = DEFAULT_RANGES.map((r) => r.key);
  it("the defaults are in order", () => expect(checkRanges(DEFAULT_RANGES, keys)).toEqual([]));
  it("refuses limits out of order, twice the same key, a missing key", () => {
    const broken = DEFAULT_RANGES.map((r) => (r.key === "systolic" ? { ...r, attentionAtOrAbove: 190 } : r));
    expect(checkRanges(broken, keys)).toEqual([{ field: "ranges.0.urgentAtOrAbove", problem: expect.any(String) }]);
    const lowOverHigh = DEFAULT_RANGES.map((r) => (r.key === "spo2" ? { ...r, attentionAtOrAbove: 94 } : r));
    expect(checkRanges(lowOverHigh, keys).map((p) => p.field)).toEqual(["ranges.6.attentionAtOrAbove"]);
    expect(checkRanges([...DEFAULT_RANGES, DEFAULT_RANGES[0] as never], keys).map((p) => p.field)).toEqual([
      "ranges.9.key",
    ]);
    expect(checkRanges(DEFAULT_RANGES.slice(1), keys).map((p) => p.problem)).toEqual(["is missing systolic"]);
  });
});
