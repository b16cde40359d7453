import type { Location, LocationInput } from "@portico/contracts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { ClinicAdminWork } from "./admin-work.ts";

const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));

/** The clinic's locations (admin changes; any signed-in user reads). */
export class LocationAdmin extends ClinicAdminWork {
  async listLocations(includeInactive = false): Promise<Location[]> {
    this.signedIn();
    const rows = await this.db
      .selectFrom("locations")
      .selectAll()
      .$if(!includeInactive, (q) => q.where("active", "=", true))
      .orderBy("name")
      .execute();
    return rows.map(presentLocation);
  }

  async createLocation(input: LocationInput): Promise<Location> {
    await this.admin("location", "create");
    checkLocation(input);
    return inTransaction(this.deps.db, async (trx) => {
      const row = await trx
        .insertInto("locations")
        .values({
          name: input.name.trim(),
          address: JSON.stringify(input.address),
          phone: input.phone ?? null,
          time_zone: input.timeZone,
          hours: JSON.stringify(input.hours),
          active: input.active ?? true,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit("create", "location", row.id);
      return presentLocation(row);
    });
  }

  async updateLocation(id: string, patch: Partial<LocationInput>): Promise<Location> {
    await this.admin("location", "update");
    checkLocation(patch);
    return inTransaction(this.deps.db, async (trx) => {
      const row = await trx
        .updateTable("locations")
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.address !== undefined ? { address: JSON.stringify(patch.address) } : {}),
          ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
          ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
          ...(patch.hours !== undefined ? { hours: JSON.stringify(patch.hours) } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound("location");
      await this.audit("update", "location", id, { fields: Object.keys(patch).sort() });
      return presentLocation(row);
    });
  }
}

function checkLocation(input: Partial<LocationInput>): void {
  if (input.timeZone !== undefined && !TIME_ZONES.has(input.timeZone)) {
    throw new DomainError(
      "validation_failed",
      `"${input.timeZone}" is not a known time zone. Use an IANA name such as America/Chicago.`,
      [{ field: "timeZone", problem: "unknown time zone" }],
    );
  }
  for (const h of input.hours ?? []) {
    if (h.open >= h.close) {
      throw new DomainError("validation_failed", "Opening hours must close after they open.", [
        { field: "hours", problem: `weekday ${h.weekday}: ${h.open}–${h.close}` },
      ]);
    }
  }
}

function presentLocation(row: {
  id: string;
  name: string;
  address: unknown;
  phone: string | null;
  time_zone: string;
  hours: unknown;
  active: boolean;
}): Location {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    phone: row.phone,
    timeZone: row.time_zone,
    hours: (row.hours as Location["hours"]) ?? [],
    active: row.active,
  };
}
