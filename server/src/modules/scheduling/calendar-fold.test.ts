import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { type SignedInClient, signIn } from "../../test/factories.ts";
import { foldCalendarChanges } from "./calendar-fold.ts";
import { DAY_MS } from "./slot-cache.ts";
import { bookVisit, makeTestClinic, type TestClinic } from "./test-clinic.ts";

// Monday 2 March 2026, 08:00 in New York; the physician works 09:00–12:00 on weekdays
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const TUESDAY_9AM = "2026-03-03T14:00:00.000Z";
const TUESDAY_930 = "2026-03-03T14:30:00.000Z";
const WEDNESDAY_10AM = "2026-03-04T15:00:00.000Z";
const UNTIL_THURSDAY = "2026-03-05T05:00:00Z";

/**
 * The fold of slot search's change stamps (calendar-fold.ts, migration 0047): fewer rows, the
 * same stamps, the cache kept warm, and nothing lost or counted twice beside concurrent changes.
 */
describe("calendar changes fold", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let patient: SignedInClient;
  let frontDesk: SignedInClient;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    patient = await signIn(t, clinic.patient.user!);
    frontDesk = await signIn(t, clinic.frontDesk);
  });

  const db = () => t.database.db;
  const cache = () => t.app.services.scheduling.slotCache;
  const search = async () => {
    const res = await t.app.inject({
      url: `/api/slots?visitTypeId=${clinic.visitTypes.established}&patientId=${clinic.patient.id}&to=${UNTIL_THURSDAY}`,
      headers: patient.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { slots: { start: string }[] }).slots.map((s) => s.start);
  };
  const book = async (start: string) => {
    const res = await bookVisit(t, clinic, frontDesk, clinic.patient.id, start);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const cancel = async (id: string) => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/patients/${clinic.patient.id}/appointments/${id}/cancel`,
      headers: frontDesk.headers,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  /** per provider-day: its rows, and the changes they stand for */
  const groups = async () =>
    (
      await sql<{ key: string; rows: number; changes: number }>`
        select provider_id || '|' || coalesce(day::text, '*') as key, count(*) as rows, sum(n) as changes
        from calendar_changes group by provider_id, day order by 1`.execute(db())
    ).rows;
  const stamps = async () => {
    const today = Math.floor(t.clock.now().getTime() / DAY_MS);
    const { stampOf } = await cache().stamps(db(), [clinic.providerId], today - 1, today + 5);
    return Array.from({ length: 7 }, (_, i) => stampOf(clinic.providerId, today - 1 + i));
  };

  it("leaves one row per provider-day with the same stamps, so cached days stay cached, and a later booking is seen", async () => {
    // a booked, cancelled and booked-again Tuesday: several rows on Monday to Wednesday
    await cancel((await book(TUESDAY_9AM)).id);
    const kept = await book(TUESDAY_930);
    const before = await groups();
    expect(before.some((g) => g.rows > 1)).toBe(true);
    const stampsBefore = await stamps();

    cache().clear();
    const offered = await search();
    expect(offered).toContain(TUESDAY_9AM);
    expect(offered).not.toContain(TUESDAY_930);
    const computed = cache().misses;

    const folded = await foldCalendarChanges(db());
    expect(folded.providers).toBeGreaterThan(0);
    expect(folded.rowsRemoved).toBe(before.reduce((sum, g) => sum + g.rows - 1, 0));
    const after = await groups();
    expect(after.every((g) => g.rows === 1)).toBe(true);
    expect(after.map((g) => [g.key, g.changes])).toEqual(before.map((g) => [g.key, g.changes]));
    expect(await stamps()).toEqual(stampsBefore);

    // the same search after the fold: every provider-day from the cache
    expect(await search()).toEqual(offered);
    expect(cache().misses).toBe(computed);

    // a fold with nothing to fold changes nothing
    expect(await foldCalendarChanges(db())).toEqual({ providers: 0, rowsRemoved: 0 });

    // changes after a fold still move the stamps: Wednesday 10:00 booked is never offered again
    expect(offered).toContain(WEDNESDAY_10AM);
    await book(WEDNESDAY_10AM);
    const next = await search();
    expect(next).not.toContain(WEDNESDAY_10AM);
    expect(cache().misses).toBeGreaterThan(computed);
    // and cancelling the kept visit after the fold frees its time
    await cancel(kept.id);
    await foldCalendarChanges(db());
    expect(await search()).toContain(TUESDAY_930);
  });

  it("loses no change and counts none twice while changes commit and other folds run beside it", async () => {
    const providerId = clinic.providerId;
    const day = "2026-04-01";
    const changesOf = async () =>
      Number(
        (
          await sql<{ changes: number | null }>`
            select sum(n) as changes from calendar_changes where provider_id = ${providerId}::uuid and day = ${day}::date`.execute(
            db(),
          )
        ).rows[0]?.changes ?? 0,
      );
    const seen: number[] = [];
    const changes = Array.from({ length: 40 }, () =>
      sql`insert into calendar_changes (provider_id, day) values (${providerId}::uuid, ${day}::date)`.execute(db()),
    );
    const folds = Array.from({ length: 6 }, () => foldCalendarChanges(db()));
    const reads = Array.from({ length: 12 }, async () => seen.push(await changesOf()));
    await Promise.all([...changes, ...folds, ...reads]);
    await foldCalendarChanges(db());

    expect(await changesOf()).toBe(40);
    const rows = await sql<{ n: number }>`
      select count(*) as n from calendar_changes where provider_id = ${providerId}::uuid and day = ${day}::date`.execute(
      db(),
    );
    expect(rows.rows[0]?.n).toBe(1);
    // a reader never saw more changes than were made
    expect(seen.every((n) => n >= 0 && n <= 40)).toBe(true);
  });
});
