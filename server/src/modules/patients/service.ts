import type {
  DuplicateCandidate,
  IdentityChangeRequest,
  IdentityChanges,
  InsuranceCoverageInput,
  MergeResult,
  PatientProfile,
  PatientSearchQuery,
  PatientSearchResponse,
  PatientSummary,
  PendingRegistration,
  RegisterPatientRequest,
  RegisterPatientResponse,
  RejectRegistrationRequest,
  RejectRegistrationResponse,
  SelfRegistrationRequest,
  UpdatePatientRequest,
} from "@portico/contracts";
import { sql } from "kysely";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AccessService, PatientAccess } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { assertStrongPassword } from "../../platform/auth/password-policy.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { browserLanguage, languageFromTag, recipientLanguage } from "../../platform/mail/language.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { checkTimeZone } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import type { IdentityService } from "../identity/service.ts";
import { findProbableDuplicates, presentCandidate } from "./duplicates.ts";
import {
  registrationExistingAccount,
  registrationReceived,
  registrationRejected,
  registrationVerified,
} from "./mail-templates.ts";
import { isValidDate, normalizeEmail, type PersonFacts } from "./matching.ts";
import { patientReferences } from "./merge-registry.ts";
import * as repo from "./repo.ts";
import { interpretation, parseSearchQuery, searchPatients } from "./search.ts";

/** What registration needs from identity: the activation code, and the login of a self-registered patient. */
export type ActivationCodeIssuer = Pick<IdentityService, "issueActivationCode" | "users">;

export interface PatientServiceDeps {
  config: Config;
  db: Database;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  mailer: Mailer;
  identity: ActivationCodeIssuer;
}

const IDENTITY_FIELDS = ["legalGivenName", "legalFamilyName", "dateOfBirth", "sex"] as const;
const OLDEST_BIRTH_YEAR = 1900;

/** Registration, profile, duplicates, merges and identity changes of patient charts (SPEC §2.1). */
export class PatientService {
  readonly #deps: PatientServiceDeps;
  constructor(deps: PatientServiceDeps) {
    this.#deps = deps;
  }

  get #db() {
    return currentDb(this.#deps.db);
  }

  // ---- registration ----

  async register(input: RegisterPatientRequest): Promise<RegisterPatientResponse> {
    // the front desk only: the duplicate check answers with other people's charts, and the
    // admin may see no patient data (403 before any lookup)
    const actor = await this.#deps.access.authorizeStaff(["front_desk"], {
      resourceType: "patient",
      action: "create",
    });
    this.#checkBirthDate(input.dateOfBirth);
    return inTransaction(this.#deps.db, async (trx) => {
      await this.#checkReferences(input.preferredPharmacyId, input.pcpProviderId);
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
        verified_at: this.#deps.clock.now(),
        verified_by: actor.userId,
        duplicate_override_reason: candidates.length > 0 ? (input.duplicateOverride?.reason.trim() ?? null) : null,
        duplicate_override_by: candidates.length > 0 ? actor.userId : null,
      });
      if (input.insurance?.length) await this.#saveCoverages(id, input.insurance);
      await this.#deps.audit.record({
        action: "create",
        resourceType: "patient",
        resourceId: id,
        patientId: id,
        actingAs: actor.kind === "system" ? "system" : "front_desk",
        details: candidates.length > 0 ? { duplicateOverride: true, candidateIds: candidates.map((c) => c.id) } : {},
      });
      const activation = await this.#deps.identity.issueActivationCode(id, actor.userId);
      const row = await repo.findPatient(trx, id);
      if (!row) throw notFound("patient");
      return {
        patient: await this.#present(row, true),
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
    await this.#deps.access.authorizeStaff(["front_desk"], { resourceType: "activation_code", action: "create" });
    return inTransaction(this.#deps.db, async () => {
      await this.#deps.access.authorizePatient(patientId, {
        scope: "profile",
        action: "write",
        resourceType: "activation_code",
        auditAction: "create",
      });
      const row = await repo.findPatient(this.#db, patientId);
      if (!row) throw notFound("patient");
      if (row.user_id) throw new DomainError("conflict", "This patient already has a portal login.");
      const activation = await this.#deps.identity.issueActivationCode(patientId, currentContext().actor.userId);
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
    await this.#deps.access.authorizeStaff(["front_desk"], { resourceType: "activation_code" });
    const row = await this.#db
      .selectFrom("activation_codes as a")
      .innerJoin("patients as p", "p.id", "a.patient_id")
      .select(["p.legal_given_name", "p.legal_family_name", "p.preferred_name", "a.expires_at"])
      .where("a.patient_id", "=", patientId)
      .where("a.code_hash", "=", codeHash ?? "")
      .where("a.used_at", "is", null)
      .where("a.revoked_at", "is", null)
      .where("a.expires_at", ">", this.#deps.clock.now())
      .executeTakeFirst();
    if (!row) throw new DomainError("not_found", "That activation code is not valid for this patient any more.");
    await this.#deps.audit.record({
      action: "print",
      resourceType: "activation_letter",
      patientId,
      actingAs: "front_desk",
    });
    return {
      patientName: `${row.preferred_name ?? row.legal_given_name} ${row.legal_family_name}`,
      code,
      expiresAt: row.expires_at.toISOString(),
      activateUrl: `${this.#deps.config.publicUrl}/activate`,
      clinicName: this.#deps.config.clinicName,
      clinicPhone: this.#deps.config.clinicPhone,
    };
  }

  /**
   * Self-registration (public). The answer is the same whatever happens, so it reveals
   * neither an existing account nor a matching chart; a probable duplicate is flagged for
   * staff, never merged.
   */
  async selfRegister(input: SelfRegistrationRequest, client: { acceptLanguage?: string } = {}): Promise<void> {
    this.#checkBirthDate(input.dateOfBirth);
    if (input.timeZone) checkTimeZone(input.timeZone);
    const displayName = `${(input.preferredName ?? input.legalGivenName).trim()} ${input.legalFamilyName.trim()}`;
    assertStrongPassword(input.password, { email: input.email, displayName, clinicName: this.#deps.config.clinicName });
    const passwordHash = await hashPassword(input.password);
    const email = normalizeEmail(input.email) as string;
    // the applicant's language: the one they chose on the form (the web offers the page's own
    // as the default), else their browser's; it becomes their account's and the chart's
    const locale = languageFromTag(input.preferredLanguage, browserLanguage(client.acceptLanguage) ?? "en");
    const chartLanguage = input.preferredLanguage ?? locale;
    await inTransaction(this.#deps.db, async (trx) => {
      const existing = await trx
        .selectFrom("users")
        .select("id")
        .where("email_normalized", "=", email)
        .executeTakeFirst();
      if (existing) {
        await this.#deps.mailer.send({
          to: input.email,
          // written to the account that uses this address, in its own language
          locale: await recipientLanguage(trx, { userId: existing.id }),
          template: registrationExistingAccount,
          params: { signInUrl: `${this.#deps.config.publicUrl}/sign-in` },
        });
        await this.#deps.audit.record({
          action: "self_register",
          resourceType: "patient",
          outcome: "failure",
          subjectUserId: existing.id,
          details: { reason: "email_in_use" },
        });
        return;
      }
      const candidates = await findProbableDuplicates(trx, personOf(input));
      const user = await this.#deps.identity.users.create({
        email: input.email.trim(),
        emailNormalized: email,
        displayName,
        passwordHash,
        passwordChangedAt: this.#deps.clock.now(),
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
      await this.#deps.audit.record({
        action: "self_register",
        resourceType: "patient",
        resourceId: id,
        patientId: id,
        subjectUserId: user.id,
        actingAs: "patient",
        details: { possibleDuplicates: candidates.length },
      });
      await this.#deps.mailer.send({
        to: input.email,
        locale: await recipientLanguage(trx, { userId: user.id }),
        template: registrationReceived,
        params: {},
      });
    });
  }

  async listPending(): Promise<PendingRegistration[]> {
    await this.#deps.access.authorizeStaff(["front_desk"], { resourceType: "registration_queue", action: "read" });
    const rows = await this.#db
      .selectFrom("patients as p")
      .select("p.id")
      .where("p.status", "=", "pending_verification")
      .orderBy("p.created_at")
      .limit(200)
      .execute();
    const out: PendingRegistration[] = [];
    for (const { id } of rows) {
      const access = await this.#deps.access.authorizePatient(id, {
        scope: "profile",
        action: "read",
        resourceType: "registration",
        resourceId: id,
      });
      const row = await repo.findPatient(this.#db, access.patientId);
      if (!row) continue;
      out.push({
        patient: await this.#present(row, true),
        source: row.registration_source,
        submittedAt: row.created_at.toISOString(),
        possibleDuplicates: await this.#duplicatesOf(row),
      });
    }
    return out;
  }

  async verify(
    patientId: string,
    input: { duplicateOverride?: { reason: string }; pcpProviderId?: string },
  ): Promise<PatientProfile> {
    const actor = await this.#deps.access.authorizeStaff(["front_desk"], {
      resourceType: "registration",
      action: "verify",
    });
    return inTransaction(this.#deps.db, async (trx) => {
      await this.#deps.access.authorizePatient(patientId, {
        scope: "profile",
        action: "write",
        resourceType: "registration",
        resourceId: patientId,
        auditAction: "verify",
      });
      const row = await repo.findPatient(trx, patientId);
      if (!row) throw notFound("patient");
      if (row.status !== "pending_verification") {
        throw new DomainError("conflict", "This registration has already been verified or merged.");
      }
      await this.#checkReferences(undefined, input.pcpProviderId);
      const candidates = await this.#duplicatesOf(row);
      if (candidates.length > 0 && !input.duplicateOverride) throw possibleDuplicate(candidates);
      await trx
        .updateTable("patients")
        .set({
          status: "active",
          verified_at: this.#deps.clock.now(),
          verified_by: actor.userId,
          possible_duplicate_ids: [],
          duplicate_override_reason: candidates.length > 0 ? (input.duplicateOverride?.reason.trim() ?? null) : null,
          duplicate_override_by: candidates.length > 0 ? actor.userId : null,
          ...(input.pcpProviderId ? { pcp_provider_id: input.pcpProviderId } : {}),
          updated_at: this.#deps.clock.now(),
        })
        .where("id", "=", patientId)
        .execute();
      // the registration page promised an email when the account is ready
      const to = await this.#applicantAddress(trx, patientId);
      if (to) {
        await this.#deps.mailer.send({
          to,
          locale: await recipientLanguage(trx, { patientId }),
          template: registrationVerified,
          params: { signInUrl: `${this.#deps.config.publicUrl}/sign-in` },
          dedupeKey: `registration-verified:${patientId}`,
        });
      }
      const fresh = await repo.findPatient(trx, patientId);
      return this.#present(fresh as repo.PatientRow, true);
    });
  }

  /**
   * Front desk turns a pending self-registration down: the record leaves the queue (status
   * `rejected`, opened by nobody, found by no search), the login made with it is closed, and
   * the applicant is told the reason by email in their own language. The note stays inside.
   */
  async reject(patientId: string, input: RejectRegistrationRequest): Promise<RejectRegistrationResponse> {
    const actor = await this.#deps.access.authorizeStaff(["front_desk"], {
      resourceType: "registration",
      action: "reject",
    });
    return inTransaction(this.#deps.db, async (trx) => {
      await this.#deps.access.authorizePatient(patientId, {
        scope: "profile",
        action: "write",
        resourceType: "registration",
        resourceId: patientId,
        auditAction: "reject",
      });
      const row = await trx
        .selectFrom("patients")
        .select(["id", "status", "user_id"])
        .where("id", "=", patientId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFound("patient");
      if (row.status !== "pending_verification") {
        throw new DomainError("conflict", "This registration has already been verified or merged.");
      }
      const now = this.#deps.clock.now();
      const note = input.note?.trim() || null;
      await trx
        .updateTable("patients")
        .set({
          status: "rejected",
          rejected_at: now,
          rejected_by: actor.userId,
          rejection_reason: input.reason,
          rejection_note: note,
          possible_duplicate_ids: [],
          updated_at: now,
        })
        .where("id", "=", patientId)
        .execute();
      const to = await this.#applicantAddress(trx, patientId);
      if (row.user_id) {
        await this.#deps.identity.users.update(row.user_id, { status: "disabled" }, now);
        await this.#deps.identity.users.endSessions(row.user_id);
      }
      await this.#deps.audit.record({
        action: "reject",
        resourceType: "registration",
        resourceId: patientId,
        patientId,
        actingAs: "front_desk",
        details: { reason: input.reason, withNote: note !== null },
      });
      if (to) {
        await this.#deps.mailer.send({
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

  /** Where a registration's emails go: the applicant's login address, else the chart's. */
  async #applicantAddress(db: ReturnType<typeof currentDb>, patientId: string): Promise<string | null> {
    const row = await db
      .selectFrom("patients as p")
      .leftJoin("users as u", "u.id", "p.user_id")
      .select(["p.email", "u.email as userEmail"])
      .where("p.id", "=", patientId)
      .executeTakeFirst();
    return row?.userEmail ?? row?.email ?? null;
  }

  /**
   * Merges `sourceId` into `intoPatientId`: every row pointing at the source chart (the
   * reference registry plus any foreign key found in the catalogue) moves to the surviving
   * chart in one transaction; the source is kept, marked `merged`, pointing at the survivor.
   */
  async merge(sourceId: string, input: { intoPatientId: string; reason: string }): Promise<MergeResult> {
    const actor = await this.#deps.access.authorizeStaff(["front_desk"], { resourceType: "patient", action: "merge" });
    if (sourceId === input.intoPatientId) throw new DomainError("bad_request", "A chart cannot be merged into itself.");
    return inTransaction(this.#deps.db, async (trx) => {
      for (const id of [sourceId, input.intoPatientId]) {
        await this.#deps.access.authorizePatient(id, {
          scope: "profile",
          action: "write",
          resourceType: "patient",
          resourceId: id,
          auditAction: "merge",
        });
      }
      const locked = await trx
        .selectFrom("patients")
        .select(["id", "status", "user_id"])
        .where("id", "in", [sourceId, input.intoPatientId])
        .orderBy("id")
        .forUpdate()
        .execute();
      const source = locked.find((p) => p.id === sourceId);
      const target = locked.find((p) => p.id === input.intoPatientId);
      if (!source || !target || source.status === "merged" || target.status === "merged") throw notFound("patient");
      if (source.user_id && target.user_id) {
        throw new DomainError(
          "conflict",
          "Both charts have their own portal login. Disable one of the two logins before merging the charts.",
        );
      }
      const moved: Record<string, number> = {};
      for (const reference of await patientReferences.resolve(trx)) {
        const condition = reference.onlyWhere
          ? sql` and ${reference.onlyWhere({ source: source.id, target: target.id })}`
          : sql``;
        const update = sql`update ${sql.table(reference.table)} set ${sql.ref(reference.column)} = ${target.id} where ${sql.ref(reference.column)} = ${source.id}${condition}`;
        try {
          const result = await update.execute(trx);
          moved[`${reference.table}.${reference.column}`] = Number(result.numAffectedRows ?? 0);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === "23505" || code === "23P01") {
            throw new DomainError(
              "conflict",
              "The two charts have records that cannot be combined (for example overlapping appointments). Resolve them first.",
              { table: reference.table },
            );
          }
          throw error;
        }
      }
      // earlier merges into the source now point at the survivor
      await trx
        .updateTable("patients")
        .set({ merged_into_id: target.id })
        .where("merged_into_id", "=", source.id)
        .execute();
      const now = this.#deps.clock.now();
      await trx
        .updateTable("patients")
        .set({ status: "merged", merged_into_id: target.id, merged_at: now, user_id: null, updated_at: now })
        .where("id", "=", source.id)
        .execute();
      if (source.user_id) {
        await trx
          .updateTable("patients")
          .set({ user_id: source.user_id, updated_at: now })
          .where("id", "=", target.id)
          .execute();
        moved["patients.user_id"] = 1;
      }
      const merge = await trx
        .insertInto("patient_merges")
        .values({
          source_patient_id: source.id,
          target_patient_id: target.id,
          merged_by: actor.userId,
          reason: input.reason.trim(),
          moved: JSON.stringify(moved),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.#deps.audit.record({
        action: "merged_into",
        resourceType: "patient",
        resourceId: source.id,
        patientId: source.id,
        actingAs: "front_desk",
        details: { targetPatientId: target.id, mergeId: merge.id },
      });
      await this.#deps.audit.record({
        action: "merged_from",
        resourceType: "patient",
        resourceId: target.id,
        patientId: target.id,
        actingAs: "front_desk",
        details: { sourcePatientId: source.id, mergeId: merge.id },
      });
      return { mergeId: merge.id, sourcePatientId: source.id, targetPatientId: target.id, moved };
    });
  }

  // ---- profile ----

  /**
   * The profile, or — for a proxy whose access does not cover it (a parent of an adolescent)
   * — the summary: name and date of birth. The access policy decides which (`profile` or
   * `summary` scope); nobody else gets either.
   */
  async getProfile(patientId: string): Promise<PatientProfile | PatientSummary> {
    const full = await this.#deps.access.can(patientId, { scope: "profile", action: "read" });
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: full ? "profile" : "summary",
      action: "read",
      resourceType: full ? "patient_profile" : "patient_summary",
      resourceId: patientId,
    });
    const row = await repo.findPatient(this.#db, access.patientId);
    if (!row) throw notFound("patient");
    if (!full) {
      return {
        view: "summary",
        id: row.id,
        legalGivenName: row.legal_given_name,
        legalFamilyName: row.legal_family_name,
        preferredName: row.preferred_name,
        dateOfBirth: row.date_of_birth,
      };
    }
    const canEdit = await this.#deps.access.can(patientId, { scope: "profile", action: "write" });
    return this.#present(row, isStaffAccess(access), canEdit);
  }

  async updateProfile(patientId: string, patch: UpdatePatientRequest): Promise<PatientProfile> {
    return inTransaction(this.#deps.db, async (trx) => {
      const access = await this.#deps.access.authorizePatient(patientId, {
        scope: "profile",
        action: "write",
        resourceType: "patient_profile",
        resourceId: patientId,
        auditAction: "update",
      });
      const staff = isStaffAccess(access);
      const identityChanged = IDENTITY_FIELDS.filter((f) => patch[f] !== undefined);
      if (!staff && identityChanged.length > 0) {
        throw new DomainError(
          "forbidden",
          "Legal name, sex and date of birth are changed by the front desk. Send a change request instead.",
          { fields: identityChanged },
        );
      }
      if (!staff && patch.pcpProviderId !== undefined) {
        throw new DomainError(
          "forbidden",
          "Your primary care physician is assigned by the clinic. Please ask the front desk.",
        );
      }
      if (patch.dateOfBirth) this.#checkBirthDate(patch.dateOfBirth);
      if (patch.timeZone) checkTimeZone(patch.timeZone);
      await this.#checkReferences(patch.preferredPharmacyId ?? undefined, patch.pcpProviderId ?? undefined);
      const set: repo.PatientUpdate = {};
      if (patch.legalGivenName !== undefined) set.legal_given_name = patch.legalGivenName.trim();
      if (patch.legalFamilyName !== undefined) set.legal_family_name = patch.legalFamilyName.trim();
      if (patch.dateOfBirth !== undefined) set.date_of_birth = patch.dateOfBirth;
      if (patch.sex !== undefined) set.sex = patch.sex;
      if (patch.preferredName !== undefined) set.preferred_name = patch.preferredName?.trim() ?? null;
      if (patch.genderIdentity !== undefined) set.gender_identity = patch.genderIdentity?.trim() ?? null;
      if (patch.phone !== undefined) set.phone = patch.phone?.trim() ?? null;
      if (patch.email !== undefined) set.email = patch.email?.trim() ?? null;
      if (patch.address !== undefined) set.address = JSON.stringify(patch.address ?? {});
      if (patch.preferredLanguage !== undefined) set.preferred_language = patch.preferredLanguage;
      if (patch.timeZone !== undefined) set.time_zone = patch.timeZone;
      if (patch.emergencyContact !== undefined) {
        set.emergency_contact = patch.emergencyContact ? JSON.stringify(patch.emergencyContact) : null;
      }
      if (patch.preferredPharmacyId !== undefined) set.preferred_pharmacy_id = patch.preferredPharmacyId;
      if (patch.pcpProviderId !== undefined) set.pcp_provider_id = patch.pcpProviderId;
      set.updated_at = this.#deps.clock.now();
      await trx.updateTable("patients").set(set).where("id", "=", access.patientId).execute();
      const row = (await repo.findPatient(trx, access.patientId)) as repo.PatientRow;
      const portalLanguage = patch.preferredLanguage?.toLowerCase();
      if ((portalLanguage === "en" || portalLanguage === "es") && row.user_id) {
        // one language per person: the patient's own login follows the chart's (pages and emails)
        await this.#deps.identity.users.update(row.user_id, { locale: portalLanguage }, this.#deps.clock.now());
      }
      if (patch.insurance) await this.#saveCoverages(access.patientId, patch.insurance);
      await this.#deps.audit.record({
        action: "update_fields",
        resourceType: "patient_profile",
        resourceId: access.patientId,
        patientId: access.patientId,
        proxyGrantId: access.viaProxyGrantId,
        actingAs: access.basis,
        details: { fields: Object.keys(patch).sort() },
      });
      return this.#present(row, staff);
    });
  }

  // ---- search ----

  async search(query: PatientSearchQuery): Promise<PatientSearchResponse> {
    const actor = await this.#deps.access.authorizeStaff(["front_desk", "nurse", "physician"], {
      resourceType: "patient_search",
      action: "search",
    });
    const parsed = parseSearchQuery(query.q);
    const interpretedAs = interpretation(parsed);
    if (interpretedAs.length === 0) {
      throw new DomainError("validation_failed", "Type a name, date of birth, MRN or phone number to search for.");
    }
    return inTransaction(this.#deps.db, async (trx) => {
      const results = await searchPatients(trx, parsed, {
        limit: query.limit ?? 20,
        includePending: query.includePending ?? true,
        withContact: actor.roles.includes("front_desk") || actor.kind === "system",
      });
      await this.#deps.audit.record({
        action: "search",
        resourceType: "patient",
        actingAs: actor.roles.includes("front_desk") ? "front_desk" : (actor.roles[0] ?? "system"),
        details: { criteria: interpretedAs, results: results.length },
      });
      return { results, interpretedAs };
    });
  }

  // ---- identity change requests ----

  async requestIdentityChange(
    patientId: string,
    input: { changes: IdentityChanges; reason: string },
  ): Promise<IdentityChangeRequest> {
    return inTransaction(this.#deps.db, async (trx) => {
      const access = await this.#deps.access.authorizePatient(patientId, {
        scope: "profile",
        action: "write",
        resourceType: "identity_change_request",
        auditAction: "create",
      });
      if (input.changes.dateOfBirth) this.#checkBirthDate(input.changes.dateOfBirth);
      if (await repo.pendingIdentityRequestId(trx, access.patientId)) {
        throw new DomainError("conflict", "A change request is already waiting for the front desk.");
      }
      const actor = currentContext().actor;
      const { id } = await trx
        .insertInto("identity_change_requests")
        .values({
          patient_id: access.patientId,
          requested_by: actor.userId as string,
          changes: JSON.stringify(trimChanges(input.changes)),
          reason: input.reason.trim(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return (await this.#identityRequests(trx, { id }))[0] as IdentityChangeRequest;
    });
  }

  async patientIdentityRequests(patientId: string): Promise<IdentityChangeRequest[]> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "profile",
      action: "read",
      resourceType: "identity_change_request",
    });
    return this.#identityRequests(this.#db, { patientId: access.patientId });
  }

  async listIdentityRequests(status: "pending" | "approved" | "denied" = "pending"): Promise<IdentityChangeRequest[]> {
    await this.#deps.access.authorizeStaff(["front_desk"], { resourceType: "identity_change_request", action: "read" });
    const list = await this.#identityRequests(this.#db, { status });
    await this.#deps.audit.record({
      action: "read",
      resourceType: "identity_change_request_queue",
      actingAs: "front_desk",
      details: { results: list.length },
    });
    return list;
  }

  async decideIdentityRequest(
    requestId: string,
    input: { decision: "approve" | "deny"; note?: string },
  ): Promise<IdentityChangeRequest> {
    const actor = await this.#deps.access.authorizeStaff(["front_desk"], {
      resourceType: "identity_change_request",
      action: "decide",
    });
    return inTransaction(this.#deps.db, async (trx) => {
      const request = await trx
        .selectFrom("identity_change_requests")
        .select(["id", "patient_id", "status", "changes"])
        .where("id", "=", requestId)
        .forUpdate()
        .executeTakeFirst();
      if (!request) throw notFound("change request");
      await this.#deps.access.authorizePatient(request.patient_id, {
        scope: "profile",
        action: "write",
        resourceType: "identity_change_request",
        resourceId: requestId,
        auditAction: input.decision,
      });
      if (request.status !== "pending") throw new DomainError("conflict", "This request has already been decided.");
      const now = this.#deps.clock.now();
      if (input.decision === "approve") {
        const changes = request.changes as IdentityChanges;
        const set: repo.PatientUpdate = { updated_at: now };
        if (changes.legalGivenName) set.legal_given_name = changes.legalGivenName;
        if (changes.legalFamilyName) set.legal_family_name = changes.legalFamilyName;
        if (changes.dateOfBirth) set.date_of_birth = changes.dateOfBirth;
        if (changes.sex) set.sex = changes.sex;
        await trx.updateTable("patients").set(set).where("id", "=", request.patient_id).execute();
      }
      await trx
        .updateTable("identity_change_requests")
        .set({
          status: input.decision === "approve" ? "approved" : "denied",
          decided_by: actor.userId,
          decided_at: now,
          decision_note: input.note?.trim() || null,
        })
        .where("id", "=", requestId)
        .execute();
      return (await this.#identityRequests(trx, { id: requestId }))[0] as IdentityChangeRequest;
    });
  }

  // ---- helpers ----

  async #identityRequests(
    db: ReturnType<typeof currentDb>,
    filter: { id?: string; patientId?: string; status?: string },
  ): Promise<IdentityChangeRequest[]> {
    const rows = await db
      .selectFrom("identity_change_requests as r")
      .innerJoin("patients as p", "p.id", "r.patient_id")
      .select([
        "r.id",
        "r.patient_id",
        "r.changes",
        "r.reason",
        "r.status",
        "r.decision_note",
        "r.created_at",
        "r.decided_at",
        "p.mrn",
        "p.legal_given_name",
        "p.legal_family_name",
        "p.date_of_birth",
        "p.sex",
      ])
      .$if(filter.id !== undefined, (q) => q.where("r.id", "=", filter.id as string))
      .$if(filter.patientId !== undefined, (q) => q.where("r.patient_id", "=", filter.patientId as string))
      .$if(filter.status !== undefined, (q) => q.where("r.status", "=", filter.status as "pending"))
      .orderBy("r.created_at", filter.status === "pending" ? "asc" : "desc")
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      patientName: `${r.legal_given_name} ${r.legal_family_name}`,
      mrn: r.mrn,
      current: {
        legalGivenName: r.legal_given_name,
        legalFamilyName: r.legal_family_name,
        dateOfBirth: r.date_of_birth,
        sex: r.sex,
      },
      changes: r.changes as IdentityChanges,
      reason: r.reason,
      status: r.status,
      decisionNote: r.decision_note,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
    }));
  }

  async #duplicatesOf(row: repo.PatientRow): Promise<DuplicateCandidate[]> {
    const live = await findProbableDuplicates(this.#db, personOfRow(row), row.id);
    const flagged = row.possible_duplicate_ids.filter((id) => !live.some((c) => c.id === id));
    const stillThere = (await repo.candidatesById(this.#db, flagged)).filter((c) => c.status !== "merged");
    return [...live, ...stillThere.map((c) => presentCandidate(c, []))];
  }

  async #saveCoverages(patientId: string, coverages: readonly InsuranceCoverageInput[]): Promise<void> {
    const ranks = coverages.map((c) => c.rank ?? "primary");
    if (new Set(ranks).size !== ranks.length) {
      throw new DomainError("validation_failed", "Give at most one primary and one secondary insurance.", [
        { field: "insurance", problem: "duplicate rank" },
      ]);
    }
    const fileIds = coverages
      .flatMap((c) => [c.cardFrontFileId, c.cardBackFileId])
      .filter((f): f is string => Boolean(f));
    const own = await repo.ownFileIds(this.#db, patientId, fileIds);
    if (fileIds.some((f) => !own.has(f))) {
      throw new DomainError("validation_failed", "An insurance card photo was not found. Please upload it again.", [
        { field: "insurance", problem: "unknown card file" },
      ]);
    }
    await repo.replaceCoverages(this.#db, patientId, coverages);
  }

  async #checkReferences(pharmacyId: string | undefined, pcpProviderId: string | undefined): Promise<void> {
    if (pharmacyId) {
      const found = await this.#db
        .selectFrom("pharmacies")
        .select("id")
        .where("id", "=", pharmacyId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!found) {
        throw new DomainError("validation_failed", "That pharmacy was not found.", [
          { field: "preferredPharmacyId", problem: "unknown pharmacy" },
        ]);
      }
    }
    if (pcpProviderId) {
      const found = await this.#db
        .selectFrom("providers")
        .select("id")
        .where("id", "=", pcpProviderId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!found) {
        throw new DomainError("validation_failed", "That provider was not found.", [
          { field: "pcpProviderId", problem: "unknown provider" },
        ]);
      }
    }
  }

  #checkBirthDate(value: string): void {
    const today = this.#deps.clock.now().toISOString().slice(0, 10);
    if (!isValidDate(value) || value > today || Number(value.slice(0, 4)) < OLDEST_BIRTH_YEAR) {
      throw new DomainError("validation_failed", "Enter a real date of birth that is not in the future.", [
        { field: "dateOfBirth", problem: "not a plausible date of birth" },
      ]);
    }
  }

  async #present(row: repo.PatientRow, staff: boolean, canEdit = true): Promise<PatientProfile> {
    const coverages = await repo.coveragesOf(this.#db, row.id);
    return {
      view: "full",
      id: row.id,
      mrn: row.mrn,
      status: row.status,
      legalGivenName: row.legal_given_name,
      legalFamilyName: row.legal_family_name,
      preferredName: row.preferred_name,
      dateOfBirth: row.date_of_birth,
      sex: row.sex,
      genderIdentity: row.gender_identity,
      phone: row.phone,
      email: row.email,
      address: isAddress(row.address) ? row.address : null,
      preferredLanguage: row.preferred_language,
      timeZone: row.time_zone,
      emergencyContact: (row.emergency_contact as PatientProfile["emergencyContact"]) ?? null,
      insurance: coverages.map((c) => ({
        id: c.id,
        rank: c.rank,
        payerName: c.payer_name,
        memberId: c.member_id,
        groupNumber: c.group_number,
        subscriberName: c.subscriber_name,
        subscriberRelationship: c.subscriber_relationship,
        cardFrontFileId: c.card_front_file_id,
        cardBackFileId: c.card_back_file_id,
      })),
      preferredPharmacy:
        row.preferred_pharmacy_id && row.pharmacy_name
          ? { id: row.preferred_pharmacy_id, name: row.pharmacy_name }
          : null,
      pcp:
        row.pcp_provider_id && row.pcp_name
          ? { id: row.pcp_provider_id, name: row.pcp_name, specialty: row.pcp_specialty ?? "" }
          : null,
      hasLogin: row.user_id !== null,
      canEdit,
      canEditIdentity: staff,
      pendingIdentityChangeRequestId: await repo.pendingIdentityRequestId(this.#db, row.id),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}

function isStaffAccess(access: PatientAccess): boolean {
  return access.basis === "front_desk" || access.basis === "system";
}

function isAddress(value: unknown): value is NonNullable<PatientProfile["address"]> {
  return typeof value === "object" && value !== null && "line1" in value;
}

function possibleDuplicate(candidates: DuplicateCandidate[]): DomainError {
  return new DomainError(
    "possible_duplicate",
    "This person may already have a chart. Compare the records: link or merge, or confirm that this is someone else and say why.",
    { candidates },
  );
}

function trimChanges(changes: IdentityChanges): IdentityChanges {
  return {
    ...(changes.legalGivenName ? { legalGivenName: changes.legalGivenName.trim() } : {}),
    ...(changes.legalFamilyName ? { legalFamilyName: changes.legalFamilyName.trim() } : {}),
    ...(changes.dateOfBirth ? { dateOfBirth: changes.dateOfBirth } : {}),
    ...(changes.sex ? { sex: changes.sex } : {}),
  };
}

type Demographics = Pick<
  RegisterPatientRequest,
  | "legalGivenName"
  | "legalFamilyName"
  | "preferredName"
  | "dateOfBirth"
  | "sex"
  | "genderIdentity"
  | "phone"
  | "email"
  | "address"
  | "preferredLanguage"
>;

function demographicsColumns(input: Demographics) {
  return {
    legal_given_name: input.legalGivenName.trim(),
    legal_family_name: input.legalFamilyName.trim(),
    preferred_name: input.preferredName?.trim() || null,
    date_of_birth: input.dateOfBirth,
    sex: input.sex,
    gender_identity: input.genderIdentity?.trim() || null,
    phone: input.phone?.trim() || null,
    email: input.email?.trim() || null,
    address: JSON.stringify(input.address ?? {}),
    preferred_language: input.preferredLanguage ?? "en",
  };
}

function personOf(input: Demographics): PersonFacts {
  return {
    givenName: input.legalGivenName,
    familyName: input.legalFamilyName,
    preferredName: input.preferredName,
    dateOfBirth: input.dateOfBirth,
    sex: input.sex,
    phone: input.phone,
    email: input.email,
  };
}

function personOfRow(row: repo.PatientRow): PersonFacts {
  return {
    givenName: row.legal_given_name,
    familyName: row.legal_family_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    phone: row.phone,
    email: row.email,
  };
}
