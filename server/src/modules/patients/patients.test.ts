import { beforeAll, describe, expect, it } from "vitest";
import { FileStore } from "../../platform/files/index.ts";
import { countRows, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxyGrant,
  makeUser,
  type SignedInClient,
  signIn,
  signInNewPatient,
  signInNewStaff,
} from "../../test/factories.ts";

const t = useTestApp();
let desk: SignedInClient;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

const registration = (overrides: Record<string, unknown> = {}) => ({
  legalGivenName: "José",
  legalFamilyName: "García",
  dateOfBirth: "1984-03-02",
  sex: "male",
  phone: "(555) 201-0101",
  email: "jose@example.test",
  address: { line1: "1 Main St", city: "Brooklyn", region: "NY", postalCode: "11201", country: "US" },
  emergencyContact: { name: "Ana García", relationship: "spouse", phone: "555-201-0102" },
  insurance: [
    { payerName: "Acme Health", memberId: "ABC123", subscriberName: "José García", subscriberRelationship: "self" },
  ],
  ...overrides,
});

/** The front desk registers a patient. */
const register = (payload: Record<string, unknown>) => send(t, desk, "POST", "/api/patients", payload);

beforeAll(async () => {
  desk = await signInNewStaff(t, "front_desk");
});

describe("front-desk registration", () => {
  let firstId: string;

  it("registers a patient with an MRN and an activation code", async () => {
    const res = await register(registration());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    firstId = body.patient.id;
    expect(body.patient.mrn).toMatch(/^P\d+$/);
    expect(body.activation.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.patient.insurance).toHaveLength(1);
    const letter = await send(t, desk, "GET", body.activation.letterUrl);
    expect(letter.statusCode).toBe(200);
    expect(letter.body).toContain(body.activation.code);
  });

  it("answers possible_duplicate with the candidate side by side and creates nothing", async () => {
    const before = await countRows(t, "patients");
    const res = await register(
      registration({ legalGivenName: "JOSE", legalFamilyName: "Garcia", phone: undefined, email: undefined }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("possible_duplicate");
    const [candidate] = res.json().error.details.candidates;
    expect(candidate.id).toBe(firstId);
    expect(candidate.phoneMasked).toBe("•••-•••-0101");
    const after = await countRows(t, "patients");
    expect(after).toEqual(before);
  });

  it("creates the chart when staff confirm it is someone else, with a reason", async () => {
    const res = await register(
      registration({
        legalGivenName: "Jose",
        phone: undefined,
        email: undefined,
        duplicateOverride: { confirmNotDuplicate: true, reason: "Different person: checked photo ID" },
      }),
    );
    expect(res.statusCode).toBe(201);
  });

  it.each([
    ["a missing family name", { legalFamilyName: undefined }, "legalFamilyName"],
    ["a blank given name", { legalGivenName: "   " }, "legalGivenName"],
    ["an impossible date of birth", { dateOfBirth: "1984-02-30" }, "dateOfBirth"],
    ["a future date of birth", { dateOfBirth: "2999-01-01" }, "dateOfBirth"],
    ["an unknown sex", { sex: "x" }, "sex"],
    ["a malformed email", { email: "not-an-email" }, "email"],
    ["letters in the phone", { phone: "call me" }, "phone"],
    ["an unknown pharmacy", { preferredPharmacyId: "00000000-0000-4000-8000-000000000000" }, "preferredPharmacyId"],
    ["an unknown field", { ssn: "123-45-6789" }, "validation_failed"],
  ])("refuses %s with a clear 400 and stores nothing", async (_name, change, field) => {
    const before = await countRows(t, "patients");
    const res = await register(registration({ legalGivenName: "Field", legalFamilyName: "Check", ...change }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(field);
    const after = await countRows(t, "patients");
    expect(after).toEqual(before);
  });

  it("is refused to patients and nurses", async () => {
    const { client } = await signInNewPatient(t);
    const res = await send(t, client, "POST", "/api/patients", registration());
    expect(res.statusCode).toBe(403);
  });
});

describe("staff search", () => {
  beforeAll(async () => {
    await makePatient(t, { given: "Renée", family: "Okonkwo-Smith", dateOfBirth: "1979-11-23" });
  });

  it.each(["okonkwo", "Okonkwo Smith", "renee okonkwo", "okonkow", "1979-11-23", "11/23/1979"])(
    "finds the patient by %s",
    async (q) => {
      const res = await send(t, desk, "GET", `/api/patients?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().results.map((r: { name: string }) => r.name)).toContain("Renée Okonkwo-Smith");
    },
  );

  it("gives nurses only the minimal fields", async () => {
    const nurse = await signInNewStaff(t, "nurse");
    const res = await send(t, nurse, "GET", "/api/patients?q=okonkwo");
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0]).not.toHaveProperty("phone");
  });
});

describe("profile access", () => {
  it("lets a patient edit contact details but not their legal name, and hides other patients (404)", async () => {
    const a = await makePatient(t, { withLogin: true });
    const b = await makePatient(t, { withLogin: true });
    const client = await signIn(t, a.user as NonNullable<typeof a.user>);
    const own = await send(t, client, "PATCH", `/api/patients/${a.id}`, {
      phone: "555-123-4567",
      preferredLanguage: "es",
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().phone).toBe("555-123-4567");
    const rename = await send(t, client, "PATCH", `/api/patients/${a.id}`, { legalFamilyName: "Changed" });
    expect(rename.statusCode).toBe(403);
    const request = await send(t, client, "POST", `/api/patients/${a.id}/identity-change-requests`, {
      changes: { legalFamilyName: "Married-Name" },
      reason: "Marriage",
    });
    expect(request.statusCode).toBe(201);
    for (const method of ["GET", "PATCH"] as const) {
      const other = await t.app.inject({
        method,
        url: `/api/patients/${b.id}`,
        headers: client.headers,
        ...(method === "PATCH" ? { payload: { phone: "555-000-0000" } } : {}),
      });
      expect(other.statusCode).toBe(404);
    }
    const approved = await send(t, desk, "POST", `/api/identity-change-requests/${request.json().id}/decision`, {
      decision: "approve",
    });
    expect(approved.statusCode).toBe(200);
    const profile = await send(t, client, "GET", `/api/patients/${a.id}`);
    expect(profile.json().legalFamilyName).toBe("Married-Name");
  });
});

describe("files", () => {
  it("stores a real PNG encrypted and serves it as an attachment", async () => {
    const p = await makePatient(t);
    const up = await t.app.inject({
      method: "POST",
      url: `/api/patients/${p.id}/files?kind=insurance_card_front`,
      headers: { ...desk.headers, "content-type": "image/png" },
      payload: PNG,
    });
    expect(up.statusCode).toBe(201);
    const row = await t.database.db
      .selectFrom("files")
      .selectAll()
      .where("id", "=", up.json().id)
      .executeTakeFirstOrThrow();
    expect(row.sealed_content).not.toContain(PNG.toString("base64"));
    const down = await send(t, desk, "GET", `/api/patients/${p.id}/files/${up.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers["content-disposition"]).toMatch(/^attachment/);
    expect(down.headers["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.compare(down.rawPayload, PNG)).toBe(0);
  });

  it("serves only the chart's documents: a message's attachment is not a document (404, and not in the record download)", async () => {
    const p = await makePatient(t, { withLogin: true });
    const attachment = await new FileStore({ db: t.database.db, cipher: t.cipher }).save({
      patientId: p.id,
      kind: "message_attachment",
      bytes: PNG,
      uploadedBy: null,
    });
    const unknown = await send(t, desk, "GET", `/api/patients/${p.id}/files/${crypto.randomUUID()}`);
    const down = await send(t, desk, "GET", `/api/patients/${p.id}/files/${attachment.id}`);
    expect(down.statusCode).toBe(404);
    expect(down.json()).toEqual(unknown.json());
    const own = await signIn(t, p.user!);
    const record = await send(t, own, "GET", `/api/patients/${p.id}/record?format=json`);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('"documents":[]');
    expect(record.body).not.toContain(attachment.id);
  });

  it.each([
    ["a renamed Windows program", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100, 0)]), "image/png", 415],
    [
      "a PDF with JavaScript",
      Buffer.from("%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"),
      "application/pdf",
      415,
    ],
    [
      "a PNG with a ZIP appended",
      Buffer.concat([PNG, Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]),
      "image/png",
      415,
    ],
    ["an empty file", Buffer.alloc(0), "image/png", 400],
    ["a file over 10 MB", Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024, 1)]), "image/png", 413],
  ])("refuses %s and stores nothing", async (_name, bytes, type, status) => {
    const p = await makePatient(t);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/patients/${p.id}/files?kind=other`,
      headers: { ...desk.headers, "content-type": type },
      payload: bytes,
    });
    expect(res.statusCode).toBe(status);
    const stored = await t.database.db.selectFrom("files").select("id").where("patient_id", "=", p.id).execute();
    expect(stored).toHaveLength(0);
  });
});

describe("merge", () => {
  it("moves everything to the surviving chart and marks the source merged", async () => {
    const survivor = await makePatient(t, { given: "Alex", family: "Rivera" });
    const duplicate = await makePatient(t, { given: "Alx", family: "Rivera", withLogin: true });
    const caregiver = await makeUser(t);
    const grantId = await makeProxyGrant(t, { patientId: duplicate.id, proxyUserId: caregiver.id });
    const res = await send(t, desk, "POST", `/api/patients/${duplicate.id}/merge`, {
      intoPatientId: survivor.id,
      reason: "Same person, self-registered twice",
    });
    expect(res.statusCode).toBe(200);
    const grant = await t.database.db
      .selectFrom("proxy_grants")
      .select("patient_id")
      .where("id", "=", grantId)
      .executeTakeFirstOrThrow();
    expect(grant.patient_id).toBe(survivor.id);
    const source = await t.database.db
      .selectFrom("patients")
      .selectAll()
      .where("id", "=", duplicate.id)
      .executeTakeFirstOrThrow();
    expect(source.status).toBe("merged");
    expect(source.merged_into_id).toBe(survivor.id);
    const target = await t.database.db
      .selectFrom("patients")
      .select("user_id")
      .where("id", "=", survivor.id)
      .executeTakeFirstOrThrow();
    expect(target.user_id).toBe(duplicate.user?.id);
    const again = await send(t, desk, "GET", `/api/patients/${duplicate.id}`);
    expect(again.statusCode).toBe(404);
  });
});
