import type {
  DuplicateCandidate,
  InsuranceCoverageInput,
  PatientChartAbilities,
  PatientProfile,
  RegisterPatientRequest,
} from "@portico/contracts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { ageOn } from "../../platform/access/policy.ts";
import { DomainError } from "../../platform/errors.ts";
import { currentDb } from "../../platform/transaction.ts";
import type { IdentityService } from "../identity/service.ts";
import type { Platform } from "../kit.ts";
import { findProbableDuplicates, personOfRow, presentCandidate } from "./duplicates.ts";
import { isValidDate, type PersonFacts } from "./matching.ts";
import * as repo from "./repo.ts";

/** What registration needs from identity: the activation code, and the login of a self-registered patient. */
export type ActivationCodeIssuer = Pick<IdentityService, "issueActivationCode" | "users">;

/** What the patients module's services are built from. */
export interface PatientServiceDeps extends Pick<Platform, "config" | "db" | "clock" | "access" | "audit" | "mailer"> {
  identity: ActivationCodeIssuer;
}

const OLDEST_BIRTH_YEAR = 1900;

/** What the patients module's chart services share: their dependencies, the chart rules and the request's database. */
export abstract class ChartService {
  protected readonly deps: PatientServiceDeps;
  protected readonly chart: ChartRules;
  constructor(deps: PatientServiceDeps, chart: ChartRules) {
    this.deps = deps;
    this.chart = chart;
  }

  protected get db() {
    return currentDb(this.deps.db);
  }
}

/**
 * The chart rules every patients service shares: plausible birth dates, known pharmacy and
 * PCP, insurance coverages, probable duplicates, and the profile as the contract presents it.
 */
export class ChartRules {
  readonly #deps: Pick<PatientServiceDeps, "db" | "clock" | "access">;
  constructor(deps: Pick<PatientServiceDeps, "db" | "clock" | "access">) {
    this.#deps = deps;
  }

  get #db() {
    return currentDb(this.#deps.db);
  }

  checkBirthDate(value: string): void {
    const today = this.#deps.clock.now().toISOString().slice(0, 10);
    if (!isValidDate(value) || value > today || Number(value.slice(0, 4)) < OLDEST_BIRTH_YEAR) {
      throw new DomainError("validation_failed", "Enter a real date of birth that is not in the future.", [
        { field: "dateOfBirth", problem: "not a plausible date of birth" },
      ]);
    }
  }

  async checkReferences(pharmacyId: string | undefined, pcpProviderId: string | undefined): Promise<void> {
    if (pharmacyId) {
      const found = await this.#db
        .selectFrom("pharmacies")
        .select("id")
        .where("id", "=", pharmacyId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!found) {
        throw new DomainError("validation_failed", "That pharmacy was not found.", [
          { field: "preferredPharmacyId", problem: "unknown pharmacy" },
        ]);
      }
    }
    if (pcpProviderId) {
      const found = await this.#db
        .selectFrom("providers")
        .select("id")
        .where("id", "=", pcpProviderId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!found) {
        throw new DomainError("validation_failed", "That provider was not found.", [
          { field: "pcpProviderId", problem: "unknown provider" },
        ]);
      }
    }
  }

  async saveCoverages(access: PatientAccess, coverages: readonly InsuranceCoverageInput[]): Promise<void> {
    const ranks = coverages.map((c) => c.rank ?? "primary");
    if (new Set(ranks).size !== ranks.length) {
      throw new DomainError("validation_failed", "Give at most one primary and one secondary insurance.", [
        { field: "insurance", problem: "duplicate rank" },
      ]);
    }
    const fileIds = coverages
      .flatMap((c) => [c.cardFrontFileId, c.cardBackFileId])
      .filter((f): f is string => Boolean(f));
    const own = await repo.ownFileIds(this.#db, access, fileIds);
    if (fileIds.some((f) => !own.has(f))) {
      throw new DomainError("validation_failed", "An insurance card photo was not found. Please upload it again.", [
        { field: "insurance", problem: "unknown card file" },
      ]);
    }
    await repo.replaceCoverages(this.#db, access, coverages);
  }

  /** The patient's age today and whether the access policy treats them as an adolescent (its bounds, its count). */
  ageOf(dateOfBirth: string): { age: number; adolescent: boolean } {
    const age = ageOn(dateOfBirth, this.#deps.clock.now());
    const bounds = this.#deps.access.ageBounds;
    return { age, adolescent: age >= bounds.adolescentFrom && age < bounds.adultAt };
  }

  /** Charts that may be the same person as this one: found now, or flagged at registration and not merged since. */
  async duplicatesOf(row: repo.PatientRow): Promise<DuplicateCandidate[]> {
    const live = await findProbableDuplicates(this.#db, personOfRow(row), row.id);
    const flagged = row.possible_duplicate_ids.filter((id) => !live.some((c) => c.id === id));
    const stillThere = (await repo.candidatesById(this.#db, flagged)).filter((c) => c.status !== "merged");
    return [...live, ...stillThere.map((c) => presentCandidate(c, []))];
  }

  /** What the reader may open from this chart: the access policy's answers for them and this patient. */
  async abilitiesOn(patientId: string): Promise<PatientChartAbilities> {
    const can = (
      scope: "medications" | "referrals" | "health_updates" | "proxies",
      action: "read" | "write" = "read",
    ) => this.#deps.access.can(patientId, { scope, action });
    // one after another: the first loads the facts the others reuse (and a transaction has one connection)
    const canOpenMedications = await can("medications");
    const canSeeReferrals = await can("referrals");
    const canSeeHealthUpdates = await can("health_updates");
    const canSeeCaregivers = await can("proxies");
    const canAddCaregiver = await can("proxies", "write");
    return { canOpenMedications, canSeeReferrals, canSeeHealthUpdates, canSeeCaregivers, canAddCaregiver };
  }

  /** The full profile; `staff` readers may change identity fields, `canEdit` is the server's answer for the rest. */
  async present(access: PatientAccess, row: repo.PatientRow, staff: boolean, canEdit = true): Promise<PatientProfile> {
    const coverages = await repo.coveragesOf(this.#db, access);
    return {
      view: "full",
      id: row.id,
      mrn: row.mrn,
      status: row.status,
      legalGivenName: row.legal_given_name,
      legalFamilyName: row.legal_family_name,
      preferredName: row.preferred_name,
      dateOfBirth: row.date_of_birth,
      sex: row.sex,
      genderIdentity: row.gender_identity,
      phone: row.phone,
      email: row.email,
      address: isAddress(row.address) ? row.address : null,
      preferredLanguage: row.preferred_language,
      timeZone: row.time_zone,
      emergencyContact: (row.emergency_contact as PatientProfile["emergencyContact"]) ?? null,
      insurance: coverages.map((c) => ({
        id: c.id,
        rank: c.rank,
        payerName: c.payer_name,
        memberId: c.member_id,
        groupNumber: c.group_number,
        subscriberName: c.subscriber_name,
        subscriberRelationship: c.subscriber_relationship,
        cardFrontFileId: c.card_front_file_id,
        cardBackFileId: c.card_back_file_id,
      })),
      preferredPharmacy:
        row.preferred_pharmacy_id && row.pharmacy_name
          ? { id: row.preferred_pharmacy_id, name: row.pharmacy_name }
          : null,
      pcp:
        row.pcp_provider_id && row.pcp_name
          ? { id: row.pcp_provider_id, name: row.pcp_name, specialty: row.pcp_specialty ?? "" }
          : null,
      hasLogin: row.user_id !== null,
      canEdit,
      canEditIdentity: staff,
      ...this.ageOf(row.date_of_birth),
      pendingIdentityChangeRequestId: await repo.pendingIdentityRequestId(this.#db, access),
      abilities: await this.abilitiesOn(row.id),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}

/** The front desk (or the system) is reading: identity fields may be changed directly. */
export function isStaffAccess(access: PatientAccess): boolean {
  return access.basis === "front_desk" || access.basis === "system";
}

function isAddress(value: unknown): value is NonNullable<PatientProfile["address"]> {
  return typeof value === "object" && value !== null && "line1" in value;
}

export function possibleDuplicate(candidates: DuplicateCandidate[]): DomainError {
  return new DomainError(
    "possible_duplicate",
    "This person may already have a chart. Compare the records: link or merge, or confirm that this is someone else and say why.",
    { candidates },
  );
}

export type Demographics = Pick<
  RegisterPatientRequest,
  | "legalGivenName"
  | "legalFamilyName"
  | "preferredName"
  | "dateOfBirth"
  | "sex"
  | "genderIdentity"
  | "phone"
  | "email"
  | "address"
  | "preferredLanguage"
>;

export function demographicsColumns(input: Demographics) {
  return {
    legal_given_name: input.legalGivenName.trim(),
    legal_family_name: input.legalFamilyName.trim(),
    preferred_name: input.preferredName?.trim() || null,
    date_of_birth: input.dateOfBirth,
    sex: input.sex,
    gender_identity: input.genderIdentity?.trim() || null,
    phone: input.phone?.trim() || null,
    email: input.email?.trim() || null,
    address: JSON.stringify(input.address ?? {}),
    preferred_language: input.preferredLanguage ?? "en",
  };
}

export function personOf(input: Demographics): PersonFacts {
  return {
    givenName: input.legalGivenName,
    familyName: input.legalFamilyName,
    preferredName: input.preferredName,
    dateOfBirth: input.dateOfBirth,
    sex: input.sex,
    phone: input.phone,
    email: input.email,
  };
}
