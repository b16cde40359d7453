/**
 * The staff message inbox at scale (SPEC §6: p95 ≤ 20 ms with 1M messages).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portico_bench_inbox npm exec -- node bench/scenarios/inbox.ts
 *   … -- --requests 200 --explain
 *
 * PostgreSQL only. The database named in the URL is created when missing and filled once by
 * `generate_series` in the database: 1 location (weekday hours), 3 pools, 60 nurses, 20,000
 * patients, 250,000 conversations (5% waiting — a third of them overdue —, 5% answered, the
 * rest closed) with 4 messages each = 1,000,000 messages, a work item per wait. The subjects
 * and bodies of the active conversations (the ones the inbox shows) are sealed here with a
 * fixed bench key, which the server is given. Then a Portico server with the demo clinic on
 * top; the demo nurse is made a member of the 3 bench pools (~12,500 active conversations to
 * count, ~8,300 of them for one pool tab) with reads on some, and asks, one request at a time:
 * the inbox (every pool: counts per pool with unread, mine, the first 50 threads overdue
 * first), its next page (the `after` cursor), one pool's tab, its page 101, and "mine".
 * p50/p95 per request kind beside the budget; `--explain` prints the plans of the per-pool
 * counts (kept rows, migrations 0039 and 0043) and of a pool's first page.
 */

import { createHash } from "node:crypto";
import { sql } from "kysely";
import { migrateToLatest } from "../../server/src/db/migrate.ts";
import { FieldCipher, parseKeyRing } from "../../server/src/platform/crypto.ts";
import { dataSetRun, dataSetServerEnv, ensureDataSetDatabase, step } from "../data-set.ts";
import { openBenchDatabase } from "../generate-patients.ts";
import { startServer } from "../server.ts";
import { signInHeaders } from "./slots.ts";

const NURSE = { email: "nurse@demo.portico.test", password: "Portico-demo-2026!" };
const BUDGET_MS = 20;
const THREADS = 250_000;
const PER_THREAD = 4;
const PATIENTS = 20_000;
const NURSES = 60;
/** a fixed bench key (never a real one): the fill seals with it and the server opens with it */
const KEYS = `bench:${createHash("sha256").update("portico-bench-inbox").digest("base64")}`;

const { requests, explain, url, name } = dataSetRun({
  script: "bench:inbox",
  command: "npm exec -- node bench/scenarios/inbox.ts",
  exampleDatabase: "portico_bench_inbox",
  requests: 200,
});
await ensureDataSetDatabase(url, name);

const cipher = new FieldCipher(parseKeyRing(KEYS));
const database = await openBenchDatabase({ url });
const db = database.db;
try {
  await migrateToLatest(db);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from messages`.execute(db);
  if ((rows[0]?.n ?? 0) >= THREADS * PER_THREAD) {
    process.stdout.write(`${rows[0]?.n.toLocaleString("en")} messages already there\n`);
  } else {
    process.stdout.write("Generating the bench inbox (once)…\n");
    await generate();
  }
} finally {
  await database.close();
}

async function generate() {
  await step("location, pools, nurses, patients", async () => {
    await sql`
      insert into locations (id, name, time_zone, hours, created_at)
      values (md5('inbox-loc')::uuid, 'Bench inbox location', 'America/New_York',
        (select jsonb_agg(jsonb_build_object('weekday', d, 'open', '08:00', 'close', '17:00')) from generate_series(1, 5) d),
        '2000-01-01')`.execute(db);
    await sql`
      insert into message_pools (id, name, readers_description, readers_description_es, location_id, response_target_hours)
      select md5('inbox-pool' || i)::uuid, 'Bench inbox pool ' || i, 'bench', 'bench', md5('inbox-loc')::uuid, 8
      from generate_series(0, 2) i`.execute(db);
    await sql`
      insert into users (id, email, email_normalized, display_name)
      select md5('inbox-user' || i)::uuid, 'inbox-' || i || '@bench.test', 'inbox-' || i || '@bench.test', 'Bench person ' || i
      from generate_series(0, ${PATIENTS + NURSES - 1}) i`.execute(db);
    await sql`
      insert into user_roles (user_id, role)
      select md5('inbox-user' || (${PATIENTS} + i))::uuid, 'nurse' from generate_series(0, ${NURSES - 1}) i`.execute(
      db,
    );
    await sql`
      insert into message_pool_members (pool_id, user_id)
      select md5('inbox-pool' || (i % 3))::uuid, md5('inbox-user' || (${PATIENTS} + i))::uuid
      from generate_series(0, ${NURSES - 1}) i`.execute(db);
    await sql`
      insert into patients (id, mrn, legal_given_name, legal_family_name, date_of_birth, sex, user_id, registration_source)
      select md5('inbox-pat' || i)::uuid, 'I' || lpad(i::text, 7, '0'), 'Inbox', 'Patient ' || i,
             date '1940-01-01' + (i * 37) % 25000, 'unknown', md5('inbox-user' || i)::uuid, 'import'
      from generate_series(0, ${PATIENTS - 1}) i`.execute(db);
  });
  // the kept per-pool counts' trigger (migration 0043) is off for the bulk insert; counted once afterwards
  await sql`alter table message_threads disable trigger message_threads_waiting_counts`.execute(db);
  // thread i: pool i % 3; i % 20 = 0 waiting (due from 30 hours ago to 66 ahead), = 1 answered, else closed
  await step(`${THREADS.toLocaleString("en")} conversations and their waits`, async () => {
    await sql`
      insert into work_items (id, queue, patient_id, subject_type, subject_id, pool_id, status, assignee_user_id, due_at, created_at)
      select md5('inbox-wi' || i)::uuid, 'messages', md5('inbox-pat' || (i % ${PATIENTS}))::uuid, 'message_wait',
             md5('inbox-wait' || i)::uuid, md5('inbox-pool' || (i % 3))::uuid,
             case when i % 20 = 0 then (case when i % 60 = 0 then 'claimed' else 'open' end) else 'done' end,
             case when i % 60 = 0 then md5('inbox-user' || (${PATIENTS} + (i / 60) % ${NURSES}))::uuid end,
             now() + ((i % 97) - 30) * interval '1 hour', now() - (i % 900) * interval '1 hour'
      from generate_series(0, ${THREADS - 1}) i`.execute(db);
    await sql`
      insert into message_threads (id, patient_id, topic, sealed_subject, pool_id, status, work_item_id, due_at,
        message_count, last_message_at, created_at, first_response_at, closed_at)
      select md5('inbox-th' || i)::uuid, md5('inbox-pat' || (i % ${PATIENTS}))::uuid, 'medical_question', 'unsealed',
             md5('inbox-pool' || (i % 3))::uuid,
             case when i % 20 = 0 then 'waiting' when i % 20 = 1 then 'answered' else 'closed' end,
             md5('inbox-wi' || i)::uuid,
             case when i % 20 = 0 then now() + ((i % 97) - 30) * interval '1 hour' end,
             ${PER_THREAD}, now() - (i % 900) * interval '1 hour', now() - (i % 900) * interval '1 hour' - interval '1 day',
             case when i % 20 <> 0 then now() - (i % 900) * interval '1 hour' end,
             case when i % 20 > 1 then now() - (i % 900) * interval '1 hour' end
      from generate_series(0, ${THREADS - 1}) i`.execute(db);
  });
  // seq s of thread i: staff on even seqs of answered and closed threads, the patient otherwise.
  // The tracking trigger is off for the bulk insert; its columns are then set in one statement.
  await sql`alter table messages disable trigger messages_track_last`.execute(db);
  const chunk = 250_000;
  for (let lo = 0; lo < THREADS * PER_THREAD; lo += chunk) {
    await step(`messages ${lo.toLocaleString("en")}–${(lo + chunk).toLocaleString("en")}`, () =>
      sql`
        insert into messages (id, thread_id, patient_id, seq, kind, author_kind, author_user_id, sealed_body, created_at)
        select md5('inbox-m' || k)::uuid, md5('inbox-th' || (k / ${PER_THREAD}))::uuid,
               md5('inbox-pat' || ((k / ${PER_THREAD}) % ${PATIENTS}))::uuid, k % ${PER_THREAD} + 1, 'message',
               case when (k % ${PER_THREAD}) % 2 = 1 and (k / ${PER_THREAD}) % 20 <> 0 then 'staff' else 'patient' end,
               case when (k % ${PER_THREAD}) % 2 = 1 and (k / ${PER_THREAD}) % 20 <> 0
                 then md5('inbox-user' || (${PATIENTS} + (k / ${PER_THREAD}) % ${NURSES}))::uuid
                 else md5('inbox-user' || ((k / ${PER_THREAD}) % ${PATIENTS}))::uuid end,
               'unsealed', now() - ((k / ${PER_THREAD}) % 900) * interval '1 hour' + (k % ${PER_THREAD}) * interval '1 minute'
        from generate_series(${sql.lit(lo)}, ${sql.lit(lo + chunk - 1)}) k`.execute(db),
    );
  }
  await sql`alter table messages enable trigger messages_track_last`.execute(db);
  // the per-member unread counts' trigger is off too, and the counts are taken once afterwards
  await sql`alter table message_threads disable trigger message_threads_unread`.execute(db);
  await step("each conversation's last author and seqs (what the trigger keeps)", () =>
    sql`
      update message_threads t
      set last_seq = ${PER_THREAD},
          last_author_user_id = m.author_user_id,
          other_before_last_seq = case when t.status = 'waiting' then 0 else ${PER_THREAD - 1} end
      from messages m
      where m.thread_id = t.id and m.seq = ${PER_THREAD}`.execute(db),
  );
  await sql`alter table message_threads enable trigger message_threads_unread`.execute(db);
  await sql`alter table message_threads enable trigger message_threads_waiting_counts`.execute(db);
  await step("the pool members' unread counts and the pools' waiting and unassigned counts", async () => {
    await sql`update message_pool_unread set unread = message_pool_unread_count(pool_id, user_id)`.execute(db);
    await sql`
      update message_pool_counts k
      set (waiting, unassigned) = (select c.waiting, c.unassigned from message_pool_counts_of(k.pool_id) c)`.execute(
      db,
    );
  });
  await step("sealing the active conversations' subjects and bodies", async () => {
    const active = await sql<{ id: string }>`
      select id from message_threads where status in ('waiting', 'answered')`.execute(db);
    const ids = active.rows.map((r) => r.id);
    for (let at = 0; at < ids.length; at += 2000) {
      const slice = ids.slice(at, at + 2000);
      const subjects = slice.map((id) => cipher.seal(`Bench question ${id.slice(0, 6)}`, `message_thread:${id}`));
      await sql`
        update message_threads t set sealed_subject = v.sealed
        from unnest(${slice}::uuid[], ${subjects}::text[]) as v(id, sealed) where t.id = v.id`.execute(db);
      const messages = await sql<{
        id: string;
      }>`select id from messages where thread_id = any(${slice}::uuid[])`.execute(db);
      const mids = messages.rows.map((r) => r.id);
      const bodies = mids.map((id) => cipher.seal("A bench message about how I am feeling this week", `message:${id}`));
      await sql`
        update messages m set sealed_body = v.sealed
        from unnest(${mids}::uuid[], ${bodies}::text[]) as v(id, sealed) where m.id = v.id`.execute(db);
    }
  });
  await step("vacuum analyze", () => sql`vacuum analyze`.execute(db));
}

// ---- through the server ----

const env = dataSetServerEnv(url, { PORTICO_ENCRYPTION_KEYS: KEYS });
process.stdout.write("Starting the server (demo clinic on top of the bench inbox)…\n");
const server = await startServer(env, { readyTimeoutMs: 300_000 });
try {
  // the demo nurse joins the bench pools and has read some of their conversations
  const direct = await openBenchDatabase({ url });
  try {
    await sql`
      insert into message_pool_members (pool_id, user_id)
      select md5('inbox-pool' || i)::uuid, u.id from users u, generate_series(0, 2) i where u.email = ${NURSE.email}
      on conflict do nothing`.execute(direct.db);
    await sql`
      insert into message_reads (thread_id, user_id, side, last_read_seq, read_at)
      select t.id, u.id, 'staff', case when hashtext(t.id::text) % 2 = 0 then ${PER_THREAD} else 2 end, now()
      from message_threads t, users u
      where u.email = ${NURSE.email} and t.status in ('waiting', 'answered') and hashtext(t.id::text) % 3 <> 0
      on conflict do nothing`.execute(direct.db);
    await sql`analyze message_reads`.execute(direct.db);
    await sql`vacuum message_threads`.execute(direct.db);
    if (explain) {
      const nurse = await sql<{ id: string }>`select id from users where email = ${NURSE.email}`.execute(direct.db);
      const plans = {
        "Per-pool counts (kept rows; overdue a range of the waiting threads' due index)": sql<{ "QUERY PLAN": string }>`
          explain (analyze, buffers)
          select p.id, u.unread, c.waiting, c.unassigned,
            (select count(*) from message_threads t where t.pool_id = p.id and t.status = 'waiting' and t.due_at < now()) as overdue
          from message_pools p
          join message_pool_members pm on pm.pool_id = p.id and pm.user_id = ${nurse.rows[0]?.id}::uuid
          left join message_pool_unread u on u.pool_id = pm.pool_id and u.user_id = pm.user_id
          left join message_pool_counts c on c.pool_id = p.id
          order by p.name`,
        "One pool's first page (index order, preview and read by key)": sql<{ "QUERY PLAN": string }>`
          explain (analyze, buffers)
          select t.id, pv.sealed_body, r.last_read_seq
          from message_threads t
          left join message_reads r on r.thread_id = t.id and r.user_id = ${nurse.rows[0]?.id}::uuid
          left join lateral (select m.sealed_body from messages m where m.thread_id = t.id and m.seq = t.last_seq) pv on true
          where t.pool_id = ${md5Uuid("inbox-pool0")}::uuid and t.status in ('waiting', 'answered')
          order by t.due_at asc nulls last, t.last_message_at desc, t.id desc limit 51`,
      };
      for (const [label, statement] of Object.entries(plans)) {
        const plan = await statement.execute(direct.db);
        process.stdout.write(`\n${label}:\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
      }
    }
  } finally {
    await direct.close();
  }
  const headers = await signInHeaders(server.base, NURSE.email, NURSE.password);
  const pool0 = md5Uuid("inbox-pool0");
  type Page = { pools: { name: string; waiting: number; unread: number }[]; threads: unknown[]; next: string | null };
  const get = async (path: string) => (await (await fetch(`${server.base}${path}`, { headers })).json()) as Page;
  const first = await get("/api/messages/inbox");
  // the cursor of page 101 of one pool's tab (50 a page): a page as deep as 5,000 threads in
  let deep = (await get(`/api/messages/inbox?poolId=${pool0}`)).next;
  for (let page = 2; page <= 100 && deep; page++)
    deep = (await get(`/api/messages/inbox?poolId=${pool0}&after=${deep}`)).next;
  if (!first.next || !deep) throw new Error("the bench inbox has fewer pages than expected");
  const kinds: { label: string; path: string }[] = [
    { label: "inbox (all pools, counts + first 50)", path: "/api/messages/inbox" },
    { label: "inbox, next 50 (after the first page's cursor)", path: `/api/messages/inbox?after=${first.next}` },
    { label: "one pool's tab", path: `/api/messages/inbox?poolId=${pool0}` },
    { label: "one pool's tab, page 101 (after cursor)", path: `/api/messages/inbox?poolId=${pool0}&after=${deep}` },
    { label: "mine", path: "/api/messages/inbox?view=mine" },
    // the floor under them on this machine: a small signed-in request, and one without a session
    { label: "floor: GET /api/me (session, the user and their abilities)", path: "/api/me" },
    { label: "floor: GET /api/health (no session)", path: "/api/health" },
  ];
  const results: { label: string; p50: number; p95: number; max: number }[] = [];
  for (const kind of kinds) {
    const samples: number[] = [];
    for (let i = 0; i < requests + 10; i++) {
      const t0 = performance.now();
      const response = await fetch(`${server.base}${kind.path}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${kind.label}: ${response.status}`);
      if (i >= 10) samples.push(performance.now() - t0); // the first ten warm up
    }
    samples.sort((a, b) => a - b);
    const pick = (p: number) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)] as number;
    results.push({ label: kind.label, p50: pick(0.5), p95: pick(0.95), max: samples[samples.length - 1] as number });
  }
  const load = (await import("node:os"))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
  process.stdout.write(
    `\nPools seen by the nurse: ${first.pools.map((p) => `${p.name} (${p.waiting} waiting, ${p.unread} unread)`).join(", ")}; ${first.threads.length} threads on the first page\n` +
      `\n| request | p50 ms | p95 ms | max ms | budget p95 ≤ ${BUDGET_MS} ms |\n|---|---|---|---|---|\n${results
        .map(
          (r) =>
            `| ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.p95 <= BUDGET_MS ? "met" : "not met"} |`,
        )
        .join("\n")}\n\n${requests} requests each, one at a time, load average (1, 5, 15 min) ${load} at the end\n`,
  );
} finally {
  await server.stop();
}

function md5Uuid(text: string): string {
  const hex = createHash("md5").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
