import type { AuditTables } from "./tables/audit.ts";
import type { HealthUpdateTables } from "./tables/health-updates.ts";
import type { IdentityTables } from "./tables/identity.ts";
import type { MessagingTables } from "./tables/messaging.ts";
import type { PatientsTable, PeopleTables } from "./tables/people.ts";
import type { PlatformTables } from "./tables/platform.ts";
import type { ReferralTables } from "./tables/referrals.ts";
import type { RefillTables } from "./tables/refills.ts";
import type { PatientRegistrationColumns, RegistrationTables } from "./tables/registration.ts";
import type { SchedulingTables } from "./tables/scheduling.ts";
import type { SmartTables } from "./tables/smart.ts";
import type { StaffLocationTables } from "./tables/staff-locations.ts";
import type { SurveyTables } from "./tables/surveys.ts";
import type { WorkQueueTables } from "./tables/work-queue.ts";

/**
 * The database as Kysely sees it. Each area declares its own tables in `tables/<area>.ts`
 * (kept in step with `migrations/*.sql`) and is joined in here.
 */
export interface DB
  extends PlatformTables,
    Omit<PeopleTables, "patients">,
    IdentityTables,
    AuditTables,
    SchedulingTables,
    RegistrationTables,
    StaffLocationTables,
    RefillTables,
    ReferralTables,
    WorkQueueTables,
    MessagingTables,
    SurveyTables,
    HealthUpdateTables,
    SmartTables {
  /** the base columns (people.ts) plus those added by 0006_registration */
  patients: PatientsTable & PatientRegistrationColumns;
}
