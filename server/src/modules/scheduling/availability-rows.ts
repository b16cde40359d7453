import type {
  AffectedVisit,
  AvailabilityException,
  AvailabilityTemplate,
  CreateVisitType,
  UpdateVisitType,
} from "@portico/contracts";
import type { Selectable } from "kysely";
import type { Static } from "typebox";
import type { AvailabilityExceptionsTable, AvailabilityTemplatesTable } from "../../db/tables/scheduling.ts";
import type { bookedVisitsOverlapping } from "./calendar-queries.ts";

export type Template = Static<typeof AvailabilityTemplate>;
export type Exception = Static<typeof AvailabilityException>;

/** Rows of the clinic's scheduling set-up and how the API shows them: visit types, weekly times, exceptions. */

const hhmm = (t: string) => t.slice(0, 5);

/** The columns of a new visit type. */
export function newVisitTypeRow(input: Static<typeof CreateVisitType>) {
  return {
    name: input.name.trim(),
    name_es: input.nameEs?.trim() || null,
    description: input.description?.trim() || null,
    description_es: input.descriptionEs?.trim() || null,
    duration_minutes: input.durationMinutes,
    modality: input.modality,
    specialty: input.specialty,
    booking_kind: input.bookingKind,
    minimum_notice_minutes: input.minimumNoticeMinutes,
    horizon_days: input.horizonDays,
    buffer_before_minutes: input.bufferBeforeMinutes,
    buffer_after_minutes: input.bufferAfterMinutes,
    cancellation_notice_minutes: input.cancellationNoticeMinutes,
    questionnaire: JSON.stringify(input.questionnaire ?? []),
    intake_questionnaires: input.intakeQuestionnaires ?? [],
    active: input.active ?? true,
  };
}

/** The columns a visit type's update sets: only the fields it names. */
export function visitTypeChanges(input: Static<typeof UpdateVisitType>): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (input.name !== undefined) set.name = input.name.trim();
  if (input.nameEs !== undefined) set.name_es = input.nameEs?.trim() || null;
  if (input.description !== undefined) set.description = input.description?.trim() || null;
  if (input.descriptionEs !== undefined) set.description_es = input.descriptionEs?.trim() || null;
  if (input.durationMinutes !== undefined) set.duration_minutes = input.durationMinutes;
  if (input.modality !== undefined) set.modality = input.modality;
  if (input.specialty !== undefined) set.specialty = input.specialty;
  if (input.bookingKind !== undefined) set.booking_kind = input.bookingKind;
  if (input.minimumNoticeMinutes !== undefined) set.minimum_notice_minutes = input.minimumNoticeMinutes;
  if (input.horizonDays !== undefined) set.horizon_days = input.horizonDays;
  if (input.bufferBeforeMinutes !== undefined) set.buffer_before_minutes = input.bufferBeforeMinutes;
  if (input.bufferAfterMinutes !== undefined) set.buffer_after_minutes = input.bufferAfterMinutes;
  if (input.cancellationNoticeMinutes !== undefined) set.cancellation_notice_minutes = input.cancellationNoticeMinutes;
  if (input.questionnaire !== undefined) set.questionnaire = JSON.stringify(input.questionnaire);
  if (input.intakeQuestionnaires !== undefined) set.intake_questionnaires = input.intakeQuestionnaires;
  if (input.active !== undefined) set.active = input.active;
  return set;
}

export function presentTemplate(t: Selectable<AvailabilityTemplatesTable>): Template {
  return {
    id: t.id,
    providerId: t.provider_id,
    locationId: t.location_id,
    weekday: t.weekday,
    startTime: hhmm(t.start_time),
    endTime: hhmm(t.end_time),
    validFrom: t.valid_from,
    validUntil: t.valid_until,
    visitTypeIds: t.visit_type_ids,
  };
}

export function presentException(e: Selectable<AvailabilityExceptionsTable>): Exception {
  return {
    id: e.id,
    providerId: e.provider_id,
    kind: e.kind,
    start: e.starts_at.toISOString(),
    end: e.ends_at.toISOString(),
    locationId: e.location_id,
    note: e.note,
  };
}

/** A booked visit that time off or a block would overlap, named for the admin. */
export function presentAffectedVisit(r: Awaited<ReturnType<typeof bookedVisitsOverlapping>>[number]): AffectedVisit {
  return {
    appointmentId: r.id,
    patientId: r.patientId,
    patientName: `${r.preferredName ?? r.givenName} ${r.familyName}`,
    start: r.startsAt.toISOString(),
    end: r.endsAt.toISOString(),
    status: r.status,
    visitTypeName: r.visitTypeName,
    visitTypeNameEs: r.visitTypeNameEs,
    locationName: r.locationName,
    timeZone: r.timeZone,
  };
}
