import { toFhirRelatedPerson } from "../../../fhir/related-person.ts";
import type { RecordSection } from "../section.ts";

/** proxies: who has (or had) caregiver access to the record, with what scopes and when. */
export const caregiversRecordSection: RecordSection = {
  name: "caregivers",
  scope: "proxies",
  async *entries({ db, rows }) {
    const patientId = rows.patientId;
    const grants = await rows
      .selectFrom(db, "proxy_grants", "g")
      .innerJoin("users as u", "u.id", "g.proxy_user_id")
      .select(["g.id", "g.relationship", "g.scopes", "g.starts_at", "g.ends_at", "g.revoked_at", "u.display_name"])
      .orderBy("g.starts_at")
      .orderBy("g.id")
      .execute();
    const now = Date.now();
    for (const g of grants) {
      const active = !g.revoked_at && (!g.ends_at || g.ends_at.getTime() > now);
      yield {
        json: {
          id: g.id,
          name: g.display_name,
          relationship: g.relationship,
          scopes: g.scopes,
          startsAt: g.starts_at,
          endsAt: g.ends_at,
          revokedAt: g.revoked_at,
        },
        fhir: [
          toFhirRelatedPerson({
            id: g.id,
            patientId,
            name: g.display_name,
            relationship: g.relationship,
            scopes: g.scopes,
            startsAt: g.starts_at,
            endsAt: g.revoked_at ?? g.ends_at,
            active,
          }),
        ],
      };
    }
  },
};
