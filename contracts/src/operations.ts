import { type Static, Type } from "typebox";
import { IsoDate, IsoDateTime, Literals, NamedRef, Nullable, Uuid } from "./common.ts";

/**
 * The operations dashboard (administrators): clinic-wide figures computed by SQL over the
 * portal's own records. Aggregates only — no row names or identifies a patient; provider,
 * location, visit type and message pool names are the clinic's own catalogue.
 */
export const OPERATIONS_FIGURES = [
  "third-next-available",
  "lead-time",
  "attendance",
  "message-response",
  "refill-turnaround",
  "referral-turnaround",
  "arrival-wait",
  "portal-adoption",
  "survey-score",
] as const;
export const OperationsFigureName = Literals(OPERATIONS_FIGURES);
export type OperationsFigureName = (typeof OPERATIONS_FIGURES)[number];

export const OperationsFigureParams = Type.Object({ figure: OperationsFigureName });

/**
 * Filters: a date range (local days in the clinic's reporting time zone, both ends included;
 * default the last 90 days up to today; at most 731 days), a location, a provider.
 * `format=csv` answers the same figure as a CSV file.
 */
export const OperationsQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    locationId: Type.Optional(Uuid),
    providerId: Type.Optional(Uuid),
    format: Type.Optional(Literals(["json", "csv"], { default: "json" })),
  },
  { additionalProperties: false },
);
export type OperationsQuery = Static<typeof OperationsQuery>;

/** How a column's numbers read: counts, percentages (0–100), durations, a mean 0–10 score. */
export const OperationsUnit = Literals(["text", "count", "percent", "days", "hours", "minutes", "score"]);
export type OperationsUnit = Static<typeof OperationsUnit>;

export const OperationsColumn = Type.Object({
  /** the row field; also the CSV header */
  key: Type.String(),
  unit: OperationsUnit,
});
export type OperationsColumn = Static<typeof OperationsColumn>;

export const OperationsValue = Type.Union([Type.Number(), Type.String(), Type.Null()]);
export const OperationsRow = Type.Record(Type.String(), OperationsValue);
export type OperationsRow = Static<typeof OperationsRow>;

export const OperationsFigure = Type.Object({
  figure: OperationsFigureName,
  /** the zone whose local days the range means (the clinic's first location) */
  timeZone: Type.String(),
  from: IsoDate,
  to: IsoDate,
  /** when it was computed; "third next available" counts from this moment */
  asOf: IsoDateTime,
  filters: Type.Object({
    locationId: Nullable(Uuid),
    providerId: Nullable(Uuid),
  }),
  /** which filters this figure honours (e.g. refills have no location) */
  applies: Type.Object({ dateRange: Type.Boolean(), location: Type.Boolean(), provider: Type.Boolean() }),
  columns: Type.Array(OperationsColumn),
  rows: Type.Array(OperationsRow),
  /** the figure over every row, when it has one */
  total: Nullable(OperationsRow),
});
export type OperationsFigure = Static<typeof OperationsFigure>;

export const OperationsOverview = Type.Object({
  timeZone: Type.String(),
  /** the default range: the last 90 days up to today */
  from: IsoDate,
  to: IsoDate,
  figures: Type.Array(OperationsFigureName),
  locations: Type.Array(NamedRef),
  providers: Type.Array(NamedRef),
});
export type OperationsOverview = Static<typeof OperationsOverview>;
