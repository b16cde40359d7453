import { MEASURE_UNITS, type Measure, type ReadingUnit, type SendReadingRequest } from "@portico/contracts";

/**
 * Readings as numbers (pure): the units each measure accepts, conversion to the canonical unit
 * (mmHg, bpm, kg, mg/dL, °C, %), and the bounds of what a body can measure — a value outside
 * them is a typing mistake or a broken device, refused with the field named, never stored.
 */

/** mg/dL per mmol/L of glucose */
export const GLUCOSE_MG_PER_MMOL = 18.0;
const KG_PER_LB = 0.45359237;

export const canonicalUnit = (measure: Measure): ReadingUnit => MEASURE_UNITS[measure][0] as ReadingUnit;

/** `value` in `unit` → the measure's canonical unit (rounded to a sensible precision). */
export function toCanonical(measure: Measure, unit: ReadingUnit, value: number): number {
  switch (unit) {
    case "lb":
      return round(value * KG_PER_LB, 2);
    case "mmol/L":
      return round(value * GLUCOSE_MG_PER_MMOL, 1);
    case "F":
      return round(((value - 32) * 5) / 9, 2);
    default:
      return measure === "blood_pressure" || measure === "heart_rate" ? Math.round(value) : value;
  }
}

/** A canonical value shown in another accepted unit of its measure. */
export function fromCanonical(unit: ReadingUnit, value: number): number {
  switch (unit) {
    case "lb":
      return round(value / KG_PER_LB, 1);
    case "mmol/L":
      return round(value / GLUCOSE_MG_PER_MMOL, 1);
    case "F":
      return round((value * 9) / 5 + 32, 1);
    default:
      return value;
  }
}

export const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/** What a living person can measure, in canonical units (inclusive). */
export const PLAUSIBLE: Record<Exclude<Measure, "blood_pressure"> | "systolic" | "diastolic", [number, number]> = {
  systolic: [50, 300],
  diastolic: [20, 200],
  heart_rate: [20, 250],
  weight: [0.5, 500],
  glucose: [10, 1000],
  temperature: [30, 45],
  spo2: [50, 100],
};

export interface FieldProblem {
  field: string;
  problem: string;
}

export interface CheckedReading {
  measure: Measure;
  unit: ReadingUnit;
  valueEntered: number | null;
  /** canonical; null for blood pressure */
  value: number | null;
  systolic: number | null;
  diastolic: number | null;
}

const describe = (range: [number, number], unit: ReadingUnit, measure: Measure) =>
  `must be between ${fromCanonicalFor(measure, unit, range[0])} and ${fromCanonicalFor(measure, unit, range[1])} ${unit}`;
const fromCanonicalFor = (_measure: Measure, unit: ReadingUnit, value: number) => fromCanonical(unit, value);

/** Checks one reading; the problems name the request's fields ("unit", "value", "systolic", …). */
export function checkReading(input: SendReadingRequest): CheckedReading | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const { measure, unit } = input;
  const units = MEASURE_UNITS[measure];
  if (!units.includes(unit)) {
    problems.push({ field: "unit", problem: `must be one of ${units.join(", ")} for ${measure}` });
    return { problems };
  }
  if (measure === "blood_pressure") {
    if (input.value !== undefined) problems.push({ field: "value", problem: "send systolic and diastolic instead" });
    for (const field of ["systolic", "diastolic"] as const) {
      const v = input[field];
      if (v === undefined) problems.push({ field, problem: "is required for blood pressure" });
      else if (v < PLAUSIBLE[field][0] || v > PLAUSIBLE[field][1]) {
        problems.push({ field, problem: describe(PLAUSIBLE[field], unit, measure) });
      }
    }
    if (
      problems.length === 0 &&
      input.systolic !== undefined &&
      input.diastolic !== undefined &&
      input.systolic <= input.diastolic
    ) {
      problems.push({ field: "systolic", problem: "must be higher than diastolic (the top number is the higher one)" });
    }
    if (problems.length > 0) return { problems };
    return {
      measure,
      unit,
      valueEntered: null,
      value: null,
      systolic: input.systolic as number,
      diastolic: input.diastolic as number,
    };
  }
  if (input.systolic !== undefined) problems.push({ field: "systolic", problem: "only for blood pressure" });
  if (input.diastolic !== undefined) problems.push({ field: "diastolic", problem: "only for blood pressure" });
  if (input.value === undefined) {
    problems.push({ field: "value", problem: "is required" });
    return { problems };
  }
  const canonical = toCanonical(measure, unit, input.value);
  const range = PLAUSIBLE[measure];
  if (!(canonical >= range[0] && canonical <= range[1])) {
    problems.push({ field: "value", problem: describe(range, unit, measure) });
  }
  if (problems.length > 0) return { problems };
  return { measure, unit, valueEntered: input.value, value: canonical, systolic: null, diastolic: null };
}
