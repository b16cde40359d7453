import { sql } from "kysely";
import { toFhirServiceRequest } from "../../../fhir/service-request.ts";
import type { FieldCipher } from "../../../platform/crypto.ts";
import { referralDenialSeal, referralReasonSeal, referralVisitNoteSeal } from "../../referrals/seals.ts";
import { paged, RECORD_PAGE_SIZE, type RecordReader, type RecordSection } from "../section.ts";

/** the patient's referrals: a page in the order asked for, or (keyed) those with these ids */
const referralRows = (
  { db, rows }: RecordReader,
  { after = null, ids }: { after?: { at: Date; id: string } | null; ids?: readonly string[] },
) =>
  rows
    .selectFrom(db, "referrals", "r")
    .leftJoin("providers as pr", "pr.id", "r.approved_provider_id")
    .selectAll("r")
    .select("pr.display_name as approvedProviderName")
    .$if(ids !== undefined, (q) => q.where("r.id", "in", ids as string[]))
    .$if(after !== null, (q) => q.where(sql<boolean>`(r.created_at, r.id) > (${after?.at}, ${after?.id})`))
    .orderBy("r.created_at")
    .orderBy("r.id")
    .$if(ids === undefined, (q) => q.limit(RECORD_PAGE_SIZE))
    .execute();

type ReferralRow = Awaited<ReturnType<typeof referralRows>>[number];

const reasonOf = (cipher: FieldCipher, r: ReferralRow) =>
  r.reason_sealed ? cipher.open(r.reason_sealed, referralReasonSeal(r.id)) : null;

const toServiceRequest = (patientId: string, r: ReferralRow, reason: string | null) =>
  toFhirServiceRequest({
    id: r.id,
    patientId,
    status: r.status,
    specialty: r.approved_specialty ?? r.specialty,
    urgency: r.urgency,
    reason,
    approvedProviderId: r.approved_provider_id,
    createdAt: r.created_at,
  });

/** referrals: every referral asked for or made, its decision and its history. */
export const referralsRecordSection: RecordSection = {
  name: "referrals",
  scope: "referrals",
  async *entries(reader) {
    const { db, cipher } = reader;
    const rows = paged(
      (after: { at: Date; id: string } | null) => referralRows(reader, { after }),
      (r) => ({ at: r.created_at, id: r.id }),
    );
    for await (const r of rows) {
      const reason = reasonOf(cipher, r);
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
        fhir: [toServiceRequest(reader.rows.patientId, r, reason)],
      };
    }
  },
  async fhirByIds(reader, ids) {
    return (await referralRows(reader, { ids })).map((r) =>
      toServiceRequest(reader.rows.patientId, r, reasonOf(reader.cipher, r)),
    );
  },
};
