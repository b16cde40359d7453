import { sql } from "kysely";
import { SCORE_PREFIX, toFhirObservation, toFhirScoreObservation } from "../../../fhir/observation.ts";
import { toFhirScoredQuestionnaire } from "../../../fhir/questionnaire-response.ts";
import { readingNoteSeal } from "../../health-updates/seals.ts";
import { paged, RECORD_PAGE_SIZE, type RecordReader, type RecordSection } from "../section.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** the ids among these that are row ids (a resource id of another form names no row) */
const rowIds = (ids: readonly string[]) => ids.filter((id) => UUID.test(id));

/** the patient's readings: a page in the order taken, or (keyed) those with these ids */
const readingRows = (
  { db, rows }: RecordReader,
  { after = null, ids }: { after?: { at: Date; id: string } | null; ids?: readonly string[] },
) =>
  rows
    .selectFrom(db, "health_readings")
    .selectAll()
    .$if(ids !== undefined, (q) => q.where("id", "in", ids as string[]))
    .$if(after !== null, (q) => q.where(sql<boolean>`(taken_at, id) > (${after?.at}, ${after?.id})`))
    .orderBy("taken_at")
    .orderBy("id")
    .$if(ids === undefined, (q) => q.limit(RECORD_PAGE_SIZE))
    .execute();

type ReadingRow = Awaited<ReturnType<typeof readingRows>>[number];

const toReadingObservation = (patientId: string, r: ReadingRow) =>
  toFhirObservation({
    id: r.id,
    patientId,
    measure: r.measure,
    value: r.value,
    systolic: r.systolic,
    diastolic: r.diastolic,
    takenAt: r.taken_at,
  });

/** health-updates: the readings the patient (or a caregiver) sent, with their flags and notes. */
export const readingsRecordSection: RecordSection = {
  name: "readings",
  scope: "health_updates",
  async *entries(reader) {
    const rows = paged(
      (after: { at: Date; id: string } | null) => readingRows(reader, { after }),
      (r) => ({ at: r.taken_at, id: r.id }),
    );
    for await (const r of rows) {
      yield {
        json: {
          id: r.id,
          measure: r.measure,
          unit: r.unit,
          valueEntered: r.value_entered,
          value: r.value,
          systolic: r.systolic,
          diastolic: r.diastolic,
          takenAt: r.taken_at,
          note: r.note_sealed ? reader.cipher.open(r.note_sealed, readingNoteSeal(r.id)) : null,
          flag: r.flag,
          sentBy: r.entered_by_kind,
        },
        fhir: [toReadingObservation(reader.rows.patientId, r)],
      };
    }
  },
  async fhirByIds(reader, ids) {
    const keys = rowIds(ids);
    if (keys.length === 0) return [];
    return (await readingRows(reader, { ids: keys })).map((r) => toReadingObservation(reader.rows.patientId, r));
  },
};

/** the patient's answered questionnaires, or (keyed) those with these ids */
const responseRows = ({ db, rows }: RecordReader, ids?: readonly string[]) =>
  rows
    .selectFrom(db, "questionnaire_responses")
    .selectAll()
    .$if(ids !== undefined, (q) => q.where("id", "in", ids as string[]))
    .orderBy("created_at")
    .orderBy("id")
    .execute();

type ResponseRow = Awaited<ReturnType<typeof responseRows>>[number];

/** a response as its QuestionnaireResponse, and its total score as an Observation derived from it */
const responseResources = (patientId: string, q: ResponseRow) => [
  toFhirScoredQuestionnaire({
    id: q.id,
    patientId,
    kind: q.kind,
    answers: q.answers,
    score: q.score,
    answeredAt: q.created_at,
  }),
  toFhirScoreObservation({
    responseId: q.id,
    patientId,
    kind: q.kind,
    score: q.score,
    answeredAt: q.created_at,
  }),
];

/** health-updates: the questionnaires (PHQ-9, GAD-7) answered, with their scores. */
export const questionnairesRecordSection: RecordSection = {
  name: "questionnaires",
  scope: "health_updates",
  async *entries(reader) {
    for (const q of await responseRows(reader)) {
      yield {
        json: {
          id: q.id,
          kind: q.kind,
          answers: q.answers,
          score: q.score,
          severity: q.severity,
          flag: q.flag,
          answeredAt: q.created_at,
        },
        fhir: responseResources(reader.rows.patientId, q),
      };
    }
  },
  // keyed by a response's id (its QuestionnaireResponse) or its score's (`score-<response id>`)
  async fhirByIds(reader, ids) {
    const keys = rowIds([
      ...new Set(ids.map((id) => (id.startsWith(SCORE_PREFIX) ? id.slice(SCORE_PREFIX.length) : id))),
    ]);
    if (keys.length === 0) return [];
    return (await responseRows(reader, keys))
      .flatMap((q) => responseResources(reader.rows.patientId, q))
      .filter((r) => ids.includes(r.id as string));
  },
};
