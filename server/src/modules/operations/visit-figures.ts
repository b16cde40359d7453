import type { Database } from "../../db/database.ts";
import { col, type FigureFilter, type FigureResult, pct, perCatalogue, rate } from "./figure-kit.ts";

/** The visit figures, from the roll-up of appointments: booking lead time, attendance, arrival to roomed. */

// ---- booking lead time ----

/** Days from booking to the visit, for appointments booked in the range, per visit type (0.1 day steps). */
export function leadTime(db: Database, f: FigureFilter): Promise<FigureResult> {
  return perCatalogue(db, f, {
    rollup: "lead",
    by: "visit_types",
    columns: [
      col("visitType", "text"),
      col("appointments", "count"),
      col("medianDays", "days"),
      col("p90Days", "days"),
    ],
    row: (name, g) => ({
      visitType: name,
      appointments: g.n,
      medianDays: pct(g.dist, 0.5, 10),
      p90Days: pct(g.dist, 0.9, 10),
    }),
  });
}

// ---- no-shows and late cancellations ----

/**
 * Of the appointments due in the range (up to now) — everything but those cancelled before the
 * visit type's cancellation notice — how many were no-shows and how many cancelled late
 * (within the notice, by anyone). Per provider.
 */
export function attendance(db: Database, f: FigureFilter): Promise<FigureResult> {
  return perCatalogue(db, f, {
    rollup: "attendance",
    by: "providers",
    columns: [
      col("provider", "text"),
      col("appointments", "count"),
      col("noShows", "count"),
      col("noShowRate", "percent"),
      col("lateCancellations", "count"),
      col("lateCancellationRate", "percent"),
    ],
    row: (name, g) => ({
      provider: name,
      appointments: g.n,
      noShows: g.c1,
      noShowRate: rate(g.c1, g.n),
      lateCancellations: g.c2,
      lateCancellationRate: rate(g.c2, g.n),
    }),
  });
}

// ---- arrival to roomed ----

/** Minutes (0.1 minute steps) from "arrived" to "roomed" for visits that started in the range, per location. */
export function arrivalWait(db: Database, f: FigureFilter): Promise<FigureResult> {
  return perCatalogue(db, f, {
    rollup: "arrival",
    by: "locations",
    columns: [
      col("location", "text"),
      col("visits", "count"),
      col("medianMinutes", "minutes"),
      col("p90Minutes", "minutes"),
      col("over15Minutes", "percent"),
    ],
    row: (name, g) => ({
      location: name,
      visits: g.n,
      medianMinutes: pct(g.dist, 0.5, 10),
      p90Minutes: pct(g.dist, 0.9, 10),
      over15Minutes: rate(g.c1, g.n),
    }),
  });
}
