import type { ColumnType } from "kysely";

export type { Generated } from "kysely";
export type Json = ColumnType<unknown, string, string>;
/** A `date` column: read as "YYYY-MM-DD" on both databases. */
export type DateString = string;
/** A jsonb column with a database default: optional on insert. */
export type JsonWithDefault = ColumnType<unknown, string | undefined, string>;
