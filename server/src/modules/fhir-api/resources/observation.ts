import type { Observation } from "@medplum/fhirtypes";
import { SCORE_PREFIX } from "../../../fhir/observation.ts";
import { changedAt, defineFhirType, PATIENT_PARAM, US_CORE } from "../resource-type.ts";
import { conceptParam, dateParam, statusParam } from "./element-params.ts";

/** an Observation's id: a reading's id, or `score-<questionnaire response id>` for a questionnaire's total score */
const OBSERVATION_ID = /^(?:score-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Observation: the readings the patient sent (`readings` section; vital signs with LOINC codes
 * and UCUM units) and the total score of each PHQ-9 and GAD-7 answered (`questionnaires`
 * section, beside its QuestionnaireResponse; id `score-<response id>`).
 */
export const observationType = defineFhirType({
  type: "Observation",
  documentation:
    "Readings the patient sent: vital signs (LOINC codes, UCUM units) and blood glucose. Blood pressure claims US Core Blood Pressure; heart rate, body weight, body temperature and oxygen saturation the FHIR R4 vital-signs profile for their kind. US Core's other vital-signs profiles and its laboratory profile (glucose) are not claimed: this server's tests cannot check them. Also the total score of each PHQ-9 (LOINC 44261-6) and GAD-7 (70274-6) the patient answered: category survey, the score as a {score} quantity, derivedFrom its QuestionnaireResponse, effective when it was submitted (id score-<QuestionnaireResponse id>; no profile claimed).",
  supportedProfiles: [
    `${US_CORE}us-core-blood-pressure`,
    ...["heartrate", "bodyweight", "bodytemp", "oxygensat"].map((p) => `http://hl7.org/fhir/StructureDefinition/${p}`),
  ],
  idPattern: OBSERVATION_ID,
  sources: [
    {
      section: "readings",
      ownerOf: async (db, id) =>
        id.startsWith(SCORE_PREFIX)
          ? undefined
          : (await db.selectFrom("health_readings").select("patient_id").where("id", "=", id).executeTakeFirst())
              ?.patient_id,
      lastUpdated: (db, ids) => {
        const readings = ids.filter((id) => !id.startsWith(SCORE_PREFIX));
        if (readings.length === 0) return Promise.resolve(new Map());
        return changedAt(
          db.selectFrom("health_readings").select(["id", "created_at as at"]).where("id", "in", readings).execute(),
        );
      },
    },
    {
      // a questionnaire's total score (the section also holds its QuestionnaireResponse)
      section: "questionnaires",
      ownerOf: async (db, id) =>
        id.startsWith(SCORE_PREFIX)
          ? (
              await db
                .selectFrom("questionnaire_responses")
                .select("patient_id")
                .where("id", "=", id.slice(SCORE_PREFIX.length))
                .executeTakeFirst()
            )?.patient_id
          : undefined,
      lastUpdated: (db, ids) => {
        const responses = ids.filter((id) => id.startsWith(SCORE_PREFIX)).map((id) => id.slice(SCORE_PREFIX.length));
        if (responses.length === 0) return Promise.resolve(new Map());
        return changedAt(
          db
            .selectFrom("questionnaire_responses")
            .select(["id", "created_at as at"])
            .where("id", "in", responses)
            .execute(),
          SCORE_PREFIX,
        );
      },
    },
  ],
  revincludes: ["Provenance:target"],
  searchParams: [
    PATIENT_PARAM,
    conceptParam(
      "category",
      "vital-signs, laboratory or survey (a questionnaire's total score) (system http://terminology.hl7.org/CodeSystem/observation-category)",
      (o: Observation) => o.category,
    ),
    conceptParam(
      "code",
      "The LOINC code, e.g. http://loinc.org|85354-9 (blood pressure), 8867-4 (heart rate), 44261-6 (PHQ-9 total score) or 70274-6 (GAD-7 total score)",
      (o: Observation) => (o.code ? [o.code] : []),
    ),
    dateParam(
      "date",
      "When the reading was taken, or the questionnaire submitted (prefixes eq, ne, gt, lt, ge, le; repeat for a range)",
      (o: Observation) => o.effectiveDateTime,
    ),
    statusParam("Always final"),
  ],
});
