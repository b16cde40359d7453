import type { Redis } from "ioredis";
import type Provider from "oidc-provider";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";

/** where the authorization server is mounted */
export const OAUTH_PATH = "/oauth";

export interface SmartDeps {
  db: Database;
  cipher: FieldCipher;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  jobs: JobQueue;
  config: Pick<Config, "publicUrl" | "trustProxy" | "env">;
  /** the process's shared Redis (platform/redis.ts): each app's limit holds across app servers */
  redis: Redis | undefined;
}

/** What every part of the module takes: the deps, the addresses derived from them, and the authorization server. */
export interface SmartContext extends SmartDeps {
  /** `<publicUrl>/oauth` */
  readonly issuer: string;
  /** the FHIR API's base (`<publicUrl>/fhir/R4`): the tokens' audience */
  readonly fhirBase: string;
  /** the authorization server, built on first use (`SmartService.provider`) */
  provider(): Promise<Provider>;
}
