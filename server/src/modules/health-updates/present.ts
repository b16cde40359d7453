import type {
  FlagLevel,
  Measure,
  MeasureTrend,
  QuestionnaireKind,
  QuestionnaireResponse,
  Reading,
  ReadingUnit,
  Severity,
} from "@portico/contracts";
import { MEASURES } from "@portico/contracts";
import type { EnteredByKind } from "../../db/tables/health-updates.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { MAX_SCORE } from "./flagging.ts";
import { canonicalUnit, fromCanonical } from "./measures.ts";
import { readingNoteSeal } from "./seals.ts";

/** Rows → the API's shapes; trends per measure (the facts the web words as a summary). */

export interface ReadingRow {
  id: string;
  measure: string;
  unit: string;
  value_entered: number | string | null;
  value: number | string | null;
  systolic: number | null;
  diastolic: number | null;
  taken_at: Date;
  note_sealed: string | null;
  flag: FlagLevel;
  flag_reasons: string[];
  entered_by_kind: EnteredByKind;
  entered_by_name: string | null;
}

export interface QuestionnaireRow {
  id: string;
  kind: QuestionnaireKind;
  answers: number[];
  score: number;
  severity: string;
  flag: FlagLevel;
  flag_reasons: string[];
  created_at: Date;
  entered_by_kind: EnteredByKind;
  entered_by_name: string | null;
  intake_appointment_id?: string | null;
  intake_starts_at?: Date | null;
  intake_time_zone?: string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function presentReading(row: ReadingRow, cipher: FieldCipher): Reading {
  const measure = row.measure as Measure;
  return {
    id: row.id,
    measure,
    takenAt: row.taken_at.toISOString(),
    entered: {
      unit: row.unit as ReadingUnit,
      value: num(row.value_entered),
      systolic: row.systolic,
      diastolic: row.diastolic,
    },
    canonical: {
      unit: canonicalUnit(measure),
      value: num(row.value),
      systolic: row.systolic,
      diastolic: row.diastolic,
    },
    flag: row.flag,
    flagReasons: [...row.flag_reasons],
    note: row.note_sealed ? cipher.open(row.note_sealed, readingNoteSeal(row.id)) : null,
    enteredBy: { kind: row.entered_by_kind, displayName: row.entered_by_name },
  };
}

export function presentQuestionnaire(row: QuestionnaireRow): QuestionnaireResponse {
  return {
    id: row.id,
    kind: row.kind,
    answers: row.answers.map(Number),
    score: row.score,
    maxScore: MAX_SCORE[row.kind],
    severity: row.severity as Severity,
    flag: row.flag,
    flagReasons: [...row.flag_reasons],
    createdAt: row.created_at.toISOString(),
    enteredBy: { kind: row.entered_by_kind, displayName: row.entered_by_name },
    intakeFor:
      row.intake_appointment_id && row.intake_starts_at
        ? {
            appointmentId: row.intake_appointment_id,
            start: row.intake_starts_at.toISOString(),
            timeZone: row.intake_time_zone ?? "UTC",
          }
        : null,
  };
}

/** beyond this share of change between the start and the end of the period, a measure is rising or falling */
export const TREND_THRESHOLD = 0.05;

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** The trend of a series (oldest first): the mean of the last three against the mean of the first three. */
export function trendOf(values: readonly number[]): MeasureTrend["summary"]["trend"] {
  if (values.length < 2) return "single";
  const n = Math.min(3, Math.floor(values.length / 2) || 1);
  const first = mean(values.slice(0, n));
  const last = mean(values.slice(-n));
  if (first === 0) return "steady";
  const change = (last - first) / Math.abs(first);
  if (change > TREND_THRESHOLD) return "rising";
  if (change < -TREND_THRESHOLD) return "falling";
  return "steady";
}

/** One trend per measure with readings (in the unit of its latest reading); `readings` newest first. */
export function trends(readings: readonly Reading[]): MeasureTrend[] {
  const out: MeasureTrend[] = [];
  for (const measure of MEASURES) {
    const series = readings.filter((r) => r.measure === measure).reverse();
    if (series.length === 0) continue;
    const latest = series[series.length - 1] as Reading;
    const unit = latest.entered.unit;
    const points = series.map((r) => ({
      readingId: r.id,
      takenAt: r.takenAt,
      value:
        measure === "blood_pressure"
          ? (r.canonical.systolic as number)
          : fromCanonical(unit, r.canonical.value as number),
      value2: measure === "blood_pressure" ? (r.canonical.diastolic as number) : null,
      flag: r.flag,
    }));
    const values = points.map((p) => p.value);
    const values2 = points.flatMap((p) => (p.value2 === null ? [] : [p.value2]));
    const last = points[points.length - 1] as (typeof points)[number];
    out.push({
      measure,
      unit,
      points,
      summary: {
        count: points.length,
        latest: { value: last.value, value2: last.value2, takenAt: last.takenAt },
        min: Math.min(...values),
        max: Math.max(...values),
        min2: values2.length ? Math.min(...values2) : null,
        max2: values2.length ? Math.max(...values2) : null,
        trend: trendOf(values),
        flagged: points.filter((p) => p.flag !== "normal").length,
      },
    });
  }
  return out;
}
