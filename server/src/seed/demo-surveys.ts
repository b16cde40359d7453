import { sql } from "kysely";
import { Temporal } from "temporal-polyfill";
import { surveyCommentSeal } from "../modules/surveys/seals.ts";
import { SURVEY_LINK_DAYS, SURVEY_QUEUE } from "../modules/surveys/survey-service.ts";
import { sha256 } from "../platform/auth/tokens.ts";
import type { DemoSeedContext } from "./demo-clinic.ts";

const DAY_MS = 86_400_000;

/** Past visits added for the survey figures: [provider, location, zone, visit type, minutes]. */
const CLINICS: [string, string, string, string, number][] = [
  ["provider:okafor", "location:brooklyn", "America/New_York", "fm-followup", 20],
  ["provider:patel", "location:chicago", "America/Chicago", "fm-followup", 20],
  ["provider:lindqvist", "location:brooklyn", "America/New_York", "cardio-followup", 20],
];
const PATIENTS = ["alex", "sam", "jamie", "taylor", "morgan"];
/** Scores in a fixed order, so the demo's figures are the same on every start (each provider differs). */
const SCORES: Record<string, number[]> = {
  "provider:okafor": [10, 9, 9, 10, 8, 9, 10, 7, 9, 10, 6, 9],
  "provider:patel": [8, 7, 9, 6, 8, 10, 7, 8, 5, 9, 8, 7],
  "provider:lindqvist": [10, 10, 9, 8, 9, 10, 9, 4, 10, 9, 10, 8],
};
const COMMENTS = [
  "Short wait and a clear explanation. Thank you.",
  "The front desk was very kind.",
  "Parking was hard to find.",
  "Muy buena atención, gracias.",
];

/**
 * Post-visit surveys for the demo (SPEC §7): a dozen past visits per provider (Dr. Okafor and
 * Dr. Lindqvist in Brooklyn, Dr. Patel in Chicago) over the last three months, most answered
 * with scores that differ by provider, some with comments, a few never answered. Alex's
 * check-up 90 days ago has its survey job due at start, so the invitation is in the dev
 * mailbox (the survey journey answers it).
 */
export async function seedDemoSurveys(ctx: DemoSeedContext): Promise<void> {
  const { trx, ids, now, cipher } = ctx;
  let n = 0;
  for (const [provider, location, zone, visitType, minutes] of CLINICS) {
    const scores = SCORES[provider] ?? [];
    for (let i = 0; i < scores.length; i++) {
      const patient = PATIENTS[(i + n) % PATIENTS.length] as string;
      // 07:00 local, every 6 days back from 3 days ago: before the demo's other visits that day
      const day = Temporal.Instant.fromEpochMilliseconds(now.getTime() - (3 + i * 6) * DAY_MS)
        .toZonedDateTimeISO(zone)
        .toPlainDate();
      const start = new Date(
        day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from("07:00") }).epochMilliseconds,
      );
      const end = new Date(start.getTime() + minutes * 60_000);
      const { id: appointmentId } = await trx
        .insertInto("appointments")
        .values({
          patient_id: ids[`patient:${patient}`] as string,
          provider_id: ids[provider] as string,
          location_id: ids[location] as string,
          visit_type_id: ids[`visit-type:${visitType}`] as string,
          starts_at: start,
          ends_at: end,
          blocked: sql<string>`tstzrange(${start}, ${end})`,
          status: "completed",
          arrived_at: new Date(start.getTime() - 10 * 60_000),
          completed_at: end,
          booked_by: ids["user:frontdesk"] ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const sentAt = new Date(end.getTime() + 2 * 60 * 60_000);
      // every fifth survey was never answered
      const answered = i % 5 !== 4;
      const answeredAt = answered ? new Date(sentAt.getTime() + (1 + (i % 3)) * 3 * 60 * 60_000) : null;
      const { id: surveyId } = await trx
        .insertInto("visit_surveys")
        .values({
          appointment_id: appointmentId,
          patient_id: ids[`patient:${patient}`] as string,
          provider_id: ids[provider] as string,
          location_id: ids[location] as string,
          token_hash: sha256(`visit-survey:demo-${appointmentId}`),
          sent_at: sentAt,
          expires_at: new Date(sentAt.getTime() + SURVEY_LINK_DAYS * DAY_MS),
          answered_at: answeredAt,
          score: answered ? (scores[i] as number) : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const comment = answered && i % 3 === 0 ? COMMENTS[(i / 3 + n) % COMMENTS.length] : undefined;
      if (comment) {
        await trx
          .updateTable("visit_surveys")
          .set({ comment_sealed: cipher.seal(comment, surveyCommentSeal(surveyId)) })
          .where("id", "=", surveyId)
          .execute();
      }
    }
    n++;
  }
  // Alex's check-up (the demo's first completed visit of Alex's): its survey goes out when the server starts
  const alexVisit = await trx
    .selectFrom("appointments")
    .select("id")
    .where("patient_id", "=", ids["patient:alex"] as string)
    .where("status", "=", "completed")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom("visit_surveys as s").select("s.id").whereRef("s.appointment_id", "=", "appointments.id"),
        ),
      ),
    )
    .orderBy("starts_at", "desc")
    .executeTakeFirst();
  if (alexVisit) {
    await trx
      .insertInto("jobs")
      .values({
        queue: SURVEY_QUEUE,
        payload: JSON.stringify({ appointmentId: alexVisit.id }),
        run_at: now,
        max_attempts: 10,
        dedupe_key: `visit-survey:${alexVisit.id}`,
      })
      .execute();
    ctx.notes.push("Alex Rivera's post-visit survey invitation is sent at start (see the dev mailbox).");
  }
}
