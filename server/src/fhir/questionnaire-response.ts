import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import { instant, ref } from "./reference.ts";

export interface SurveyFacts {
  id: string;
  patientId: string;
  appointmentId: string;
  sentAt: Date;
  answeredAt: Date | null;
  score: number | null;
  comment: string | null;
}

/** FHIR R4 QuestionnaireResponse for a post-visit survey (0–10 likelihood to recommend, optional comment). */
export function toFhirSurveyResponse(s: SurveyFacts): QuestionnaireResponse {
  const items: NonNullable<QuestionnaireResponse["item"]> = [];
  if (s.score !== null) {
    items.push({
      linkId: "recommend",
      text: "How likely are you to recommend the clinic (0–10)?",
      answer: [{ valueInteger: s.score }],
    });
  }
  if (s.comment) items.push({ linkId: "comment", text: "Comment", answer: [{ valueString: s.comment }] });
  return {
    resourceType: "QuestionnaireResponse",
    id: s.id,
    status: s.answeredAt ? "completed" : "in-progress",
    subject: ref("Patient", s.patientId),
    identifier: { system: "urn:portico:appointment", value: s.appointmentId },
    authored: instant(s.answeredAt ?? s.sentAt),
    ...(items.length > 0 ? { item: items } : {}),
  };
}

export interface ScoredQuestionnaireFacts {
  id: string;
  patientId: string;
  kind: "phq9" | "gad7";
  answers: number[];
  score: number;
  answeredAt: Date;
}

/** FHIR R4 QuestionnaireResponse for a PHQ-9 or GAD-7 the patient answered (each item 0–3, and the total). */
export function toFhirScoredQuestionnaire(q: ScoredQuestionnaireFacts): QuestionnaireResponse {
  return {
    resourceType: "QuestionnaireResponse",
    id: q.id,
    status: "completed",
    questionnaire: q.kind === "phq9" ? "http://loinc.org/q/44249-1" : "http://loinc.org/q/69737-5",
    subject: ref("Patient", q.patientId),
    authored: instant(q.answeredAt),
    item: [
      ...q.answers.map((a, i) => ({ linkId: `${q.kind}-${i + 1}`, answer: [{ valueInteger: a }] })),
      { linkId: `${q.kind}-total`, text: "Total score", answer: [{ valueInteger: q.score }] },
    ],
  };
}
