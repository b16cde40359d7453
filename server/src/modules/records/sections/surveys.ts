import { toFhirSurveyResponse } from "../../../fhir/questionnaire-response.ts";
import type { FieldCipher } from "../../../platform/crypto.ts";
import { surveyCommentSeal } from "../../surveys/seals.ts";
import type { RecordReader, RecordSection } from "../section.ts";

/** the patient's post-visit surveys, or (keyed) those with these ids */
const surveyRows = ({ db, rows }: RecordReader, ids?: readonly string[]) =>
  rows
    .selectFrom(db, "visit_surveys", "s")
    .innerJoin("providers as pr", "pr.id", "s.provider_id")
    .innerJoin("locations as l", "l.id", "s.location_id")
    .select([
      "s.id",
      "s.appointment_id",
      "s.sent_at",
      "s.expires_at",
      "s.answered_at",
      "s.score",
      "s.comment_sealed",
      "pr.display_name as provider",
      "l.name as location",
    ])
    .$if(ids !== undefined, (q) => q.where("s.id", "in", ids as string[]))
    .orderBy("s.sent_at")
    .orderBy("s.id")
    .execute();

type SurveyRow = Awaited<ReturnType<typeof surveyRows>>[number];

const commentOf = (cipher: FieldCipher, s: SurveyRow) =>
  s.comment_sealed ? cipher.open(s.comment_sealed, surveyCommentSeal(s.id)) : null;

const toSurveyResponse = (patientId: string, s: SurveyRow, comment: string | null) =>
  toFhirSurveyResponse({
    id: s.id,
    patientId,
    appointmentId: s.appointment_id,
    sentAt: s.sent_at,
    answeredAt: s.answered_at,
    score: s.score,
    comment,
  });

/** surveys: each post-visit survey sent, and the answer when given. */
export const surveysRecordSection: RecordSection = {
  name: "surveys",
  scope: "appointments",
  async *entries(reader) {
    for (const s of await surveyRows(reader)) {
      const comment = commentOf(reader.cipher, s);
      yield {
        json: {
          id: s.id,
          appointmentId: s.appointment_id,
          provider: s.provider,
          location: s.location,
          sentAt: s.sent_at,
          expiresAt: s.expires_at,
          answeredAt: s.answered_at,
          score: s.score,
          comment,
        },
        fhir: [toSurveyResponse(reader.rows.patientId, s, comment)],
      };
    }
  },
  async fhirByIds(reader, ids) {
    return (await surveyRows(reader, ids)).map((s) =>
      toSurveyResponse(reader.rows.patientId, s, commentOf(reader.cipher, s)),
    );
  },
};
