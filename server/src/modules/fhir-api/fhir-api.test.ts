import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { validateFhir } from "../../fhir/validate.ts";
import { type Actor, runWithContext } from "../../platform/context.ts";
import { FileStore } from "../../platform/files/index.ts";
import { send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { DEMO_ALEX, type SignedInDemo, seedDemoAndSignIn, signInDemo } from "../../test/demo-sign-in.ts";
import {
  makeMedication,
  makePatient,
  makeProxy,
  makeProxyGrant,
  makeStaff,
  makeUser,
  signIn,
  signInNewStaff,
} from "../../test/factories.ts";
import type { FhirCaller } from "./caller.ts";
import { fhirResourceTypes } from "./resources/index.ts";

interface Entry {
  fullUrl: string;
  resource: { resourceType: string; id: string; meta?: { versionId?: string; lastUpdated?: string } };
}
interface SearchBundle {
  resourceType: "Bundle";
  type: string;
  link: { relation: string; url: string }[];
  entry: Entry[];
}

/** the patient's record (searched with `patient`) */
const PATIENT_TYPES = [
  "Patient",
  "RelatedPerson",
  "Appointment",
  "MedicationRequest",
  "Observation",
  "QuestionnaireResponse",
  "ServiceRequest",
  "Communication",
  "AuditEvent",
];
/** the clinic's directory (not patient data) with a US Core profile; Schedule has none, Slot needs `schedule` */
const US_CORE_DIRECTORY_TYPES = ["Practitioner", "PractitionerRole", "Organization", "Location"];
const DIRECTORY_TYPES = [...US_CORE_DIRECTORY_TYPES, "Schedule"];
/** in the registry's (and the CapabilityStatement's) order */
const TYPES = [
  "Patient",
  "RelatedPerson",
  "Practitioner",
  "PractitionerRole",
  "Organization",
  "Location",
  "Appointment",
  "Schedule",
  "Slot",
  "MedicationRequest",
  "Medication",
  "Observation",
  "QuestionnaireResponse",
  "ServiceRequest",
  "Communication",
  "DocumentReference",
  "Binary",
  "AuditEvent",
  "Provenance",
];

describe("FHIR R4 API", () => {
  const t = useTestApp();
  let alex: SignedInDemo;
  let alexId: string;

  beforeAll(async () => {
    ({ login: alex, patientId: alexId } = await seedDemoAndSignIn(t, DEMO_ALEX));
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url: `/fhir/R4${url}`, headers });
  const outcome = (res: { json(): unknown }) => res.json() as { resourceType: string; issue: { code: string }[] };

  it("publishes a CapabilityStatement listing exactly the types, interactions and parameters served, to anyone", async () => {
    const res = await get("/metadata");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/fhir+json; charset=utf-8");
    const cs = res.json();
    expect(validateFhir(cs)).toEqual([]);
    expect(cs.fhirVersion).toBe("4.0.1");
    const resources = cs.rest[0].resource as {
      type: string;
      searchParam: { name: string }[];
      interaction: unknown[];
    }[];
    expect(resources.map((r) => r.type)).toEqual(TYPES);
    expect(resources.find((r) => r.type === "Appointment")?.searchParam.map((p) => p.name)).toEqual([
      "patient",
      "date",
      "status",
      "_count",
      "_offset",
    ]);
    expect(resources.find((r) => r.type === "Patient")?.searchParam.map((p) => p.name)).toEqual([
      "_id",
      "_count",
      "_offset",
    ]);
    const of = (type: string) =>
      resources.find((r) => r.type === type) as unknown as {
        interaction: { code: string }[];
        searchParam?: { name: string }[];
        searchInclude?: string[];
        searchRevInclude?: string[];
        supportedProfile?: string[];
      };
    expect(of("PractitionerRole").searchInclude).toEqual([
      "PractitionerRole:practitioner",
      "PractitionerRole:location",
    ]);
    expect(of("MedicationRequest").searchInclude).toEqual(["MedicationRequest:medication"]);
    expect(of("Observation").searchRevInclude).toEqual(["Provenance:target"]);
    expect(of("QuestionnaireResponse").searchRevInclude).toEqual(["Provenance:target"]);
    for (const readOnly of ["Medication", "Binary"]) {
      expect(of(readOnly).interaction.map((i) => i.code)).toEqual(["read"]);
      expect(of(readOnly).searchParam).toBeUndefined();
    }
    expect(of("Slot").searchParam?.map((p) => p.name)).toEqual(
      expect.arrayContaining(["schedule", "start", "status", "service-type"]),
    );
    expect(of("DocumentReference").searchParam?.map((p) => p.name)).toEqual(
      expect.arrayContaining(["patient", "category", "type", "date"]),
    );
    expect(of("Practitioner").supportedProfile).toEqual([
      "http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner",
    ]);
    expect(cs.rest[0].security.cors).toBe(true);
  });

  it("refuses a caller with no session or a bad token as an OperationOutcome (401)", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer not-a-token" },
      { authorization: "Basic abc" },
    ];
    for (const headers of attempts) {
      const res = await get(`/Patient/${alexId}`, headers);
      expect(res.statusCode).toBe(401);
      expect(res.headers["content-type"]).toMatch(/^application\/fhir\+json/);
      expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect(outcome(res)).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "login" }] });
      expect(res.body).not.toContain(alexId);
    }
  });

  it("searches and reads every type for the patient; each resource and Bundle validates against R4, with meta and ETag", async () => {
    for (const type of PATIENT_TYPES.filter((t) => t !== "RelatedPerson")) {
      const query = type === "Patient" ? "" : `?patient=Patient/${alexId}&_count=200`;
      const res = await get(`/${type}${query}`, alex.headers);
      expect(res.statusCode, `${type}: ${res.body.slice(0, 300)}`).toBe(200);
      expect(res.headers["content-type"]).toBe("application/fhir+json; charset=utf-8");
      const bundle = res.json() as SearchBundle;
      expect(bundle.type).toBe("searchset");
      expect(bundle.entry.length, type).toBeGreaterThan(0);
      expect(validateFhir(bundle), type).toEqual([]);
      for (const e of bundle.entry) {
        expect(e.resource.resourceType).toBe(type);
        expect(e.fullUrl).toBe(`${t.config.publicUrl}/fhir/R4/${type}/${e.resource.id}`);
        expect(e.resource.meta?.lastUpdated, `${type} lastUpdated`).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
      const first = bundle.entry[0]?.resource as Entry["resource"];
      const read = await get(`/${type}/${first.id}`, alex.headers);
      expect(read.statusCode, `${type} read`).toBe(200);
      expect(read.json()).toEqual(first);
      expect(validateFhir(read.json())).toEqual([]);
      expect(read.headers.etag).toBe(`W/"${first.meta?.versionId}"`);
      // a read (a keyed lookup for most types) answers exactly what the search (the section) holds
      for (const e of bundle.entry.slice(1, 12)) {
        expect((await get(`/${type}/${e.resource.id}`, alex.headers)).json(), `${type}/${e.resource.id}`).toEqual(
          e.resource,
        );
      }
    }
  });

  it("claims the profiles its patient data meets, checked by validateFhir: US Core Patient, MedicationRequest, Blood Pressure, R4 vital signs", async () => {
    const US = "http://hl7.org/fhir/us/core/StructureDefinition/";
    const R4 = "http://hl7.org/fhir/StructureDefinition/";
    const profilesOf = async (query: string) => {
      const bundle = (await get(query, alex.headers)).json() as SearchBundle;
      expect(validateFhir(bundle), query).toEqual([]);
      return bundle.entry.map((e) => ({
        resource: e.resource as Entry["resource"] & Record<string, unknown>,
        profile: (e.resource.meta as { profile?: string[] } | undefined)?.profile ?? [],
      }));
    };
    for (const p of await profilesOf(`/Patient?_id=${alexId}`)) expect(p.profile).toEqual([`${US}us-core-patient`]);
    const medications = await profilesOf(`/MedicationRequest?patient=${alexId}&_count=200`);
    expect(medications.some((m) => m.profile.includes(`${US}us-core-medicationrequest`))).toBe(true);
    for (const m of medications) {
      // the profile requires the prescriber: claimed exactly when there is one
      expect(m.profile.includes(`${US}us-core-medicationrequest`)).toBe(m.resource.requester !== undefined);
    }
    const byCode = new Map<string, string[]>();
    for (const o of await profilesOf(`/Observation?patient=${alexId}&_count=200`)) {
      const coding = (o.resource.code as { coding?: { code: string }[] }).coding;
      byCode.set(coding?.[0]?.code ?? "", o.profile);
    }
    expect(byCode.get("85354-9")).toEqual([`${US}us-core-blood-pressure`]);
    for (const [code, profile] of [
      ["8867-4", "heartrate"],
      ["29463-7", "bodyweight"],
      ["8310-5", "bodytemp"],
      ["59408-5", "oxygensat"],
    ] as const) {
      if (byCode.has(code)) expect(byCode.get(code), code).toEqual([`${R4}${profile}`]);
    }
    const cs = (await get("/metadata")).json() as {
      rest: { resource: { type: string; supportedProfile?: string[] }[] }[];
    };
    const supported = (type: string) => cs.rest[0]?.resource.find((r) => r.type === type)?.supportedProfile;
    expect(supported("Patient")).toEqual([`${US}us-core-patient`]);
    expect(supported("MedicationRequest")).toEqual([`${US}us-core-medicationrequest`]);
    expect(supported("Observation")).toContain(`${US}us-core-blood-pressure`);
  });

  it("leaves out the patient parameter for the signed-in patient's own record, and audits each read with the FHIR type", async () => {
    const res = await get("/Observation", alex.headers);
    expect(res.statusCode).toBe(200);
    const id = (res.json() as SearchBundle).entry[0]?.resource.id as string;
    await get(`/Observation/${id}`, alex.headers);
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "resource_type", "resource_id", "outcome", "acting_as", "details"])
      .where("patient_id", "=", alexId)
      .where("resource_type", "=", "fhir_resource")
      .execute();
    expect(rows).toContainEqual(
      expect.objectContaining({ action: "read", resource_id: id, outcome: "success", acting_as: "patient" }),
    );
    expect(rows.find((r) => r.resource_id === id)?.details).toMatchObject({ fhirType: "Observation" });
    expect(rows.some((r) => r.action === "search")).toBe(true);
  });

  it("pages with _count and next links until every entry is seen once", async () => {
    const all = (await get(`/AuditEvent?patient=${alexId}&_count=200`, alex.headers)).json() as SearchBundle;
    expect(all.entry.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let url: string | undefined = `/AuditEvent?patient=${alexId}&_count=2`;
    let pages = 0;
    while (url && pages < 200) {
      const page = (await get(url, alex.headers)).json() as SearchBundle;
      expect(page.entry.length).toBeLessThanOrEqual(2);
      seen.push(...page.entry.map((e) => e.resource.id));
      const next = page.link.find((l) => l.relation === "next")?.url;
      url = next?.replace(`${t.config.publicUrl}/fhir/R4`, "");
      pages++;
    }
    // the log grows as it is read: every entry of the first full search appears once, in order
    expect(seen.slice(0, all.entry.length)).toEqual(all.entry.map((e) => e.resource.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("answers bad input with a 400 OperationOutcome, and unknown ids or paths with 404", async () => {
    const cases: [string, number, string][] = [
      ["/Condition?patient=x", 400, "not-supported"],
      ["/Binary/abc", 404, "not-found"],
      ["/Specimen/abc", 400, "not-supported"],
      [`/Appointment?patient=${alexId}&location=x`, 400, "not-supported"],
      [`/Appointment?patient=${alexId}&_count=abc`, 400, "invalid"],
      [`/Appointment?patient=${alexId}&_count=0`, 400, "invalid"],
      [`/Appointment?patient=${alexId}&_offset=-1`, 400, "invalid"],
      [`/Appointment?patient=${alexId}&patient=${alexId}`, 400, "invalid"],
      [`/Appointment?patient=${alexId}&_format=xml`, 400, "not-supported"],
      ["/Appointment/00000000-0000-4000-8000-000000000000", 404, "not-found"],
      ["/Appointment/not-an-id", 404, "not-found"],
      ["/AuditEvent/audit-99999999999999", 404, "not-found"],
      [`/Patient/${alexId}/_history`, 404, "not-found"],
      ["/Patient/not-an-id/$everything", 404, "not-found"],
    ];
    for (const [url, status, code] of cases) {
      const res = await get(url, alex.headers);
      expect(res.statusCode, url).toBe(status);
      expect(res.headers["content-type"], url).toMatch(/^application\/fhir\+json/);
      const body = outcome(res);
      expect(body.resourceType, url).toBe("OperationOutcome");
      expect(body.issue[0]?.code, url).toBe(code);
      expect(validateFhir(body)).toEqual([]);
    }
    // Prefer: handling=lenient ignores what it does not know, as the specification allows
    const lenient = await get(`/Appointment?patient=${alexId}&location=x`, {
      ...alex.headers,
      prefer: "handling=lenient",
    });
    expect(lenient.statusCode).toBe(200);
    const capped = (await get(`/Appointment?patient=${alexId}&_count=5000`, alex.headers)).json() as SearchBundle;
    expect(capped.link.find((l) => l.relation === "self")?.url).toContain("_count=200");
  });

  it("filters by date (with prefixes, repeated for a range), status, category and code; a malformed value is 400", async () => {
    const all = (await get(`/Appointment?patient=${alexId}&_count=200`, alex.headers)).json() as SearchBundle;
    const starts = all.entry.map((e) => (e.resource as unknown as { start: string }).start).sort();
    const middle = starts[Math.floor(starts.length / 2)] as string;
    const day = middle.slice(0, 10);
    const onDay = (await get(`/Appointment?patient=${alexId}&date=${day}`, alex.headers)).json() as SearchBundle;
    expect(onDay.entry.length).toBe(starts.filter((s) => s.startsWith(day)).length);
    expect(onDay.entry.length).toBeGreaterThan(0);
    const from = (
      await get(`/Appointment?patient=${alexId}&date=ge${day}&_count=200`, alex.headers)
    ).json() as SearchBundle;
    expect(from.entry.length).toBe(starts.filter((s) => s.slice(0, 10) >= day).length);
    const range = (
      await get(`/Appointment?patient=${alexId}&date=ge${day}&date=lt${day}T00:00:00Z&_count=200`, alex.headers)
    ).json() as SearchBundle;
    expect(range.entry).toEqual([]);
    // the next link keeps the filters
    const paged = (
      await get(`/Appointment?patient=${alexId}&date=ge2000&_count=1`, alex.headers)
    ).json() as SearchBundle;
    expect(paged.link.find((l) => l.relation === "next")?.url).toContain("date=ge2000");

    const statuses = new Set(all.entry.map((e) => (e.resource as unknown as { status: string }).status));
    const one = [...statuses][0] as string;
    const byStatus = (
      await get(`/Appointment?patient=${alexId}&status=${one}&_count=200`, alex.headers)
    ).json() as SearchBundle;
    expect(byStatus.entry.length).toBe(
      all.entry.filter((e) => (e.resource as unknown as { status: string }).status === one).length,
    );

    const readings = (await get(`/Observation?_count=200`, alex.headers)).json() as SearchBundle;
    const codes = (e: Entry) =>
      (e.resource as unknown as { code: { coding?: { code: string }[] } }).code.coding?.[0]?.code;
    const bp = (
      await get(`/Observation?code=http://loinc.org|85354-9&_count=200`, alex.headers)
    ).json() as SearchBundle;
    expect(bp.entry.length).toBe(readings.entry.filter((e) => codes(e) === "85354-9").length);
    expect(bp.entry.length).toBeGreaterThan(0);
    expect(
      ((await get(`/Observation?code=http://snomed.info/sct|85354-9`, alex.headers)).json() as SearchBundle).entry,
    ).toEqual([]);
    const vitals = (
      await get(`/Observation?category=vital-signs,laboratory&_count=200`, alex.headers)
    ).json() as SearchBundle;
    // every reading is a vital sign or a lab result; a questionnaire's total score is a survey
    const survey = (e: Entry) =>
      (e.resource as unknown as { category: { coding: { code: string }[] }[] }).category[0]?.coding[0]?.code ===
      "survey";
    expect(vitals.entry.length).toBe(readings.entry.filter((e) => !survey(e)).length);

    for (const bad of ["date=yesterday", "date=2024-13-01", "date=2024-05-01T10:00", "status=", "date=ge"]) {
      const res = await get(`/Appointment?patient=${alexId}&${bad}`, alex.headers);
      expect(res.statusCode, bad).toBe(400);
      expect(outcome(res).issue[0]?.code).toBe("invalid");
    }
  });

  it("Patient/$everything holds the same resources as the record download, as a searchset", async () => {
    const everything = await get(`/Patient/${alexId}/$everything`, alex.headers);
    expect(everything.statusCode).toBe(200);
    expect(everything.headers["content-type"]).toMatch(/^application\/fhir\+json/);
    const bundle = everything.json() as SearchBundle;
    expect(bundle.type).toBe("searchset");
    expect(validateFhir(bundle)).toEqual([]);
    const download = await send(t, alex, "GET", `/api/patients/${alexId}/record?format=fhir`);
    const ids = (b: SearchBundle) =>
      b.entry
        .map((e) => `${e.resource.resourceType}/${e.resource.id}`)
        .filter((r) => !r.startsWith("AuditEvent/"))
        .sort();
    expect(ids(bundle)).toEqual(ids(download.json() as SearchBundle));
    expect(new Set(bundle.entry.map((e) => e.resource.resourceType))).toEqual(
      new Set([...PATIENT_TYPES, "Task"].filter((type) => bundle.entry.some((e) => e.resource.resourceType === type))),
    );
  });

  it("a PHQ-9 or GAD-7 total score is an Observation (survey category, LOINC), derived from its QuestionnaireResponse: read by id, searched by code, category and date, in $everything", async () => {
    const SURVEY = "http://terminology.hl7.org/CodeSystem/observation-category|survey";
    interface Score {
      id: string;
      status: string;
      category: { coding: { system: string; code: string }[] }[];
      code: { coding: { system: string; code: string }[] };
      valueQuantity: { value: number; unit: string; system: string; code: string };
      derivedFrom: { reference: string }[];
      effectiveDateTime: string;
      meta?: { versionId?: string };
    }
    const answers = (await get(`/QuestionnaireResponse?patient=${alexId}&_count=200`, alex.headers)).json() as {
      entry: {
        resource: {
          id: string;
          questionnaire?: string;
          authored: string;
          item: { linkId: string; answer: { valueInteger: number }[] }[];
        };
      }[];
    };
    const phq9 = answers.entry.map((e) => e.resource).filter((q) => q.questionnaire === "http://loinc.org/q/44249-1");
    expect(phq9.length).toBeGreaterThan(0);

    const surveys = (
      await get(`/Observation?patient=${alexId}&category=${SURVEY}&_count=200`, alex.headers)
    ).json() as SearchBundle;
    expect(validateFhir(surveys)).toEqual([]);
    expect(surveys.entry.map((e) => e.resource.id).sort()).toEqual(phq9.map((q) => `score-${q.id}`).sort());
    for (const q of phq9) {
      const score = surveys.entry.find((e) => e.resource.id === `score-${q.id}`)?.resource as unknown as Score;
      expect(score.status).toBe("final");
      expect(score.category[0]?.coding[0]).toMatchObject({ code: "survey" });
      expect(score.code.coding[0]).toMatchObject({ system: "http://loinc.org", code: "44261-6" });
      const total = q.item.find((i) => i.linkId === "phq9-total")?.answer[0]?.valueInteger;
      expect(score.valueQuantity).toEqual({
        value: total,
        unit: "{score}",
        system: "http://unitsofmeasure.org",
        code: "{score}",
      });
      expect(score.derivedFrom).toEqual([{ reference: `QuestionnaireResponse/${q.id}` }]);
      expect(score.effectiveDateTime).toBe(q.authored);
      // read by id: the same resource, with its ETag
      const read = await get(`/Observation/${score.id}`, alex.headers);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(score);
      expect(validateFhir(read.json())).toEqual([]);
      expect(read.headers.etag).toBe(`W/"${score.meta?.versionId}"`);
      // searched by its code and its day; by the other questionnaire's code, not found
      const onDay = (
        await get(
          `/Observation?patient=${alexId}&code=http://loinc.org|44261-6&date=${q.authored.slice(0, 10)}`,
          alex.headers,
        )
      ).json() as SearchBundle;
      expect(onDay.entry.map((e) => e.resource.id)).toContain(score.id);
    }
    const byCode = (
      await get(`/Observation?code=http://loinc.org|44261-6&_count=200`, alex.headers)
    ).json() as SearchBundle;
    expect(byCode.entry.map((e) => e.resource.id).sort()).toEqual(surveys.entry.map((e) => e.resource.id).sort());
    expect(((await get(`/Observation?code=70274-6`, alex.headers)).json() as SearchBundle).entry).toEqual([]);
    // in $everything (the record download's FHIR Bundle), beside its QuestionnaireResponse
    const everything = (await get(`/Patient/${alexId}/$everything`, alex.headers)).json() as SearchBundle;
    const held = everything.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`);
    for (const q of phq9)
      expect(held).toEqual(expect.arrayContaining([`QuestionnaireResponse/${q.id}`, `Observation/score-${q.id}`]));
    // who provided it: the questionnaire's Provenance, also for the score
    const withProvenance = (
      await get(`/Observation?patient=${alexId}&category=${SURVEY}&_revinclude=Provenance:target`, alex.headers)
    ).json() as SearchBundle;
    expect(validateFhir(withProvenance)).toEqual([]);
    expect(
      withProvenance.entry
        .filter((e) => e.resource.resourceType === "Provenance")
        .map((e) => e.resource.id)
        .sort(),
    ).toEqual(phq9.map((q) => `obs-score-${q.id}`).sort());
  });

  it("another patient's questionnaire score answers 404, like a score that does not exist; its owner reads it (GAD-7, 70274-6)", async () => {
    const gad7 = await t.database.db
      .selectFrom("questionnaire_responses")
      .select(["id", "patient_id", "score"])
      .where("kind", "=", "gad7")
      .where("patient_id", "<>", alexId)
      .executeTakeFirstOrThrow();
    for (const url of [
      `/Observation/score-${gad7.id}`,
      `/Observation?patient=${gad7.patient_id}&code=70274-6`,
      `/Observation/score-00000000-0000-4000-8000-000000000000`,
      `/Observation/score-not-an-id`,
      `/Provenance/obs-score-${gad7.id}`,
    ]) {
      const res = await get(url, alex.headers);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain(gad7.id);
    }
    const morgan = await signInDemo(t, "morgan.lee@demo.portico.test");
    const own = await get(`/Observation/score-${gad7.id}`, morgan.headers);
    expect(own.statusCode).toBe(200);
    expect(validateFhir(own.json())).toEqual([]);
    expect(own.json()).toMatchObject({
      code: { coding: [{ system: "http://loinc.org", code: "70274-6" }] },
      valueQuantity: { value: gad7.score, code: "{score}" },
      subject: { reference: `Patient/${gad7.patient_id}` },
    });
    const searched = (await get(`/Observation?code=http://loinc.org|70274-6`, morgan.headers)).json() as SearchBundle;
    expect(searched.entry.map((e) => e.resource.id)).toEqual([`score-${gad7.id}`]);
  });

  describe("access matrix (404 for anything the caller may not see, exactly like a missing record)", () => {
    let other: Awaited<ReturnType<typeof makePatient>>;
    let appointmentId: string;
    let medicationId: string;
    let confidentialId: string;

    beforeAll(async () => {
      other = await makePatient(t, { withLogin: true });
      const one = await t.database.db
        .selectFrom("appointments")
        .select(["provider_id", "location_id", "visit_type_id"])
        .executeTakeFirstOrThrow();
      const start = new Date("2031-03-03T15:00:00Z");
      const end = new Date("2031-03-03T15:20:00Z");
      appointmentId = (
        await t.database.db
          .insertInto("appointments")
          .values({
            patient_id: other.id,
            ...one,
            starts_at: start,
            ends_at: end,
            blocked: sql`tstzrange(${start}, ${end})`,
            status: "booked",
          } as never)
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      const med = (name: string, confidential: boolean) => makeMedication(t, other.id, name, confidential);
      medicationId = (await med("Plainmed", false)).id;
      confidentialId = (await med("Confidentialmed", true)).id;
    });

    it("the patient reads their own; another patient gets 404 for read, search and $everything", async () => {
      const own = await signIn(t, other.user as never);
      expect((await get(`/Appointment/${appointmentId}`, own.headers)).statusCode).toBe(200);
      expect((await get(`/MedicationRequest/${confidentialId}`, own.headers)).statusCode).toBe(200);
      for (const url of [
        `/Appointment/${appointmentId}`,
        `/Appointment?patient=${other.id}`,
        `/Patient/${other.id}`,
        `/Patient?_id=${other.id}`,
        `/Patient/${other.id}/$everything`,
      ]) {
        const res = await get(url, alex.headers);
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).not.toContain(appointmentId);
      }
      // Patient search without _id lists only the patients the caller may read
      const mine = (await get("/Patient", alex.headers)).json() as SearchBundle;
      expect(mine.entry.map((e) => e.resource.id)).toEqual([alexId]);
      const denied = await t.database.db
        .selectFrom("audit_log")
        .select("outcome")
        .where("patient_id", "=", other.id)
        .where("resource_type", "=", "fhir_resource")
        .where("outcome", "=", "denied")
        .execute();
      expect(denied.length).toBeGreaterThan(0);
    });

    it("a caregiver reads what the grant holds, never confidential medications; without the scope, 404", async () => {
      const caregiver = await makeProxy(t, { patientId: other.id, scopes: ["appointments", "medications"] });
      const as = (await signIn(t, caregiver)).headers;
      expect((await get(`/Appointment/${appointmentId}`, as)).statusCode).toBe(200);
      const meds = (await get(`/MedicationRequest?patient=${other.id}`, as)).json() as SearchBundle;
      expect(meds.entry.map((e) => e.resource.id)).toEqual([medicationId]);
      expect((await get(`/MedicationRequest/${confidentialId}`, as)).statusCode).toBe(404);
      expect((await get(`/Observation?patient=${other.id}`, as)).statusCode).toBe(404);
      expect((await get(`/Communication?patient=${other.id}`, as)).statusCode).toBe(404);
      // no `records` in the grant: no access log and no $everything
      expect((await get(`/AuditEvent?patient=${other.id}`, as)).statusCode).toBe(404);
      expect((await get(`/Patient/${other.id}/$everything`, as)).statusCode).toBe(404);
      // an unrestricted caregiver reads the patient's demographics, as in the portal
      // the patient sees the caregiver's grant; the caregiver, whose grant lacks `proxies`, does not
      const own = (await signIn(t, other.user as never)).headers;
      const people = (await get(`/RelatedPerson?patient=${other.id}`, own)).json() as SearchBundle;
      expect(people.entry.length).toBe(1);
      expect(validateFhir(people)).toEqual([]);
      const personId = people.entry[0]?.resource.id as string;
      expect((await get(`/RelatedPerson/${personId}`, own)).json()).toEqual(people.entry[0]?.resource);
      expect((await get(`/RelatedPerson/${personId}`, as)).statusCode).toBe(404);
      expect((await get(`/RelatedPerson/${personId}`, alex.headers)).statusCode).toBe(404);
      const listed = (await get("/Patient", as)).json() as SearchBundle;
      expect(listed.entry.map((e) => e.resource.id)).toEqual([other.id]);
    });

    it("a parent of a 15-year-old keeps appointments and medications only; staff get 404 (a patient-facing API)", async () => {
      const born = new Date(t.clock.now().getTime() - 15 * 365.25 * 86_400_000).toISOString().slice(0, 10);
      const teen = await makePatient(t, { dateOfBirth: born });
      const parent = await makeProxy(t, {
        patientId: teen.id,
        relationship: "parent",
        scopes: ["appointments", "medications", "messages", "health_updates", "records"],
      });
      const as = (await signIn(t, parent)).headers;
      expect((await get(`/Appointment?patient=${teen.id}`, as)).statusCode).toBe(200);
      expect((await get(`/MedicationRequest?patient=${teen.id}`, as)).statusCode).toBe(200);
      for (const type of ["Patient", "Observation", "Communication", "AuditEvent"]) {
        const url = type === "Patient" ? `/Patient/${teen.id}` : `/${type}?patient=${teen.id}`;
        expect((await get(url, as)).statusCode, type).toBe(404);
      }
      // questionnaire answers are health updates (withheld); post-visit surveys belong to appointments
      const answers = (await get(`/QuestionnaireResponse?patient=${teen.id}`, as)).json() as SearchBundle;
      expect(answers.entry).toEqual([]);
      const nurse = await makeStaff(t, "nurse");
      const asNurse = (await signIn(t, nurse)).headers;
      expect((await get(`/Appointment/${appointmentId}`, asNurse)).statusCode).toBe(404);
    });
  });

  describe("the clinic's directory: Practitioner, PractitionerRole, Organization, Location", () => {
    it("any signed-in caller reads and searches it; every resource validates and claims its US Core profile", async () => {
      for (const type of DIRECTORY_TYPES) {
        const res = await get(`/${type}`, alex.headers);
        expect(res.statusCode, `${type}: ${res.body.slice(0, 300)}`).toBe(200);
        const bundle = res.json() as SearchBundle;
        expect(bundle.entry.length, type).toBeGreaterThan(0);
        expect(validateFhir(bundle), type).toEqual([]);
        for (const e of bundle.entry) {
          expect(e.resource.resourceType).toBe(type);
          if (US_CORE_DIRECTORY_TYPES.includes(type))
            expect((e.resource.meta as { profile?: string[] }).profile?.[0]).toMatch(
              /^http:\/\/hl7\.org\/fhir\/us\/core\/StructureDefinition\/us-core-/,
            );
          const read = await get(`/${type}/${e.resource.id}`, alex.headers);
          expect(read.statusCode, `${type} read`).toBe(200);
          expect(read.json()).toEqual(e.resource);
        }
      }
      // nothing staff-only: no staff email, no user id, no login
      const staff = await t.database.db.selectFrom("users").select(["id", "email"]).execute();
      for (const type of DIRECTORY_TYPES) {
        const body = (await get(`/${type}?_count=200`, alex.headers)).body;
        for (const u of staff) {
          expect(body, type).not.toContain(u.email);
          expect(body, type).not.toContain(u.id);
        }
      }
    });

    it("answers US Core's search parameters: name, identifier, address, practitioner, specialty, _include", async () => {
      const bundle = async (url: string) => {
        const res = await get(url, alex.headers);
        expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
        return res.json() as SearchBundle;
      };
      const names = (b: SearchBundle) => b.entry.map((e) => (e.resource as unknown as { id: string }).id);
      const okafor = await bundle("/Practitioner?name=okafor");
      expect(okafor.entry).toHaveLength(1);
      const okaforId = okafor.entry[0]?.resource.id as string;
      // accents and case aside, any part of the name, starts-with
      expect(names(await bundle("/Practitioner?name=CHID"))).toEqual([okaforId]);
      expect(names(await bundle(`/Practitioner?identifier=urn:portico:practitioner|${okaforId}`))).toEqual([okaforId]);
      expect((await bundle("/Practitioner?name=nobody-by-that-name")).entry).toEqual([]);
      expect(names(await bundle(`/Practitioner?_id=${okaforId}`))).toEqual([okaforId]);

      const brooklyn = await bundle("/Location?name=Portico%20Brooklyn");
      expect(brooklyn.entry).toHaveLength(1);
      const brooklynId = brooklyn.entry[0]?.resource.id as string;
      expect(names(await bundle("/Location?address=brooklyn"))).toEqual([brooklynId]);
      expect(names(await bundle("/Location?address-postalcode=112"))).toEqual([brooklynId]);
      expect(names(await bundle("/Location?address-state=NY"))).toEqual([brooklynId]);
      expect(names(await bundle("/Location?address-city=Chicago"))).not.toContain(brooklynId);

      expect((await bundle("/Organization?name=portico")).entry).toHaveLength(1);

      const roles = await bundle(`/PractitionerRole?practitioner=Practitioner/${okaforId}`);
      expect(names(roles)).toEqual([okaforId]);
      const family = await bundle("/PractitionerRole?specialty=http://nucc.org/provider-taxonomy|207Q00000X");
      expect(family.entry.length).toBeGreaterThan(0);
      expect(names(family)).toContain(okaforId);
      const cardiology = await bundle("/PractitionerRole?specialty=urn:portico:specialty|cardiology");
      expect(names(cardiology)).not.toContain(okaforId);
      expect(names(await bundle(`/PractitionerRole?location=${brooklynId}`))).toContain(okaforId);

      const included = await bundle(
        `/PractitionerRole?practitioner=${okaforId}&_include=PractitionerRole:practitioner&_include=PractitionerRole:location`,
      );
      expect(validateFhir(included)).toEqual([]);
      const modes = included.entry.map(
        (e) => `${(e as unknown as { search: { mode: string } }).search.mode} ${e.resource.resourceType}`,
      );
      expect(modes.filter((m) => m === "match PractitionerRole")).toHaveLength(1);
      expect(modes).toContain("include Practitioner");
      expect(modes.filter((m) => m === "include Location").length).toBeGreaterThan(0);
      // the next link keeps the includes
      const paged = await bundle("/PractitionerRole?_include=PractitionerRole:practitioner&_count=1");
      expect(paged.link.find((l) => l.relation === "next")?.url).toContain("_include=PractitionerRole%3Apractitioner");
      // an _include not supported: 400, or ignored with Prefer: handling=lenient
      const unknown = await get("/PractitionerRole?_include=PractitionerRole:endpoint", alex.headers);
      expect(unknown.statusCode).toBe(400);
      expect(outcome(unknown).issue[0]?.code).toBe("not-supported");
      const lenient = await get("/PractitionerRole?_include=PractitionerRole:endpoint", {
        ...alex.headers,
        prefer: "handling=lenient",
      });
      expect(lenient.statusCode).toBe(200);
      // directory types take no patient parameter
      expect((await get(`/Practitioner?patient=${alexId}`, alex.headers)).statusCode).toBe(400);
      for (const [url, status] of [
        ["/Practitioner/00000000-0000-4000-8000-000000000000", 404],
        ["/Practitioner/not-an-id", 404],
        ["/Organization/other", 404],
        ["/Location?name=", 400],
      ] as const) {
        expect((await get(url, alex.headers)).statusCode, url).toBe(status);
      }
    });

    it("is read by staff, caregivers and patients alike, never anonymously", async () => {
      const caregiver = await makeUser(t);
      const someone = await makePatient(t);
      await makeProxyGrant(t, { patientId: someone.id, proxyUserId: caregiver.id, scopes: ["appointments"] });
      const nurse = await makeStaff(t, "nurse");
      for (const headers of [(await signIn(t, caregiver)).headers, (await signIn(t, nurse)).headers, alex.headers]) {
        for (const type of DIRECTORY_TYPES) expect((await get(`/${type}`, headers)).statusCode, type).toBe(200);
      }
      for (const type of DIRECTORY_TYPES) {
        const res = await get(`/${type}`);
        expect(res.statusCode, type).toBe(401);
        expect(outcome(res).issue[0]?.code).toBe("login");
      }
    });
  });

  describe("Schedule and Slot: free times from the scheduling module's slot search", () => {
    let okaforId: string;
    const bundle = async (url: string, headers = alex.headers) => {
      const res = await get(url, headers);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return res.json() as SearchBundle;
    };
    type SlotResource = Entry["resource"] & {
      start: string;
      end: string;
      status: string;
      schedule: { reference: string };
      serviceType: { coding: { code: string }[] }[];
    };
    const slotsOf = (b: SearchBundle) => b.entry.map((e) => e.resource as SlotResource);

    beforeAll(async () => {
      okaforId = (
        await t.database.db
          .selectFrom("providers")
          .select("id")
          .where("display_name", "=", "Dr. Chidi Okafor")
          .executeTakeFirstOrThrow()
      ).id;
    });

    it("one Schedule per provider, found by actor (practitioner or location)", async () => {
      const schedules = await bundle(`/Schedule?actor=Practitioner/${okaforId}`);
      expect(schedules.entry.map((e) => e.resource.id)).toEqual([okaforId]);
      expect(validateFhir(schedules)).toEqual([]);
      const locationId = (
        ((schedules.entry[0] as Entry).resource as unknown as { actor: { reference: string }[] }).actor.find((a) =>
          a.reference.startsWith("Location/"),
        ) as { reference: string }
      ).reference;
      expect((await bundle(`/Schedule?actor=${locationId}`)).entry.map((e) => e.resource.id)).toContain(okaforId);
    });

    it("lists exactly the free times the portal's booking offers, by schedule, start, status and service type", async () => {
      const all = await bundle(`/Slot?schedule=Schedule/${okaforId}&_count=200`);
      expect(validateFhir(all)).toEqual([]);
      const slots = slotsOf(all);
      expect(slots.length).toBeGreaterThan(1);
      expect(new Set(slots.map((s) => s.status))).toEqual(new Set(["free"]));
      expect(new Set(slots.map((s) => s.schedule.reference))).toEqual(new Set([`Schedule/${okaforId}`]));
      // the same times as GET /api/slots for the first visit type
      const visitTypeId = slots[0]?.serviceType[0]?.coding[0]?.code as string;
      const portal = await send(
        t,
        alex,
        "GET",
        `/api/slots?visitTypeId=${visitTypeId}&providerId=${okaforId}&limit=500`,
      );
      expect(portal.statusCode, portal.body).toBe(200);
      const portalStarts = (portal.json() as { slots: { start: string }[] }).slots.map((s) => s.start);
      const fhirStarts = slots.filter((s) => s.serviceType[0]?.coding[0]?.code === visitTypeId).map((s) => s.start);
      expect(fhirStarts.slice(0, portalStarts.length)).toEqual(portalStarts.slice(0, fhirStarts.length));
      // no booked time of the provider is offered
      const booked = await t.database.db
        .selectFrom("appointments")
        .select(["starts_at", "ends_at"])
        .where("provider_id", "=", okaforId)
        .where("status", "not in", ["cancelled", "no_show"])
        .execute();
      for (const s of slots) {
        const [start, end] = [Date.parse(s.start), Date.parse(s.end)];
        expect(
          booked.some((b) => b.starts_at.getTime() < end && b.ends_at.getTime() > start),
          s.start,
        ).toBe(false);
      }
      // a read by id answers the same slot
      const first = slots[0] as SlotResource;
      const read = await get(`/Slot/${first.id}`, alex.headers);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toEqual(first);
      // start narrows; repeated for a range
      const second = slots.find((s) => s.start > first.start) as SlotResource;
      const later = slotsOf(await bundle(`/Slot?schedule=${okaforId}&start=ge${second.start}&_count=200`));
      expect(later.map((s) => s.id)).not.toContain(first.id);
      expect(later.map((s) => s.id)).toContain(second.id);
      const day = first.start.slice(0, 10);
      const onDay = slotsOf(
        await bundle(`/Slot?schedule=${okaforId}&start=ge${day}&start=lt${day}T23:59:59Z&_count=200`),
      );
      expect(onDay.length).toBeGreaterThan(0);
      expect(onDay.every((s) => s.start >= day && s.start < `${day}T23:59:59Z`)).toBe(true);
      expect((await bundle(`/Slot?schedule=${okaforId}&status=busy`)).entry).toEqual([]);
      const ofType = slotsOf(
        await bundle(`/Slot?schedule=${okaforId}&service-type=urn:portico:visit-type|${visitTypeId}`),
      );
      expect(ofType.every((s) => s.serviceType[0]?.coding[0]?.code === visitTypeId)).toBe(true);
      expect((await bundle(`/Slot?schedule=${okaforId}&start=lt2001-01-01`)).entry).toEqual([]);
    });

    it("refuses a search without schedule or over more than 62 days (400) and unknown slots (404)", async () => {
      expect((await get("/Slot", alex.headers)).statusCode).toBe(400);
      expect(
        (await get(`/Slot?schedule=${okaforId}&start=ge2030-01-01&start=lt2031-01-01`, alex.headers)).statusCode,
      ).toBe(400);
      for (const id of ["not-a-slot", `${"0".repeat(22)}-${"0".repeat(22)}-zzzz`]) {
        const res = await get(`/Slot/${id}`, alex.headers);
        expect(res.statusCode, id).toBe(404);
        expect(outcome(res).issue[0]?.code).toBe("not-found");
      }
    });

    it("staff, a caregiver and a teen's parent search free times; anonymous callers are refused", async () => {
      const nurse = (await signInNewStaff(t, "nurse")).headers;
      const born = new Date(t.clock.now().getTime() - 15 * 365.25 * 86_400_000).toISOString().slice(0, 10);
      const teen = await makePatient(t, { dateOfBirth: born });
      const parent = await makeProxy(t, {
        patientId: teen.id,
        relationship: "parent",
        scopes: ["appointments", "medications"],
      });
      const asParent = (await signIn(t, parent)).headers;
      for (const headers of [nurse, asParent]) {
        expect((await get(`/Slot?schedule=${okaforId}`, headers)).statusCode).toBe(200);
        expect((await get(`/Schedule/${okaforId}`, headers)).statusCode).toBe(200);
      }
      expect((await get(`/Slot?schedule=${okaforId}`)).statusCode).toBe(401);
      expect((await get(`/Schedule/${okaforId}`)).statusCode).toBe(401);
    });
  });

  describe("Medication, DocumentReference and Binary, Provenance", () => {
    const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    let chartDocId: string;
    let attachmentFileId: string;
    let noteFileId: string;
    const bundle = async (url: string, headers = alex.headers) => {
      const res = await get(url, headers);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return res.json() as SearchBundle;
    };
    const ids = (b: SearchBundle, mode = "match") =>
      b.entry
        .filter((e) => (e as unknown as { search: { mode: string } }).search.mode === mode)
        .map((e) => `${e.resource.resourceType}/${e.resource.id}`);

    beforeAll(async () => {
      const files = new FileStore({ db: t.database.db, cipher: t.cipher });
      const alexUser = await t.database.db
        .selectFrom("patients")
        .select("user_id")
        .where("id", "=", alexId)
        .executeTakeFirstOrThrow();
      chartDocId = (
        await files.save({ patientId: alexId, kind: "insurance_card_front", bytes: PNG, uploadedBy: alexUser.user_id })
      ).id;
      const message = async (internal: boolean) =>
        (
          await t.database.db
            .selectFrom("messages")
            .select("id")
            .where("patient_id", "=", alexId)
            .where("kind", internal ? "=" : "<>", "internal_note")
            .orderBy("created_at")
            .orderBy("id")
            .executeTakeFirstOrThrow()
        ).id;
      const attach = async (messageId: string) => {
        const file = await files.save({ patientId: alexId, kind: "message_attachment", bytes: PNG, uploadedBy: null });
        await t.database.db
          .insertInto("message_attachments")
          .values({ file_id: file.id, patient_id: alexId, message_id: messageId, uploaded_by: null })
          .execute();
        return file.id;
      };
      const visible = await message(false);
      attachmentFileId = await attach(visible);
      // an internal note in the same conversation, with its own attachment
      const thread = await t.database.db
        .selectFrom("messages")
        .select(["thread_id", (eb) => eb.fn.max("seq").as("seq")])
        .where("thread_id", "=", (eb) => eb.selectFrom("messages").select("thread_id").where("id", "=", visible))
        .groupBy("thread_id")
        .executeTakeFirstOrThrow();
      const note = await t.database.db
        .insertInto("messages")
        .values({
          thread_id: thread.thread_id,
          patient_id: alexId,
          seq: Number(thread.seq) + 1,
          kind: "internal_note",
          author_kind: "staff",
          author_user_id: null,
          via_proxy_grant_id: null,
          sealed_body: "sealed",
          auto_reply: null,
          quick_reply_id: null,
          created_at: t.clock.now(),
        } as never)
        .returning("id")
        .executeTakeFirstOrThrow();
      noteFileId = await attach(note.id);
    });

    it("DocumentReference: the chart's documents and message attachments, never an internal note's; Binary is the content", async () => {
      const docs = await bundle(`/DocumentReference?patient=${alexId}`);
      expect(validateFhir(docs)).toEqual([]);
      expect(ids(docs)).toEqual(
        expect.arrayContaining([`DocumentReference/${chartDocId}`, `DocumentReference/${attachmentFileId}`]),
      );
      expect(ids(docs)).not.toContain(`DocumentReference/${noteFileId}`);
      for (const e of docs.entry) {
        expect((e.resource.meta as { profile: string[] }).profile).toEqual([
          "http://hl7.org/fhir/us/core/StructureDefinition/us-core-documentreference",
        ]);
        expect((await get(`/DocumentReference/${e.resource.id}`, alex.headers)).json()).toEqual(e.resource);
      }
      const chartDoc = docs.entry.find((e) => e.resource.id === chartDocId)?.resource as unknown as {
        content: { attachment: { url: string; contentType: string } }[];
      };
      expect(chartDoc.content[0]?.attachment).toMatchObject({ url: `Binary/${chartDocId}`, contentType: "image/png" });
      const binary = await get(`/Binary/${chartDocId}`, alex.headers);
      expect(binary.statusCode).toBe(200);
      expect(validateFhir(binary.json())).toEqual([]);
      expect(Buffer.from((binary.json() as { data: string }).data, "base64").equals(PNG)).toBe(true);
      expect((await get(`/Binary/${attachmentFileId}`, alex.headers)).statusCode).toBe(200);
      for (const url of [`/DocumentReference/${noteFileId}`, `/Binary/${noteFileId}`]) {
        const res = await get(url, alex.headers);
        expect(res.statusCode, url).toBe(404);
      }
      // category, type and date
      const attachments = await bundle(
        `/DocumentReference?patient=${alexId}&category=urn:portico:document-category|message-attachment`,
      );
      expect(ids(attachments)).toEqual([`DocumentReference/${attachmentFileId}`]);
      expect(
        ids(await bundle(`/DocumentReference?patient=${alexId}&type=urn:portico:document-kind|insurance_card_front`)),
      ).toEqual([`DocumentReference/${chartDocId}`]);
      expect((await bundle(`/DocumentReference?patient=${alexId}&date=lt2001-01-01`)).entry).toEqual([]);
      // Binary is read by id, not searched
      expect((await get(`/Binary?patient=${alexId}`, alex.headers)).statusCode).toBe(400);
      // the reads are audited with the FHIR type
      const audited = await t.database.db
        .selectFrom("audit_log")
        .select("details")
        .where("resource_type", "=", "fhir_resource")
        .where("resource_id", "=", chartDocId)
        .execute();
      expect(audited.map((r) => (r.details as { fhirType: string }).fhirType)).toEqual(
        expect.arrayContaining(["DocumentReference", "Binary"]),
      );
    });

    it("Medication: each medicine by the MedicationRequest's id; read only; _include=MedicationRequest:medication is accepted", async () => {
      const requests = await bundle(`/MedicationRequest?patient=${alexId}&_include=MedicationRequest:medication`);
      const first = requests.entry[0]?.resource as Entry["resource"];
      const medication = await get(`/Medication/${first.id}`, alex.headers);
      expect(medication.statusCode).toBe(200);
      expect(validateFhir(medication.json())).toEqual([]);
      expect(medication.json()).toMatchObject({
        resourceType: "Medication",
        code: {
          text: (first as unknown as { medicationCodeableConcept: { text: string } }).medicationCodeableConcept.text,
        },
      });
      // the medicine is coded inline on MedicationRequest: nothing to include
      expect(ids(requests, "include")).toEqual([]);
      const search = await get(`/Medication?patient=${alexId}`, alex.headers);
      expect(search.statusCode).toBe(400);
      expect(outcome(search).issue[0]?.code).toBe("not-supported");
    });

    it("Provenance: who sent each reading and questionnaire, read, searched and with _revinclude=Provenance:target", async () => {
      const readings = await bundle(`/Observation?patient=${alexId}&_revinclude=Provenance:target&_count=200`);
      expect(validateFhir(readings)).toEqual([]);
      const observations = ids(readings);
      expect(observations.length).toBeGreaterThan(0);
      const provenance = readings.entry.filter(
        (e) => (e as unknown as { search: { mode: string } }).search.mode === "include",
      );
      expect(
        provenance
          .map((e) => (e.resource as unknown as { target: { reference: string }[] }).target[0]?.reference)
          .sort(),
      ).toEqual([...observations].sort());
      const one = provenance[0]?.resource as unknown as Entry["resource"] & { agent: { who: { reference: string } }[] };
      expect(one.agent[0]?.who.reference).toMatch(/^(Patient|RelatedPerson|Organization)\//);
      expect((await get(`/Provenance/${one.id}`, alex.headers)).json()).toEqual(one);
      const all = await bundle(`/Provenance?patient=${alexId}&_count=200`);
      expect(validateFhir(all)).toEqual([]);
      expect(ids(all)).toEqual(expect.arrayContaining([`Provenance/${one.id}`]));
      const target = (one as unknown as { target: { reference: string }[] }).target[0]?.reference as string;
      expect(ids(await bundle(`/Provenance?patient=${alexId}&target=${target}`))).toEqual([`Provenance/${one.id}`]);
      const answers = await bundle(`/QuestionnaireResponse?patient=${alexId}&_revinclude=Provenance:target&_count=200`);
      expect(validateFhir(answers)).toEqual([]);
      expect(ids(answers, "include").every((r) => r.startsWith("Provenance/qr-"))).toBe(true);
      expect((await get(`/Appointment?patient=${alexId}&_revinclude=Provenance:target`, alex.headers)).statusCode).toBe(
        400,
      );
      expect((await get("/Provenance/obs-00000000-0000-4000-8000-000000000000", alex.headers)).statusCode).toBe(404);
    });

    it("the access matrix: another patient, a caregiver with and without the scope, a teen's parent and staff", async () => {
      const medicationId = (
        await t.database.db
          .selectFrom("medications")
          .select("id")
          .where("patient_id", "=", alexId)
          .where("confidential", "=", false)
          .executeTakeFirstOrThrow()
      ).id;
      const provenanceId = `obs-${
        (
          await t.database.db
            .selectFrom("health_readings")
            .select("id")
            .where("patient_id", "=", alexId)
            .executeTakeFirstOrThrow()
        ).id
      }`;
      const urls = {
        medication: `/Medication/${medicationId}`,
        attachment: `/DocumentReference/${attachmentFileId}`,
        attachmentContent: `/Binary/${attachmentFileId}`,
        chartDoc: `/DocumentReference/${chartDocId}`,
        provenance: `/Provenance/${provenanceId}`,
        provenanceSearch: `/Provenance?patient=${alexId}`,
        documentSearch: `/DocumentReference?patient=${alexId}&category=urn:portico:document-category|message-attachment`,
      };
      const expectStatuses = async (
        headers: Record<string, string>,
        expected: Partial<Record<keyof typeof urls, number>>,
      ) => {
        for (const [key, status] of Object.entries(expected)) {
          const res = await get(urls[key as keyof typeof urls], headers);
          expect(res.statusCode, `${key}: ${res.body.slice(0, 200)}`).toBe(status);
        }
      };
      const other = await makePatient(t, { withLogin: true });
      await expectStatuses((await signIn(t, other.user as never)).headers, {
        medication: 404,
        attachment: 404,
        attachmentContent: 404,
        chartDoc: 404,
        provenance: 404,
        provenanceSearch: 404,
        documentSearch: 404,
      });
      const withScopes = async (scopes: string[], relationship?: string) => {
        const user = await makeUser(t);
        await makeProxyGrant(t, {
          patientId: alexId,
          proxyUserId: user.id,
          scopes: scopes as never,
          ...(relationship ? { relationship: relationship as never } : {}),
        });
        return (await signIn(t, user)).headers;
      };
      await expectStatuses(await withScopes(["medications", "messages", "health_updates"]), {
        medication: 200,
        attachment: 200,
        attachmentContent: 200,
        provenance: 200,
        provenanceSearch: 200,
        documentSearch: 200,
      });
      const appointmentsOnly = await withScopes(["appointments"]);
      await expectStatuses(appointmentsOnly, {
        medication: 404,
        attachment: 404,
        attachmentContent: 404,
        provenance: 404,
        provenanceSearch: 404,
      });
      // the chart's documents follow the portal's rule for the profile part (the same gate), attachments never show
      expect((await bundle(urls.documentSearch, appointmentsOnly)).entry).toEqual([]);
      const portal = await t.app.inject({
        method: "GET",
        url: `/api/patients/${alexId}/files/${chartDocId}`,
        headers: appointmentsOnly,
      });
      expect((await get(urls.chartDoc, appointmentsOnly)).statusCode).toBe(portal.statusCode);
      // a parent of a 15-year-old: medications kept; messages and health updates withheld
      const born = new Date(t.clock.now().getTime() - 15 * 365.25 * 86_400_000).toISOString().slice(0, 10);
      const teen = await makePatient(t, { dateOfBirth: born });
      const teenMed = (
        await t.database.db
          .insertInto("medications")
          .values({
            patient_id: teen.id,
            name: "Teenmed",
            dose: "1 tablet",
            directions: "daily",
            quantity: 30,
            days_supply: 30,
            refills_remaining: 1,
            confidential: false,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      const parent = await makeProxy(t, {
        patientId: teen.id,
        relationship: "parent",
        scopes: ["appointments", "medications", "messages", "health_updates", "records"],
      });
      const asParent = (await signIn(t, parent)).headers;
      expect((await get(`/Medication/${teenMed}`, asParent)).statusCode).toBe(200);
      for (const type of ["Provenance", "DocumentReference"]) {
        const res = await get(`/${type}?patient=${teen.id}`, asParent);
        expect(res.statusCode, type).toBe(404);
      }
      // staff: a patient-facing API
      const nurse = (await signInNewStaff(t, "nurse")).headers;
      await expectStatuses(nurse, { medication: 404, attachment: 404, attachmentContent: 404, provenance: 404 });
      // anonymous
      for (const url of Object.values(urls)) expect((await get(url)).statusCode, url).toBe(401);
    });
  });

  describe("an app's token: only the types its scopes name, only its patient (through FhirService, as the token hook calls it)", () => {
    let alexUserId: string;
    let docId: string;
    beforeAll(async () => {
      alexUserId = (
        await t.database.db.selectFrom("patients").select("user_id").where("id", "=", alexId).executeTakeFirstOrThrow()
      ).user_id as string;
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
      docId = (
        await new FileStore({ db: t.database.db, cipher: t.cipher }).save({
          patientId: alexId,
          kind: "identity_document",
          bytes: png,
          uploadedBy: alexUserId,
        })
      ).id;
    });
    const asApp = <T>(types: string[], fn: (caller: FhirCaller) => Promise<T>) => {
      const actor: Actor = {
        kind: "user",
        userId: alexUserId,
        roles: [],
        patientId: alexId,
        providerId: null,
        grants: [],
      };
      const caller: FhirCaller = {
        patientId: alexId,
        mayRead: (type) => types.includes(type),
        app: { clientId: "test-app", name: "Test app" },
      };
      return runWithContext({ requestId: "fhir-test", ip: "127.0.0.1", userAgent: undefined, actor }, () => fn(caller));
    };
    const status = async (p: Promise<unknown>) => {
      try {
        await p;
        return 200;
      } catch (error) {
        return (error as { status?: number }).status ?? 500;
      }
    };

    it("reads directory types its scopes name; refuses the rest (search 403, read 404)", async () => {
      const fhir = t.app.services.fhirApi;
      const page = { count: 50, offset: 0 };
      const [practitioner] = (
        await asApp(["Practitioner"], (c) => fhir.search(c, fhir.typeOf("Practitioner"), { filters: [] }, page))
      ).resources;
      expect(practitioner?.resourceType).toBe("Practitioner");
      const id = practitioner?.id as string;
      expect(await status(asApp(["Practitioner"], (c) => fhir.read(c, fhir.typeOf("Practitioner"), id)))).toBe(200);
      expect(await status(asApp(["Practitioner"], (c) => fhir.read(c, fhir.typeOf("Schedule"), id)))).toBe(404);
      expect(
        await status(asApp(["Practitioner"], (c) => fhir.search(c, fhir.typeOf("Location"), { filters: [] }, page))),
      ).toBe(403);
      // an include of a type outside the scopes is left out
      const roles = await asApp(["PractitionerRole"], (c) =>
        fhir.search(
          c,
          fhir.typeOf("PractitionerRole"),
          { filters: [], include: ["PractitionerRole:practitioner"] },
          page,
        ),
      );
      expect(roles.resources.length).toBeGreaterThan(0);
      expect(roles.included).toEqual([]);
    });

    it("reads its patient's documents with the scope, not their content without Binary, and never another patient's", async () => {
      const fhir = t.app.services.fhirApi;
      const page = { count: 50, offset: 0 };
      const docs = await asApp(["DocumentReference"], (c) =>
        fhir.search(c, fhir.typeOf("DocumentReference"), { filters: [] }, page),
      );
      expect(docs.resources.map((r) => r.id)).toContain(docId);
      expect(
        await status(asApp(["DocumentReference"], (c) => fhir.read(c, fhir.typeOf("DocumentReference"), docId))),
      ).toBe(200);
      expect(await status(asApp(["DocumentReference"], (c) => fhir.read(c, fhir.typeOf("Binary"), docId)))).toBe(404);
      expect(await status(asApp(["Binary"], (c) => fhir.read(c, fhir.typeOf("Binary"), docId)))).toBe(200);
      const other = await makePatient(t);
      expect(
        await status(
          asApp(["DocumentReference", "Provenance", "Medication"], (c) =>
            fhir.search(c, fhir.typeOf("DocumentReference"), { patient: other.id, filters: [] }, page),
          ),
        ),
      ).toBe(404);
      expect(
        await status(
          asApp(["Provenance"], (c) =>
            fhir.search(c, fhir.typeOf("Provenance"), { patient: other.id, filters: [] }, page),
          ),
        ),
      ).toBe(404);
    });
  });

  describe("CORS (browser-based apps): any origin for /fhir/R4, with a bearer token, never cookies", () => {
    it("answers a preflight for GET with Authorization from any origin", async () => {
      const res = await t.app.inject({
        method: "OPTIONS",
        url: `/fhir/R4/Patient/${alexId}`,
        headers: {
          origin: "https://app.example",
          "access-control-request-method": "GET",
          "access-control-request-headers": "authorization",
        },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers["access-control-allow-origin"]).toBe("*");
      expect(String(res.headers["access-control-allow-headers"]).toLowerCase()).toContain("authorization");
      expect(res.headers["access-control-allow-methods"]).toContain("GET");
      expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
      const metadata = await get("/metadata", { origin: "https://app.example" });
      expect(metadata.headers["access-control-allow-origin"]).toBe("*");
      expect(metadata.headers["access-control-expose-headers"]).toContain("ETag");
    });

    it("does not take the portal's session cookie from another origin (a token is needed), and /api keeps its policy", async () => {
      const fromApp = await get(`/Patient/${alexId}`, { ...alex.headers, origin: "https://app.example" });
      expect(fromApp.statusCode).toBe(401);
      expect(fromApp.headers["access-control-allow-origin"]).toBe("*");
      expect(fromApp.body).not.toContain(alexId);
      const ownOrigin = new URL(t.config.publicUrl).origin;
      expect((await get(`/Patient/${alexId}`, { ...alex.headers, origin: ownOrigin })).statusCode).toBe(200);
      const api = await t.app.inject({
        method: "GET",
        url: "/api/health",
        headers: { origin: "https://app.example" },
      });
      expect(api.headers["access-control-allow-origin"]).toBeUndefined();
      const apiPreflight = await t.app.inject({
        method: "OPTIONS",
        url: "/api/health",
        headers: { origin: "https://app.example", "access-control-request-method": "GET" },
      });
      expect(apiPreflight.headers["access-control-allow-origin"]).toBeUndefined();
    });
  });

  it("declares one file per resource type, each with a record section that exists", () => {
    expect(fhirResourceTypes.map((r) => r.type)).toEqual(TYPES);
  });
});
