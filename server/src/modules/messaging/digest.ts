import { sql } from "kysely";
import type { StaffRole } from "../../db/tables/people.ts";
import { type Actor, runWithContext, systemContext } from "../../platform/context.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { visibleTo } from "../../platform/work-queue/visibility.ts";
import { latestDigestSlot } from "./business-hours.ts";
import { messageDigest } from "./mail-templates.ts";
import { ACTIVE, asLocale, MESSAGES_QUEUE, type MessagingDeps } from "./thread-store.ts";

/** Digest emails of new message work at the times each clinician chose (counts only). */
export class MessageDigests {
  readonly #d: MessagingDeps;

  constructor(deps: MessagingDeps) {
    this.#d = deps;
  }

  // ---- digest (job) ----

  /**
   * Emails each staff member who chose digest times and whose latest chosen time has passed
   * since their last digest: how many new waits for an answer they may work arrived since
   * then (counts only). Nothing new: no email, but the time is still marked done.
   */
  async sendDigests(): Promise<number> {
    return runWithContext(systemContext("messages-digest"), async () => {
      const db = this.#d.db;
      const now = this.#d.clock.now();
      const prefs = await db
        .selectFrom("message_digest_preferences as d")
        .innerJoin("users as u", "u.id", "d.user_id")
        .select(["d.user_id", "d.times", "d.time_zone", "d.last_sent_at", "u.email", "u.locale"])
        .where("d.enabled", "=", true)
        .where("u.status", "=", "active")
        .execute();
      let sent = 0;
      for (const pref of prefs) {
        const times = (typeof pref.times === "string" ? JSON.parse(pref.times) : pref.times) as string[];
        const slot = latestDigestSlot(times ?? [], pref.time_zone, now);
        if (!slot || (pref.last_sent_at && pref.last_sent_at.getTime() >= slot.getTime())) continue;
        const since = pref.last_sent_at ?? new Date(slot.getTime() - 86_400_000);
        const roles = (
          await db.selectFrom("user_roles").select("role").where("user_id", "=", pref.user_id).execute()
        ).map((r) => r.role as StaffRole);
        const provider = await db
          .selectFrom("providers")
          .select("id")
          .where("user_id", "=", pref.user_id)
          .executeTakeFirst();
        const actor: Actor = {
          kind: "user",
          userId: pref.user_id,
          roles,
          patientId: null,
          providerId: provider?.id ?? null,
          grants: [],
        };
        const counts = await db
          .selectFrom("work_items as w")
          .select([
            sql<string>`count(*) filter (where w.created_at > ${since})`.as("fresh"),
            sql<string>`count(*)`.as("waiting"),
            sql<string>`count(*) filter (where w.due_at < ${now})`.as("overdue"),
          ])
          .where("w.queue", "=", MESSAGES_QUEUE)
          .where("w.status", "in", ACTIVE)
          .where(visibleTo(actor, "w"))
          .executeTakeFirstOrThrow();
        await inTransaction(db, async (trx) => {
          if (Number(counts.fresh) > 0) {
            await this.#d.mailer.send({
              to: pref.email,
              locale: asLocale(pref.locale),
              template: messageDigest,
              params: {
                newCount: Number(counts.fresh),
                waitingCount: Number(counts.waiting),
                overdueCount: Number(counts.overdue),
                inboxUrl: "/staff/messages",
              },
              dedupeKey: `messages.digest:${pref.user_id}:${slot.toISOString()}`,
            });
            sent += 1;
          }
          await trx
            .updateTable("message_digest_preferences")
            .set({ last_sent_at: now })
            .where("user_id", "=", pref.user_id)
            .execute();
        });
      }
      return sent;
    });
  }
}
