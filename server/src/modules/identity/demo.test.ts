import { beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../platform/auth/totp.ts";
import type { DemoSeedResult } from "../../seed/demo.ts";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../seed/demo-clinic.ts";
import { useTestApp } from "../../test/app.ts";
import { seedTestDemo } from "../../test/demo-sign-in.ts";
import { sessionCookieFrom } from "../../test/factories.ts";

describe("demo clinic sign-in", () => {
  const t = useTestApp();
  let seeded: DemoSeedResult;

  beforeAll(async () => {
    seeded = await seedTestDemo(t);
  });

  const login = (email: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password: DEMO_PASSWORD } });

  it("signs staff in with the demo password and the demo authenticator secret", async () => {
    const res = await login("admin@demo.portico.test");
    expect(res.statusCode).toBe(200);
    expect(res.json().mfaRequired).toBe(true);
    const mfa = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie: sessionCookieFrom(res) as string, "x-csrf-token": res.json().csrfToken },
      payload: { code: totpCodeAt(DEMO_TOTP_SECRET, t.clock.now()) },
    });
    expect(mfa.statusCode).toBe(200);
    expect(mfa.json().roles).toEqual(["admin"]);
  });

  it("shows Sam the patients he may act for, Taylor restricted", async () => {
    const res = await login("sam.rivera@demo.portico.test");
    const me = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: sessionCookieFrom(res) as string },
    });
    const patients = me.json().patients as { name: string; relationship: string; restricted: boolean }[];
    expect(patients.map((p) => [p.name, p.relationship, p.restricted])).toEqual([
      ["Sam Rivera", "self", false],
      ["Jamie Rivera", "parent", false],
      ["Taylor Rivera", "parent", true],
    ]);
  });

  it("prints a working activation code for Casey Nguyen", async () => {
    const note = seeded.notes.find((n) => n.startsWith("Activation code for Casey Nguyen")) as string;
    const match = /born (\d{4}-\d{2}-\d{2})\): ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(note);
    expect(match).not.toBeNull();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/activate",
      payload: {
        activationCode: match?.[2],
        dateOfBirth: match?.[1],
        email: "casey@example.test",
        password: "Maple-harbour-window-12",
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.displayName).toBe("Casey Nguyen");
  });
});
