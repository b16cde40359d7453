import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { validateFhir } from "../../fhir/validate.ts";
import { seedDemo } from "../../seed/demo.ts";
import { useTestApp } from "../../test/app.ts";
import { signInDemo } from "../../test/demo-sign-in.ts";
import { makePatient, makeProxyGrant, makeUser, signIn } from "../../test/factories.ts";
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
  let alex: Awaited<ReturnType<typeof signInDemo>>;
  let alexId: string;

  beforeAll(async () => {
    await seedDemo(t.database.db, t.clock, t.cipher);
    t.clock.advance({ minutes: 1 });
    alex = await signInDemo(t, "alex.rivera@demo.portico.test");
    alexId = alex.patients[0]?.id as string;
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

  it("answers 404 to a caregiver without `records` and to a teen's parent; withholds sections and confidential rows from a caregiver with it", async () => {
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
    const withoutRecords = await makeUser(t);
    await makeProxyGrant(t, { patientId: patient.id, proxyUserId: withoutRecords.id, scopes: ["medications"] });
    const noRecords = await signIn(t, withoutRecords);
    expect((await download(patient.id, noRecords.headers)).statusCode).toBe(404);

    const caregiver = await makeUser(t);
    await makeProxyGrant(t, { patientId: patient.id, proxyUserId: caregiver.id, scopes: ["records", "medications"] });
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

    // a parent of a 15-year-old: the grant's `records` is not in force for a teen's parent
    const born = new Date(t.clock.now().getTime() - 15 * 365.25 * 86_400_000).toISOString().slice(0, 10);
    const teen = await makePatient(t, { dateOfBirth: born } as never);
    const parent = await makeUser(t);
    await makeProxyGrant(t, {
      patientId: teen.id,
      proxyUserId: parent.id,
      relationship: "parent",
      scopes: ["records", "medications", "appointments"],
    });
    expect((await download(teen.id, (await signIn(t, parent)).headers)).statusCode).toBe(404);
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
