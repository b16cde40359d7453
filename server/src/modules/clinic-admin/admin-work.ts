import { currentContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { currentDb } from "../../platform/transaction.ts";
import type { IdentityService } from "../identity/service.ts";
import type { Platform } from "../kit.ts";

export interface ClinicAdminDeps extends Pick<Platform, "config" | "db" | "clock" | "access" | "audit" | "mailer"> {
  /** identity writes the logins: `identity.users` */
  identity: Pick<IdentityService, "users">;
}

/** What every clinic set-up service shares: the admin check, the signed-in check for catalogue reads, the audit row. */
export abstract class ClinicAdminWork {
  protected readonly deps: ClinicAdminDeps;
  constructor(deps: ClinicAdminDeps) {
    this.deps = deps;
  }

  protected get db() {
    return currentDb(this.deps.db);
  }

  protected admin(resourceType: string, action: string) {
    return this.deps.access.authorizeStaff(["admin"], { resourceType, action });
  }

  protected signedIn(): void {
    const actor = currentContext().actor;
    if (actor.kind === "anonymous") throw new DomainError("unauthenticated", "Please sign in to continue.");
  }

  protected async audit(
    action: string,
    resourceType: string,
    resourceId: string,
    details: Record<string, string | readonly string[]> = {},
  ) {
    await this.deps.audit.record({ action, resourceType, resourceId, actingAs: "admin", details });
  }
}
