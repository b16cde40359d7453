import type { PeopleTables } from "./tables/people.ts";
import type { PlatformTables } from "./tables/platform.ts";

/**
 * The database as Kysely sees it. Each area declares its own tables in `tables/<area>.ts`
 * (kept in step with `migrations/*.sql`) and is joined in here.
 */
export interface DB extends PlatformTables, PeopleTables {}
