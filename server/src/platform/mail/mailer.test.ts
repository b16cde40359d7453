import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testConfig } from "../../test/app.ts";
import { useTestDatabase } from "../../test/database.ts";
import { TestClock } from "../clock.ts";
import { runWithContext, systemContext } from "../context.ts";
import { JobQueue } from "../jobs/job-queue.ts";
import { createLogger } from "../logging.ts";
import { inTransaction } from "../transaction.ts";
import { newActivity, securityNotice } from "./builtin-templates.ts";
import { MAIL_QUEUE, Mailer } from "./mailer.ts";
import { freePort, SmtpTestServer } from "./smtp-test-server.ts";
import { MailParamsError } from "./templates.ts";

const logger = createLogger({ logLevel: "silent", env: "test" });
const PUBLIC_URL = "https://portal.clinic.test";

describe("Mailer over SMTP", () => {
  const database = useTestDatabase();
  let clock: TestClock;
  let jobs: JobQueue;
  let mailer: Mailer;
  let smtp: SmtpTestServer;
  let port: number;
  beforeEach(async () => {
    await database.db.deleteFrom("jobs").execute();
    port = await freePort();
    smtp = new SmtpTestServer();
    clock = new TestClock("2026-03-02T14:00:00Z");
    jobs = new JobQueue({ db: database.db, clock, logger });
    const config = testConfig({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      PUBLIC_URL,
      PORTICO_CLINIC_NAME: "Riverside Family Clinic",
      PORTICO_CLINIC_PHONE: "(555) 010-7777",
      MAIL_FROM: "Riverside <no-reply@clinic.test>",
    });
    mailer = new Mailer({ config, db: database.db, jobs, logger });
  });
  afterEach(async () => {
    await smtp.close();
  });

  it("delivers a templated email in English with the clinic's layout and one link", async () => {
    await smtp.listen(port);
    await mailer.send({
      to: "pat@example.test",
      template: newActivity,
      locale: "en",
      params: { kind: "message", link: `${PUBLIC_URL}/messages` },
    });
    expect(smtp.received).toHaveLength(0);
    expect(await jobs.runDueJobs()).toBe(1);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["pat@example.test"]);
    expect(mail.from).toBe("no-reply@clinic.test");
    expect(mail.subject).toBe("Something new in your patient portal");
    expect(mail.text).toContain("Riverside Family Clinic");
    expect(mail.text).toContain("Hello,");
    expect(mail.text).toContain("You have a new message in the patient portal.");
    expect(mail.text).toContain(`Sign in to see it: ${PUBLIC_URL}/messages`);
    expect(mail.text).toContain("never send health information by email");
    expect(mail.text).toContain("(555) 010-7777");
    expect(mail.html).toContain(`href="${PUBLIC_URL}/messages"`);
    expect(mail.html).toContain('lang="en"');
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    const [job] = await database.db.selectFrom("jobs").selectAll().execute();
    expect(job).toMatchObject({ queue: MAIL_QUEUE, status: "done" });
    expect(mail.headers.get("message-id")).toBe(`<portico-job-${job?.id}@clinic.test>`);
  });

  it("keeps links as paths and sends them on the address the portal has when the email goes out", async () => {
    await smtp.listen(port);
    await mailer.send({
      to: "pat@example.test",
      template: newActivity,
      locale: "en",
      params: { kind: "message", link: `${PUBLIC_URL}/messages?thread=7` },
    });
    // queued by an earlier version: an absolute link on the address the portal had then
    await database.db
      .insertInto("jobs")
      .values({
        queue: MAIL_QUEUE,
        payload: JSON.stringify({
          to: "pat@example.test",
          template: "new_activity",
          locale: "en",
          params: { kind: "message", link: "http://localhost:3000/messages" },
          attachments: [],
        }),
        run_at: clock.now(),
      })
      .execute();
    const [queued] = await database.db.selectFrom("jobs").select("payload").orderBy("id").execute();
    expect((queued?.payload as { params: { link: string } } | undefined)?.params.link).toBe("/messages?thread=7");

    // the portal restarted on another address and port
    const moved = "https://new.clinic.test:8443";
    const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
    const capture = (level: string) => (fields: Record<string, unknown>, message: string) =>
      lines.push({ level, fields, message });
    const watching = { ...logger, error: capture("error"), warn: capture("warn"), info: capture("info") };
    const laterJobs = new JobQueue({ db: database.db, clock, logger: watching as unknown as typeof logger });
    new Mailer({
      config: testConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: moved, MAIL_FROM: "x <a@clinic.test>" }),
      db: database.db,
      jobs: laterJobs,
      logger,
    });
    expect(await laterJobs.runDueJobs()).toBe(2);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[0]?.text).toContain(`Sign in to see it: ${moved}/messages?thread=7`);
    expect(smtp.received[1]?.text).toContain(`Sign in to see it: ${moved}/messages`);
    expect((await database.db.selectFrom("jobs").select("status").execute()).map((j) => j.status)).toEqual([
      "done",
      "done",
    ]);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
  });

  it("logs an email that fails for good, without the address", async () => {
    const lines: { fields: Record<string, unknown>; message: string }[] = [];
    const watching = {
      ...logger,
      error: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }),
    };
    const laterJobs = new JobQueue({ db: database.db, clock, logger: watching as unknown as typeof logger });
    new Mailer({ config: testConfig({ PUBLIC_URL }), db: database.db, jobs: laterJobs, logger });
    await database.db
      .insertInto("jobs")
      .values({
        queue: MAIL_QUEUE,
        payload: JSON.stringify({ to: "pat@example.test", template: "no_such_template", locale: "en", params: {} }),
        run_at: clock.now(),
      })
      .execute();
    await laterJobs.runDueJobs();
    const [job] = await database.db.selectFrom("jobs").selectAll().execute();
    expect(job?.status).toBe("failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      message: "job failed permanently",
      fields: { jobId: job?.id, queue: MAIL_QUEUE },
    });
    expect(JSON.stringify(lines)).not.toContain("pat@example.test");
  });

  it("delivers the same template in Spanish", async () => {
    await smtp.listen(port);
    await mailer.send({
      to: "paciente@example.test",
      template: "security_notice",
      locale: "es",
      params: { event: "password_changed", link: `${PUBLIC_URL}/profile/security` },
    });
    await jobs.runDueJobs();
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe("Un cambio en su cuenta del portal");
    expect(mail.text).toContain("Hola:");
    expect(mail.text).toContain("Se cambió la contraseña de su cuenta del portal.");
    expect(mail.text).toContain("nunca envíe información de salud por correo electrónico");
    expect(mail.html).toContain('lang="es"');
  });

  it("sends attachments such as a calendar file", async () => {
    await smtp.listen(port);
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    await mailer.send({
      to: "pat@example.test",
      template: "test_message",
      locale: "en",
      params: {},
      attachments: [
        { filename: "appointment.ics", contentType: "text/calendar", content: Buffer.from(ics).toString("base64") },
      ],
    });
    await jobs.runDueJobs();
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe("Test message from Riverside Family Clinic");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.filename).toBe("appointment.ics");
    expect(mail.attachments[0]?.contentType).toContain("text/calendar");
    expect(mail.attachments[0]?.content.toString()).toBe(ics);
  });

  it("keeps the email while SMTP is down and delivers it once it is back", async () => {
    // the person's action commits even though the mail server is unreachable
    await runWithContext(systemContext("test"), () =>
      inTransaction(database.db, () =>
        mailer.send({ to: "pat@example.test", template: "test_message", locale: "en", params: {} }),
      ),
    );
    await jobs.runDueJobs();
    let [job] = await database.db.selectFrom("jobs").selectAll().execute();
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job?.last_error).toContain("ECONNREFUSED");
    expect(job?.last_error).not.toContain("pat@example.test");

    clock.advance({ seconds: 13 });
    await jobs.runDueJobs();
    [job] = await database.db.selectFrom("jobs").selectAll().execute();
    expect(job).toMatchObject({ status: "pending", attempts: 2 });

    await smtp.listen(port);
    expect(await jobs.runDueJobs()).toBe(0); // not due yet: the backoff is respected
    clock.advance({ seconds: 25 });
    expect(await jobs.runDueJobs()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.subject).toBe("Test message from Riverside Family Clinic");
    [job] = await database.db.selectFrom("jobs").selectAll().execute();
    expect(job).toMatchObject({ status: "done", attempts: 3 });
  });

  it("sends one email per dedupe key", async () => {
    await smtp.listen(port);
    for (let i = 0; i < 3; i++) {
      await mailer.send({
        to: "pat@example.test",
        template: "test_message",
        locale: "en",
        params: {},
        dedupeKey: "welcome:1",
      });
    }
    await jobs.runDueJobs();
    expect(smtp.received).toHaveLength(1);
  });
});

describe("Mailer refuses anything a template does not declare", () => {
  const database = useTestDatabase();
  let jobs: JobQueue;
  let mailer: Mailer;

  beforeAll(async () => {
    jobs = new JobQueue({ db: database.db, clock: new TestClock(), logger });
    mailer = new Mailer({ config: testConfig({ PUBLIC_URL }), db: database.db, jobs, logger });
  });

  const bad: [string, Parameters<Mailer["send"]>[0]][] = [
    [
      "a first name",
      {
        to: "a@example.test",
        template: "test_message",
        locale: "en",
        params: { firstName: "Maria" } as Record<string, string>,
      },
    ],
    [
      "a diagnosis in an extra parameter",
      {
        to: "a@example.test",
        template: "new_activity",
        locale: "en",
        params: { kind: "message", link: `${PUBLIC_URL}/m`, diagnosis: "diabetes" },
      },
    ],
    [
      "free text in a choice",
      {
        to: "a@example.test",
        template: "new_activity",
        locale: "en",
        params: { kind: "Your HbA1c is 9.1", link: `${PUBLIC_URL}/m` },
      },
    ],
    [
      "a link outside the portal",
      {
        to: "a@example.test",
        template: "new_activity",
        locale: "en",
        params: { kind: "message", link: "https://evil.test/?dob=1950-01-01" },
      },
    ],
    [
      "a missing parameter",
      { to: "a@example.test", template: "security_notice", locale: "en", params: { event: "password_changed" } },
    ],
    ["an unknown template", { to: "a@example.test", template: "lab_result_details", locale: "en", params: {} }],
    ["a bad address", { to: "not an address", template: "test_message", locale: "en", params: {} }],
    [
      "a negative number",
      {
        to: "a@example.test",
        template: "password_reset",
        locale: "en",
        params: { link: `${PUBLIC_URL}/reset`, expiresInMinutes: -5 },
      },
    ],
    [
      "a bad attachment name",
      {
        to: "a@example.test",
        template: "test_message",
        locale: "en",
        params: {},
        attachments: [{ filename: "../../etc/passwd", contentType: "text/plain", content: "" }],
      },
    ],
  ];

  it.each(bad)("rejects %s and queues nothing", async (_what, mail) => {
    await expect(mailer.send(mail)).rejects.toThrow(MailParamsError);
    expect(await database.db.selectFrom("jobs").selectAll().execute()).toEqual([]);
  });

  it("types template parameters so undeclared ones do not compile", () => {
    const link = `${PUBLIC_URL}/s`;
    const check = () =>
      // @ts-expect-error a template takes only the parameters it declares
      mailer.send({
        to: "a@x.test",
        template: securityNotice,
        locale: "en",
        params: { event: "mfa_enabled", link, name: "M" },
      });
    const typed = () =>
      mailer.send({
        to: "a@example.test",
        template: securityNotice,
        locale: "en",
        params: { event: "password_changed", link: `${PUBLIC_URL}/s` },
      });
    expect([check, typed].every((f) => typeof f === "function")).toBe(true);
  });
});
