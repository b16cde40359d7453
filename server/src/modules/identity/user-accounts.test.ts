import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../platform/passwords.ts";
import { send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { signInNewStaff } from "../../test/factories.ts";

/**
 * Logins are written by identity only (`services.identity.users`): self-registration
 * (patients) and staff accounts (clinic administration) create, change and disable them
 * through it, with the same results as before.
 */
const t = useTestApp();
const PASSWORD = "Quiet-harbour-lantern-42-again";

async function queuedLink(to: string, param: string): Promise<string> {
  const jobs = await t.database.db.selectFrom("jobs").select("payload").where("queue", "=", "mail.send").execute();
  const mail = jobs
    .map((j) => j.payload as { to: string; params: Record<string, string> })
    .filter((p) => p.to === to)
    .at(-1);
  return mail?.params[param] ?? "";
}

describe("identity writes the logins other modules ask for", () => {
  it("self-registration creates the login with its password, linked to a pending chart", async () => {
    const email = "Robin.Okoro@Example.test";
    const res = await send(t, null, "POST", "/api/registrations", {
      legalGivenName: "Robin",
      legalFamilyName: "Okoro",
      dateOfBirth: "1990-04-12",
      sex: "female",
      email,
      phone: "(555) 123-4567",
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(202);
    const user = await t.database.db
      .selectFrom("users")
      .selectAll()
      .where("email_normalized", "=", email.toLowerCase())
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email, display_name: "Robin Okoro", locale: "en", status: "active" });
    expect(user.password_changed_at).toBeInstanceOf(Date);
    expect(await verifyPassword(user.password_hash as string, PASSWORD)).toBe(true);
    const patient = await t.database.db
      .selectFrom("patients")
      .select(["status", "created_by"])
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(patient).toEqual({ status: "pending_verification", created_by: user.id });
    const roles = await t.database.db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute();
    expect(roles).toEqual([]);
  });

  it("a staff invitation creates the login with its roles; accepting sets the password; changes end sessions", async () => {
    const admin = await signInNewStaff(t, "admin");
    const invite = await send(t, admin, "POST", "/api/admin/staff", {
      email: "sam.reyes@example.test",
      displayName: "Sam Reyes",
      roles: ["nurse", "front_desk"],
    });
    expect(invite.statusCode).toBe(201);
    const userId = invite.json().id as string;
    const roles = async () =>
      (await t.database.db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute())
        .map((r) => r.role)
        .sort();
    expect(await roles()).toEqual(["front_desk", "nurse"]);
    const before = await t.database.db
      .selectFrom("users")
      .select(["password_hash", "display_name"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ password_hash: null, display_name: "Sam Reyes" });

    const token = new URL(await queuedLink("sam.reyes@example.test", "acceptUrl"), "http://x").searchParams.get(
      "token",
    );
    const accept = await send(t, null, "POST", "/api/staff-invitations/accept", { token, password: PASSWORD });
    expect(accept.statusCode).toBeLessThan(300);
    const after = await t.database.db
      .selectFrom("users")
      .select(["password_hash", "password_changed_at"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(after.password_hash as string, PASSWORD)).toBe(true);
    expect(after.password_changed_at).toBeInstanceOf(Date);

    const sessions = () => t.database.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute();
    await t.database.db
      .insertInto("sessions")
      .values({
        user_id: userId,
        token_hash: `test-${userId}`,
        csrf_token: "test",
        state: "active",
        idle_timeout_seconds: 900,
        created_at: new Date(),
        last_seen_at: new Date(),
        absolute_expires_at: new Date(Date.now() + 3_600_000),
      } as never)
      .execute();
    const change = await send(t, admin, "PATCH", `/api/admin/staff/${userId}`, {
      roles: ["physician"],
      displayName: "Dr. Sam Reyes",
    });
    expect(change.statusCode).toBe(200);
    expect(await roles()).toEqual(["physician"]);
    expect(await sessions()).toEqual([]);
    const renamed = await t.database.db
      .selectFrom("users")
      .select(["display_name", "status"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(renamed).toEqual({ display_name: "Dr. Sam Reyes", status: "active" });

    const disable = await send(t, admin, "PATCH", `/api/admin/staff/${userId}`, { status: "disabled" });
    expect(disable.statusCode).toBe(200);
    const disabled = await t.database.db
      .selectFrom("users")
      .select("status")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(disabled.status).toBe("disabled");
  });
});
