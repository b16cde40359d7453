import { randomUUID } from "node:crypto";
import type { LabResult, LabResultList, LabTest, RecordLabResultRequest } from "@portico/contracts";
import { sql } from "kysely";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { type PatientRows, patientRows } from "../../platform/access/scoped-query.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { CLINICAL_BASES } from "./medications.ts";
import type { ProtocolRules } from "./protocol-engine.ts";
import type { ChartListDeps } from "./refill-items.ts";
import { labValueSeal } from "./seals.ts";

type Db = ReturnType<typeof currentDb>;

/** The day of the latest result of each lab test the patient has, by lab code (what the protocol engine reads). */
export async function latestLabDays(db: Db, access: PatientAccess): Promise<Record<string, string>> {
  const rows = await patientRows(access, "medications")
    .selectFrom(db, "lab_results")
    .select(["lab_code", (eb) => eb.fn.max("resulted_on").as("latest")])
    .groupBy("lab_code")
    .execute();
  return Object.fromEntries(rows.map((l) => [l.lab_code, String(l.latest).slice(0, 10)]));
}

/** The tests a result may be recorded for: each lab the protocol requires (the longest age limit when repeated). */
export function labTests(protocol: Pick<ProtocolRules, "labRequirements">): LabTest[] {
  const tests = new Map<string, LabTest>();
  for (const lab of protocol.labRequirements) {
    const known = tests.get(lab.labCode);
    if (!known || lab.maxAgeDays > known.maxAgeDays) {
      tests.set(lab.labCode, { labCode: lab.labCode, labName: lab.labName, maxAgeDays: lab.maxAgeDays });
    }
  }
  return [...tests.values()].sort((a, b) => a.labName.localeCompare(b.labName));
}

const EARLIEST_RESULT = "1900-01-01";

/**
 * Lab results on a patient's chart, kept by the care team (nurses and physicians): the test
 * (one the refill protocol names), the day and, if given, the value (sealed). The protocol's
 * lab rule reads the latest day of each test. Reading and recording are audited against the
 * patient (`read:lab_result`, `create:lab_result`: the access log's sentences).
 */
export class LabResultService {
  readonly #d: ChartListDeps;
  constructor(deps: ChartListDeps) {
    this.#d = deps;
  }

  /** Nurses and physicians caring for the patient (a proxy's or the patient's own access is not enough). */
  #clinical(access: PatientAccess): PatientAccess {
    if (!(CLINICAL_BASES as readonly string[]).includes(access.basis)) {
      throw new DomainError("forbidden", "Only the care team keeps lab results.");
    }
    return access;
  }

  async list(patientId: string): Promise<LabResultList> {
    await this.#d.access.authorizeStaff(["nurse", "physician"], { resourceType: "lab_result", action: "read" });
    const access = this.#clinical(
      await this.#d.access.authorizePatient(patientId, {
        scope: "medications",
        action: "read",
        resourceType: "lab_result",
      }),
    );
    const db = currentDb(this.#d.db);
    const rowsOf = patientRows(access, "medications");
    const [rows, patient, protocol, today, canRecord] = await Promise.all([
      this.#select(db, rowsOf).orderBy("l.resulted_on", "desc").orderBy("l.created_at", "desc").limit(200).execute(),
      rowsOf
        .chart(db)
        .select([
          "p.id",
          sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`.as("name"),
        ])
        .executeTakeFirstOrThrow(),
      this.#d.protocols.current(),
      clinicToday(db, this.#d.clock.now()),
      this.#d.access.can(patientId, { scope: "medications", action: "write" }),
    ]);
    const tests = labTests(protocol);
    return {
      patient: { id: patient.id, displayName: patient.name },
      // results recorded before the test's name was kept take the protocol's name for it
      results: rows.map((r) =>
        this.#present({ ...r, lab_name: r.lab_name ?? tests.find((t) => t.labCode === r.lab_code)?.labName ?? null }),
      ),
      tests,
      today,
      abilities: { canRecord: canRecord && tests.length > 0 },
    };
  }

  async record(patientId: string, input: RecordLabResultRequest): Promise<LabResult> {
    await this.#d.access.authorizeStaff(["nurse", "physician"], { resourceType: "lab_result", action: "create" });
    const access = this.#clinical(
      await this.#d.access.authorizePatient(patientId, {
        scope: "medications",
        action: "write",
        resourceType: "lab_result",
        auditAction: "create",
      }),
    );
    const protocol = await this.#d.protocols.current();
    const test = labTests(protocol).find((t) => t.labCode === input.labCode);
    const db = currentDb(this.#d.db);
    const today = await clinicToday(db, this.#d.clock.now());
    const problems: { field: string; problem: string }[] = [];
    if (!test) problems.push({ field: "labCode", problem: "is not a lab test the refill protocol names" });
    if (input.resultedOn > today) problems.push({ field: "resultedOn", problem: "is after today" });
    if (input.resultedOn < EARLIEST_RESULT) problems.push({ field: "resultedOn", problem: "is too long ago" });
    if (problems.length > 0 || !test) {
      throw new DomainError("validation_failed", "The lab result could not be recorded as it is.", problems);
    }
    const value = input.value?.trim() || null;
    return inTransaction(this.#d.db, async (trx) => {
      const rowsOf = patientRows(access, "medications", "write");
      const id = randomUUID();
      await trx
        .insertInto("lab_results")
        .values(
          rowsOf.stamp({
            id,
            lab_code: test.labCode,
            lab_name: test.labName,
            resulted_on: input.resultedOn,
            value_sealed: value ? this.#d.cipher.seal(value, labValueSeal(id)) : null,
            recorded_by: currentContext().actor.userId,
            created_at: this.#d.clock.now(),
          }),
        )
        .execute();
      await this.#d.audit.record({
        action: "create",
        resourceType: "lab_result",
        resourceId: id,
        patientId: rowsOf.patientId,
        details: { labCode: test.labCode, withValue: value !== null },
      });
      const row = await this.#select(trx, rowsOf).where("l.id", "=", id).executeTakeFirstOrThrow();
      return this.#present(row);
    });
  }

  #select(db: Db, rows: PatientRows) {
    return rows
      .selectFrom(db, "lab_results", "l")
      .leftJoin("users as u", "u.id", "l.recorded_by")
      .select([
        "l.id",
        "l.lab_code",
        "l.lab_name",
        "l.resulted_on",
        "l.value_sealed",
        "l.created_at",
        "u.display_name as recorded_by_name",
      ]);
  }

  #present(r: {
    id: string;
    lab_code: string;
    lab_name: string | null;
    resulted_on: string;
    value_sealed: string | null;
    created_at: Date;
    recorded_by_name: string | null;
  }): LabResult {
    return {
      id: r.id,
      labCode: r.lab_code,
      labName: r.lab_name ?? r.lab_code,
      resultedOn: String(r.resulted_on).slice(0, 10),
      value: r.value_sealed ? this.#d.cipher.open(r.value_sealed, labValueSeal(r.id)) : null,
      recordedBy: r.recorded_by_name,
      recordedAt: r.created_at.toISOString(),
    };
  }
}
