import { sql } from "kysely";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { type SignedInClient, signIn } from "../../test/factories.ts";
import { makeTestClinic, type TestClinic } from "./test-clinic.ts";

// Monday 2 March 2026, 08:00 in New York (EST, UTC−5)
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const SLOTS = ["2026-03-03T14:00:00.000Z", "2026-03-03T14:30:00.000Z", "2026-03-03T15:00:00.000Z"];

/**
 * Audit rows for writes commit with the write (SPEC §4, §5): a booking, reschedule or cancel
 * whose transaction rolls back — here the database itself refuses the change, through a
 * trigger — leaves no "write appointment: success" row behind; one that commits has its row.
 */
describe("audit rows of appointment writes", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let patient: SignedInClient;
  let sequence = 0;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    patient = await signIn(t, clinic.patient.user as NonNullable<TestClinic["patient"]["user"]>);
    await sql`
      create function refuse_appointment_change() returns trigger language plpgsql as $$
      begin raise exception 'the database refused the change'; end $$`.execute(t.database.db);
  });
  afterEach(async () => {
    await sql`drop trigger if exists refuse_change on appointments`.execute(t.database.db);
  });

  const refuse = (event: "insert" | "update") =>
    sql`create trigger refuse_change before ${sql.raw(event)} on appointments
        for each row execute function refuse_appointment_change()`.execute(t.database.db);

  const send = async (url: string, payload: object, idempotencyKey?: string) => {
    const requestId = `audit-test-${++sequence}-${Date.now()}`;
    const res = await t.app.inject({
      method: "POST",
      url,
      headers: {
        ...patient.headers,
        "x-request-id": requestId,
        ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
      },
      payload,
    });
    const writes = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "resource_type", "outcome"])
      .where("request_id", "=", requestId)
      .where("resource_type", "=", "appointment")
      .where("action", "in", ["book", "reschedule", "cancel"])
      .execute();
    return { res, writes };
  };
  const bookUrl = () => `/api/patients/${clinic.patient.id}/appointments`;
  const booking = (start: string) => ({
    visitTypeId: clinic.visitTypes.established,
    providerId: clinic.providerId,
    start,
  });

  it.each([
    ["without an Idempotency-Key", undefined],
    ["with an Idempotency-Key", "audit-key-1"],
  ])("leaves no audit row for a booking that rolled back (%s)", async (_what, key) => {
    await refuse("insert");
    const { res, writes } = await send(bookUrl(), booking(SLOTS[0] as string), key);
    expect(res.statusCode).toBe(500);
    expect(writes).toEqual([]);
    expect(await t.database.db.selectFrom("appointments").select("id").execute()).toEqual([]);
  });

  it("keeps the audit row of a booking that committed, and none for a cancel or reschedule that rolled back", async () => {
    const booked = await send(bookUrl(), booking(SLOTS[1] as string));
    expect(booked.res.statusCode).toBe(201);
    expect(booked.writes).toEqual([{ action: "book", resource_type: "appointment", outcome: "success" }]);
    const id = booked.res.json().id as string;

    await refuse("update");
    const cancelled = await send(`${bookUrl()}/${id}/cancel`, {});
    expect(cancelled.res.statusCode).toBe(500);
    expect(cancelled.writes).toEqual([]);
    const moved = await send(`${bookUrl()}/${id}/reschedule`, { start: SLOTS[2] }, "audit-key-2");
    expect(moved.res.statusCode).toBe(500);
    expect(moved.writes).toEqual([]);
    const row = await t.database.db
      .selectFrom("appointments")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("booked");
  });
});
