import type {
  AnswerSurveyRequest,
  AnswerSurveyResult,
  OpenSurvey,
  SurveyFigures,
  SurveyResults,
  SurveyResultsQuery,
} from "@portico/contracts";
import { sql } from "kysely";
import { Temporal } from "temporal-polyfill";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { whoMayBeTold } from "../../platform/access/notice-recipients.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { randomToken, sha256 } from "../../platform/auth/tokens.ts";
import type { Clock } from "../../platform/clock.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { DomainError } from "../../platform/errors.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import { personLanguage } from "../../platform/mail/language.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { surveyInvitation } from "./mail-templates.ts";
import { surveyCommentSeal } from "./seals.ts";

export const SURVEY_QUEUE = "surveys.send";
/**
 * The survey goes out 2 hours after the visit is marked completed: the patient is home, the
 * visit is fresh, and a visit marked completed by mistake (undone the same day) gets none —
 * the job checks the visit is still completed when it runs.
 */
export const SURVEY_DELAY_MS = 2 * 60 * 60_000;
/** The link works for 14 days. */
export const SURVEY_LINK_DAYS = 14;
const DAY_MS = 86_400_000;

export interface SurveyPayload {
  appointmentId: string;
}

export interface SurveyDeps {
  db: Database;
  clock: Clock;
  jobs: JobQueue;
  mailer: Mailer;
  audit: AuditLog;
  access: AccessService;
  cipher: FieldCipher;
  config: Pick<Config, "publicUrl" | "clinicName">;
}

/** The link's secret is stored only as its SHA-256, under this prefix (a hash of another kind of link never matches). */
export const surveyTokenHash = (token: string) => sha256(`visit-survey:${token}`);
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

const invalidLink = () =>
  new DomainError("not_found", "This survey link is not valid. Check that you opened the whole link from the email.", {
    reason: "invalid",
  });
const usedLink = () =>
  new DomainError(
    "gone",
    "This survey has already been answered. Thank you — each visit's survey can be answered once.",
    {
      reason: "used",
    },
  );
const expiredLink = () =>
  new DomainError("gone", "This survey link has expired. Surveys can be answered for 14 days after the visit.", {
    reason: "expired",
  });

function figures(row: {
  sent: number | string;
  answered: number | string;
  average: number | string | null;
  promoters: number | string;
  passives: number | string;
  detractors: number | string;
  comments: number | string;
}): SurveyFigures {
  const answered = Number(row.answered);
  const promoters = Number(row.promoters);
  const detractors = Number(row.detractors);
  return {
    sent: Number(row.sent),
    answered,
    averageScore: answered === 0 || row.average === null ? null : Math.round(Number(row.average) * 10) / 10,
    netPromoterScore: answered === 0 ? null : Math.round(((promoters - detractors) * 100) / answered),
    promoters,
    passives: Number(row.passives),
    detractors,
    comments: Number(row.comments),
  };
}

/**
 * Post-visit surveys (SPEC §2.8): the `surveys.send` job a completed visit queues, the public
 * single-use link (open, answer once), and the results admins read per provider and location.
 */
export class SurveyService {
  readonly #deps: SurveyDeps;

  constructor(deps: SurveyDeps) {
    this.#deps = deps;
    deps.jobs.register<SurveyPayload>(SURVEY_QUEUE, (payload) => this.send(payload));
  }

  /**
   * Called inside the transaction that marks a visit completed (scheduling's
   * `whenVisitCompleted`): queues the survey job, due `SURVEY_DELAY_MS` later, once per visit.
   */
  async visitCompleted(visit: { appointmentId: string; completedAt: Date }): Promise<void> {
    await this.#deps.jobs.enqueue(SURVEY_QUEUE, { appointmentId: visit.appointmentId } satisfies SurveyPayload, {
      runAt: new Date(visit.completedAt.getTime() + SURVEY_DELAY_MS),
      dedupeKey: `visit-survey:${visit.appointmentId}`,
    });
  }

  /**
   * The job: emails the link to the patient (or, for a patient with no address, the
   * caregivers whose grant covers appointments), each in their own language. Idempotent: a
   * visit no longer completed, or one already sent, gets nothing more.
   */
  async send(payload: SurveyPayload): Promise<void> {
    const { db, clock, config, mailer } = this.#deps;
    await inTransaction(db, async (trx) => {
      const visit = await trx
        .selectFrom("appointments")
        .select(["id", "patient_id", "provider_id", "location_id", "status"])
        .where("id", "=", payload.appointmentId)
        .forUpdate()
        .executeTakeFirst();
      if (visit?.status !== "completed") return;
      const existing = await trx
        .selectFrom("visit_surveys")
        .select("id")
        .where("appointment_id", "=", visit.id)
        .executeTakeFirst();
      if (existing) return;
      const now = clock.now();
      const recipients = await whoMayBeTold(trx, visit.patient_id, {
        scope: "appointments",
        now,
        caregivers: "when_patient_has_no_address",
      });
      if (recipients.length === 0) return;
      const token = randomToken();
      await trx
        .insertInto("visit_surveys")
        .values({
          appointment_id: visit.id,
          patient_id: visit.patient_id,
          provider_id: visit.provider_id,
          location_id: visit.location_id,
          token_hash: surveyTokenHash(token),
          sent_at: now,
          expires_at: new Date(now.getTime() + SURVEY_LINK_DAYS * DAY_MS),
        })
        .execute();
      for (const to of recipients) {
        await mailer.send({
          to: to.email,
          locale: to.locale,
          template: surveyInvitation,
          params: {
            forName: to.forName ?? "",
            surveyUrl: `${config.publicUrl}/survey?token=${token}&lang=${to.locale}`,
          },
          dedupeKey: `visit-survey:${visit.id}:${to.email.toLowerCase()}`,
        });
      }
    });
  }

  async #linkRow(token: string, forUpdate: boolean) {
    if (!TOKEN.test(token)) throw invalidLink();
    let query = currentDb(this.#deps.db)
      .selectFrom("visit_surveys as s")
      .innerJoin("patients as p", "p.id", "s.patient_id")
      .leftJoin("users as u", "u.id", "p.user_id")
      .select([
        "s.id",
        "s.patient_id",
        "s.expires_at",
        "s.answered_at",
        "p.preferred_language",
        "u.locale as accountLocale",
      ])
      .where("s.token_hash", "=", surveyTokenHash(token));
    if (forUpdate) query = query.forUpdate("s");
    const row = await query.executeTakeFirst();
    if (!row) throw invalidLink();
    if (row.answered_at) throw usedLink();
    if (row.expires_at <= this.#deps.clock.now()) throw expiredLink();
    return row;
  }

  /** `POST /api/surveys/open`: is this link still good? Says nothing about the visit. */
  async open(token: string): Promise<OpenSurvey> {
    const row = await this.#linkRow(token, false);
    return {
      status: "open",
      clinicName: this.#deps.config.clinicName,
      expiresAt: row.expires_at.toISOString(),
      language: personLanguage({ accountLocale: row.accountLocale, storedLanguage: row.preferred_language }),
    };
  }

  /** `POST /api/surveys/answer`: the score and optional comment (sealed), once. */
  async answer(request: AnswerSurveyRequest): Promise<AnswerSurveyResult> {
    const { db, clock, cipher, audit } = this.#deps;
    if (!Number.isInteger(request.score) || request.score < 0 || request.score > 10) {
      throw new DomainError("validation_failed", "Choose a score from 0 to 10.", { field: "score" });
    }
    const comment = request.comment?.trim() ?? "";
    return inTransaction(db, async (trx) => {
      const row = await this.#linkRow(request.token, true);
      const now = clock.now();
      await trx
        .updateTable("visit_surveys")
        .set({
          answered_at: now,
          score: request.score,
          comment_sealed: comment ? cipher.seal(comment, surveyCommentSeal(row.id)) : null,
        })
        .where("id", "=", row.id)
        .where("answered_at", "is", null)
        .execute();
      await audit.record({
        action: "answer",
        resourceType: "visit_survey",
        resourceId: row.id,
        patientId: row.patient_id,
        actingAs: "survey_link",
        outcome: "success",
      });
      return { status: "answered" as const };
    });
  }

  /**
   * Admins: figures per provider and per location over a date range (the clinic's days, in the
   * time zone of its first location): surveys sent in the range, answers given in it. Counts
   * and scores only; the comments' words stay sealed.
   */
  async results(query: SurveyResultsQuery): Promise<SurveyResults> {
    await this.#deps.access.authorizeStaff("admin", { resourceType: "survey_results" });
    const db = currentDb(this.#deps.db);
    const locations = await db.selectFrom("locations").select(["id", "name", "time_zone"]).orderBy("name").execute();
    const providers = await db
      .selectFrom("providers")
      .select(["id", "display_name as name"])
      .orderBy("display_name")
      .execute();
    const timeZone = locations[0]?.time_zone ?? "UTC";
    const today = Temporal.Instant.fromEpochMilliseconds(this.#deps.clock.now().getTime())
      .toZonedDateTimeISO(timeZone)
      .toPlainDate();
    const to = query.to ? Temporal.PlainDate.from(query.to) : today;
    const from = query.from ? Temporal.PlainDate.from(query.from) : to.subtract({ days: 89 });
    if (Temporal.PlainDate.compare(from, to) > 0) {
      throw new DomainError("validation_failed", "The start date must be on or before the end date.", {
        field: "from",
      });
    }
    if (from.until(to).total({ unit: "days" }) > 731) {
      throw new DomainError("validation_failed", "Choose a range of at most two years.", { field: "from" });
    }
    const start = new Date(from.toZonedDateTime({ timeZone }).epochMilliseconds);
    const end = new Date(to.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds);

    const grouped = async (column: "provider_id" | "location_id" | null) => {
      const key = column ? sql.ref(`s.${column}`) : sql`null::uuid`;
      const answeredIn = sql`s.answered_at >= ${start} and s.answered_at < ${end}`;
      const { rows } = await sql<{
        key: string | null;
        sent: string;
        answered: string;
        average: string | null;
        promoters: string;
        passives: string;
        detractors: string;
        comments: string;
      }>`
        select ${key} as key,
          count(*) filter (where s.sent_at >= ${start} and s.sent_at < ${end}) as sent,
          count(*) filter (where ${answeredIn}) as answered,
          avg(s.score) filter (where ${answeredIn}) as average,
          count(*) filter (where ${answeredIn} and s.score >= 9) as promoters,
          count(*) filter (where ${answeredIn} and s.score between 7 and 8) as passives,
          count(*) filter (where ${answeredIn} and s.score <= 6) as detractors,
          count(*) filter (where ${answeredIn} and s.comment_sealed is not null) as comments
        from visit_surveys s
        where ((s.sent_at >= ${start} and s.sent_at < ${end}) or (${answeredIn}))
          ${query.locationId ? sql`and s.location_id = ${query.locationId}` : sql``}
          ${query.providerId ? sql`and s.provider_id = ${query.providerId}` : sql``}
        ${column ? sql`group by ${key}` : sql``}`.execute(db);
      return rows;
    };
    const [overall, byProvider, byLocation] = await Promise.all([
      grouped(null),
      grouped("provider_id"),
      grouped("location_id"),
    ]);
    const providerName = new Map(providers.map((p) => [p.id, p.name]));
    const locationName = new Map(locations.map((l) => [l.id, l.name]));
    const empty = { sent: 0, answered: 0, average: null, promoters: 0, passives: 0, detractors: 0, comments: 0 };
    return {
      from: from.toString(),
      to: to.toString(),
      timeZone,
      overall: figures(overall[0] ?? empty),
      byProvider: byProvider
        .map((r) => ({
          providerId: r.key as string,
          providerName: providerName.get(r.key as string) ?? "",
          ...figures(r),
        }))
        .sort((a, b) => a.providerName.localeCompare(b.providerName)),
      byLocation: byLocation
        .map((r) => ({
          locationId: r.key as string,
          locationName: locationName.get(r.key as string) ?? "",
          ...figures(r),
        }))
        .sort((a, b) => a.locationName.localeCompare(b.locationName)),
      locations: locations.map((l) => ({ id: l.id, name: l.name })),
      providers: providers.map((p) => ({ id: p.id, name: p.name })),
    };
  }
}
