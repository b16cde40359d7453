import type { OperationsColumn, OperationsRow } from "@portico/contracts";
import { type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { Raw, RollupFigure } from "./rollup-facts.ts";
import { type Bucketed, bucketed, type Counts, percentile, type RangeFilter } from "./rollup-read.ts";

/** What every figure is made of (figures.ts lists them): its filter, its answer, and the helpers they share. */

/** the reporting zone's local days [from, to], both included, and the location and provider filters */
export type FigureFilter = RangeFilter;

export interface FigureResult {
  /** when the figure was computed, when not now (third next available, cached) */
  asOf?: Date;
  applies: { dateRange: boolean; location: boolean; provider: boolean };
  columns: OperationsColumn[];
  rows: OperationsRow[];
  total: OperationsRow | null;
}

export const col = (key: string, unit: OperationsColumn["unit"]): OperationsColumn => ({ key, unit });
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const round1 = (v: unknown): number | null => {
  const n = num(v);
  return n === null || !Number.isFinite(n) ? null : Math.round(n * 10) / 10;
};
/** part of whole as a percentage; null when there is no whole */
export const rate = (part: unknown, whole: unknown): number | null => {
  const w = num(whole);
  return w ? round1((100 * (num(part) ?? 0)) / w) : null;
};

/** The range's first instant and the instant after its last day, in the reporting zone. */
export function bounds(f: FigureFilter): { start: RawBuilder<Date>; end: RawBuilder<Date> } {
  return {
    start: sql<Date>`(${f.from}::date::timestamp at time zone ${f.timeZone})`,
    end: sql<Date>`((${f.to}::date + 1)::timestamp at time zone ${f.timeZone})`,
  };
}

export async function rows(db: Database, query: RawBuilder<Raw>): Promise<Raw[]> {
  return (await query.execute(db)).rows;
}

// ---- figures from the roll-up (rollup.ts): closed days rolled up, the rest read live ----

type Catalogue = "visit_types" | "providers" | "locations" | "message_pools";

/** Names of catalogue rows by id, in the database's order of names. */
async function names(db: Database, table: Catalogue, ids: string[]) {
  const column = table === "providers" ? sql.raw("display_name") : sql.raw("name");
  const extra = table === "message_pools" ? sql.raw(", response_target_hours as target") : sql.raw(", null as target");
  const { rows: found } = await sql<{ id: string; name: string; target: number | null }>`
    select id::text as id, ${column} as name ${extra} from ${sql.table(table)}
    where id = any(${ids}::uuid[]) order by ${column}`.execute(db);
  return found;
}

/** A duration distribution: bucket (in 1/scale units) → count. */
type Dist = Map<number, number>;
const addTo = (dist: Dist, bucket: number, count: number) => dist.set(bucket, (dist.get(bucket) ?? 0) + count);
export const pct = (dist: Dist, p: number, scale: number) => {
  const v = percentile(dist, p);
  return v === null ? null : round1(v / scale);
};

export interface Group extends Counts {
  dist: Dist;
  targets: Set<number | null>;
}
export const newGroup = (): Group => ({ n: 0, c1: 0, c2: 0, c3: 0, c4: 0, s1: 0, dist: new Map(), targets: new Set() });
export function absorb(g: Group, r: Bucketed, withCounts = true): void {
  if (withCounts) {
    g.n += r.n;
    g.c1 += r.c1;
    g.c2 += r.c2;
    g.c3 += r.c3;
    g.c4 += r.c4;
    g.s1 += r.s1;
  }
  if (r.bucket !== null) addTo(g.dist, r.bucket, r.n);
}

/**
 * Rows grouped by the catalogue name of their `grp` id (in the order of names), and the total;
 * groups whose id is no longer in the catalogue are left out (as the join did).
 */
export async function byName(
  db: Database,
  table: Catalogue,
  raw: Bucketed[],
): Promise<{ groups: [string, Group][]; total: Group }> {
  const catalogue = await names(db, table, [...new Set(raw.map((r) => r.grp))]);
  const nameOf = new Map(catalogue.map((c) => [c.id, c]));
  const groups = new Map<string, Group>(catalogue.map((c) => [c.name, newGroup()]));
  const total = newGroup();
  for (const r of raw) {
    const entry = nameOf.get(r.grp);
    if (!entry) continue;
    const g = groups.get(entry.name) as Group;
    absorb(g, r);
    absorb(total, r);
    g.targets.add(entry.target);
    total.targets.add(entry.target);
  }
  return { groups: [...groups.entries()], total };
}

/**
 * A figure of one group per catalogue row (visit type, provider, location): the groups that
 * counted anything, in the order of names, then the total; every filter applies.
 */
export async function perCatalogue(
  db: Database,
  f: FigureFilter,
  figure: {
    rollup: RollupFigure;
    by: Catalogue;
    columns: OperationsColumn[];
    row: (name: string, g: Group) => OperationsRow;
  },
): Promise<FigureResult> {
  const { groups, total } = await byName(db, figure.by, await bucketed(db, figure.rollup, f));
  const rows = groups.filter(([, g]) => g.n > 0).map(([name, g]) => figure.row(name, g));
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: figure.columns,
    rows,
    total: rows.length ? figure.row("all", total) : null,
  };
}
