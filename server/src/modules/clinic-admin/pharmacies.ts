import type { Pharmacy, PharmacyInput } from "@portico/contracts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { ClinicAdminWork } from "./admin-work.ts";

/** The pharmacy catalogue (admin changes; any signed-in user reads). */
export class PharmacyAdmin extends ClinicAdminWork {
  async listPharmacies(includeInactive = false): Promise<Pharmacy[]> {
    this.signedIn();
    const rows = await this.db
      .selectFrom("pharmacies")
      .selectAll()
      .$if(!includeInactive, (q) => q.where("active", "=", true))
      .orderBy("name")
      .execute();
    return rows.map(presentPharmacy);
  }

  async createPharmacy(input: PharmacyInput): Promise<Pharmacy> {
    await this.admin("pharmacy", "create");
    return inTransaction(this.deps.db, async (trx) => {
      await this.#uniqueNcpdp(input.ncpdpId, null);
      const row = await trx
        .insertInto("pharmacies")
        .values({
          name: input.name.trim(),
          address: JSON.stringify(input.address),
          phone: input.phone ?? null,
          fax: input.fax ?? null,
          ncpdp_id: input.ncpdpId ?? null,
          active: input.active ?? true,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit("create", "pharmacy", row.id);
      return presentPharmacy(row);
    });
  }

  async updatePharmacy(id: string, patch: Partial<PharmacyInput>): Promise<Pharmacy> {
    await this.admin("pharmacy", "update");
    return inTransaction(this.deps.db, async (trx) => {
      await this.#uniqueNcpdp(patch.ncpdpId, id);
      const row = await trx
        .updateTable("pharmacies")
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.address !== undefined ? { address: JSON.stringify(patch.address) } : {}),
          ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
          ...(patch.fax !== undefined ? { fax: patch.fax } : {}),
          ...(patch.ncpdpId !== undefined ? { ncpdp_id: patch.ncpdpId } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          updated_at: this.deps.clock.now(),
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound("pharmacy");
      await this.audit("update", "pharmacy", id, { fields: Object.keys(patch).sort() });
      return presentPharmacy(row);
    });
  }

  async #uniqueNcpdp(ncpdpId: string | undefined, id: string | null) {
    if (!ncpdpId) return;
    const clash = await this.db
      .selectFrom("pharmacies")
      .select("id")
      .where("ncpdp_id", "=", ncpdpId)
      .$if(id !== null, (q) => q.where("id", "!=", id as string))
      .executeTakeFirst();
    if (clash) throw new DomainError("already_exists", "Another pharmacy already has that NCPDP id.");
  }
}

function presentPharmacy(row: {
  id: string;
  name: string;
  address: unknown;
  phone: string | null;
  fax: string | null;
  ncpdp_id: string | null;
  active: boolean;
}): Pharmacy {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    phone: row.phone,
    fax: row.fax,
    ncpdpId: row.ncpdp_id,
    active: row.active,
  };
}
