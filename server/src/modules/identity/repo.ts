import type { Database } from "../../db/database.ts";
import { currentDb } from "../../platform/transaction.ts";

/** Kysely queries of the identity area; no rules here. Each runs in the open transaction if any. */
export class IdentityRepo {
  readonly #db: Database;
  constructor(db: Database) {
    this.#db = db;
  }

  get db() {
    return currentDb(this.#db);
  }

  findUserByEmail(emailNormalized: string) {
    return this.db
      .selectFrom("users")
      .select(["id", "email", "display_name", "password_hash", "status", "locale", "mfa_secret", "mfa_enabled_at"])
      .where("email_normalized", "=", emailNormalized)
      .executeTakeFirst();
  }

  findUserById(userId: string) {
    return this.db
      .selectFrom("users")
      .select(["id", "email", "display_name", "password_hash", "status", "locale", "mfa_secret", "mfa_enabled_at"])
      .where("id", "=", userId)
      .executeTakeFirst();
  }

  async emailTaken(emailNormalized: string, exceptUserId?: string): Promise<boolean> {
    let query = this.db.selectFrom("users").select("id").where("email_normalized", "=", emailNormalized);
    if (exceptUserId) query = query.where("id", "!=", exceptUserId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  async staffRoles(userId: string): Promise<string[]> {
    const rows = await this.db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute();
    return rows.map((r) => r.role);
  }

  patientsByIds(ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("patients")
      .select(["id", "legal_given_name", "legal_family_name", "preferred_name", "date_of_birth", "status"])
      .where("id", "in", ids)
      .execute();
  }

  /** Marks a TOTP time step used; false when that step (or a later one) was already used. */
  async claimTotpStep(userId: string, step: number): Promise<boolean> {
    const row = await this.db
      .insertInto("mfa_state")
      .values({ user_id: userId, last_used_step: step })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet({ last_used_step: step }).where("mfa_state.last_used_step", "<", step),
      )
      .returning("user_id")
      .executeTakeFirst();
    return row !== undefined;
  }

  async claimRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
    const row = await this.db
      .updateTable("mfa_recovery_codes")
      .set({ used_at: now })
      .where("user_id", "=", userId)
      .where("code_hash", "=", codeHash)
      .where("used_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    return row !== undefined;
  }

  async replaceRecoveryCodes(userId: string, hashes: string[], now: Date): Promise<void> {
    await this.db.deleteFrom("mfa_recovery_codes").where("user_id", "=", userId).execute();
    await this.db
      .insertInto("mfa_recovery_codes")
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: now })))
      .execute();
  }

  pendingEnrolment(userId: string) {
    return this.db
      .selectFrom("mfa_state")
      .select(["pending_secret", "pending_started_at"])
      .where("user_id", "=", userId)
      .executeTakeFirst();
  }

  async savePendingEnrolment(userId: string, sealedSecret: string, now: Date): Promise<void> {
    await this.db
      .insertInto("mfa_state")
      .values({ user_id: userId, pending_secret: sealedSecret, pending_started_at: now })
      .onConflict((oc) => oc.column("user_id").doUpdateSet({ pending_secret: sealedSecret, pending_started_at: now }))
      .execute();
  }

  async enableMfa(userId: string, sealedSecret: string, usedStep: number, now: Date): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ mfa_secret: sealedSecret, mfa_enabled_at: now, updated_at: now })
      .where("id", "=", userId)
      .execute();
    await this.db
      .updateTable("mfa_state")
      .set({ pending_secret: null, pending_started_at: null, last_used_step: usedStep })
      .where("user_id", "=", userId)
      .execute();
  }

  async disableMfa(userId: string, now: Date): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ mfa_secret: null, mfa_enabled_at: null, updated_at: now })
      .where("id", "=", userId)
      .execute();
    await this.db.deleteFrom("mfa_recovery_codes").where("user_id", "=", userId).execute();
    await this.db.deleteFrom("mfa_state").where("user_id", "=", userId).execute();
  }

  async setPassword(userId: string, passwordHash: string, now: Date): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
      .where("id", "=", userId)
      .execute();
  }

  async recordLogin(userId: string, now: Date): Promise<void> {
    await this.db.updateTable("users").set({ last_login_at: now }).where("id", "=", userId).execute();
  }

  async deleteExpiredSessions(userId: string, now: Date): Promise<void> {
    await this.db
      .deleteFrom("sessions")
      .where("user_id", "=", userId)
      .where("absolute_expires_at", "<=", now)
      .execute();
  }

  async insertResetToken(userId: string, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
    // only the newest link works: asking again retires the earlier ones
    await this.db.deleteFrom("password_reset_tokens").where("user_id", "=", userId).execute();
    await this.db
      .insertInto("password_reset_tokens")
      .values({ user_id: userId, token_hash: tokenHash, created_at: now, expires_at: expiresAt })
      .execute();
  }

  /** Uses a reset token once; the user it belongs to, or undefined when unknown/used/expired. */
  async claimResetToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const row = await this.db
      .updateTable("password_reset_tokens")
      .set({ used_at: now })
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning("user_id")
      .executeTakeFirst();
    return row?.user_id;
  }

  liveResetToken(tokenHash: string, now: Date) {
    return this.db
      .selectFrom("password_reset_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .select(["t.user_id", "u.email", "u.display_name", "u.status"])
      .where("t.token_hash", "=", tokenHash)
      .where("t.used_at", "is", null)
      .where("t.expires_at", ">", now)
      .executeTakeFirst();
  }

  async deleteResetTokens(userId: string): Promise<void> {
    await this.db.deleteFrom("password_reset_tokens").where("user_id", "=", userId).execute();
  }

  activationByHash(codeHash: string) {
    return this.db
      .selectFrom("activation_codes as a")
      .innerJoin("patients as p", "p.id", "a.patient_id")
      .select([
        "a.id",
        "a.patient_id",
        "a.expires_at",
        "a.used_at",
        "a.revoked_at",
        "p.date_of_birth",
        "p.user_id",
        "p.status",
        "p.legal_given_name",
        "p.legal_family_name",
        "p.preferred_name",
        "p.preferred_language",
      ])
      .where("a.code_hash", "=", codeHash)
      .executeTakeFirst();
  }

  async claimActivationCode(id: string, userId: string, now: Date): Promise<boolean> {
    const row = await this.db
      .updateTable("activation_codes")
      .set({ used_at: now, used_by: userId })
      .where("id", "=", id)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .returning("id")
      .executeTakeFirst();
    return row !== undefined;
  }

  async linkPatient(patientId: string, userId: string, now: Date, timeZone?: string): Promise<boolean> {
    const result = await this.db
      .updateTable("patients")
      // the browser's zone becomes the patient's own when the record has none (video visits)
      .set((eb) => ({
        user_id: userId,
        updated_at: now,
        ...(timeZone ? { time_zone: eb.fn.coalesce("time_zone", eb.val(timeZone)) } : {}),
      }))
      .where("id", "=", patientId)
      .where("user_id", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  insertUser(values: {
    email: string;
    emailNormalized: string;
    displayName: string;
    passwordHash: string;
    locale: "en" | "es";
    now: Date;
  }) {
    return this.db
      .insertInto("users")
      .values({
        email: values.email,
        email_normalized: values.emailNormalized,
        display_name: values.displayName,
        password_hash: values.passwordHash,
        locale: values.locale,
        password_changed_at: values.now,
        last_login_at: values.now,
        created_at: values.now,
        updated_at: values.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  }

  activePatient(patientId: string) {
    return this.db
      .selectFrom("patients")
      .select(["id", "user_id", "status"])
      .where("id", "=", patientId)
      .executeTakeFirst();
  }

  async issueActivationCode(values: {
    patientId: string;
    codeHash: string;
    createdBy: string | null;
    now: Date;
    expiresAt: Date;
  }): Promise<void> {
    // a new code replaces any earlier unused one for the same patient
    await this.db
      .updateTable("activation_codes")
      .set({ revoked_at: values.now })
      .where("patient_id", "=", values.patientId)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    await this.db
      .insertInto("activation_codes")
      .values({
        patient_id: values.patientId,
        code_hash: values.codeHash,
        created_by: values.createdBy,
        created_at: values.now,
        expires_at: values.expiresAt,
      })
      .execute();
  }

  async updateProfile(userId: string, patch: { locale?: "en" | "es"; displayName?: string }, now: Date) {
    await this.db
      .updateTable("users")
      .set({
        ...(patch.locale ? { locale: patch.locale } : {}),
        ...(patch.displayName ? { display_name: patch.displayName } : {}),
        updated_at: now,
      })
      .where("id", "=", userId)
      .execute();
  }

  async updateEmail(userId: string, email: string, emailNormalized: string, now: Date) {
    await this.db
      .updateTable("users")
      .set({ email, email_normalized: emailNormalized, updated_at: now })
      .where("id", "=", userId)
      .execute();
  }
}
