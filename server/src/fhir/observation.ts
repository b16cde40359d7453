import type { Observation } from "@medplum/fhirtypes";
import { claims, FHIR_PROFILE, instant, ref, US_CORE } from "./reference.ts";

export interface ReadingFacts {
  id: string;
  patientId: string;
  measure: string;
  /** canonical value (mmHg, bpm, kg, mg/dL, °C, %) */
  value: number | null;
  systolic: number | null;
  diastolic: number | null;
  takenAt: Date;
}

const LOINC = "http://loinc.org";
const UCUM = "http://unitsofmeasure.org";
/**
 * Vital-signs codes (LOINC) and UCUM units, by Portico's measure, as R4's vital-signs profiles
 * (the specification's own, which US Core's derive from) ask: oxygen saturation carries both
 * the pulse-oximetry code and 2708-6. `profile`: the R4 vital-signs profile claimed.
 */
const VITALS: Record<
  string,
  { coding: { code: string; display: string }[]; unit: string; ucum: string; profile?: string }
> = {
  heart_rate: {
    coding: [{ code: "8867-4", display: "Heart rate" }],
    unit: "beats/minute",
    ucum: "/min",
    profile: "heartrate",
  },
  weight: { coding: [{ code: "29463-7", display: "Body weight" }], unit: "kg", ucum: "kg", profile: "bodyweight" },
  temperature: {
    coding: [{ code: "8310-5", display: "Body temperature" }],
    unit: "°C",
    ucum: "Cel",
    profile: "bodytemp",
  },
  spo2: {
    coding: [
      { code: "59408-5", display: "Oxygen saturation in Arterial blood by Pulse oximetry" },
      { code: "2708-6", display: "Oxygen saturation in Arterial blood" },
    ],
    unit: "%",
    ucum: "%",
    profile: "oxygensat",
  },
  // a laboratory test, not a vital sign: no vital-signs profile (US Core's lab profile is not claimed)
  glucose: { coding: [{ code: "2339-0", display: "Glucose [Mass/volume] in Blood" }], unit: "mg/dL", ucum: "mg/dL" },
};
const mmHg = (value: number) => ({ value, unit: "mmHg", system: UCUM, code: "mm[Hg]" });
/** a value the reading does not hold (R4's vital-signs profiles: a value or the reason there is none) */
const absent = {
  dataAbsentReason: {
    coding: [
      { system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown", display: "Unknown" },
    ],
  },
};

/**
 * FHIR R4 Observation for a reading a patient sent (vital-signs category; blood pressure as two
 * components). A vital sign claims R4's vital-signs profile for its kind (heartrate, bodyweight,
 * bodytemp, oxygensat), blood pressure US Core Blood Pressure; a missing value is a
 * `dataAbsentReason`, never a made-up number.
 */
export function toFhirObservation(r: ReadingFacts): Observation {
  const base = {
    resourceType: "Observation" as const,
    id: r.id,
    status: "final" as const,
    subject: ref("Patient", r.patientId),
    effectiveDateTime: instant(r.takenAt),
  };
  const category = [
    {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/observation-category",
          code: r.measure === "glucose" ? "laboratory" : "vital-signs",
          display: r.measure === "glucose" ? "Laboratory" : "Vital Signs",
        },
      ],
    },
  ];
  if (r.measure === "blood_pressure") {
    return {
      ...base,
      // US Core's (R4's own bp profile slices its components in a way Medplum's validator cannot follow)
      ...claims(`${US_CORE}us-core-blood-pressure`),
      category,
      code: { coding: [{ system: LOINC, code: "85354-9", display: "Blood pressure panel" }], text: "Blood pressure" },
      component: [
        {
          code: { coding: [{ system: LOINC, code: "8480-6", display: "Systolic blood pressure" }] },
          ...(r.systolic !== null ? { valueQuantity: mmHg(r.systolic) } : absent),
        },
        {
          code: { coding: [{ system: LOINC, code: "8462-4", display: "Diastolic blood pressure" }] },
          ...(r.diastolic !== null ? { valueQuantity: mmHg(r.diastolic) } : absent),
        },
      ],
    };
  }
  const v = VITALS[r.measure];
  return {
    ...base,
    ...(v?.profile ? claims(`${FHIR_PROFILE}${v.profile}`) : {}),
    category,
    code: v
      ? { coding: v.coding.map((c) => ({ system: LOINC, ...c })), text: v.coding[0]?.display }
      : { text: r.measure },
    ...(r.value !== null ? { valueQuantity: { value: r.value, unit: v?.unit, system: UCUM, code: v?.ucum } } : absent),
  };
}

export interface LabResultFacts {
  id: string;
  patientId: string;
  /** the refill protocol's code for the test, e.g. "tsh" */
  labCode: string;
  labName: string;
  /** "YYYY-MM-DD" */
  resultedOn: string;
  /** as the clinician wrote it (opened from its seal), or null when only the day was recorded */
  value: string | null;
}

/** LOINC codes for the protocol's lab codes Portico knows; any other test is named in `code.text` only. */
const LABS: Record<string, { code: string; display: string }> = {
  tsh: { code: "3016-3", display: "Thyrotropin [Units/volume] in Serum or Plasma" },
  a1c: { code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood" },
  creatinine: { code: "2160-0", display: "Creatinine [Mass/volume] in Serum or Plasma" },
  potassium: { code: "2823-3", display: "Potassium [Moles/volume] in Serum or Plasma" },
};

/** FHIR R4 Observation for a lab result on the chart (laboratory category; the value as written, a string). */
export function toFhirLabObservation(r: LabResultFacts): Observation {
  const loinc = LABS[r.labCode];
  return {
    resourceType: "Observation",
    id: r.id,
    status: "final",
    category: [
      {
        coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }],
      },
    ],
    code: loinc
      ? { coding: [{ system: LOINC, code: loinc.code, display: loinc.display }], text: r.labName }
      : { text: r.labName },
    subject: ref("Patient", r.patientId),
    effectiveDateTime: r.resultedOn,
    ...(r.value !== null ? { valueString: r.value } : {}),
  };
}

export interface QuestionnaireScoreFacts {
  /** the questionnaire response's id */
  responseId: string;
  patientId: string;
  kind: "phq9" | "gad7";
  score: number;
  answeredAt: Date;
}

/** The total-score LOINC code of each scored questionnaire. */
const SCORES: Record<QuestionnaireScoreFacts["kind"], { code: string; display: string; text: string }> = {
  phq9: {
    code: "44261-6",
    display: "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
    text: "PHQ-9 total score",
  },
  gad7: {
    code: "70274-6",
    display: "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
    text: "GAD-7 total score",
  },
};

/** The id of the Observation of a questionnaire response's total score: `score-<response id>` (stable). */
export const SCORE_PREFIX = "score-";
export const scoreObservationId = (responseId: string) => `${SCORE_PREFIX}${responseId}`;

/**
 * FHIR R4 Observation for the total score of a PHQ-9 or GAD-7 the patient answered (survey
 * category, LOINC-coded, the score as a `{score}` quantity), derived from its
 * QuestionnaireResponse and effective when it was submitted. No profile claimed (US Core's
 * survey profile is not among those this server's tests can check).
 */
export function toFhirScoreObservation(q: QuestionnaireScoreFacts): Observation {
  const s = SCORES[q.kind];
  return {
    resourceType: "Observation",
    id: scoreObservationId(q.responseId),
    status: "final",
    category: [
      {
        coding: [
          { system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey" },
        ],
      },
    ],
    code: { coding: [{ system: LOINC, code: s.code, display: s.display }], text: s.text },
    subject: ref("Patient", q.patientId),
    effectiveDateTime: instant(q.answeredAt),
    valueQuantity: { value: q.score, unit: "{score}", system: UCUM, code: "{score}" },
    derivedFrom: [ref("QuestionnaireResponse", q.responseId)],
  };
}
