import type { FlagLevel, FlagRange, Guidance, QuestionnaireKind, RangeKey, Severity } from "@portico/contracts";
import { QUESTIONNAIRE_ITEMS } from "@portico/contracts";
import type { CheckedReading } from "./measures.ts";

/**
 * Flagging (pure): a reading or a questionnaire against the clinic's ranges → urgent,
 * attention or normal, with the limits crossed; what the patient is told at once (SPEC §2.7:
 * blood pressure ≥ 180/120 → emergency guidance; PHQ-9 item 9 above 0 → crisis guidance and
 * urgent, whatever the ranges say). Questionnaire scoring and severity bands.
 */

export type Ranges = ReadonlyMap<RangeKey, FlagRange>;

/** Blood pressure at which the patient is told to call 911 (SPEC §2.7), whatever the clinic's ranges. */
export const EMERGENCY_SYSTOLIC = 180;
export const EMERGENCY_DIASTOLIC = 120;

export interface FlagResult {
  flag: FlagLevel;
  reasons: string[];
  guidance: Guidance;
}

/** One value against one range: its level and, when flagged, `<key>_low` / `<key>_high`. */
export function levelOf(value: number, range: FlagRange | undefined): { level: FlagLevel; reason: string | null } {
  if (!range) return { level: "normal", reason: null };
  if (range.urgentBelow !== null && value < range.urgentBelow) return { level: "urgent", reason: `${range.key}_low` };
  if (range.urgentAtOrAbove !== null && value >= range.urgentAtOrAbove)
    return { level: "urgent", reason: `${range.key}_high` };
  if (range.attentionBelow !== null && value < range.attentionBelow)
    return { level: "attention", reason: `${range.key}_low` };
  if (range.attentionAtOrAbove !== null && value >= range.attentionAtOrAbove)
    return { level: "attention", reason: `${range.key}_high` };
  return { level: "normal", reason: null };
}

const RANK: Record<FlagLevel, number> = { normal: 0, attention: 1, urgent: 2 };
const worst = (a: FlagLevel, b: FlagLevel): FlagLevel => (RANK[a] >= RANK[b] ? a : b);

export function flagReading(reading: CheckedReading, ranges: Ranges): FlagResult {
  const parts: { level: FlagLevel; reason: string | null }[] = [];
  if (reading.measure === "blood_pressure") {
    parts.push(levelOf(reading.systolic as number, ranges.get("systolic")));
    parts.push(levelOf(reading.diastolic as number, ranges.get("diastolic")));
  } else {
    parts.push(levelOf(reading.value as number, ranges.get(reading.measure)));
  }
  let flag: FlagLevel = "normal";
  for (const p of parts) flag = worst(flag, p.level);
  // the rule SPEC names is the floor, whatever the clinic set: ≥ 180/120 is urgent, with the call-911 guidance
  const crisisBp =
    reading.measure === "blood_pressure" &&
    ((reading.systolic as number) >= EMERGENCY_SYSTOLIC || (reading.diastolic as number) >= EMERGENCY_DIASTOLIC);
  const reasons = parts.flatMap((p) => (p.reason && p.level !== "normal" ? [p.reason] : []));
  if (crisisBp) {
    flag = "urgent";
    if (reasons.length === 0) reasons.push("blood_pressure_crisis");
  }
  return { flag, reasons, guidance: flag === "urgent" ? "emergency" : null };
}

// ---- questionnaires ----

export const MAX_SCORE: Record<QuestionnaireKind, number> = { phq9: 27, gad7: 21 };

/** Severity bands: PHQ-9 (Kroenke 2001) 0–4, 5–9, 10–14, 15–19, 20–27; GAD-7 (Spitzer 2006) 0–4, 5–9, 10–14, 15–21. */
export function severityOf(kind: QuestionnaireKind, score: number): Severity {
  if (score <= 4) return "minimal";
  if (score <= 9) return "mild";
  if (score <= 14) return "moderate";
  if (kind === "gad7") return "severe";
  return score <= 19 ? "moderately_severe" : "severe";
}

export interface ScoredQuestionnaire extends FlagResult {
  kind: QuestionnaireKind;
  answers: number[];
  score: number;
  severity: Severity;
}

/**
 * Scores a complete questionnaire; an incomplete one (wrong number of items, an unanswered
 * item) is a list of problems naming the answers (`answers`, `answers.4`).
 */
export function scoreQuestionnaire(
  kind: QuestionnaireKind,
  answers: readonly (number | null)[],
  ranges: Ranges,
): ScoredQuestionnaire | { problems: { field: string; problem: string }[] } {
  const items = QUESTIONNAIRE_ITEMS[kind];
  const problems: { field: string; problem: string }[] = [];
  if (answers.length !== items) {
    problems.push({ field: "answers", problem: `must answer all ${items} questions (got ${answers.length})` });
  }
  answers.forEach((a, i) => {
    if (i >= items) return;
    if (a === null || !Number.isInteger(a) || a < 0 || a > 3) {
      problems.push({ field: `answers.${i}`, problem: "must be answered (0, 1, 2 or 3)" });
    }
  });
  if (problems.length > 0) return { problems };
  const complete = answers as number[];
  const score = complete.reduce((sum, a) => sum + a, 0);
  const severity = severityOf(kind, score);
  const scoreLevel = levelOf(score, ranges.get(kind));
  let flag: FlagLevel = scoreLevel.level;
  const reasons = scoreLevel.reason ? [`${kind}_score_high`] : [];
  let guidance: Guidance = null;
  if (kind === "phq9" && (complete[8] as number) > 0) {
    flag = "urgent";
    reasons.unshift("phq9_item9");
    guidance = "crisis";
  }
  return { kind, answers: complete, score, severity, flag, reasons, guidance };
}

/** The ranges as first installed (migration 0028), for tests and for a clinic that never edited them. */
export const DEFAULT_RANGES: readonly FlagRange[] = [
  { key: "systolic", urgentBelow: 70, attentionBelow: 90, attentionAtOrAbove: 140, urgentAtOrAbove: 180 },
  { key: "diastolic", urgentBelow: null, attentionBelow: 60, attentionAtOrAbove: 90, urgentAtOrAbove: 120 },
  { key: "heart_rate", urgentBelow: 40, attentionBelow: 50, attentionAtOrAbove: 100, urgentAtOrAbove: 130 },
  { key: "weight", urgentBelow: null, attentionBelow: null, attentionAtOrAbove: null, urgentAtOrAbove: null },
  { key: "glucose", urgentBelow: 54, attentionBelow: 70, attentionAtOrAbove: 250, urgentAtOrAbove: 400 },
  { key: "temperature", urgentBelow: 35, attentionBelow: 36, attentionAtOrAbove: 38, urgentAtOrAbove: 40 },
  { key: "spo2", urgentBelow: 90, attentionBelow: 94, attentionAtOrAbove: null, urgentAtOrAbove: null },
  { key: "phq9", urgentBelow: null, attentionBelow: null, attentionAtOrAbove: 15, urgentAtOrAbove: null },
  { key: "gad7", urgentBelow: null, attentionBelow: null, attentionAtOrAbove: 15, urgentAtOrAbove: null },
];

export const rangeMap = (ranges: readonly FlagRange[]): Ranges => new Map(ranges.map((r) => [r.key, r]));

/**
 * Problems with a set of ranges an admin saves: each key once, all keys present, limits in
 * order (urgent low ≤ attention low < attention high ≤ urgent high).
 */
export function checkRanges(
  ranges: readonly FlagRange[],
  keys: readonly RangeKey[],
): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  const seen = new Set<string>();
  ranges.forEach((r, i) => {
    if (seen.has(r.key)) problems.push({ field: `ranges.${i}.key`, problem: "appears twice" });
    seen.add(r.key);
    const order = [r.urgentBelow, r.attentionBelow, r.attentionAtOrAbove, r.urgentAtOrAbove];
    const names = ["urgentBelow", "attentionBelow", "attentionAtOrAbove", "urgentAtOrAbove"];
    let last: { value: number; name: string } | null = null;
    order.forEach((value, j) => {
      if (value === null) return;
      if (last && (value < last.value || (j >= 2 && names.indexOf(last.name) < 2 && value <= last.value))) {
        problems.push({ field: `ranges.${i}.${names[j]}`, problem: `must be above ${last.name} (${last.value})` });
      }
      last = { value, name: names[j] as string };
    });
  });
  for (const key of keys) if (!seen.has(key)) problems.push({ field: "ranges", problem: `is missing ${key}` });
  return problems;
}
