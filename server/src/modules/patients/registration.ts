import type {
  PatientProfile,
  PendingRegistration,
  RegisterPatientRequest,
  RegisterPatientResponse,
  RejectRegistrationRequest,
  RejectRegistrationResponse,
  SelfRegistrationRequest,
} from "@portico/contracts";
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertStrongPassword } from "../../platform/auth/password-policy.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { browserLanguage, languageFromTag, recipientLanguage } from "../../platform/mail/language.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { checkTimeZone } from "../../platform/time-zones.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { ChartService, demographicsColumns, personOf, possibleDuplicate } from "./chart.ts";
import { findProbableDuplicates } from "./duplicates.ts";
import {
  registrationExistingAccount,
  registrationReceived,
  registrationRejected,
  registrationVerified,
} from "./mail-templates.ts";
import { normalizeEmail } from "./matching.ts";
import * as repo from "./repo.ts";

/**
 * Registration (SPEC §2.1): the front desk registers a chart and issues its activation code;
 * online self-registration makes a pending chart that the desk verifies or rejects.
 */
export class RegistrationService extends ChartService {
  async register(input: RegisterPatientRequest): Promise<RegisterPatientResponse> {
    // the front desk only: the duplicate check answers with other people's charts, and the
    // admin may see no patient data (403 before any lookup)
    const actor = await this.deps.access.authorizeStaff(["front_desk"], {
      resourceType: "patient",
      action: "create",
    });
    this.chart.checkBirthDate(input.dateOfBirth);
    return inTransaction(this.deps.db, async (trx) => {
      await this.chart.checkReferences(input.preferredPharmacyId, input.pcpProviderId);
      const candidates = await findProbableDuplicates(trx, personOf(input));
      if (candidates.length > 0 && !input.duplicateOverride) throw possibleDuplicate(candidates);
      const id = await repo.insertPatient(trx, {
        mrn: await repo.nextMrn(trx),
        ...demographicsColumns(input),
        emergency_contact: input.emergencyContact ? JSON.stringify(input.emergencyContact) : null,
        preferred_pharmacy_id: input.preferredPharmacyId ?? null,
        pcp_provider_id: input.pcpProviderId ?? null,
        status: "active",
        registration_source: "staff",
        created_by: actor.userId,
        verified_at: this.deps.clock.now(),
        verified_by: actor.userId,
        duplicate_override_reason: candidates.length > 0 ? (input.duplicateOverride?.reason.trim() ?? null) : null,
        duplicate_override_by: candidates.length > 0 ? actor.userId : null,
      });
      // the gate audits the new chart's creation and gives the access its rows need
      const access = await this.deps.access.authorizePatient(id, {
        scope: "profile",
        action: "write",
        resourceType: "patient",
        resourceId: id,
        auditAction: "create",
        details: candidates.length > 0 ? { duplicateOverride: true, candidateIds: candidates.map((c) => c.id) } : {},
      });
      if (input.insurance?.length) await this.chart.saveCoverages(access, input.insurance);
      const activation = await this.deps.identity.issueActivationCode(id, actor.userId);
      const row = await repo.findPatient(trx, access);
      if (!row) throw notFound("patient");
      return {
        patient: await this.chart.present(access, row, true),
        activation: {
          code: activation.code,
          expiresAt: activation.expiresAt.toISOString(),
          letterUrl: `/api/patients/${id}/activation-letter?code=${encodeURIComponent(activation.code)}`,
        },
      };
    });
  }

  /** A new activation code (the previous one stops working), e.g. for a lost letter. */
  async reissueActivationCode(patientId: string): Promise<RegisterPatientResponse["activation"]> {
    await this.deps.access.authorizeStaff(["front_desk"], { resourceType: "activation_code", action: "create" });
    return inTransaction(this.deps.db, async () => {
      const access = await this.deps.access.authorizePatient(patientId, {
        scope: "profile",
        action: "write",
        resourceType: "activation_code",
        auditAction: "create",
      });
      const row = await repo.findPatient(this.db, access);
      if (!row) throw notFound("patient");
      if (row.user_id) throw new DomainError("conflict", "This patient already has a portal login.");
      const activation = await this.deps.identity.issueActivationCode(patientId, currentContext().actor.userId);
      return {
        code: activation.code,
        expiresAt: activation.expiresAt.toISOString(),
        letterUrl: `/api/patients/${patientId}/activation-letter?code=${encodeURIComponent(activation.code)}`,
      };
    });
  }

  /** What the printable letter shows: the patient's name and the code (checked to be theirs and valid). */
  async activationLetter(patientId: string, code: string, codeHash: string | undefined) {
    // the letter names the patient: the front desk only (an admin may see no patient data)
    await this.deps.access.authorizeStaff(["front_desk"], { resourceType: "activation_code" });
    const row = await this.db
      .selectFrom("activation_codes as a")
      .innerJoin("patients as p", "p.id", "a.patient_id")
      .select(["p.legal_given_name", "p.legal_family_name", "p.preferred_name", "a.expires_at"])
      .where("a.patient_id", "=", patientId)
      .where("a.code_hash", "=", codeHash ?? "")
      .where("a.used_at", "is", null)
      .where("a.revoked_at", "is", null)
      .where("a.expires_at", ">", this.deps.clock.now())
      .executeTakeFirst();
    if (!row) throw new DomainError("not_found", "That activation code is not valid for this patient any more.");
    await this.deps.audit.record({
      action: "print",
      resourceType: "activation_letter",
      patientId,
      actingAs: "front_desk",
    });
    return {
      patientName: `${row.preferred_name ?? row.legal_given_name} ${row.legal_family_name}`,
      code,
      expiresAt: row.expires_at.toISOString(),
      activateUrl: `${this.deps.config.publicUrl}/activate`,
      clinicName: this.deps.config.clinicName,
      clinicPhone: this.deps.config.clinicPhone,
    };
  }

  /**
   * Self-registration (public). The answer is the same whatever happens, so it reveals
   * neither an existing account nor a matching chart; a probable duplicate is flagged for
   * staff, never merged.
   */
  async selfRegister(input: SelfRegistrationRequest, client: { acceptLanguage?: string } = {}): Promise<void> {
    this.chart.checkBirthDate(input.dateOfBirth);
    if (input.timeZone) checkTimeZone(input.timeZone);
    const displayName = `${(input.preferredName ?? input.legalGivenName).trim()} ${input.legalFamilyName.trim()}`;
    await assertStrongPassword(input.password, {
      email: input.email,
      displayName,
      clinicName: this.deps.config.clinicName,
    });
    const passwordHash = await hashPassword(input.password);
    const email = normalizeEmail(input.email) as string;
    // the applicant's language: the one they chose on the form (the web offers the page's own
    // as the default), else their browser's; it becomes their account's and the chart's
    const locale = languageFromTag(input.preferredLanguage, browserLanguage(client.acceptLanguage) ?? "en");
    const chartLanguage = input.preferredLanguage ?? locale;
    await inTransaction(this.deps.db, async (trx) => {
      const existing = await trx
        .selectFrom("users")
        .select("id")
        .where("email_normalized", "=", email)
        .executeTakeFirst();
      if (existing) {
        await this.deps.mailer.send({
          to: input.email,
          // written to the account that uses this address, in its own language
          locale: await recipientLanguage(trx, { userId: existing.id }),
          template: registrationExistingAccount,
          params: { signInUrl: `${this.deps.config.publicUrl}/sign-in` },
        });
        await this.deps.audit.record({
          action: "self_register",
          resourceType: "patient",
          outcome: "failure",
          subjectUserId: existing.id,
          details: { reason: "email_in_use" },
        });
        return;
      }
      const candidates = await findProbableDuplicates(trx, personOf(input));
      const user = await this.deps.identity.users.create({
        email: input.email.trim(),
        emailNormalized: email,
        displayName,
        passwordHash,
        passwordChangedAt: this.deps.clock.now(),
        locale,
      });
      const id = await repo.insertPatient(trx, {
        mrn: await repo.nextMrn(trx),
        ...demographicsColumns(input),
        preferred_language: chartLanguage,
        user_id: user.id,
        emergency_contact: input.emergencyContact ? JSON.stringify(input.emergencyContact) : null,
        time_zone: input.timeZone ?? null,
        status: "pending_verification",
        registration_source: "self",
        possible_duplicate_ids: candidates.map((c) => c.id),
        created_by: user.id,
      });
      await this.deps.audit.record({
        action: "self_register",
        resourceType: "patient",
        resourceId: id,
        patientId: id,
        subjectUserId: user.id,
        actingAs: "patient",
        details: { possibleDuplicates: candidates.length },
      });
      await this.deps.mailer.send({
        to: input.email,
        locale: await recipientLanguage(trx, { userId: user.id }),
        template: registrationReceived,
        params: {},
      });
    });
  }

  async listPending(): Promise<PendingRegistration[]> {
    await this.deps.access.authorizeStaff(["front_desk"], { resourceType: "registration_queue", action: "read" });
    const rows = await this.db
      .selectFrom("patients as p")
      .select("p.id")
      .where("p.status", "=", "pending_verification")
      .orderBy("p.created_at")
      .limit(200)
      .execute();
    const out: PendingRegistration[] = [];
    for (const { id } of rows) {
      const access = await this.deps.access.authorizePatient(id, {
        scope: "profile",
        action: "read",
        resourceType: "registration",
        resourceId: id,
      });
      const row = await repo.findPatient(this.db, access);
      if (!row) continue;
      out.push({
        patient: await this.chart.present(access, row, true),
        source: row.registration_source,
        submittedAt: row.created_at.toISOString(),
        possibleDuplicates: await this.chart.duplicatesOf(row),
      });
    }
    return out;
  }

  async verify(
    patientId: string,
    input: { duplicateOverride?: { reason: string }; pcpProviderId?: string },
  ): Promise<PatientProfile> {
    const actor = await this.deps.access.authorizeStaff(["front_desk"], {
      resourceType: "registration",
      action: "verify",
    });
    return inTransaction(this.deps.db, async (trx) => {
      const { access } = await this.#pendingRegistration(trx, patientId, "verify");
      const row = (await repo.findPatient(trx, access)) as repo.PatientRow;
      await this.chart.checkReferences(undefined, input.pcpProviderId);
      const candidates = await this.chart.duplicatesOf(row);
      if (candidates.length > 0 && !input.duplicateOverride) throw possibleDuplicate(candidates);
      await repo.updateChart(trx, access, {
        status: "active",
        verified_at: this.deps.clock.now(),
        verified_by: actor.userId,
        possible_duplicate_ids: [],
        duplicate_override_reason: candidates.length > 0 ? (input.duplicateOverride?.reason.trim() ?? null) : null,
        duplicate_override_by: candidates.length > 0 ? actor.userId : null,
        ...(input.pcpProviderId ? { pcp_provider_id: input.pcpProviderId } : {}),
        updated_at: this.deps.clock.now(),
      });
      // the registration page promised an email when the account is ready
      const to = await repo.applicantAddress(trx, access);
      if (to) {
        await this.deps.mailer.send({
          to,
          locale: await recipientLanguage(trx, { patientId }),
          template: registrationVerified,
          params: { signInUrl: `${this.deps.config.publicUrl}/sign-in` },
          dedupeKey: `registration-verified:${patientId}`,
        });
      }
      const fresh = await repo.findPatient(trx, access);
      return this.chart.present(access, fresh as repo.PatientRow, true);
    });
  }

  /**
   * The self-registration the desk decides on, locked (two clerks deciding at once: the second
   * finds it decided): 404 like any chart the reader may not see, 409 when already decided.
   */
  async #pendingRegistration(trx: Transaction<DB>, patientId: string, auditAction: "verify" | "reject") {
    const access = await this.deps.access.authorizePatient(patientId, {
      scope: "profile",
      action: "write",
      resourceType: "registration",
      resourceId: patientId,
      auditAction,
    });
    const row = await repo.lockChart(trx, access);
    if (!row) throw notFound("patient");
    if (row.status !== "pending_verification") {
      throw new DomainError("conflict", "This registration has already been verified or merged.");
    }
    return { access, row };
  }

  /**
   * Front desk turns a pending self-registration down: the record leaves the queue (status
   * `rejected`, opened by nobody, found by no search), the login made with it is closed, and
   * the applicant is told the reason by email in their own language. The note stays inside.
   */
  async reject(patientId: string, input: RejectRegistrationRequest): Promise<RejectRegistrationResponse> {
    const actor = await this.deps.access.authorizeStaff(["front_desk"], {
      resourceType: "registration",
      action: "reject",
    });
    return inTransaction(this.deps.db, async (trx) => {
      const { access, row } = await this.#pendingRegistration(trx, patientId, "reject");
      const now = this.deps.clock.now();
      const note = input.note?.trim() || null;
      await repo.updateChart(trx, access, {
        status: "rejected",
        rejected_at: now,
        rejected_by: actor.userId,
        rejection_reason: input.reason,
        rejection_note: note,
        possible_duplicate_ids: [],
        updated_at: now,
      });
      const to = await repo.applicantAddress(trx, access);
      if (row.user_id) {
        await this.deps.identity.users.update(row.user_id, { status: "disabled" }, now);
        await this.deps.identity.users.endSessions(row.user_id);
      }
      await this.deps.audit.record({
        action: "reject",
        resourceType: "registration",
        resourceId: patientId,
        patientId,
        actingAs: "front_desk",
        details: { reason: input.reason, withNote: note !== null },
      });
      if (to) {
        await this.deps.mailer.send({
          to,
          locale: await recipientLanguage(trx, { patientId }),
          template: registrationRejected,
          params: { reason: input.reason },
          dedupeKey: `registration-rejected:${patientId}`,
        });
      }
      return { id: patientId, status: "rejected", reason: input.reason, applicantEmailed: to !== null };
    });
  }
}
