import type { Database } from "../../db/database.ts";
import type { StaffRole } from "../../db/tables/people.ts";
import { currentDb } from "../../platform/transaction.ts";

/**
 * The one writer of `users`, `user_roles` and `sessions` for other modules: registration
 * (patients), staff accounts (clinic administration). Every method joins the caller's
 * transaction. Identity's own flows (sign-in, password, MFA) write through `IdentityRepo`.
 */
export class UserAccounts {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** A new login (without roles); `passwordHash` null for an invited account that sets its password later. */
  async create(input: {
    email: string;
    emailNormalized: string;
    displayName: string;
    locale: "en" | "es";
    passwordHash?: string;
    passwordChangedAt?: Date;
  }): Promise<{ id: string; created_at: Date }> {
    return currentDb(this.#db)
      .insertInto("users")
      .values({
        email: input.email,
        email_normalized: input.emailNormalized,
        display_name: input.displayName,
        locale: input.locale,
        ...(input.passwordHash !== undefined
          ? { password_hash: input.passwordHash, password_changed_at: input.passwordChangedAt }
          : {}),
      })
      .returning(["id", "created_at"])
      .executeTakeFirstOrThrow();
  }

  async setPassword(userId: string, passwordHash: string, now: Date): Promise<void> {
    await currentDb(this.#db)
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
      .where("id", "=", userId)
      .execute();
  }

  /** Replaces the staff roles of a login. */
  async setRoles(userId: string, roles: readonly StaffRole[], options: { replace: boolean }): Promise<void> {
    const db = currentDb(this.#db);
    if (options.replace) await db.deleteFrom("user_roles").where("user_id", "=", userId).execute();
    if (roles.length > 0) {
      await db
        .insertInto("user_roles")
        .values(roles.map((role) => ({ user_id: userId, role })))
        .execute();
    }
  }

  async update(
    userId: string,
    changes: { displayName?: string; status?: "active" | "disabled"; locale?: "en" | "es" },
    now: Date,
  ) {
    await currentDb(this.#db)
      .updateTable("users")
      .set({
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
        updated_at: now,
      })
      .where("id", "=", userId)
      .execute();
  }

  /** Ends every session of the login at once (roles changed, account disabled). */
  async endSessions(userId: string): Promise<void> {
    await currentDb(this.#db).deleteFrom("sessions").where("user_id", "=", userId).execute();
  }
}
