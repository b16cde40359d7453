import type { IncomingReferrals } from "@portico/contracts";
import { currentContext } from "../../platform/context.ts";
import { currentDb } from "../../platform/transaction.ts";
import { type ReferralServiceDeps, selectReferrals } from "./referral-shared.ts";
import { queueItems } from "./referral-view.ts";

/** The specialist's list: referrals approved to the caller's provider, or to their specialty with no provider named. */
export async function incomingReferrals(d: ReferralServiceDeps): Promise<IncomingReferrals> {
  const actor = currentContext().actor;
  if (!actor.providerId) return { items: [] };
  const db = currentDb(d.db);
  const me = await db.selectFrom("providers").select("specialty").where("id", "=", actor.providerId).executeTakeFirst();
  if (!me) return { items: [] };
  const providerId = actor.providerId;
  const rows = await selectReferrals(db)
    .where("r.status", "in", ["approved", "scheduled", "completed", "expired"])
    .where("p.status", "=", "active")
    .where((eb) =>
      eb.or([
        eb("r.approved_provider_id", "=", providerId),
        eb.and([eb("r.approved_provider_id", "is", null), eb("r.approved_specialty", "=", me.specialty)]),
      ]),
    )
    .orderBy("r.decided_at", "desc")
    .limit(200)
    .execute();
  return { items: await queueItems(d, rows) };
}
