import { describe, expect, it } from "vitest";
import { toFhirLabObservation, toFhirObservation, toFhirScoreObservation } from "./observation.ts";
import { validateFhir } from "./validate.ts";

const US = "http://hl7.org/fhir/us/core/StructureDefinition/";
const R4 = "http://hl7.org/fhir/StructureDefinition/";
const reading = (
  measure: string,
  value: number | null,
  systolic: number | null = null,
  diastolic: number | null = null,
) =>
  toFhirObservation({
    id: "00000000-0000-4000-8000-000000000001",
    patientId: "00000000-0000-4000-8000-000000000002",
    measure,
    value,
    systolic,
    diastolic,
    takenAt: new Date("2026-03-01T08:00:00Z"),
  });

describe("Observation mappers: each reading meets the profile it claims (checked by validateFhir)", () => {
  it.each([
    ["heart_rate", 72, `${R4}heartrate`, "/min"],
    ["weight", 70.5, `${R4}bodyweight`, "kg"],
    ["temperature", 37.2, `${R4}bodytemp`, "Cel"],
    ["spo2", 97, `${R4}oxygensat`, "%"],
  ])("%s claims %s with its UCUM unit", (measure, value, profile, ucum) => {
    const o = reading(measure, value);
    expect(o.meta?.profile).toEqual([profile]);
    // Medplum's validator does not check elements inside value[x] (unit, system, code): asserted here
    expect(o.valueQuantity).toMatchObject({ value, system: "http://unitsofmeasure.org", code: ucum });
    expect(o.valueQuantity?.unit).toBeTruthy();
    expect(validateFhir(o)).toEqual([]);
    // without a value: a data-absent reason, still conforming
    const empty = reading(measure, null);
    expect(empty.valueQuantity).toBeUndefined();
    expect(validateFhir(empty)).toEqual([]);
  });

  it("blood pressure claims US Core Blood Pressure, with mm[Hg] components or a data-absent reason, never 0", () => {
    const bp = reading("blood_pressure", null, 128, 82);
    expect(bp.meta?.profile).toEqual([`${US}us-core-blood-pressure`]);
    // Medplum's validator does not check elements inside value[x] (unit, system, code): asserted here
    for (const c of bp.component ?? []) {
      expect(c.valueQuantity).toMatchObject({ unit: "mmHg", system: "http://unitsofmeasure.org", code: "mm[Hg]" });
    }
    expect(validateFhir(bp)).toEqual([]);
    const half = reading("blood_pressure", null, 128, null);
    expect(half.component?.[1]?.valueQuantity).toBeUndefined();
    expect(half.component?.[1]?.dataAbsentReason).toBeDefined();
    expect(validateFhir(half)).toEqual([]);
  });

  it("glucose and lab results claim no profile (US Core's lab profile is not at hand) and are valid R4", () => {
    const glucose = reading("glucose", 104);
    expect(glucose.meta).toBeUndefined();
    expect(validateFhir(glucose)).toEqual([]);
    const lab = toFhirLabObservation({
      id: "lab-1",
      patientId: "00000000-0000-4000-8000-000000000002",
      labCode: "tsh",
      labName: "TSH",
      resultedOn: "2026-02-01",
      value: "2.1 mIU/L",
    });
    expect(lab.meta).toBeUndefined();
    expect(validateFhir(lab)).toEqual([]);
  });

  it("a claim the reading does not meet is found: a heart rate without its LOINC code, an oxygen saturation without 2708-6", () => {
    const o = reading("heart_rate", 72);
    const bad = { ...o, code: { coding: [{ system: "http://loinc.org", code: "1234-5" }] } };
    expect(validateFhir(bad).some((p) => p.includes("as heartrate"))).toBe(true);
    const spo2 = reading("spo2", 97);
    const onlyPulseOx = { ...spo2, code: { coding: [{ system: "http://loinc.org", code: "59408-5" }] } };
    expect(validateFhir(onlyPulseOx).some((p) => p.includes("as oxygensat"))).toBe(true);
  });

  it.each([
    ["phq9", 11, "44261-6"],
    ["gad7", 9, "70274-6"],
  ] as const)(
    "a %s total score of %s is a survey Observation (LOINC %s), a {score} quantity derived from its QuestionnaireResponse",
    (kind, score, loinc) => {
      const o = toFhirScoreObservation({
        responseId: "00000000-0000-4000-8000-000000000003",
        patientId: "00000000-0000-4000-8000-000000000002",
        kind,
        score,
        answeredAt: new Date("2026-03-01T08:00:00Z"),
      });
      expect(o).toMatchObject({
        id: "score-00000000-0000-4000-8000-000000000003",
        status: "final",
        category: [
          { coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey" }] },
        ],
        code: { coding: [{ system: "http://loinc.org", code: loinc }] },
        subject: { reference: "Patient/00000000-0000-4000-8000-000000000002" },
        effectiveDateTime: "2026-03-01T08:00:00.000Z",
        derivedFrom: [{ reference: "QuestionnaireResponse/00000000-0000-4000-8000-000000000003" }],
      });
      expect(o.valueQuantity).toEqual({
        value: score,
        unit: "{score}",
        system: "http://unitsofmeasure.org",
        code: "{score}",
      });
      expect(o.meta).toBeUndefined();
      expect(validateFhir(o)).toEqual([]);
    },
  );
});
