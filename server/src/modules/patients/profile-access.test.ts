import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxy,
  makeProxyGrant,
  type SignedInClient,
  signIn,
  signInNewStaff,
  type TestPatient,
} from "../../test/factories.ts";
import { makeTestClinic } from "../scheduling/test-clinic.ts";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/** Fifteen years old on the test clock's date. */
function teenBirthDate(now: Date): string {
  return `${now.getUTCFullYear() - 15}-01-01`;
}

describe("the admin may see no patient data", () => {
  const t = useTestApp();
  let admin: SignedInClient;
  let desk: SignedInClient;
  let existing: TestPatient;

  beforeAll(async () => {
    admin = await signInNewStaff(t, "admin");
    desk = await signInNewStaff(t, "front_desk");
    existing = await makePatient(t, { given: "Valentina", family: "Okonkwo-Reyes", dateOfBirth: "1979-11-23" });
  });

  it("refuses registration with 403 before any duplicate lookup", async () => {
    const guess = {
      legalGivenName: "Valentina",
      legalFamilyName: "Okonkwo-Reyes",
      dateOfBirth: "1979-11-23",
      sex: "female",
    };
    const res = await send(t, admin, "POST", "/api/patients", guess);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("forbidden");
    expect(res.body).not.toContain(existing.id);
    expect(res.body).not.toContain(existing.mrn);
    // the same answer for someone who does not exist
    const nobody = await send(t, admin, "POST", "/api/patients", {
      ...guess,
      legalGivenName: "Zebulon",
      dateOfBirth: "1950-01-01",
    });
    expect(nobody.json()).toEqual(res.json());
    // the front desk still gets the comparison it needs
    const deskAnswer = await send(t, desk, "POST", "/api/patients", guess);
    expect(deskAnswer.statusCode).toBe(409);
    expect(deskAnswer.json().error.details.candidates[0].id).toBe(existing.id);
  });

  it("refuses the printable activation letter (it names the patient)", async () => {
    const registered = await send(t, desk, "POST", "/api/patients", {
      legalGivenName: "Ines",
      legalFamilyName: "Albescu",
      dateOfBirth: "1991-02-03",
      sex: "female",
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const url = registered.json().activation.letterUrl as string;
    const res = await t.app.inject({ method: "GET", url, headers: { ...admin.headers, accept: "application/json" } });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain("Albescu");
    const ok = await t.app.inject({ method: "GET", url, headers: { ...desk.headers, accept: "application/json" } });
    expect(ok.statusCode).toBe(200);
  });
});

describe("a parent of a 12–17-year-old reads only what appointments and medications need", () => {
  const t = useTestApp();
  let teen: TestPatient;
  let child: TestPatient;
  let parent: SignedInClient;
  let teenSelf: SignedInClient;
  let fileId: string;

  beforeAll(async () => {
    const now = t.clock.now();
    teen = await makePatient(t, { withLogin: true, given: "Taylor", dateOfBirth: teenBirthDate(now) });
    child = await makePatient(t, { given: "Jamie", dateOfBirth: `${now.getUTCFullYear() - 8}-03-01` });
    await t.database.db
      .updateTable("patients")
      .set({
        gender_identity: "non-binary",
        address: JSON.stringify({
          line1: "9 Hidden Lane",
          city: "Brooklyn",
          region: "NY",
          postalCode: "11201",
          country: "US",
        }),
        emergency_contact: JSON.stringify({ name: "Aunt Rue", relationship: "aunt", phone: "555-000-9999" }),
      })
      .where("id", "=", teen.id)
      .execute();
    const parentUser = await makeProxy(t, {
      patientId: teen.id,
      relationship: "parent",
      scopes: ["appointments", "medications"],
    });
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: parentUser.id, relationship: "parent" });
    parent = await signIn(t, parentUser);
    teenSelf = await signIn(t, teen.user as NonNullable<TestPatient["user"]>);
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/patients/${teen.id}/files?kind=identity_document`,
      headers: { ...teenSelf.headers, "content-type": "image/png" },
      payload: PNG,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    fileId = upload.json().id;
    const change = await send(t, teenSelf, "POST", `/api/patients/${teen.id}/identity-change-requests`, {
      changes: { legalGivenName: "Tay" },
      reason: "The name I use",
    });
    expect(change.statusCode, change.body).toBe(201);
  });

  it("answers the profile with the summary: name and date of birth, nothing more", async () => {
    const res = await send(t, parent, "GET", `/api/patients/${teen.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      view: "summary",
      id: teen.id,
      legalGivenName: "Taylor",
      legalFamilyName: teen.name.split(" ")[1],
      preferredName: null,
      dateOfBirth: teen.dateOfBirth,
    });
    for (const secret of ["Hidden Lane", "Aunt Rue", "non-binary", teen.mrn]) expect(res.body).not.toContain(secret);
  });

  it("refuses the teen's identity-change requests and files with 404, as for a record that does not exist", async () => {
    const unknownPatient = await send(t, parent, "GET", `/api/patients/${randomUUID()}/identity-change-requests`);
    const requests = await send(t, parent, "GET", `/api/patients/${teen.id}/identity-change-requests`);
    expect(requests.statusCode).toBe(404);
    expect(requests.json()).toEqual(unknownPatient.json());
    const file = await send(t, parent, "GET", `/api/patients/${teen.id}/files/${fileId}`);
    expect(file.statusCode).toBe(404);
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/patients/${teen.id}/files?kind=other`,
      headers: { ...parent.headers, "content-type": "image/png" },
      payload: PNG,
    });
    expect(upload.statusCode).toBe(404);
    const patch = await send(t, parent, "PATCH", `/api/patients/${teen.id}`, { phone: "555-123-4567" });
    expect(patch.statusCode).toBe(404);
  });

  it("still lets the parent act on the teen's appointments", async () => {
    const res = await send(t, parent, "GET", `/api/patients/${teen.id}/appointments`);
    expect(res.statusCode).toBe(200);
  });

  it("leaves the teen's contact details out of the eCheck-in form the parent reads", async () => {
    const clinic = await makeTestClinic(t);
    const start = new Date(t.clock.now().getTime() + 2 * 86_400_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    const { id } = await t.database.db
      .insertInto("appointments")
      .values({
        patient_id: teen.id,
        provider_id: clinic.providerId,
        location_id: clinic.locationId,
        visit_type_id: clinic.visitTypes.established,
        starts_at: start,
        ends_at: end,
        blocked: sql<string>`tstzrange(${start}, ${end})`,
        status: "booked",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const url = `/api/patients/${teen.id}/appointments/${id}/check-in`;
    const res = await send(t, parent, "GET", url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().summary).toEqual({
      name: teen.name,
      dateOfBirth: teen.dateOfBirth,
      contactIncluded: false,
      phone: null,
      email: null,
      address: null,
    });
    expect(res.body).not.toContain("Hidden Lane");
    const own = await send(t, teenSelf, "GET", url);
    expect(own.json().summary).toMatchObject({ contactIncluded: true, address: { line1: "9 Hidden Lane" } });
  });

  it("keeps the full profile for the teen, and for the parent of a younger child (with what they may change)", async () => {
    const own = await send(t, teenSelf, "GET", `/api/patients/${teen.id}`);
    expect(own.json()).toMatchObject({ view: "full", genderIdentity: "non-binary", canEdit: true });
    const younger = await send(t, parent, "GET", `/api/patients/${child.id}`);
    expect(younger.json()).toMatchObject({ view: "full", canEdit: true });
  });
});
