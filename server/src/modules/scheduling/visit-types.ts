import type { VisitType } from "@portico/contracts";
import type { Selectable } from "kysely";
import type { VisitTypesTable } from "../../db/tables/scheduling.ts";

export function presentVisitType(row: Selectable<VisitTypesTable>): VisitType {
  return {
    id: row.id,
    name: row.name,
    nameEs: row.name_es,
    description: row.description,
    descriptionEs: row.description_es,
    durationMinutes: row.duration_minutes,
    modality: row.modality,
    specialty: row.specialty,
    bookingKind: row.booking_kind,
    minimumNoticeMinutes: row.minimum_notice_minutes,
    horizonDays: row.horizon_days,
    bufferBeforeMinutes: row.buffer_before_minutes,
    bufferAfterMinutes: row.buffer_after_minutes,
    cancellationNoticeMinutes: row.cancellation_notice_minutes,
    questionnaire: (row.questionnaire ?? []) as VisitType["questionnaire"],
    intakeQuestionnaires: [...(row.intake_questionnaires ?? [])],
    active: row.active,
  };
}
