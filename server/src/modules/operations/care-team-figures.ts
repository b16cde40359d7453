import type { OperationsRow } from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import {
  absorb,
  byName,
  col,
  type FigureFilter,
  type FigureResult,
  type Group,
  newGroup,
  num,
  pct,
  rate,
} from "./figure-kit.ts";
import { bucketed } from "./rollup-read.ts";

/** The care team's turnaround figures, from the roll-up: message response, refills, referrals. */

// ---- message response time against the pool's target ----

/**
 * Each wait for the care team's answer (a `messages` work item, one per patient message that
 * waits) started in the range: hours to the answer (0.1 hour steps), and the share answered by
 * the due time (the pool's response target in business hours) among those answered or already
 * overdue. Per message pool; a pool belongs to a location, a wait to the thread's provider.
 * Waits still open are always read live (whether they are overdue moves with the clock).
 */
export async function messageResponse(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { groups, total } = await byName(db, "message_pools", await bucketed(db, "message", f));
  const row = (name: string, g: Group): OperationsRow => {
    const targets = [...g.targets];
    return {
      pool: name,
      targetHours: targets.length === 1 ? num(targets[0]) : null,
      waits: g.n,
      answered: g.c1,
      medianHours: pct(g.dist, 0.5, 10),
      p90Hours: pct(g.dist, 0.9, 10),
      withinTarget: rate(g.c2, g.c1 + g.c3),
      overdueUnanswered: g.c3,
    };
  };
  const present = groups.filter(([, g]) => g.targets.size > 0);
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [
      col("pool", "text"),
      col("targetHours", "hours"),
      col("waits", "count"),
      col("answered", "count"),
      col("medianHours", "hours"),
      col("p90Hours", "hours"),
      col("withinTarget", "percent"),
      col("overdueUnanswered", "count"),
    ],
    rows: present.map(([name, g]) => row(name, g)),
    total: present.length ? row("all", total) : null,
  };
}

// ---- refill turnaround ----

/**
 * Refill request items made in the range: hours (0.1 hour steps) from the request to the
 * decision and to the pharmacy, decided by the protocol on its own (automatic) or by a
 * clinician (manual). The provider is the medicine's prescriber; refills have no location.
 */
export async function refillTurnaround(db: Database, f: FigureFilter): Promise<FigureResult> {
  const raw = await bucketed(db, "refill", f);
  const kinds = new Map<string, { requests: Group; decided: Group; sent: Group }>();
  const all = { requests: newGroup(), decided: newGroup(), sent: newGroup() };
  for (const r of raw) {
    const [kind, part] = r.grp.split(":") as [string, string | undefined];
    const k = kinds.get(kind) ?? { requests: newGroup(), decided: newGroup(), sent: newGroup() };
    kinds.set(kind, k);
    const which = part === "d" ? "decided" : part === "s" ? "sent" : "requests";
    absorb(k[which], r);
    absorb(all[which], r);
  }
  const row = (label: string, k: { requests: Group; decided: Group; sent: Group }): OperationsRow => ({
    decidedBy: label,
    requests: k.requests.n,
    decided: k.requests.c1,
    medianHoursToDecision: pct(k.decided.dist, 0.5, 10),
    p90HoursToDecision: pct(k.decided.dist, 0.9, 10),
    medianHoursToPharmacy: pct(k.sent.dist, 0.5, 10),
  });
  const rows = (["true", "false"] as const)
    .filter((k) => kinds.get(k)?.requests.n)
    .map((k) =>
      row(k === "true" ? "automatic" : "manual", kinds.get(k) as { requests: Group; decided: Group; sent: Group }),
    );
  return {
    applies: { dateRange: true, location: false, provider: true },
    columns: [
      col("decidedBy", "text"),
      col("requests", "count"),
      col("decided", "count"),
      col("medianHoursToDecision", "hours"),
      col("p90HoursToDecision", "hours"),
      col("medianHoursToPharmacy", "hours"),
    ],
    rows,
    total: rows.length ? row("all", all) : null,
  };
}

// ---- referral turnaround ----

/**
 * Referrals requested in the range, in three stages (0.01 day steps): request → decision
 * (approved, denied or a visit asked for), decision → first visit booked with it, and request →
 * booked. The provider is the deciding primary care physician or the specialist approved;
 * referrals have no location.
 */
export async function referralTurnaround(db: Database, f: FigureFilter): Promise<FigureResult> {
  const raw = await bucketed(db, "referral", f);
  const stages = new Map<string, Group>();
  for (const r of raw) {
    const g = stages.get(r.grp) ?? newGroup();
    stages.set(r.grp, g);
    absorb(g, r);
  }
  const requested = stages.get("requested")?.n ?? 0;
  return {
    applies: { dateRange: true, location: false, provider: true },
    columns: [col("stage", "text"), col("referrals", "count"), col("medianDays", "days"), col("p90Days", "days")],
    rows: requested
      ? ["decision", "scheduling", "requestToScheduled"].map((stage) => {
          const g = stages.get(stage) ?? newGroup();
          return { stage, referrals: g.n, medianDays: pct(g.dist, 0.5, 100), p90Days: pct(g.dist, 0.9, 100) };
        })
      : [],
    total: requested ? { stage: "requested", referrals: requested, medianDays: null, p90Days: null } : null,
  };
}
