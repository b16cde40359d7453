import type { PatientSearchQuery, PatientSearchResponse } from "@portico/contracts";
import { type Database, onReadReplica, readReplica } from "../../db/database.ts";
import { PATIENT_SEARCH_ROLES } from "../../platform/access/staff-abilities.ts";
import { DomainError } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { ChartRules, type PatientServiceDeps } from "./chart.ts";
import { IdentityChangeService } from "./identity-changes.ts";
import { ChartMerges } from "./merge.ts";
import { ProfileService } from "./profile.ts";
import { RegistrationService } from "./registration.ts";
import { interpretation, parseSearchQuery, searchPatients } from "./search.ts";

export type { ActivationCodeIssuer, PatientServiceDeps } from "./chart.ts";

/**
 * Patient charts (SPEC §2.1), one service per concept: `registration` (front desk and online),
 * `profile` (read and change details), `identityChanges` (legal name, birth date, sex),
 * `merges` (two charts of one person), and the staff search here.
 */
export class PatientService {
  readonly #deps: PatientServiceDeps;
  readonly registration: RegistrationService;
  readonly profile: ProfileService;
  readonly identityChanges: IdentityChangeService;
  readonly merges: ChartMerges;
  readonly #chart: ChartRules;

  constructor(deps: PatientServiceDeps) {
    this.#deps = deps;
    const chart = new ChartRules(deps);
    this.#chart = chart;
    this.registration = new RegistrationService(deps, chart);
    this.profile = new ProfileService(deps, chart);
    this.identityChanges = new IdentityChangeService(deps, chart);
    this.merges = new ChartMerges(deps);
  }

  async search(query: PatientSearchQuery): Promise<PatientSearchResponse> {
    const actor = await this.#deps.access.authorizeStaff(PATIENT_SEARCH_ROLES, {
      resourceType: "patient_search",
      action: "search",
    });
    const parsed = parseSearchQuery(query.q);
    const interpretedAs = interpretation(parsed);
    if (interpretedAs.length === 0) {
      throw new DomainError("validation_failed", "Type a name, date of birth, MRN or phone number to search for.");
    }
    const options = {
      limit: query.limit ?? 20,
      includePending: query.includePending ?? true,
      withContact: actor.roles.includes("front_desk") || actor.kind === "system",
    };
    // the search may read a replica (DATABASE_READ_URL: a chart registered a moment ago may be
    // missing for that moment); its audit row is written on the primary before the answer leaves
    const primary = currentDb(this.#deps.db);
    const fromReplica =
      readReplica(primary) === primary
        ? undefined
        : await onReadReplica(primary, (reads) =>
            (reads as Database).transaction().execute((trx) => searchPatients(trx, parsed, options)),
          );
    return inTransaction(this.#deps.db, async (trx) => {
      const results = fromReplica ?? (await searchPatients(trx, parsed, options));
      await this.#deps.audit.record({
        action: "search",
        resourceType: "patient",
        actingAs: actor.roles.includes("front_desk") ? "front_desk" : (actor.roles[0] ?? "system"),
        details: { criteria: interpretedAs, results: results.length },
      });
      return { results: results.map((r) => ({ ...r, age: this.#chart.ageOf(r.dateOfBirth).age })), interpretedAs };
    });
  }
}
