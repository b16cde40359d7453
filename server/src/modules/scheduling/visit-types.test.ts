import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makeStaff, type SignedInClient, signIn } from "../../test/factories.ts";
import { makeTestClinic, SHORT_VISIT_TYPE, type TestClinic } from "./test-clinic.ts";

/** Visit types carry a Spanish name and description beside the English ones (issue 11, item 11). */
describe("visit types in Spanish", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let admin: SignedInClient;
  let patient: SignedInClient;

  beforeAll(async () => {
    t.clock.set("2026-03-02T13:00:00Z");
    clinic = await makeTestClinic(t);
    admin = await signIn(t, await makeStaff(t, "admin"));
    patient = await signIn(t, clinic.patient.user!);
  });

  const catalogue = async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/visit-types", headers: patient.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().visitTypes as { id: string; name: string; descriptionEs: string | null; nameEs: string | null }[];
  };

  it("an admin writes the Spanish description; patients read it in the catalogue; emptied, it is null (English shown)", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/visit-types",
      headers: admin.headers,
      payload: {
        name: "Blood pressure check",
        nameEs: "Control de presión arterial",
        description: "A short visit with a nurse.",
        descriptionEs: "  Una visita breve con una enfermera.  ",
        ...SHORT_VISIT_TYPE,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ descriptionEs: "Una visita breve con una enfermera." });
    expect((await catalogue()).find((v) => v.id === id)).toMatchObject({
      nameEs: "Control de presión arterial",
      descriptionEs: "Una visita breve con una enfermera.",
    });

    const emptied = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/visit-types/${id}`,
      headers: admin.headers,
      payload: { descriptionEs: "" },
    });
    expect(emptied.statusCode, emptied.body).toBe(200);
    expect(emptied.json().descriptionEs).toBeNull();
    expect(emptied.json().description).toBe("A short visit with a nurse.");

    const tooLong = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/visit-types/${id}`,
      headers: admin.headers,
      payload: { descriptionEs: "x".repeat(501) },
    });
    expect(tooLong.statusCode).toBe(400);
  });
});
