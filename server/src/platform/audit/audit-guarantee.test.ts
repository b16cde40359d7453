import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, signIn } from "../../test/factories.ts";

describe("no patient data leaves without its audit row", () => {
  const t = useTestApp();

  it("answers with an error, not the data, when the read's audit row cannot be committed", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const client = await signIn(t, patient.user as never);
    const url = `/api/patients/${patient.id}/appointments`;
    expect((await t.app.inject({ url, headers: client.headers })).statusCode).toBe(200);

    await sql`create function refuse_appointment_reads() returns trigger language plpgsql as $$
      begin
        if new.action = 'read' and new.resource_type = 'appointment' then
          raise exception 'audit storage refused the row';
        end if;
        return new;
      end $$`.execute(t.database.db);
    await sql`create trigger refuse_appointment_reads before insert on audit_log
      for each row execute function refuse_appointment_reads()`.execute(t.database.db);
    try {
      const refused = await t.app.inject({ url, headers: client.headers });
      expect(refused.statusCode).toBeGreaterThanOrEqual(500);
      expect(refused.body).not.toContain("upcoming");
    } finally {
      await sql`drop trigger refuse_appointment_reads on audit_log`.execute(t.database.db);
      await sql`drop function refuse_appointment_reads()`.execute(t.database.db);
    }
    expect((await t.app.inject({ url, headers: client.headers })).statusCode).toBe(200);
  });
});
