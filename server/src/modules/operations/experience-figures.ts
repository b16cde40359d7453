import type { OperationsRow } from "@portico/contracts";
import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import {
  bounds,
  col,
  type FigureFilter,
  type FigureResult,
  num,
  perCatalogue,
  rate,
  round1,
  rows,
} from "./figure-kit.ts";
import type { Raw } from "./rollup-facts.ts";
import { bucketed } from "./rollup-read.ts";

/** The patients' side: portal adoption and the post-visit survey score. */

// ---- portal adoption ----

/**
 * Patients (not merged away), those with a portal account, those who signed in during the
 * range (a completed sign-in in the audit log), the caregivers with access in force now and the patients they
 * act for, and the bookings made in the range: online (by the patient or a caregiver) or by
 * staff. Location and provider narrow the bookings only.
 */
export async function portalAdoption(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { start, end } = bounds(f);
  const [r] = await rows(
    db,
    sql<Raw>`
      with pts as (
        select count(*)::int as patients, count(p.user_id)::int as with_account
        from patients p where p.status <> 'merged'
      ),
      active as (
        select count(distinct p.id)::int as n
        from audit_log l
        join patients p on p.user_id = l.actor_user_id and p.status <> 'merged'
        where l.at >= ${start} and l.at < ${end} and l.outcome = 'success'
          and (l.action = 'mfa_verified' or (l.action = 'login' and l.details->>'step' = 'complete'))
      ),
      grants as (
        select count(distinct g.proxy_user_id)::int as proxies, count(distinct g.patient_id)::int as patients_with_proxy
        from proxy_grants g
        -- the chart looked up per grant (a join read every patient)
        where (select p.status from patients p where p.id = g.patient_id) <> 'merged'
          and g.revoked_at is null and g.starts_at <= ${f.now}::timestamptz
          and (g.ends_at is null or g.ends_at > ${f.now}::timestamptz)
      )
      select * from pts, active, grants`,
  );
  const booked = (await bucketed(db, "bookings", f)).reduce(
    (a, b) => ({ bookings: a.bookings + b.n, online: a.online + b.c1, by_staff: a.by_staff + b.c2 }),
    { bookings: 0, online: 0, by_staff: 0 },
  );
  const x: Raw = { ...r, ...booked };
  const row = (measure: string, count: unknown, share: number | null): OperationsRow => ({
    measure,
    count: num(count),
    share,
  });
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [col("measure", "text"), col("count", "count"), col("share", "percent")],
    rows: [
      row("patients", x.patients, null),
      row("withPortalAccount", x.with_account, rate(x.with_account, x.patients)),
      row("signedInDuringRange", x.n, rate(x.n, x.with_account)),
      row("caregivers", x.proxies, null),
      row("patientsWithCaregiver", x.patients_with_proxy, rate(x.patients_with_proxy, x.patients)),
      row("bookings", x.bookings, null),
      row("bookedOnline", x.online, rate(x.online, x.bookings)),
      row("bookedByStaff", x.by_staff, rate(x.by_staff, x.bookings)),
    ],
    total: null,
  };
}

// ---- post-visit survey score ----

/**
 * Surveys sent in the range, per provider: how many were answered, the mean 0–10 score, and the
 * net promoter score (percent scoring 9–10 minus percent scoring 0–6, of those answered).
 */
export function surveyScore(db: Database, f: FigureFilter): Promise<FigureResult> {
  return perCatalogue(db, f, {
    rollup: "survey",
    by: "providers",
    columns: [
      col("provider", "text"),
      col("sent", "count"),
      col("answered", "count"),
      col("responseRate", "percent"),
      col("meanScore", "score"),
      col("netPromoterScore", "count"),
    ],
    // n sent, c1 answered, c2 promoters, c3 detractors, c4 scored, s1 sum of scores
    row: (name, g) => ({
      provider: name,
      sent: g.n,
      answered: g.c1,
      responseRate: rate(g.c1, g.n),
      meanScore: g.c4 ? round1(g.s1 / g.c4) : null,
      netPromoterScore: g.c1 ? Math.round((100 * (g.c2 - g.c3)) / g.c1) : null,
    }),
  });
}
