import type { IdentityChangeRequest, IdentityChanges } from "@portico/contracts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { type currentDb, inTransaction } from "../../platform/transaction.ts";
import { ChartService } from "./chart.ts";
import * as repo from "./repo.ts";

/**
 * Legal name, birth date and sex change only through a request the front desk decides
 * (the patient asks; the desk approves or denies).
 */
export class IdentityChangeService extends ChartService {
  async requestIdentityChange(
    patientId: string,
    input: { changes: IdentityChanges; reason: string },
  ): Promise<IdentityChangeRequest> {
    return inTransaction(this.deps.db, async (trx) => {
      const access = await this.deps.access.authorizePatient(patientId, {
        scope: "profile",
        action: "write",
        resourceType: "identity_change_request",
        auditAction: "create",
      });
      if (input.changes.dateOfBirth) this.chart.checkBirthDate(input.changes.dateOfBirth);
      if (await repo.pendingIdentityRequestId(trx, access)) {
        throw new DomainError("conflict", "A change request is already waiting for the front desk.");
      }
      const actor = currentContext().actor;
      const { id } = await trx
        .insertInto("identity_change_requests")
        .values(
          patientRows(access, "profile", "write").stamp({
            requested_by: actor.userId as string,
            changes: JSON.stringify(trimChanges(input.changes)),
            reason: input.reason.trim(),
          }),
        )
        .returning("id")
        .executeTakeFirstOrThrow();
      return (await this.#identityRequests(trx, { id }))[0] as IdentityChangeRequest;
    });
  }

  async patientIdentityRequests(patientId: string): Promise<IdentityChangeRequest[]> {
    const access = await this.deps.access.authorizePatient(patientId, {
      scope: "profile",
      action: "read",
      resourceType: "identity_change_request",
    });
    return this.#identityRequests(this.db, { access });
  }

  async listIdentityRequests(status: "pending" | "approved" | "denied" = "pending"): Promise<IdentityChangeRequest[]> {
    await this.deps.access.authorizeStaff(["front_desk"], { resourceType: "identity_change_request", action: "read" });
    const list = await this.#identityRequests(this.db, { status });
    await this.deps.audit.record({
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
    const actor = await this.deps.access.authorizeStaff(["front_desk"], {
      resourceType: "identity_change_request",
      action: "decide",
    });
    return inTransaction(this.deps.db, async (trx) => {
      const request = await trx
        .selectFrom("identity_change_requests")
        .select(["id", "patient_id", "status", "changes"])
        .where("id", "=", requestId)
        .forUpdate()
        .executeTakeFirst();
      if (!request) throw notFound("change request");
      const access = await this.deps.access.authorizePatient(request.patient_id, {
        scope: "profile",
        action: "write",
        resourceType: "identity_change_request",
        resourceId: requestId,
        auditAction: input.decision,
      });
      if (request.status !== "pending") throw new DomainError("conflict", "This request has already been decided.");
      const now = this.deps.clock.now();
      if (input.decision === "approve") {
        const changes = request.changes as IdentityChanges;
        const set: repo.PatientUpdate = { updated_at: now };
        if (changes.legalGivenName) set.legal_given_name = changes.legalGivenName;
        if (changes.legalFamilyName) set.legal_family_name = changes.legalFamilyName;
        if (changes.dateOfBirth) set.date_of_birth = changes.dateOfBirth;
        if (changes.sex) set.sex = changes.sex;
        await repo.updateChart(trx, access, set);
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

  async #identityRequests(
    db: ReturnType<typeof currentDb>,
    filter: { id?: string; access?: PatientAccess; status?: string },
  ): Promise<IdentityChangeRequest[]> {
    // one patient's requests only through the scoped builder; the desk's queue by status or id
    const requests = filter.access
      ? patientRows(filter.access, "profile").selectFrom(db, "identity_change_requests", "r")
      : db.selectFrom("identity_change_requests as r");
    const rows = await requests
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
}

function trimChanges(changes: IdentityChanges): IdentityChanges {
  return {
    ...(changes.legalGivenName ? { legalGivenName: changes.legalGivenName.trim() } : {}),
    ...(changes.legalFamilyName ? { legalFamilyName: changes.legalFamilyName.trim() } : {}),
    ...(changes.dateOfBirth ? { dateOfBirth: changes.dateOfBirth } : {}),
    ...(changes.sex ? { sex: changes.sex } : {}),
  };
}
