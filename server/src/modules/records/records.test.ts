import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { validateFhir } from "../../fhir/validate.ts";
import { useTestApp } from "../../test/app.ts";
import { DEMO_ALEX, type SignedInDemo, seedDemoAndSignIn } from "../../test/demo-sign-in.ts";
import { makeMedication, makePatient, makeProxy, makeStaff, signIn } from "../../test/factories.ts";
import { labValueSeal } from "../refills/seals.ts";
import { modules } from "../registry.ts";
import { recordSections } from "./section.ts";

interface RecordJson {
  format: string;
  withheld: string[];
  sections: Record<string, Record<string, unknown>[]>;
}

describe("record download: every module with patient data contributes", () => {
  it("has a section, or a written reason, for every module with patientReferences", () => {
    const missing = modules
      .filter((m) => (m.patientReferences ?? []).length > 0)
      .filter((m) => (m.recordSections ?? []).length === 0 && !m.notInRecordDownload)
      .map((m) => m.name);
    expect(missing, "modules holding patient data with no record section").toEqual([]);
    expect(recordSections.all().length).toBeGreaterThanOrEqual(10);
  });
});

describe("record download", () => {
  const t = useTestApp();
  let alex: SignedInDemo;
  let alexId: string;

  beforeAll(async () => {
    ({ login: alex, patientId: alexId } = await seedDemoAndSignIn(t, DEMO_ALEX));
  });

  const download = (patientId: string, headers: Record<string, string>, format: "json" | "fhir" = "json") =>
    t.app.inject({ method: "GET", url: `/api/patients/${patientId}/record?format=${format}`, headers });

  it("gives the patient every kind of record as JSON, with no internal notes, and audits the download", async () => {
    const res = await download(alexId, alex.headers);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="health-record-\d{4}-\d{2}-\d{2}\.json"/);
    const body = res.json() as RecordJson;
    expect(body.format).toBe("portico.record");
    expect(body.withheld).toEqual([]);
    expect(Object.keys(body.sections).sort()).toEqual(
      recordSections
        .all()
        .map((s) => s.section.name)
        .sort(),
    );
    const empty = Object.entries(body.sections)
      .filter(([, entries]) => entries.length === 0)
      .map(([name]) => name);
    // Alex's demo record has something in every section but caregivers (nobody acts for Alex) and refill requests (Sam's are)
    expect(empty).toEqual(["caregivers", "refillRequests"]);
    const kinds = body.sections.conversations?.flatMap((c) => (c.messages as { kind: string }[]).map((m) => m.kind));
    expect(kinds?.length).toBeGreaterThan(0);
    expect(kinds).not.toContain("internal_note");
    // the lab results on Alex's chart (the demo's TSH and A1c, recorded before values were kept)
    expect(body.sections.labResults?.map((l) => [l.test, l.value])).toEqual(
      expect.arrayContaining([
        ["TSH (thyroid test)", null],
        ["Hemoglobin A1c", null],
      ]),
    );
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "resource_type", "acting_as", "outcome"])
      .where("patient_id", "=", alexId)
      .where("resource_type", "=", "patient_record")
      .execute();
    expect(audit).toContainEqual({
      action: "download",
      resource_type: "patient_record",
      acting_as: "patient",
      outcome: "success",
    });
  });

  it("gives the same record as a FHIR R4 collection Bundle that validates against the specification", async () => {
    const res = await download(alexId, alex.headers, "fhir");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/fhir\+json/);
    const bundle = res.json();
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const types = new Set(
      (bundle.entry as { resource: { resourceType: string } }[]).map((e) => e.resource.resourceType),
    );
    for (const type of [
      "Patient",
      "Appointment",
      "MedicationRequest",
      "Communication",
      "ServiceRequest",
      "Observation",
      "QuestionnaireResponse",
      "AuditEvent",
    ]) {
      expect(types, type).toContain(type);
    }
    expect(validateFhir(bundle)).toEqual([]);
  });

  it("gives lab results with their values opened, as laboratory Observations (LOINC when known) in FHIR", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const nurse = await makeStaff(t, "nurse", { displayName: "Nurse Labwell" });
    const results = [
      {
        id: randomUUID(),
        lab_code: "tsh",
        lab_name: "TSH (thyroid test)",
        resulted_on: "2026-01-05",
        value: "2.1 mIU/L",
      },
      { id: randomUUID(), lab_code: "vitamin_d", lab_name: "Vitamin D", resulted_on: "2026-02-10", value: null },
    ];
    await t.database.db
      .insertInto("lab_results")
      .values(
        results.map((r) => ({
          id: r.id,
          patient_id: patient.id,
          lab_code: r.lab_code,
          lab_name: r.lab_name,
          resulted_on: r.resulted_on,
          value_sealed: r.value ? t.cipher.seal(r.value, labValueSeal(r.id)) : null,
          recorded_by: nurse.id,
        })),
      )
      .execute();
    const sealed = await t.database.db
      .selectFrom("lab_results")
      .select("value_sealed")
      .where("id", "=", results[0]?.id as string)
      .executeTakeFirstOrThrow();
    expect(sealed.value_sealed).not.toContain("2.1");
    const headers = (await signIn(t, patient.user as never)).headers;

    const json = (await download(patient.id, headers)).json() as RecordJson;
    expect(json.sections.labResults).toEqual([
      {
        id: results[0]?.id,
        test: "TSH (thyroid test)",
        labCode: "tsh",
        resultedOn: "2026-01-05",
        value: "2.1 mIU/L",
        recordedBy: nurse.displayName,
      },
      {
        id: results[1]?.id,
        test: "Vitamin D",
        labCode: "vitamin_d",
        resultedOn: "2026-02-10",
        value: null,
        recordedBy: nurse.displayName,
      },
    ]);

    const bundle = (await download(patient.id, headers, "fhir")).json();
    const labs = (bundle.entry as { resource: Record<string, unknown> }[])
      .map((e) => e.resource)
      .filter((r) => r.resourceType === "Observation");
    expect(labs).toEqual([
      expect.objectContaining({
        id: results[0]?.id,
        status: "final",
        category: [
          { coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] },
        ],
        code: {
          coding: [
            { system: "http://loinc.org", code: "3016-3", display: "Thyrotropin [Units/volume] in Serum or Plasma" },
          ],
          text: "TSH (thyroid test)",
        },
        subject: { reference: `Patient/${patient.id}` },
        effectiveDateTime: "2026-01-05",
        valueString: "2.1 mIU/L",
      }),
      expect.objectContaining({ id: results[1]?.id, code: { text: "Vitamin D" }, effectiveDateTime: "2026-02-10" }),
    ]);
    expect(labs[1]).not.toHaveProperty("valueString");
    expect(validateFhir(bundle)).toEqual([]);
  });

  it("answers 404 to a caregiver without `records`; withholds sections and confidential rows from a caregiver with it", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const { id: medId } = await t.database.db
      .insertInto("medications")
      .values({
        patient_id: patient.id,
        name: "Confidentialmed",
        dose: "1 tablet",
        directions: "daily",
        quantity: 30,
        days_supply: 30,
        refills_remaining: 1,
        confidential: true,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto("medications")
      .values({
        patient_id: patient.id,
        name: "Plainmed",
        dose: "1 tablet",
        directions: "daily",
        quantity: 30,
        days_supply: 30,
        refills_remaining: 1,
      })
      .execute();
    const withoutRecords = await makeProxy(t, { patientId: patient.id, scopes: ["medications"] });
    const noRecords = await signIn(t, withoutRecords);
    expect((await download(patient.id, noRecords.headers)).statusCode).toBe(404);

    const caregiver = await makeProxy(t, { patientId: patient.id, scopes: ["records", "medications"] });
    const asCaregiver = await signIn(t, caregiver);
    const res = await download(patient.id, asCaregiver.headers);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json() as RecordJson;
    expect(body.withheld.sort()).toEqual(
      ["appointments", "caregivers", "conversations", "questionnaires", "readings", "referrals", "surveys"].sort(),
    );
    expect(body.sections.medications?.map((m) => m.name)).toEqual(["Plainmed"]);
    expect(JSON.stringify(body)).not.toContain(medId);

    const own = (await download(patient.id, (await signIn(t, patient.user as never)).headers)).json() as RecordJson;
    expect(own.sections.medications?.map((m) => m.name).sort()).toEqual(["Confidentialmed", "Plainmed"]);
  });

  it("gives a teen's parent whose grant holds `records` only the appointments and medications parts, never a confidential row; 404 without `records`", async () => {
    const born = new Date(t.clock.now().getTime() - 15 * 365.25 * 86_400_000).toISOString().slice(0, 10);
    const teen = await makePatient(t, { dateOfBirth: born, withLogin: true });
    const medication = (name: string, confidential: boolean) => makeMedication(t, teen.id, name, confidential);
    const secret = await medication("Teensecretmed", true);
    await medication("Teenplainmed", false);
    const labId = randomUUID();
    await t.database.db
      .insertInto("lab_results")
      .values({
        id: labId,
        patient_id: teen.id,
        lab_code: "a1c",
        lab_name: "Hemoglobin A1c",
        resulted_on: "2026-01-05",
        value_sealed: t.cipher.seal("5.4 %", labValueSeal(labId)),
      })
      .execute();

    const parent = await makeProxy(t, {
      patientId: teen.id,
      relationship: "parent",
      scopes: ["records", "medications", "appointments", "messages", "health_updates", "referrals"],
    });
    const asParent = (await signIn(t, parent)).headers;
    const res = await download(teen.id, asParent);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json() as RecordJson;
    const restrictedParts = recordSections
      .all()
      .filter((s) => s.section.scope === "appointments" || s.section.scope === "medications")
      .map((s) => s.section.name);
    expect(Object.keys(body.sections).sort()).toEqual([...restrictedParts].sort());
    expect(Object.keys(body.sections)).toEqual(expect.arrayContaining(["appointments", "medications", "labResults"]));
    expect(body.withheld.sort()).toEqual(
      recordSections
        .all()
        .map((s) => s.section.name)
        .filter((n) => !restrictedParts.includes(n))
        .sort(),
    );
    expect(body.sections.medications?.map((m) => m.name)).toEqual(["Teenplainmed"]);
    expect(body.sections.labResults?.map((l) => l.value)).toEqual(["5.4 %"]);
    expect(res.body).not.toContain(secret.id);
    expect(res.body).not.toContain("Teensecretmed");
    const fhir = await download(teen.id, asParent, "fhir");
    expect(fhir.statusCode).toBe(200);
    expect(fhir.body).not.toContain("Teensecretmed");
    expect(
      new Set((fhir.json().entry as { resource: { resourceType: string } }[]).map((e) => e.resource.resourceType)),
    ).toEqual(new Set(["MedicationRequest", "Observation"]));
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["acting_as", "details"])
      .where("patient_id", "=", teen.id)
      .where("resource_type", "=", "patient_record")
      .where("outcome", "=", "success")
      .execute();
    expect(audit[0]).toMatchObject({ acting_as: "proxy", details: expect.objectContaining({ restricted: true }) });

    // what the page shows before the download: the same sections, from the server
    const contents = await t.app.inject({
      method: "GET",
      url: `/api/patients/${teen.id}/record/contents`,
      headers: asParent,
    });
    expect(contents.statusCode).toBe(200);
    expect(contents.json()).toEqual({
      sections: Object.keys(body.sections),
      withheld: expect.any(Array),
      restricted: true,
    });
    const ownContents = await t.app.inject({
      method: "GET",
      url: `/api/patients/${teen.id}/record/contents`,
      headers: (await signIn(t, teen.user as never)).headers,
    });
    expect(ownContents.json()).toMatchObject({ withheld: [], restricted: false });

    // the same parent's grant without `records`: no download, no contents
    const other = await makeProxy(t, {
      patientId: teen.id,
      relationship: "parent",
      scopes: ["medications", "appointments"],
    });
    const withoutRecords = (await signIn(t, other)).headers;
    expect((await download(teen.id, withoutRecords)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/patients/${teen.id}/record/contents`, headers: withoutRecords }))
        .statusCode,
    ).toBe(404);
    // and a restricted parent still reads nothing else through `records` (who accessed the record)
    expect(
      (await t.app.inject({ method: "GET", url: `/api/patients/${teen.id}/access-log`, headers: asParent })).statusCode,
    ).toBe(404);
  });

  it("streams a large record page by page: 2,500 appointments all arrive", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const one = await t.database.db
      .selectFrom("appointments")
      .select(["provider_id", "location_id", "visit_type_id"])
      .executeTakeFirstOrThrow();
    await sql`
      insert into appointments (patient_id, provider_id, location_id, visit_type_id, starts_at, ends_at, blocked, status)
      select ${patient.id}, ${one.provider_id}, ${one.location_id}, ${one.visit_type_id},
        timestamptz '2000-01-01T12:00:00Z' + (n || ' hours')::interval,
        timestamptz '2000-01-01T12:20:00Z' + (n || ' hours')::interval,
        tstzrange(timestamptz '2000-01-01T12:00:00Z' + (n || ' hours')::interval, timestamptz '2000-01-01T12:20:00Z' + (n || ' hours')::interval),
        'cancelled'
      from generate_series(1, 2500) as n`.execute(t.database.db);
    const headers = (await signIn(t, patient.user as never)).headers;
    const json = (await download(patient.id, headers)).json() as RecordJson;
    expect(json.sections.appointments).toHaveLength(2500);
    const fhir = (await download(patient.id, headers, "fhir")).json();
    expect(
      fhir.entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === "Appointment"),
    ).toHaveLength(2500);
  });
});
