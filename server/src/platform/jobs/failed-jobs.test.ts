import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { MAIL_QUEUE } from "../mail/mailer.ts";

/** Jobs that failed for good are counted where operators look: /api/ready. */
describe("failed jobs on /api/ready", () => {
  const t = useTestApp();

  it("counts jobs, and emails among them, that failed permanently", async () => {
    const payload = JSON.stringify({ to: "pat@example.test", template: "no_such_template", locale: "en", params: {} });
    await t.database.db.insertInto("jobs").values({ queue: MAIL_QUEUE, payload, run_at: t.clock.now() }).execute();
    await t.database.db
      .insertInto("jobs")
      .values({ queue: "demo.other", payload: "{}", status: "failed", last_error: "Error: gave up" })
      .execute();
    await t.app.services.jobs.runDueJobs();
    const ready = await t.app.inject({ url: "/api/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", failedJobs: 2, failedEmails: 1 });
  });
});
