import type { Provider, ProviderInput } from "@portico/contracts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { ClinicAdminWork } from "./admin-work.ts";

/** Providers, their locations and linked staff logins (admin changes; any signed-in user reads). */
export class ProviderAdmin extends ClinicAdminWork {
  async listProviders(filter: {
    specialty?: string;
    locationId?: string;
    includeInactive?: boolean;
  }): Promise<Provider[]> {
    this.signedIn();
    const rows = await this.db
      .selectFrom("providers as p")
      .selectAll("p")
      .$if(!filter.includeInactive, (q) => q.where("p.active", "=", true))
      .$if(filter.specialty !== undefined, (q) => q.where("p.specialty", "=", filter.specialty as string))
      .$if(filter.locationId !== undefined, (q) =>
        q.where("p.id", "in", (eb) =>
          eb
            .selectFrom("provider_locations")
            .select("provider_id")
            .where("location_id", "=", filter.locationId as string),
        ),
      )
      .orderBy("p.display_name")
      .execute();
    const links = rows.length
      ? await this.db
          .selectFrom("provider_locations")
          .select(["provider_id", "location_id"])
          .where(
            "provider_id",
            "in",
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      specialty: r.specialty,
      acceptingNewPatients: r.accepting_new_patients,
      active: r.active,
      userId: r.user_id,
      locationIds: links.filter((l) => l.provider_id === r.id).map((l) => l.location_id),
    }));
  }

  async createProvider(input: ProviderInput): Promise<Provider> {
    await this.admin("provider", "create");
    return inTransaction(this.deps.db, async (trx) => {
      await this.#checkProviderLinks(input.locationIds, input.userId ?? null, null);
      const row = await trx
        .insertInto("providers")
        .values({
          display_name: input.displayName.trim(),
          specialty: input.specialty,
          accepting_new_patients: input.acceptingNewPatients ?? true,
          active: input.active ?? true,
          user_id: input.userId ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("provider_locations")
        .values(input.locationIds.map((location_id) => ({ provider_id: row.id, location_id })))
        .execute();
      await this.audit("create", "provider", row.id);
      return (await this.listProviders({ includeInactive: true })).find((p) => p.id === row.id) as Provider;
    });
  }

  async updateProvider(id: string, patch: Partial<ProviderInput>): Promise<Provider> {
    await this.admin("provider", "update");
    return inTransaction(this.deps.db, async (trx) => {
      const existing = await trx.selectFrom("providers").select("id").where("id", "=", id).executeTakeFirst();
      if (!existing) throw notFound("provider");
      await this.#checkProviderLinks(patch.locationIds ?? [], patch.userId ?? null, id);
      const set = {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
        ...(patch.specialty !== undefined ? { specialty: patch.specialty } : {}),
        ...(patch.acceptingNewPatients !== undefined ? { accepting_new_patients: patch.acceptingNewPatients } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.userId !== undefined ? { user_id: patch.userId } : {}),
      };
      if (Object.keys(set).length > 0) await trx.updateTable("providers").set(set).where("id", "=", id).execute();
      if (patch.locationIds) {
        await trx.deleteFrom("provider_locations").where("provider_id", "=", id).execute();
        await trx
          .insertInto("provider_locations")
          .values(patch.locationIds.map((location_id) => ({ provider_id: id, location_id })))
          .execute();
      }
      await this.audit("update", "provider", id, { fields: Object.keys(patch).sort() });
      return (await this.listProviders({ includeInactive: true })).find((p) => p.id === id) as Provider;
    });
  }

  async #checkProviderLinks(locationIds: readonly string[], userId: string | null, providerId: string | null) {
    if (locationIds.length) {
      const found = await this.db
        .selectFrom("locations")
        .select("id")
        .where("id", "in", [...locationIds])
        .execute();
      if (found.length !== locationIds.length) {
        throw new DomainError("validation_failed", "One of the locations was not found.", [
          { field: "locationIds", problem: "unknown location" },
        ]);
      }
    }
    if (userId) {
      const user = await this.db
        .selectFrom("users as u")
        .leftJoin("providers as p", "p.user_id", "u.id")
        .select(["u.id", "p.id as provider_id"])
        .where("u.id", "=", userId)
        .executeTakeFirst();
      if (!user) {
        throw new DomainError("validation_failed", "That user was not found.", [
          { field: "userId", problem: "unknown user" },
        ]);
      }
      if (user.provider_id && user.provider_id !== providerId) {
        throw new DomainError("conflict", "That user is already linked to another provider.");
      }
    }
  }
}
