import type { Appointment, IntakeItem } from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { displayTimeZone } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import { DAY, iso, MINUTE } from "./booking-rules.ts";
import { ECHECKIN_OPENS_DAYS } from "./check-in-service.ts";
import type { SchedulingIntake } from "./intake.ts";
import * as repo from "./repo.ts";

/** "Maya Rivera": the name a page uses for the person the visit is for. */
export function patientNameOf(row: {
  patientPreferredName: string | null;
  patientGivenName: string;
  patientFamilyName: string;
}) {
  return `${row.patientPreferredName?.trim() || row.patientGivenName} ${row.patientFamilyName}`;
}

export function presentAppointment(
  row: repo.AppointmentRow,
  now: Date,
  readerPatientId: string | null = currentContext().actor.patientId ?? null,
  intake: IntakeItem[] = [],
): Appointment {
  const cancellableUntil = new Date(row.startsAt.getTime() - row.cancellationNoticeMinutes * MINUTE);
  const live = !["cancelled", "completed", "no_show", "arrived", "roomed", "in_visit"].includes(row.status);
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: patientNameOf(row),
    readerIsPatient: readerPatientId === row.patientId,
    displayTimeZone: displayTimeZone(row.modality, row.timeZone, row.patientTimeZone),
    start: iso(row.startsAt),
    end: iso(row.endsAt),
    status: row.status,
    visitType: {
      id: row.visitTypeId,
      name: row.visitTypeName,
      nameEs: row.visitTypeNameEs,
      modality: row.modality,
      durationMinutes: row.durationMinutes,
    },
    provider: { id: row.providerId, name: row.providerName, specialty: row.specialty },
    location: {
      id: row.locationId,
      name: row.locationName,
      timeZone: row.timeZone,
      phone: row.locationPhone,
      address: row.locationAddress,
    },
    cancellableUntil: iso(cancellableUntil),
    canCancelOnline: live && now < cancellableUntil,
    eCheckInOpensAt: iso(row.startsAt.getTime() - ECHECKIN_OPENS_DAYS * DAY),
    eCheckInCompletedAt: row.checkedInAt ? iso(row.checkedInAt) : null,
    intake,
    arrivedAt: row.arrivedAt ? iso(row.arrivedAt) : null,
    onWaitlist: Boolean(row.onWaitlist),
    cancelledAt: row.cancelledAt ? iso(row.cancelledAt) : null,
    movedFrom: row.movedFromStart ? iso(row.movedFromStart) : null,
    createdAt: iso(row.createdAt),
  };
}

/** One appointment of the access's patient, as their pages show it (404 when it is not theirs). */
export async function presentOfPatient(
  deps: { db: Database; clock: Clock; intake?: SchedulingIntake },
  access: PatientAccess,
  appointmentId: string,
): Promise<Appointment> {
  const row = await repo.appointmentOfPatient(currentDb(deps.db), access, appointmentId);
  if (!row) throw notFound("appointment");
  const now = deps.clock.now();
  const intake = await deps.intake?.forVisits(access, [row], now);
  return presentAppointment(row, now, undefined, intake?.get(row.id));
}
