import { sql } from "kysely";
import { toFhirMedicationRequest } from "../../../fhir/medication-request.ts";
import { toFhirLabObservation } from "../../../fhir/observation.ts";
import { toFhirRefillTask } from "../../../fhir/task.ts";
import { denialReasonSeal, labValueSeal, stopReasonSeal } from "../../refills/seals.ts";
import { paged, RECORD_PAGE_SIZE, type RecordReader, type RecordSection } from "../section.ts";

/** the patient's medication list (confidential ones only when the access includes them), a page or (keyed) by id */
const medicationRows = (
  { db, rows }: RecordReader,
  { after = null, ids }: { after?: string | null; ids?: readonly string[] },
) =>
  rows
    .selectFrom(db, "medications", "m")
    .leftJoin("providers as pr", "pr.id", "m.prescriber_id")
    .selectAll("m")
    .select("pr.display_name as prescriberName")
    .$if(ids !== undefined, (q) => q.where("m.id", "in", ids as string[]))
    .$if(after !== null, (q) => q.where("m.id", ">", after as string))
    .orderBy("m.id")
    .$if(ids === undefined, (q) => q.limit(RECORD_PAGE_SIZE))
    .execute();

type MedicationRow = Awaited<ReturnType<typeof medicationRows>>[number];

const toMedicationRequest = (patientId: string, m: MedicationRow) =>
  toFhirMedicationRequest({
    id: m.id,
    patientId,
    name: m.name,
    rxnormCode: m.rxnorm_code,
    dose: m.dose,
    directions: m.directions,
    quantity: m.quantity,
    daysSupply: m.days_supply,
    refillsRemaining: m.refills_remaining,
    status: m.status,
    prescriberId: m.prescriber_id,
    prescriberName: m.prescriberName,
    createdAt: m.created_at,
  });

/** refills: the medication list, with each medicine's history (confidential ones only for the patient). */
export const medicationsRecordSection: RecordSection = {
  name: "medications",
  scope: "medications",
  async *entries(reader) {
    const { db, rows: patient, cipher } = reader;
    const rows = paged(
      (after: string | null) => medicationRows(reader, { after }),
      (m) => m.id,
    );
    for await (const m of rows) {
      const events = await db
        .selectFrom("medication_events")
        .select(["event", "changes", "created_at as at"])
        .where("medication_id", "=", m.id)
        .orderBy("created_at")
        .execute();
      yield {
        json: {
          id: m.id,
          name: m.name,
          rxnormCode: m.rxnorm_code,
          purpose: m.purpose,
          dose: m.dose,
          directions: m.directions,
          quantity: m.quantity,
          daysSupply: m.days_supply,
          refillsRemaining: m.refills_remaining,
          lastFilledOn: m.last_filled_on,
          prescriber: m.prescriberName,
          status: m.status,
          stoppedOn: m.stopped_on,
          stopReason: m.stop_reason_sealed ? cipher.open(m.stop_reason_sealed, stopReasonSeal(m.id)) : null,
          confidential: m.confidential,
          history: events,
        },
        fhir: [toMedicationRequest(patient.patientId, m)],
      };
    }
  },
  async fhirByIds(reader, ids) {
    return (await medicationRows(reader, { ids })).map((m) => toMedicationRequest(reader.rows.patientId, m));
  },
};

/** refills: every refill request, one entry per medicine asked for, with the decision. */
export const refillRequestsRecordSection: RecordSection = {
  name: "refillRequests",
  scope: "medications",
  async *entries({ db, rows: patient, cipher }) {
    const patientId = patient.patientId;
    const rows = paged(
      (after: { at: Date; id: string } | null) =>
        patient
          .selectFrom(db, "refill_request_items", "i")
          .innerJoin("medications as m", "m.id", "i.medication_id")
          .innerJoin("refill_requests as r", "r.id", "i.request_id")
          .leftJoin("pharmacies as ph", "ph.id", "r.pharmacy_id")
          .select([
            "i.id",
            "i.request_id",
            "i.medication_id",
            "m.name as medicationName",
            "i.status",
            "i.automatic",
            "i.requested_at",
            "i.decided_at",
            "i.approved_quantity",
            "i.approved_refills",
            "i.denial_reason_sealed",
            "i.delivery_status",
            "ph.name as pharmacyName",
          ])
          .$if(!patient.includeConfidential, (q) => q.where("m.confidential", "=", false))
          .$if(after !== null, (q) => q.where(sql<boolean>`(i.requested_at, i.id) > (${after?.at}, ${after?.id})`))
          .orderBy("i.requested_at")
          .orderBy("i.id")
          .limit(RECORD_PAGE_SIZE)
          .execute(),
      (r) => ({ at: r.requested_at, id: r.id }),
    );
    for await (const r of rows) {
      yield {
        json: {
          id: r.id,
          requestId: r.request_id,
          medication: r.medicationName,
          pharmacy: r.pharmacyName,
          status: r.status,
          decidedAutomatically: r.automatic,
          requestedAt: r.requested_at,
          decidedAt: r.decided_at,
          approvedQuantity: r.approved_quantity,
          approvedRefills: r.approved_refills,
          denialReason: r.denial_reason_sealed ? cipher.open(r.denial_reason_sealed, denialReasonSeal(r.id)) : null,
          deliveryStatus: r.delivery_status,
        },
        fhir: [
          toFhirRefillTask({
            id: r.id,
            patientId,
            medicationId: r.medication_id,
            medicationName: r.medicationName,
            status: r.status,
            automatic: r.automatic,
            requestedAt: r.requested_at,
            decidedAt: r.decided_at,
          }),
        ],
      };
    }
  },
};

/**
 * refills: the lab results the care team recorded on the chart (read on the medication protocol,
 * so the `medications` part of the record), with the value opened from its seal.
 */
export const labResultsRecordSection: RecordSection = {
  name: "labResults",
  scope: "medications",
  async *entries({ db, rows: patient, cipher }) {
    const patientId = patient.patientId;
    // results recorded before the test's name was kept take the current protocol's name for it
    const protocol = await db
      .selectFrom("refill_protocols")
      .select("lab_requirements")
      .orderBy("version", "desc")
      .limit(1)
      .executeTakeFirst();
    const names = new Map(
      ((protocol?.lab_requirements ?? []) as { labCode: string; labName: string }[]).map((l) => [l.labCode, l.labName]),
    );
    const rows = paged(
      (after: { on: string; id: string } | null) =>
        patient
          .selectFrom(db, "lab_results", "l")
          .leftJoin("users as u", "u.id", "l.recorded_by")
          .select([
            "l.id",
            "l.lab_code",
            "l.lab_name",
            "l.resulted_on",
            "l.value_sealed",
            "u.display_name as recordedBy",
          ])
          .$if(after !== null, (q) => q.where(sql<boolean>`(l.resulted_on, l.id) > (${after?.on}::date, ${after?.id})`))
          .orderBy("l.resulted_on")
          .orderBy("l.id")
          .limit(RECORD_PAGE_SIZE)
          .execute(),
      (r) => ({ on: String(r.resulted_on).slice(0, 10), id: r.id }),
    );
    for await (const r of rows) {
      const labName = r.lab_name ?? names.get(r.lab_code) ?? r.lab_code;
      const resultedOn = String(r.resulted_on).slice(0, 10);
      const value = r.value_sealed ? cipher.open(r.value_sealed, labValueSeal(r.id)) : null;
      yield {
        json: { id: r.id, test: labName, labCode: r.lab_code, resultedOn, value, recordedBy: r.recordedBy },
        fhir: [toFhirLabObservation({ id: r.id, patientId, labCode: r.lab_code, labName, resultedOn, value })],
      };
    }
  },
};
