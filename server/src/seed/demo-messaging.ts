import { randomUUID } from "node:crypto";
import type { MessageKindValue, MessageTopicValue, ThreadStatusValue } from "../db/tables/messaging.ts";
import type { DemoSeedContext } from "./demo-clinic.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface DemoMessage {
  kind: MessageKindValue;
  author: "patient" | "proxy" | "staff" | "system";
  userKey: string | null;
  body: string;
  hoursAgo: number;
  autoReply?: object;
}

interface DemoThread {
  patient: string;
  topic: MessageTopicValue;
  subject: string;
  pool: string;
  status: ThreadStatusValue;
  addressedToOkafor: boolean;
  /** waiting threads: hours from now until due (negative: overdue) */
  dueInHours?: number;
  viaProxyOf?: string;
  messages: DemoMessage[];
  /** how far the patient side (their login) has read, by seq */
  patientReadSeq: number;
  nurseReadSeq: number;
}

/**
 * Messaging for the demo (SPEC §7): two pools at Portico Brooklyn (Family Medicine nurses,
 * with Dr. Okafor, answers every clinical and practical topic within 8 business hours; the
 * billing office within 16), quick replies, Dr. Okafor's message office hours (weekdays
 * 12:00–14:00, covered by the nurses), a digest at 08:00 and 13:00 for the nurse, Brooklyn's
 * holidays, and conversations in every state: Alex's overdue question, Alex's answered one
 * (unread), a closed one, Sam's question covered outside office hours (with the automatic
 * reply), and one Sam sent for Jamie as a caregiver, with an internal note.
 */
export async function seedDemoMessaging(ctx: DemoSeedContext): Promise<void> {
  const { trx, now, ids, cipher } = ctx;
  const id = (key: string) => ids[key] as string;
  const brooklyn = id("location:brooklyn");

  const pools: [string, string, string, string, number, string[], MessageTopicValue[]][] = [
    [
      "pool:fm-nurses",
      "Family Medicine nurses",
      "The family medicine nurses at Portico Brooklyn, with Dr. Chidi Okafor",
      "Las enfermeras de medicina familiar de Portico Brooklyn, con el Dr. Chidi Okafor",
      8,
      ["user:nurse", "user:okafor"],
      ["medical_question", "medication", "test_result", "appointment", "referral", "other"],
    ],
    [
      "pool:billing",
      "Billing office",
      "The billing office at Portico Brooklyn",
      "La oficina de facturación de Portico Brooklyn",
      16,
      ["user:nurse"],
      ["billing"],
    ],
  ];
  for (const [key, name, readers, readersEs, target, members, topics] of pools) {
    const { id: poolId } = await trx
      .insertInto("message_pools")
      .values({
        name,
        readers_description: readers,
        readers_description_es: readersEs,
        location_id: brooklyn,
        response_target_hours: target,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[key] = poolId;
    await trx
      .insertInto("message_pool_members")
      .values(members.map((m) => ({ pool_id: poolId, user_id: id(m) })))
      .execute();
    await trx
      .insertInto("message_topic_routes")
      .values(topics.map((topic) => ({ topic, pool_id: poolId })))
      .execute();
  }
  await trx
    .insertInto("message_quick_replies")
    .values([
      {
        pool_id: id("pool:fm-nurses"),
        title: "Call to schedule",
        body: "Thank you for your message. Please call us at (555) 010-2000 so we can find a time that suits you.",
      },
      {
        pool_id: id("pool:fm-nurses"),
        title: "Results are normal",
        body: "Your results are within the normal range. No change to your care is needed. Please write if you have questions.",
      },
    ])
    .execute();
  const year = now.getUTCFullYear();
  await trx
    .insertInto("location_holidays")
    .values([
      // one name for every reader of the admin pages: the demo writes both languages
      { location_id: brooklyn, holiday_on: `${year}-12-25`, name: "Christmas Day · Navidad" },
      { location_id: brooklyn, holiday_on: `${year + 1}-01-01`, name: "New Year's Day · Año Nuevo" },
    ])
    .execute();
  await trx
    .insertInto("message_office_hours")
    .values({
      user_id: id("user:okafor"),
      time_zone: "America/New_York",
      hours: JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "12:00", end: "14:00" }))),
      covering_pool_id: id("pool:fm-nurses"),
    })
    .execute();
  await trx
    .insertInto("message_digest_preferences")
    .values({
      user_id: id("user:nurse"),
      times: JSON.stringify(["08:00", "13:00"]),
      time_zone: "America/New_York",
      last_sent_at: now,
    })
    .execute();

  const jamieGrant = await trx
    .selectFrom("proxy_grants")
    .select("id")
    .where("patient_id", "=", id("patient:jamie"))
    .where("proxy_user_id", "=", id("user:sam"))
    .executeTakeFirstOrThrow();

  const threads: DemoThread[] = [
    {
      patient: "alex",
      topic: "medical_question",
      subject: "Home blood pressure readings",
      pool: "pool:fm-nurses",
      status: "waiting",
      addressedToOkafor: true,
      dueInHours: -20,
      messages: [
        {
          kind: "message",
          author: "patient",
          userKey: "user:alex",
          body: "My home readings have been around 145/95 for the last week, even with the Lisinopril. Should I change anything before my next visit?",
          hoursAgo: 4 * 24,
        },
      ],
      patientReadSeq: 1,
      nurseReadSeq: 0,
    },
    {
      patient: "alex",
      topic: "medication",
      subject: "Dizziness after the new dose",
      pool: "pool:fm-nurses",
      status: "answered",
      addressedToOkafor: true,
      messages: [
        {
          kind: "message",
          author: "patient",
          userKey: "user:alex",
          body: "Since the dose went up I feel a bit dizzy when I stand up quickly. Is that expected?",
          hoursAgo: 3 * 24,
        },
        {
          kind: "message",
          author: "staff",
          userKey: "user:nurse",
          body: "Mild dizziness when standing can happen in the first weeks. Stand up slowly and drink enough water. If it gets worse or you faint, call us or 911.",
          hoursAgo: 2 * 24,
        },
      ],
      patientReadSeq: 1,
      nurseReadSeq: 2,
    },
    {
      patient: "alex",
      topic: "appointment",
      subject: "Letter for work",
      pool: "pool:fm-nurses",
      status: "closed",
      addressedToOkafor: false,
      messages: [
        {
          kind: "message",
          author: "patient",
          userKey: "user:alex",
          body: "Could I get a letter confirming my visit last month for my employer?",
          hoursAgo: 20 * 24,
        },
        {
          kind: "message",
          author: "staff",
          userKey: "user:nurse",
          body: "The letter is ready at the front desk. You can pick it up any weekday.",
          hoursAgo: 19 * 24,
        },
      ],
      patientReadSeq: 2,
      nurseReadSeq: 2,
    },
    {
      patient: "sam",
      topic: "test_result",
      subject: "Resultados de laboratorio",
      pool: "pool:fm-nurses",
      status: "waiting",
      addressedToOkafor: false,
      dueInHours: 6,
      messages: [
        {
          kind: "message",
          author: "patient",
          userKey: "user:sam",
          body: "Recibí un aviso de que mis resultados de colesterol están listos. ¿Me puede explicar qué significan?",
          hoursAgo: 2,
        },
        {
          kind: "auto_reply",
          author: "system",
          userKey: null,
          body: "Dr. Chidi Okafor reads messages during office hours. Your message went to Family Medicine nurses.",
          hoursAgo: 2,
          autoReply: {
            reason: "outside_office_hours",
            physicianName: "Dr. Chidi Okafor",
            expectAnswerBy: new Date(now.getTime() + 6 * HOUR_MS).toISOString(),
            poolName: "Family Medicine nurses",
          },
        },
      ],
      patientReadSeq: 2,
      nurseReadSeq: 0,
    },
    {
      patient: "jamie",
      topic: "medical_question",
      subject: "Jamie's ear after the antibiotics",
      pool: "pool:fm-nurses",
      status: "waiting",
      addressedToOkafor: true,
      dueInHours: 3,
      viaProxyOf: "user:sam",
      messages: [
        {
          kind: "message",
          author: "proxy",
          userKey: "user:sam",
          body: "Jamie finished the antibiotics two days ago but still says his left ear hurts at night. Does he need another visit?",
          hoursAgo: 5,
        },
        {
          kind: "internal_note",
          author: "staff",
          userKey: "user:nurse",
          body: "Checked the chart: last otitis visit 12 days ago. Will suggest a recheck this week.",
          hoursAgo: 1,
        },
      ],
      patientReadSeq: 1,
      nurseReadSeq: 2,
    },
  ];

  for (const t of threads) {
    const threadId = randomUUID();
    const patientId = id(`patient:${t.patient}`);
    const created = new Date(now.getTime() - (t.messages[0]?.hoursAgo ?? 0) * HOUR_MS);
    const last = new Date(
      now.getTime() -
        Math.min(...t.messages.filter((m) => m.kind !== "internal_note").map((m) => m.hoursAgo)) * HOUR_MS,
    );
    const staffReply = t.messages.find((m) => m.author === "staff" && m.kind === "message");
    const due = t.status === "waiting" ? new Date(now.getTime() + (t.dueInHours ?? 8) * HOUR_MS) : null;
    await trx
      .insertInto("message_threads")
      .values({
        id: threadId,
        patient_id: patientId,
        topic: t.topic,
        sealed_subject: cipher.seal(t.subject, `message_thread:${threadId}`),
        pool_id: id(t.pool),
        provider_id: t.addressedToOkafor ? id("provider:okafor") : null,
        status: t.status,
        due_at: due,
        message_count: t.messages.length,
        last_message_at: last,
        created_by: id(t.viaProxyOf ?? `user:${t.patient}`),
        created_at: created,
        first_response_at: staffReply ? new Date(now.getTime() - staffReply.hoursAgo * HOUR_MS) : null,
        closed_at: t.status === "closed" ? new Date(now.getTime() - 18 * DAY_MS) : null,
        closed_by: t.status === "closed" ? id("user:nurse") : null,
      })
      .execute();
    for (const [index, m] of t.messages.entries()) {
      const messageId = randomUUID();
      await trx
        .insertInto("messages")
        .values({
          id: messageId,
          thread_id: threadId,
          patient_id: patientId,
          seq: index + 1,
          kind: m.kind,
          author_kind: m.author,
          author_user_id: m.userKey ? id(m.userKey) : null,
          via_proxy_grant_id: m.author === "proxy" ? jamieGrant.id : null,
          sealed_body: cipher.seal(m.body, `message:${messageId}`),
          auto_reply: m.autoReply ? JSON.stringify(m.autoReply) : null,
          created_at: new Date(now.getTime() - m.hoursAgo * HOUR_MS),
        })
        .execute();
    }
    // the wait for an answer: a work item of the pool (done once answered, cancelled when closed unanswered)
    const item = await trx
      .insertInto("work_items")
      .values({
        queue: "messages",
        patient_id: patientId,
        subject_type: "message_wait",
        subject_id: randomUUID(),
        provider_id: t.addressedToOkafor ? id("provider:okafor") : null,
        pool_id: id(t.pool),
        status: t.status === "waiting" ? "open" : "done",
        due_at: due ?? new Date(created.getTime() + 8 * HOUR_MS),
        created_at: created,
        completed_at: staffReply ? new Date(now.getTime() - staffReply.hoursAgo * HOUR_MS) : null,
        completed_by: staffReply ? id("user:nurse") : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("message_threads").set({ work_item_id: item.id }).where("id", "=", threadId).execute();
    const reads = [
      { user: t.viaProxyOf ?? `user:${t.patient}`, side: "patient" as const, seq: t.patientReadSeq },
      { user: "user:nurse", side: "staff" as const, seq: t.nurseReadSeq },
    ].filter((r) => r.seq > 0);
    if (reads.length) {
      await trx
        .insertInto("message_reads")
        .values(
          reads.map((r) => ({
            thread_id: threadId,
            user_id: id(r.user),
            side: r.side,
            last_read_seq: r.seq,
            read_at: now,
          })),
        )
        .execute();
    }
  }
  ctx.notes.push(
    "Messages: Alex has an overdue question and an unread answer; Sam's question arrived outside Dr. Okafor's office hours; Sam wrote for Jamie as a caregiver",
  );
}
