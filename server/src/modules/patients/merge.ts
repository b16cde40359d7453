import type { MergeResult } from "@portico/contracts";
import { sql } from "kysely";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import type { PatientServiceDeps } from "./chart.ts";
import { patientReferences } from "./merge-registry.ts";
import * as repo from "./repo.ts";

/** Merging two charts of the same person (front desk). */
export class ChartMerges {
  readonly #deps: Pick<PatientServiceDeps, "db" | "clock" | "access" | "audit">;
  constructor(deps: Pick<PatientServiceDeps, "db" | "clock" | "access" | "audit">) {
    this.#deps = deps;
  }

  /**
   * Merges `sourceId` into `intoPatientId`: every row pointing at the source chart (the
   * reference registry plus any foreign key found in the catalogue) moves to the surviving
   * chart in one transaction; the source is kept, marked `merged`, pointing at the survivor.
   */
  async merge(sourceId: string, input: { intoPatientId: string; reason: string }): Promise<MergeResult> {
    const actor = await this.#deps.access.authorizeStaff(["front_desk"], { resourceType: "patient", action: "merge" });
    if (sourceId === input.intoPatientId) throw new DomainError("bad_request", "A chart cannot be merged into itself.");
    return inTransaction(this.#deps.db, async (trx) => {
      const accesses = new Map<string, PatientAccess>();
      for (const id of [sourceId, input.intoPatientId]) {
        const access = await this.#deps.access.authorizePatient(id, {
          scope: "profile",
          action: "write",
          resourceType: "patient",
          resourceId: id,
          auditAction: "merge",
        });
        accesses.set(id, access);
      }
      // both charts locked in id order, so two merges of the same pair never wait on each other crosswise
      const locked = [];
      for (const id of [...accesses.keys()].sort()) {
        const row = await repo.lockChart(trx, accesses.get(id) as PatientAccess);
        if (row) locked.push(row);
      }
      const source = locked.find((p) => p.id === sourceId);
      const target = locked.find((p) => p.id === input.intoPatientId);
      const sourceAccess = accesses.get(sourceId) as PatientAccess;
      const targetAccess = accesses.get(input.intoPatientId) as PatientAccess;
      if (!source || !target || source.status === "merged" || target.status === "merged") throw notFound("patient");
      if (source.user_id && target.user_id) {
        throw new DomainError(
          "conflict",
          "Both charts have their own portal login. Disable one of the two logins before merging the charts.",
        );
      }
      const moved: Record<string, number> = {};
      for (const reference of await patientReferences.resolve(trx)) {
        const condition = reference.onlyWhere
          ? sql` and ${reference.onlyWhere({ source: source.id, target: target.id })}`
          : sql``;
        const update = sql`update ${sql.table(reference.table)} set ${sql.ref(reference.column)} = ${target.id} where ${sql.ref(reference.column)} = ${source.id}${condition}`;
        try {
          const result = await update.execute(trx);
          moved[`${reference.table}.${reference.column}`] = Number(result.numAffectedRows ?? 0);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === "23505" || code === "23P01") {
            throw new DomainError(
              "conflict",
              "The two charts have records that cannot be combined (for example overlapping appointments). Resolve them first.",
              { table: reference.table },
            );
          }
          throw error;
        }
      }
      // earlier merges into the source now point at the survivor
      await trx
        .updateTable("patients")
        .set({ merged_into_id: target.id })
        .where("merged_into_id", "=", source.id)
        .execute();
      const now = this.#deps.clock.now();
      await repo.updateChart(trx, sourceAccess, {
        status: "merged",
        merged_into_id: target.id,
        merged_at: now,
        user_id: null,
        updated_at: now,
      });
      if (source.user_id) {
        await repo.updateChart(trx, targetAccess, { user_id: source.user_id, updated_at: now });
        moved["patients.user_id"] = 1;
      }
      const merge = await trx
        .insertInto("patient_merges")
        .values({
          source_patient_id: source.id,
          target_patient_id: target.id,
          merged_by: actor.userId,
          reason: input.reason.trim(),
          moved: JSON.stringify(moved),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.#deps.audit.record({
        action: "merged_into",
        resourceType: "patient",
        resourceId: source.id,
        patientId: source.id,
        actingAs: "front_desk",
        details: { targetPatientId: target.id, mergeId: merge.id },
      });
      await this.#deps.audit.record({
        action: "merged_from",
        resourceType: "patient",
        resourceId: target.id,
        patientId: target.id,
        actingAs: "front_desk",
        details: { sourcePatientId: source.id, mergeId: merge.id },
      });
      return { mergeId: merge.id, sourcePatientId: source.id, targetPatientId: target.id, moved };
    });
  }
}
