import type { PatientProfile, PatientSummary, UpdatePatientRequest } from "@portico/contracts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { checkTimeZone } from "../../platform/time-zones.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { ChartService, isStaffAccess } from "./chart.ts";
import * as repo from "./repo.ts";

const IDENTITY_FIELDS = ["legalGivenName", "legalFamilyName", "dateOfBirth", "sex"] as const;

/** A chart's details as the patient, a caregiver or the front desk read and change them. */
export class ProfileService extends ChartService {
  /**
   * The profile, or — for a proxy whose access does not cover it (a parent of an adolescent)
   * — the summary: name and date of birth. The access policy decides which (`profile` or
   * `summary` scope); nobody else gets either.
   */
  async getProfile(patientId: string): Promise<PatientProfile | PatientSummary> {
    const full = await this.deps.access.can(patientId, { scope: "profile", action: "read" });
    const access = await this.deps.access.authorizePatient(patientId, {
      scope: full ? "profile" : "summary",
      action: "read",
      resourceType: full ? "patient_profile" : "patient_summary",
      resourceId: patientId,
    });
    const row = await repo.findPatient(this.db, access);
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
    const canEdit = await this.deps.access.can(patientId, { scope: "profile", action: "write" });
    return this.chart.present(access, row, isStaffAccess(access), canEdit);
  }

  async updateProfile(patientId: string, patch: UpdatePatientRequest): Promise<PatientProfile> {
    return inTransaction(this.deps.db, async (trx) => {
      const access = await this.deps.access.authorizePatient(patientId, {
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
      if (patch.dateOfBirth) this.chart.checkBirthDate(patch.dateOfBirth);
      if (patch.timeZone) checkTimeZone(patch.timeZone);
      await this.chart.checkReferences(patch.preferredPharmacyId ?? undefined, patch.pcpProviderId ?? undefined);
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
      set.updated_at = this.deps.clock.now();
      await repo.updateChart(trx, access, set);
      const row = (await repo.findPatient(trx, access)) as repo.PatientRow;
      const portalLanguage = patch.preferredLanguage?.toLowerCase();
      if ((portalLanguage === "en" || portalLanguage === "es") && row.user_id) {
        // one language per person: the patient's own login follows the chart's (pages and emails)
        await this.deps.identity.users.update(row.user_id, { locale: portalLanguage }, this.deps.clock.now());
      }
      if (patch.insurance) await this.chart.saveCoverages(access, patch.insurance);
      await this.deps.audit.record({
        action: "update_fields",
        resourceType: "patient_profile",
        resourceId: access.patientId,
        patientId: access.patientId,
        proxyGrantId: access.viaProxyGrantId,
        actingAs: access.basis,
        details: { fields: Object.keys(patch).sort() },
      });
      return this.chart.present(access, row, staff);
    });
  }
}
