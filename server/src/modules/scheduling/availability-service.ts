import type {
  AffectedVisit,
  CreateAvailabilityException,
  CreateAvailabilityTemplate,
  CreateTimeOff,
  CreateVisitType,
  UpdateVisitType,
  VisitType,
} from "@portico/contracts";
import type { Static } from "typebox";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import {
  checkNoOverlappingTemplate,
  checkVisitTypesOfSpecialty,
  exceptionTimes,
  findProvider,
  worksAt,
} from "./availability-checks.ts";
import {
  type Exception,
  newVisitTypeRow,
  presentAffectedVisit,
  presentException,
  presentTemplate,
  type Template,
  visitTypeChanges,
} from "./availability-rows.ts";
import * as repo from "./repo.ts";
import type { SchedulingEvents } from "./service.ts";
import { presentVisitType } from "./visit-types.ts";

/** Offers a visit the clinic cancelled the nearest free times (the waitlist's offers); returns how many. */
export interface RebookOffers {
  offerNewTimes(appointmentId: string): Promise<number>;
}

/** Why a visit was cancelled when its provider's time off or block was saved over it. */
export const PROVIDER_UNAVAILABLE = "provider_unavailable";

/** Clinic set-up for scheduling: visit types, weekly templates, exceptions (admins; physicians their own time off). */
export class AvailabilityService {
  readonly #db: Database;
  readonly #access: AccessService;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #events: SchedulingEvents | undefined;
  readonly #rebook: RebookOffers | undefined;

  constructor(deps: {
    db: Database;
    clock: Clock;
    access: AccessService;
    audit: AuditLog;
    /** cancellation side effects (calendar, freed time) of visits cancelled under new time off */
    events?: SchedulingEvents;
    /** the nearest free times offered to the patients of those visits */
    rebook?: RebookOffers;
  }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#access = deps.access;
    this.#audit = deps.audit;
    this.#events = deps.events;
    this.#rebook = deps.rebook;
  }

  async allVisitTypes(): Promise<VisitType[]> {
    await this.#access.authorizeStaff("admin", { resourceType: "visit_type" });
    return (await repo.listVisitTypes(currentDb(this.#db), { activeOnly: false })).map(presentVisitType);
  }

  async createVisitType(input: Static<typeof CreateVisitType>): Promise<VisitType> {
    await this.#access.authorizeStaff("admin", { resourceType: "visit_type", action: "create" });
    return inTransaction(this.#db, async (trx) => {
      const row = await trx
        .insertInto("visit_types")
        .values(newVisitTypeRow(input))
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.#audit.record({ action: "create", resourceType: "visit_type", resourceId: row.id });
      return presentVisitType(row);
    });
  }

  async updateVisitType(id: string, input: Static<typeof UpdateVisitType>): Promise<VisitType> {
    await this.#access.authorizeStaff("admin", { resourceType: "visit_type", action: "update" });
    return inTransaction(this.#db, async (trx) => {
      const set = visitTypeChanges(input);
      if (Object.keys(set).length === 0) throw new DomainError("validation_failed", "Nothing to change.");
      const row = await trx.updateTable("visit_types").set(set).where("id", "=", id).returningAll().executeTakeFirst();
      if (!row) throw notFound("visit type");
      await this.#audit.record({
        action: "update",
        resourceType: "visit_type",
        resourceId: id,
        details: { fields: Object.keys(set) },
      });
      return presentVisitType(row);
    });
  }

  async availability(providerId: string): Promise<{ templates: Template[]; exceptions: Exception[] }> {
    await this.#access.authorizeStaff(["admin", "front_desk", "physician", "nurse"], { resourceType: "availability" });
    const db = currentDb(this.#db);
    await this.#provider(providerId);
    const [templates, exceptions] = await Promise.all([
      db
        .selectFrom("availability_templates")
        .selectAll()
        .where("provider_id", "=", providerId)
        .orderBy("weekday")
        .orderBy("start_time")
        .execute(),
      db
        .selectFrom("availability_exceptions")
        .selectAll()
        .where("provider_id", "=", providerId)
        .where("ends_at", ">", new Date(this.#clock.now().getTime() - 30 * 86_400_000))
        .orderBy("starts_at")
        .execute(),
    ]);
    return {
      templates: templates.map(presentTemplate),
      exceptions: exceptions.map(presentException),
    };
  }

  #provider(providerId: string) {
    return findProvider(currentDb(this.#db), providerId);
  }

  async addTemplate(providerId: string, input: Static<typeof CreateAvailabilityTemplate>): Promise<Template> {
    await this.#access.authorizeStaff("admin", { resourceType: "availability", action: "create" });
    if (input.endTime <= input.startTime)
      throw new DomainError("validation_failed", "The end time must be after the start time.");
    if (input.validFrom && input.validUntil && input.validUntil < input.validFrom) {
      throw new DomainError("validation_failed", "The last day must be on or after the first day.");
    }
    return inTransaction(this.#db, async (trx) => {
      const provider = await this.#provider(providerId);
      if (!(await worksAt(trx, providerId, input.locationId)))
        throw new DomainError(
          "validation_failed",
          "This provider does not work at that location. Add the location to the provider first.",
        );
      const visitTypeIds = [...new Set(input.visitTypeIds ?? [])];
      await checkVisitTypesOfSpecialty(trx, visitTypeIds, provider.specialty);
      await checkNoOverlappingTemplate(trx, providerId, input);
      const row = await trx
        .insertInto("availability_templates")
        .values({
          provider_id: providerId,
          location_id: input.locationId,
          weekday: input.weekday,
          start_time: input.startTime,
          end_time: input.endTime,
          valid_from: input.validFrom ?? null,
          valid_until: input.validUntil ?? null,
          visit_type_ids: visitTypeIds,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.#audit.record({
        action: "create",
        resourceType: "availability_template",
        resourceId: row.id,
        details: { providerId },
      });
      return presentTemplate(row);
    });
  }

  async removeTemplate(providerId: string, templateId: string): Promise<void> {
    await this.#access.authorizeStaff("admin", { resourceType: "availability", action: "delete" });
    await inTransaction(this.#db, async (trx) => {
      const gone = await trx
        .deleteFrom("availability_templates")
        .where("id", "=", templateId)
        .where("provider_id", "=", providerId)
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) throw notFound("weekly time");
      await this.#audit.record({
        action: "delete",
        resourceType: "availability_template",
        resourceId: templateId,
        details: { providerId },
      });
    });
  }

  /** Admins manage anyone's exceptions; a physician adds and removes their own time off and blocks. */
  async #authorizeExceptions(providerId: string, kind?: string) {
    const actor = await this.#access.authorizeStaff(["admin", "physician"], { resourceType: "availability_exception" });
    if (!actor.roles.includes("admin") && (actor.providerId !== providerId || kind === "extra_hours")) {
      throw new DomainError("forbidden", "You can add time off and blocks to your own schedule only.");
    }
  }

  async #checkLocation(providerId: string, locationId: string | null | undefined) {
    await this.#provider(providerId);
    if (!locationId) return;
    if (!(await worksAt(currentDb(this.#db), providerId, locationId)))
      throw new DomainError("validation_failed", "This provider does not work at that location.");
  }

  /** The booked visits that time off or a block would overlap (none for extra hours). */
  async #affected(providerId: string, kind: string, start: Date, end: Date, forUpdate: boolean) {
    if (kind === "extra_hours") return [];
    const rows = await repo.bookedVisitsOverlapping(currentDb(this.#db), providerId, start, end, this.#clock.now(), {
      forUpdate,
    });
    return rows.map(presentAffectedVisit);
  }

  /** Dry run of time off or a block: the booked visits it would overlap, named, before anything is saved. */
  async previewException(
    providerId: string,
    input: Static<typeof CreateAvailabilityException>,
  ): Promise<{ affected: AffectedVisit[] }> {
    await this.#authorizeExceptions(providerId, input.kind);
    const { start, end } = exceptionTimes(input);
    await this.#checkLocation(providerId, input.locationId);
    const affected = await this.#affected(providerId, input.kind, start, end, false);
    await this.#audit.record({
      action: "read",
      resourceType: "time_off_preview",
      resourceId: providerId,
      details: { rows: affected.length },
    });
    return { affected };
  }

  /**
   * Saves time off, a block or extra hours. Time off or a block over booked visits needs the
   * admin's explicit choice for exactly the visits they were shown: keep them booked, or
   * notify and rebook (each cancelled by the clinic, audited, the patient told and offered the
   * nearest free times). Otherwise 409 overlaps_booked_visits with the visits. The provider's
   * calendar is locked while saving, so a booking cannot slip into the new time off.
   */
  async addException(
    providerId: string,
    input: Static<typeof CreateTimeOff>,
  ): Promise<Exception & { cancelledVisits: number; keptVisits: number }> {
    await this.#authorizeExceptions(providerId, input.kind);
    const { start, end } = exceptionTimes(input);
    const actor = currentContext().actor;
    return inTransaction(this.#db, async (trx) => {
      await this.#checkLocation(providerId, input.locationId);
      await repo.lockProviderCalendar(trx, providerId, "update");
      const affected = await this.#affected(providerId, input.kind, start, end, true);
      const choice = input.affectedVisits;
      if (affected.length > 0) {
        const shown = new Set(choice?.appointmentIds ?? []);
        const same = choice && shown.size === affected.length && affected.every((a) => shown.has(a.appointmentId));
        if (!same) {
          throw new DomainError(
            "conflict",
            choice
              ? "The booked visits in this time changed since you looked. Check them again and choose what to do."
              : "This time overlaps booked visits. Choose whether to notify and rebook the patients or keep the visits.",
            { reason: "overlaps_booked_visits", affected },
          );
        }
      }
      const row = await trx
        .insertInto("availability_exceptions")
        .values({
          provider_id: providerId,
          kind: input.kind,
          starts_at: start,
          ends_at: end,
          location_id: input.locationId ?? null,
          note: input.note?.trim() || null,
          created_by: actor.userId ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const rebook = affected.length > 0 && choice?.action === "notify_and_rebook";
      await this.#audit.record({
        action: "create",
        resourceType: "availability_exception",
        resourceId: row.id,
        details: {
          providerId,
          kind: input.kind,
          ...(affected.length ? { overlappedVisits: affected.length, affectedVisits: choice?.action ?? null } : {}),
        },
      });
      if (rebook) {
        const now = this.#clock.now();
        for (const visit of affected) {
          await repo.setStatus(
            trx,
            visit.appointmentId,
            "cancelled",
            { cancelled_at: now, cancelled_by: actor.userId ?? null, cancel_reason: PROVIDER_UNAVAILABLE },
            now,
          );
          await this.#audit.record({
            action: "cancel",
            resourceType: "appointment",
            resourceId: visit.appointmentId,
            patientId: visit.patientId,
            details: { reason: PROVIDER_UNAVAILABLE, exceptionId: row.id },
          });
          await this.#events?.cancelled(visit.appointmentId);
          await this.#rebook?.offerNewTimes(visit.appointmentId);
        }
      }
      return {
        ...presentException(row),
        cancelledVisits: rebook ? affected.length : 0,
        keptVisits: rebook ? 0 : affected.length,
      };
    });
  }

  async removeException(providerId: string, exceptionId: string): Promise<void> {
    await this.#authorizeExceptions(providerId);
    await inTransaction(this.#db, async (trx) => {
      const gone = await trx
        .deleteFrom("availability_exceptions")
        .where("id", "=", exceptionId)
        .where("provider_id", "=", providerId)
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) throw notFound("exception");
      await this.#audit.record({
        action: "delete",
        resourceType: "availability_exception",
        resourceId: exceptionId,
        details: { providerId },
      });
    });
  }
}
