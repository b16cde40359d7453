import { sql } from "kysely";
import { toFhirServiceRequest } from "../../../fhir/service-request.ts";
import { referralDenialSeal, referralReasonSeal, referralVisitNoteSeal } from "../../referrals/seals.ts";
import { paged, RECORD_PAGE_SIZE, type RecordSection } from "../section.ts";

/** referrals: every referral asked for or made, its decision and its history. */
export const referralsRecordSection: RecordSection = {
  name: "referrals",
  scope: "referrals",
  async *entries({ db, patientId, cipher }) {
    const rows = paged(
      (after: { at: Date; id: string } | null) =>
        db
          .selectFrom("referrals as r")
          .leftJoin("providers as pr", "pr.id", "r.approved_provider_id")
          .selectAll("r")
          .select("pr.display_name as approvedProviderName")
          .where("r.patient_id", "=", patientId)
          .$if(after !== null, (q) => q.where(sql<boolean>`(r.created_at, r.id) > (${after?.at}, ${after?.id})`))
          .orderBy("r.created_at")
          .orderBy("r.id")
          .limit(RECORD_PAGE_SIZE)
          .execute(),
      (r) => ({ at: r.created_at, id: r.id }),
    );
    for await (const r of rows) {
      const reason = r.reason_sealed ? cipher.open(r.reason_sealed, referralReasonSeal(r.id)) : null;
      const history = await db
        .selectFrom("referral_events")
        .select(["event", "status", "at"])
        .where("referral_id", "=", r.id)
        .orderBy("seq")
        .execute();
      yield {
        json: {
          id: r.id,
          status: r.status,
          specialty: r.specialty,
          urgency: r.urgency,
          reason,
          approvedSpecialty: r.approved_specialty,
          approvedProvider: r.approvedProviderName,
          visitsAllowed: r.visits_allowed,
          visitsUsed: r.visits_used,
          expiresOn: r.expires_on,
          decidedAt: r.decided_at,
          denialReason: r.denial_reason_sealed ? cipher.open(r.denial_reason_sealed, referralDenialSeal(r.id)) : null,
          visitNote: r.visit_note_sealed ? cipher.open(r.visit_note_sealed, referralVisitNoteSeal(r.id)) : null,
          requestedAt: r.created_at,
          history,
        },
        fhir: [
          toFhirServiceRequest({
            id: r.id,
            patientId,
            status: r.status,
            specialty: r.approved_specialty ?? r.specialty,
            urgency: r.urgency,
            reason,
            approvedProviderId: r.approved_provider_id,
            createdAt: r.created_at,
          }),
        ],
      };
    }
  },
};
