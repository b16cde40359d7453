import type { HealthFlagItem, HealthFlagQuery, HealthFlagQueue } from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { visibleTo } from "../../platform/work-queue/visibility.ts";
import type { WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import {
  HEALTH_FLAG_SUBJECT,
  HEALTH_QUEUE,
  PATIENT_NAME,
  selectQuestionnaires,
  selectReadings,
} from "./health-rows.ts";
import { presentQuestionnaire, presentReading } from "./present.ts";

type Db = ReturnType<typeof currentDb>;

const dateText = (d: unknown): string =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d ?? "").slice(0, 10);

function selectFlags(db: Db) {
  const actor = currentContext().actor;
  return db
    .selectFrom("health_flags as f")
    .innerJoin("work_items as w", (join) =>
      join
        .onRef("w.subject_id", "=", "f.id")
        .on("w.queue", "=", HEALTH_QUEUE)
        .on("w.subject_type", "=", HEALTH_FLAG_SUBJECT),
    )
    .innerJoin("patients as p", "p.id", "f.patient_id")
    .leftJoin("users as au", "au.id", "f.acknowledged_by")
    .leftJoin("users as ru", "ru.id", "f.resolved_by")
    .where(visibleTo(actor, "w"))
    .select([
      "f.id",
      "f.patient_id",
      "f.level",
      "f.status",
      "f.created_at",
      "f.reading_id",
      "f.questionnaire_response_id",
      "f.acknowledged_at",
      "au.display_name as acknowledged_by_name",
      "f.resolved_at",
      "ru.display_name as resolved_by_name",
      "w.id as work_item_id",
      "w.due_at",
      "w.status as work_status",
      "w.assignee_user_id",
      PATIENT_NAME.as("patient_name"),
      "p.date_of_birth",
    ]);
}

interface FlagServiceDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  cipher: FieldCipher;
  workQueue: WorkQueueService;
}

type FlagRow = Awaited<ReturnType<ReturnType<typeof selectFlags>["execute"]>>[number];

/**
 * The care team's flagged-updates queue: the flags whose work item the caller may see
 * (`visibleTo`: the PCP, nurses at the PCP's locations, the assignee), urgent first, oldest
 * first; acknowledge (claims the work item: "I'm on it") and resolve (completes it), each
 * audited against the patient with the queue as the reason.
 */
export class HealthFlagService {
  readonly #d: FlagServiceDeps;

  constructor(deps: FlagServiceDeps) {
    this.#d = deps;
  }

  async queue(query: HealthFlagQuery): Promise<HealthFlagQueue> {
    const db = currentDb(this.#d.db);
    const resolved = query.status === "resolved";
    let q = selectFlags(db)
      .where("f.status", resolved ? "=" : "<>", "resolved")
      .where("p.status", "=", "active");
    if (query.patientId) q = q.where("f.patient_id", "=", query.patientId);
    const rows = await (resolved
      ? q.orderBy("f.resolved_at", "desc")
      : q.orderBy((eb) => eb.case().when("f.level", "=", "urgent").then(0).else(1).end()).orderBy("f.created_at")
    )
      .limit(200)
      .execute();
    return { items: await this.#present(rows) };
  }

  async acknowledge(flagId: string): Promise<HealthFlagItem> {
    const row = await this.#visible(flagId, "acknowledge");
    await this.#d.access.authorizePatient(row.patient_id, {
      scope: "health_updates",
      action: "write",
      resourceType: "health_flag",
      resourceId: flagId,
      auditAction: "acknowledge",
      reason: { queue: "flagged_updates", itemId: row.work_item_id },
    });
    const actor = currentContext().actor;
    await inTransaction(this.#d.db, async (trx) => {
      const changed = await trx
        .updateTable("health_flags")
        .set({ status: "acknowledged", acknowledged_by: actor.userId, acknowledged_at: this.#d.clock.now() })
        .where("id", "=", flagId)
        .where("status", "=", "open")
        .returning("id")
        .executeTakeFirst();
      if (!changed) throw new DomainError("conflict", "This update has already been acknowledged or resolved.");
      if (row.work_status === "open") await this.#d.workQueue.claim(row.work_item_id);
    });
    return this.#one(flagId);
  }

  async resolve(flagId: string): Promise<HealthFlagItem> {
    const row = await this.#visible(flagId, "resolve");
    await this.#d.access.authorizePatient(row.patient_id, {
      scope: "health_updates",
      action: "write",
      resourceType: "health_flag",
      resourceId: flagId,
      auditAction: "resolve",
      reason: { queue: "flagged_updates", itemId: row.work_item_id },
    });
    const actor = currentContext().actor;
    await inTransaction(this.#d.db, async (trx) => {
      const changed = await trx
        .updateTable("health_flags")
        .set({ status: "resolved", resolved_by: actor.userId, resolved_at: this.#d.clock.now() })
        .where("id", "=", flagId)
        .where("status", "<>", "resolved")
        .returning("id")
        .executeTakeFirst();
      if (!changed) throw new DomainError("conflict", "This update has already been resolved.");
      await this.#d.workQueue.complete(HEALTH_QUEUE, { type: HEALTH_FLAG_SUBJECT, id: flagId });
    });
    return this.#one(flagId);
  }

  /** The flag, if the caller may see its work item (else 404, exactly like an unknown id). */
  async #visible(flagId: string, action: "acknowledge" | "resolve") {
    const row = await selectFlags(currentDb(this.#d.db)).where("f.id", "=", flagId).executeTakeFirst();
    if (!row) {
      await this.#d.audit.recordIndependent({
        action,
        resourceType: "health_flag",
        resourceId: flagId,
        outcome: "denied",
        details: { reason: "not_found_or_not_theirs" },
      });
      throw notFound("flagged update");
    }
    return row;
  }

  async #one(flagId: string): Promise<HealthFlagItem> {
    const row = await selectFlags(currentDb(this.#d.db)).where("f.id", "=", flagId).executeTakeFirstOrThrow();
    return (await this.#present([row]))[0] as HealthFlagItem;
  }

  async #present(rows: readonly FlagRow[]) {
    if (rows.length === 0) return [];
    const db = currentDb(this.#d.db);
    const readingIds = rows.flatMap((r) => (r.reading_id ? [r.reading_id] : []));
    const questionnaireIds = rows.flatMap((r) => (r.questionnaire_response_id ? [r.questionnaire_response_id] : []));
    const [readings, questionnaires] = await Promise.all([
      readingIds.length ? selectReadings(db).where("r.id", "in", readingIds).execute() : [],
      questionnaireIds.length ? selectQuestionnaires(db).where("q.id", "in", questionnaireIds).execute() : [],
    ]);
    const now = this.#d.clock.now().getTime();
    return rows.map((row): HealthFlagItem => {
      const reading = readings.find((r) => r.id === row.reading_id);
      const questionnaire = questionnaires.find((q) => q.id === row.questionnaire_response_id);
      const active = row.status !== "resolved";
      return {
        id: row.id,
        level: row.level,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        dueAt: active ? row.due_at.toISOString() : null,
        overdue: active && row.due_at.getTime() < now,
        patient: { id: row.patient_id, displayName: row.patient_name, dateOfBirth: dateText(row.date_of_birth) },
        reading: reading ? presentReading(reading, this.#d.cipher) : null,
        questionnaire: questionnaire ? presentQuestionnaire(questionnaire) : null,
        acknowledged:
          row.acknowledged_at && row.acknowledged_by_name
            ? { by: row.acknowledged_by_name, at: row.acknowledged_at.toISOString() }
            : null,
        resolved:
          row.resolved_at && row.resolved_by_name
            ? { by: row.resolved_by_name, at: row.resolved_at.toISOString() }
            : null,
        workItemId: row.work_item_id,
        abilities: { canAcknowledge: row.status === "open", canResolve: active },
      };
    });
  }
}
