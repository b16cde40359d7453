import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";

describe("dev mailbox (demo)", () => {
  const t = useTestApp({ PORTICO_DEMO: "1", PUBLIC_URL: "http://localhost:3000" });

  async function sendTwo() {
    const { mailer, jobs } = t.app.services;
    await mailer.send({
      to: "first@example.test",
      template: "new_activity",
      locale: "en",
      params: { kind: "message", link: "http://localhost:3000/messages" },
    });
    await mailer.send({
      to: "second@example.test",
      template: "test_message",
      locale: "es",
      params: {},
      attachments: [
        {
          filename: "cita.ics",
          contentType: "text/calendar",
          content: Buffer.from("BEGIN:VCALENDAR").toString("base64"),
        },
      ],
    });
    await jobs.runDueJobs();
  }

  it("keeps mail in the database when no SMTP server is configured", async () => {
    expect(t.app.services.mailer.transportKind).toBe("dev-mailbox");
    await sendTwo();
    const res = await t.app.inject({ url: "/api/dev/mailbox" });
    expect(res.statusCode).toBe(200);
    const { messages } = res.json();
    expect(messages.map((m: { to: string }) => m.to)).toEqual(["second@example.test", "first@example.test"]);
    expect(messages[1].subject).toBe("Something new in your patient portal");
    expect(messages[1].links).toEqual(["http://localhost:3000/messages"]);
    expect(messages[0].attachments).toEqual([
      {
        filename: "cita.ics",
        contentType: "text/calendar",
        size: 15,
        url: `/dev/mailbox/${messages[0].id}/attachments/0`,
      },
    ]);

    const filtered = await t.app.inject({ url: "/api/dev/mailbox?to=first@example.test" });
    expect(filtered.json().messages).toHaveLength(1);
  });

  it("lists and shows messages as plain pages with clickable links and downloadable attachments", async () => {
    const { messages } = (await t.app.inject({ url: "/api/dev/mailbox" })).json();
    const list = await t.app.inject({ url: "/dev/mailbox" });
    expect(list.statusCode).toBe(200);
    expect(list.headers["content-type"]).toContain("text/html");
    expect(list.body).toContain("Mensaje de prueba");
    expect(list.body).not.toContain("<script");
    expect(list.body).not.toContain("style=");
    expect(list.body.indexOf("second@example.test")).toBeLessThan(list.body.indexOf("first@example.test"));

    const activity = messages.find((m: { to: string }) => m.to === "first@example.test");
    const one = await t.app.inject({ url: `/dev/mailbox/${activity.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('<a href="http://localhost:3000/messages">');

    const withFile = messages.find((m: { to: string }) => m.to === "second@example.test");
    const file = await t.app.inject({ url: withFile.attachments[0].url });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toBe('attachment; filename="cita.ics"');
    expect(file.body).toBe("BEGIN:VCALENDAR");

    const css = await t.app.inject({ url: "/dev/mailbox/style.css" });
    expect(css.headers["content-type"]).toContain("text/css");

    const html = await t.app.inject({ url: `/dev/mailbox/${activity.id}/html` });
    expect(html.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(html.body).toContain("Sign in to see it");
  });

  it("answers 404 or 400 for messages and attachments that do not exist", async () => {
    expect((await t.app.inject({ url: "/dev/mailbox/999999" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/dev/mailbox/1/attachments/7" })).statusCode).toBe(404);
    const bad = await t.app.inject({ url: "/dev/mailbox/abc" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
  });
});

describe.each([
  ["outside development and the demo", { PORTICO_DEMO: "0" }],
  ["when mail goes to an SMTP server", { PORTICO_DEMO: "1", SMTP_URL: "smtp://127.0.0.1:2525" }],
])("dev mailbox %s", (_when, overrides) => {
  const t = useTestApp(overrides);

  it("does not exist", async () => {
    for (const url of ["/dev/mailbox", "/dev/mailbox/1", "/api/dev/mailbox"]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
  });
});
