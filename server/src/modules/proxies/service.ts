import { sql } from "kysely";
import { runWithContext, systemContext } from "../../platform/context.ts";
import { inTransaction } from "../../platform/transaction.ts";
import type { OnboardingService } from "../identity/onboarding.ts";
import type { Platform } from "../kit.ts";
import { GrantService } from "./grants.ts";
import { InvitationService } from "./invitations.ts";
import { INVITATION_DAYS } from "./mail-templates.ts";
import { DAY_MS } from "./rules.ts";

export { INVITATION_DAYS };

export const END_PARENTAL_ACCESS_QUEUE = "proxies.end-parental-access";

export interface ProxyServiceDeps
  extends Pick<Platform, "config" | "db" | "clock" | "access" | "audit" | "mailer" | "jobs"> {
  /** identity's account creation, for an invitee who has no login yet */
  accounts: Pick<OnboardingService, "createAccount">;
}

/**
 * Caregiver access (SPEC §2.2): `grants` (who may act for a patient, granted by the front desk,
 * ended), `invitations` (by email, accepted or signed up with), and the daily job that ends
 * parental access at 18.
 */
export class ProxyService {
  readonly #d: ProxyServiceDeps;
  readonly grants: GrantService;
  readonly invitations: InvitationService;

  constructor(deps: ProxyServiceDeps) {
    this.#d = deps;
    this.invitations = new InvitationService(deps);
    this.grants = new GrantService(deps, this.invitations);
    deps.jobs.register(END_PARENTAL_ACCESS_QUEUE, async () => {
      await this.endParentalAccessAtMajority();
      await this.scheduleDaily(new Date(this.#d.clock.now().getTime() + DAY_MS));
    });
  }

  /** Queues the daily end-of-parental-access run (once per day across all workers). */
  async scheduleDaily(day: Date = this.#d.clock.now()): Promise<void> {
    const date = day.toISOString().slice(0, 10);
    await this.#d.jobs.enqueue(
      END_PARENTAL_ACCESS_QUEUE,
      {},
      { dedupeKey: `${END_PARENTAL_ACCESS_QUEUE}:${date}`, runAt: new Date(`${date}T04:00:00Z`), maxAttempts: 5 },
    );
  }

  /**
   * The daily job: parent and guardian grants made before the patient turned 18 end on that
   * birthday (the patient may grant again as an adult). Each ended grant is audited.
   */
  async endParentalAccessAtMajority(): Promise<number> {
    const adultAt = this.#d.access.ageBounds.adultAt;
    return runWithContext(systemContext("proxies.end-parental-access"), () =>
      inTransaction(this.#d.db, async (trx) => {
        const now = this.#d.clock.now();
        const { rows } = await sql<{ id: string; patient_id: string; majority: Date }>`
          update proxy_grants g
          set ends_at = (p.date_of_birth + make_interval(years => ${adultAt}))::timestamp at time zone 'UTC'
          from patients p
          where p.id = g.patient_id
            and g.relationship in ('parent', 'guardian')
            and g.revoked_at is null
            and p.date_of_birth + make_interval(years => ${adultAt}) <= ${now}::timestamptz at time zone 'UTC'
            and g.starts_at < (p.date_of_birth + make_interval(years => ${adultAt}))::timestamp at time zone 'UTC'
            and (g.ends_at is null or g.ends_at > (p.date_of_birth + make_interval(years => ${adultAt}))::timestamp at time zone 'UTC')
          returning g.id, g.patient_id, g.ends_at as majority`.execute(trx);
        for (const row of rows) {
          await this.#d.audit.record({
            action: "end_at_majority",
            resourceType: "proxy_grant",
            resourceId: row.id,
            patientId: row.patient_id,
            actingAs: "system",
            details: { endsAt: new Date(row.majority).toISOString() },
          });
        }
        return rows.length;
      }),
    );
  }
}
