import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makeStaff, type SignedInClient, signIn } from "../../test/factories.ts";
import { isLoopbackAddress } from "./dev-mailbox-routes.ts";

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

describe("dev mailbox from another machine", () => {
  const t = useTestApp({ PORTICO_DEMO: "1", PUBLIC_URL: "http://localhost:3000" });
  let admin: SignedInClient;
  let nurse: SignedInClient;
  let messageId: number;

  beforeAll(async () => {
    await t.app.services.mailer.send({
      to: "reset.me@example.test",
      template: "new_activity",
      locale: "en",
      params: { kind: "message", link: "http://localhost:3000/messages" },
    });
    await t.app.services.jobs.runDueJobs();
    messageId = (await t.app.inject({ url: "/api/dev/mailbox" })).json().messages[0].id;
    admin = await signIn(t, await makeStaff(t, "admin"));
    nurse = await signIn(t, await makeStaff(t, "nurse"));
  });

  const urls = () => [
    "/api/dev/mailbox",
    "/dev/mailbox",
    `/dev/mailbox/${messageId}`,
    `/dev/mailbox/${messageId}/html`,
    `/dev/mailbox/${messageId}/attachments/0`,
    "/dev/mailbox/style.css",
  ];

  it("is refused (403, saying where it can be read) to a request from the network", async () => {
    for (const url of urls()) {
      const res = await t.app.inject({ url, remoteAddress: "203.0.113.9" });
      expect(res.statusCode, url).toBe(403);
      expect(res.body, url).not.toContain("reset.me@example.test");
      expect(res.body, url).toContain("signed-in administrator");
    }
    const api = await t.app.inject({ url: "/api/dev/mailbox", remoteAddress: "192.168.1.20" });
    expect(api.json().error.code).toBe("forbidden");
  });

  it("is refused to a request a proxy forwarded, even from this machine and whatever it claims", async () => {
    for (const headers of [
      { "x-forwarded-for": "127.0.0.1" },
      { "x-forwarded-for": "203.0.113.9" },
      { forwarded: "for=127.0.0.1" },
      { "x-real-ip": "127.0.0.1" },
    ]) {
      const res = await t.app.inject({ url: "/api/dev/mailbox", headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
    const spoofed = await t.app.inject({
      url: "/api/dev/mailbox",
      remoteAddress: "203.0.113.9",
      headers: { "x-forwarded-for": "127.0.0.1" },
    });
    expect(spoofed.statusCode).toBe(403);
  });

  it("is shown to a signed-in administrator anywhere, and to no other role", async () => {
    const asAdmin = await t.app.inject({
      url: "/api/dev/mailbox",
      remoteAddress: "203.0.113.9",
      headers: admin.headers,
    });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().messages[0].to).toBe("reset.me@example.test");
    const page = await t.app.inject({ url: "/dev/mailbox", remoteAddress: "203.0.113.9", headers: admin.headers });
    expect(page.statusCode).toBe(200);
    const asNurse = await t.app.inject({
      url: "/api/dev/mailbox",
      remoteAddress: "203.0.113.9",
      headers: nurse.headers,
    });
    expect(asNurse.statusCode).toBe(403);
    const stale = await t.app.inject({
      url: "/api/dev/mailbox",
      remoteAddress: "203.0.113.9",
      headers: { cookie: "__Host-portico_session=not-a-session" },
    });
    expect(stale.statusCode).toBe(403);
  });

  it("is shown on this machine over IPv4 and IPv6 loopback", async () => {
    for (const remoteAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const res = await t.app.inject({ url: "/api/dev/mailbox", remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(200);
    }
    expect(isLoopbackAddress("127.8.9.10")).toBe(true);
    expect(isLoopbackAddress("::ffff:10.0.0.1")).toBe(false);
    expect(isLoopbackAddress("1270.0.0.1")).toBe(false);
    expect(isLoopbackAddress("::")).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
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
