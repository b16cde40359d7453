import { sql } from "kysely";
import { Temporal } from "temporal-polyfill";
import type { DemoSeedContext } from "./demo-clinic.ts";

type Kind = "established" | "new" | "referral";

const visitTypes: {
  key: string;
  name: string;
  nameEs: string;
  description: string;
  descriptionEs: string;
  specialty: string;
  duration: number;
  modality: "in_person" | "video";
  kind: Kind;
  notice?: number;
  horizon?: number;
  bufferAfter?: number;
  questionnaire?: unknown[];
  intake?: ("phq9" | "gad7")[];
}[] = [
  {
    key: "fm-checkup",
    name: "Annual check-up",
    nameEs: "Chequeo anual",
    description: "A yearly wellness visit with your primary care physician.",
    descriptionEs: "Una visita anual de bienestar con su médico de atención primaria.",
    specialty: "family_medicine",
    duration: 30,
    modality: "in_person",
    kind: "established",
    // the yearly depression and anxiety screening, answered before the visit
    intake: ["phq9", "gad7"],
    questionnaire: [
      {
        id: "concerns",
        text: "Is there anything you would like to talk about at this visit?",
        textEs: "¿Hay algo de lo que quiera hablar en esta visita?",
        type: "text",
        required: false,
      },
      {
        id: "falls",
        text: "Have you fallen in the past year?",
        textEs: "¿Se ha caído en el último año?",
        type: "yes_no",
        required: true,
      },
    ],
  },
  {
    key: "fm-followup",
    name: "Follow-up visit",
    nameEs: "Visita de seguimiento",
    description: "A short visit to follow up on an ongoing concern.",
    descriptionEs: "Una visita breve para dar seguimiento a un problema en curso.",
    specialty: "family_medicine",
    duration: 20,
    modality: "in_person",
    kind: "established",
  },
  {
    key: "fm-new",
    name: "New patient visit",
    nameEs: "Visita de paciente nuevo",
    description: "Your first visit with a primary care physician here.",
    descriptionEs: "Su primera visita con un médico de atención primaria aquí.",
    specialty: "family_medicine",
    duration: 40,
    modality: "in_person",
    kind: "new",
    bufferAfter: 10,
    notice: 24 * 60,
  },
  {
    key: "fm-video",
    name: "Video visit",
    nameEs: "Visita por video",
    description: "A short visit by video from home.",
    descriptionEs: "Una visita breve por video desde su casa.",
    specialty: "family_medicine",
    duration: 20,
    modality: "video",
    kind: "established",
    notice: 60,
  },
  {
    key: "cardio-consult",
    name: "Cardiology consultation",
    nameEs: "Consulta de cardiología",
    description: "A first visit with a heart specialist. Needs a referral from your primary care physician.",
    descriptionEs:
      "Una primera visita con un especialista del corazón. Necesita una remisión de su médico de atención primaria.",
    specialty: "cardiology",
    duration: 40,
    modality: "in_person",
    kind: "referral",
    bufferAfter: 10,
    notice: 24 * 60,
  },
  {
    key: "cardio-followup",
    name: "Cardiology follow-up",
    nameEs: "Seguimiento de cardiología",
    description: "A follow-up visit with your heart specialist.",
    descriptionEs: "Una visita de seguimiento con su especialista del corazón.",
    specialty: "cardiology",
    duration: 20,
    modality: "in_person",
    kind: "established",
  },
  {
    key: "derm-skin",
    name: "Skin check",
    nameEs: "Revisión de la piel",
    description: "A full skin check with a dermatologist.",
    descriptionEs: "Una revisión completa de la piel con un dermatólogo.",
    specialty: "dermatology",
    duration: 20,
    modality: "in_person",
    kind: "new",
  },
  {
    key: "derm-consult",
    name: "Dermatology consultation",
    nameEs: "Consulta de dermatología",
    description: "A specialist visit for a skin condition. Needs a referral.",
    descriptionEs: "Una visita con el especialista por un problema de la piel. Necesita una remisión.",
    specialty: "dermatology",
    duration: 30,
    modality: "in_person",
    kind: "referral",
  },
];

/** [provider key, location key, ISO weekdays, start, end] */
const templates: [string, string, number[], string, string][] = [
  ["provider:okafor", "location:brooklyn", [1, 2, 4], "09:00", "12:00"],
  ["provider:okafor", "location:brooklyn", [1, 2, 4], "13:00", "17:00"],
  ["provider:okafor", "location:chicago", [3, 5], "09:00", "12:00"],
  ["provider:okafor", "location:chicago", [3, 5], "13:00", "16:00"],
  ["provider:patel", "location:chicago", [1, 2, 3, 4, 5], "08:30", "12:00"],
  ["provider:patel", "location:chicago", [1, 2, 3, 4, 5], "13:00", "16:30"],
  ["provider:lindqvist", "location:brooklyn", [1, 2, 3, 4], "09:00", "16:00"],
  ["provider:haddad", "location:brooklyn", [2, 4], "10:00", "16:00"],
  ["provider:haddad", "location:chicago", [1, 3], "09:00", "15:00"],
];

/** The instant of local `time` on the first `weekday` at least `days` days from now, in `zone`. */
function localSlot(now: Date, zone: string, days: number, weekday: number, time: string): Date {
  let date = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate().add({ days });
  while (date.dayOfWeek !== weekday) date = date.add({ days: days >= 0 ? 1 : -1 });
  return new Date(date.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds);
}

/** Visit types of all three booking kinds, weekly availability for every provider, some appointments. */
export async function seedDemoScheduling(ctx: DemoSeedContext): Promise<void> {
  const { trx, ids, now } = ctx;
  for (const vt of visitTypes) {
    const { id } = await trx
      .insertInto("visit_types")
      .values({
        name: vt.name,
        name_es: vt.nameEs,
        description: vt.description,
        description_es: vt.descriptionEs,
        specialty: vt.specialty,
        duration_minutes: vt.duration,
        modality: vt.modality,
        booking_kind: vt.kind,
        minimum_notice_minutes: vt.notice ?? 120,
        horizon_days: vt.horizon ?? 90,
        buffer_after_minutes: vt.bufferAfter ?? 0,
        cancellation_notice_minutes: 24 * 60,
        questionnaire: JSON.stringify(vt.questionnaire ?? []),
        intake_questionnaires: vt.intake ?? [],
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[`visit-type:${vt.key}`] = id;
  }
  for (const [provider, location, weekdays, start, end] of templates) {
    await trx
      .insertInto("availability_templates")
      .values(
        weekdays.map((weekday) => ({
          provider_id: ids[provider] as string,
          location_id: ids[location] as string,
          weekday,
          start_time: start,
          end_time: end,
        })),
      )
      .execute();
  }

  const zoneOf: Record<string, string> = {
    "location:brooklyn": "America/New_York",
    "location:chicago": "America/Chicago",
  };
  type Status = "booked" | "confirmed" | "completed" | "no_show" | "arrived";
  /** [patient, provider, location, visit type, minutes, days from now, ISO weekday, local time, status] */
  const appointments: [string, string, string, string, number, number, number, string, Status][] = [
    // past visits make the Riveras and Morgan established patients of their physicians
    ["alex", "provider:okafor", "location:brooklyn", "fm-checkup", 30, -90, 2, "09:30", "completed"],
    ["sam", "provider:okafor", "location:brooklyn", "fm-followup", 20, -60, 4, "14:00", "completed"],
    ["jamie", "provider:okafor", "location:brooklyn", "fm-checkup", 30, -200, 1, "10:00", "completed"],
    ["taylor", "provider:okafor", "location:brooklyn", "fm-checkup", 30, -150, 1, "11:00", "completed"],
    ["morgan", "provider:patel", "location:chicago", "fm-checkup", 30, -120, 2, "08:30", "completed"],
    ["alex", "provider:lindqvist", "location:brooklyn", "cardio-followup", 20, -30, 3, "10:00", "no_show"],
    // upcoming
    ["alex", "provider:okafor", "location:brooklyn", "fm-followup", 20, 5, 2, "10:00", "booked"],
    ["jamie", "provider:okafor", "location:brooklyn", "fm-checkup", 30, 10, 4, "15:30", "confirmed"],
    ["morgan", "provider:patel", "location:chicago", "fm-followup", 20, 3, 3, "09:10", "booked"],
    ["sam", "provider:okafor", "location:chicago", "fm-video", 20, 12, 5, "13:20", "booked"],
  ];
  for (const [patient, provider, location, visitType, minutes, days, weekday, time, status] of appointments) {
    const zone = zoneOf[location] as string;
    const start = localSlot(now, zone, days, weekday, time);
    await insertDemoAppointment(ctx, { patient, provider, location, visitType, minutes, start, status });
  }
  // today's clinic at Brooklyn, so the front desk's arrivals board has people on it
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO("America/New_York").dayOfWeek;
  const todays: [string, string, string, Status][] = [
    ["sam", "cardio-followup", "09:00", "confirmed"],
    ["jamie", "cardio-followup", "11:20", "booked"],
    ["taylor", "cardio-followup", "14:40", "booked"],
  ];
  for (const [patient, visitType, time, status] of todays) {
    const start = localSlot(now, "America/New_York", 0, today, time);
    await insertDemoAppointment(ctx, {
      patient,
      provider: "provider:lindqvist",
      location: "location:brooklyn",
      visitType,
      minutes: 20,
      start,
      status,
    });
  }
}

async function insertDemoAppointment(
  ctx: DemoSeedContext,
  a: {
    patient: string;
    provider: string;
    location: string;
    visitType: string;
    minutes: number;
    start: Date;
    status: string;
  },
): Promise<void> {
  const { ids } = ctx;
  const end = new Date(a.start.getTime() + a.minutes * 60_000);
  const stamp = (minutesBefore: number) => new Date(a.start.getTime() - minutesBefore * 60_000);
  await ctx.trx
    .insertInto("appointments")
    .values({
      patient_id: ids[`patient:${a.patient}`] as string,
      provider_id: ids[a.provider] as string,
      location_id: ids[a.location] as string,
      visit_type_id: ids[`visit-type:${a.visitType}`] as string,
      starts_at: a.start,
      ends_at: end,
      blocked: sql<string>`tstzrange(${a.start}, ${end})`,
      status: a.status as "booked",
      completed_at: a.status === "completed" ? end : null,
      arrived_at: a.status === "completed" || a.status === "arrived" ? stamp(10) : null,
      booked_by: ids["user:frontdesk"] ?? null,
    })
    .execute();
}
