import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeStaff, type SignedInClient, signIn } from "../../test/factories.ts";

/**
 * Staff search as the front desk types it (the mix `npm run bench:patients` measures at 100k
 * patients): partial and accented names, typos, birth dates, MRNs and phone numbers.
 */
const t = useTestApp();
let desk: SignedInClient;
let maria: { id: string };
let mariano: { id: string };
let jose: { id: string };
let mergedId: string;

beforeAll(async () => {
  desk = await signIn(t, await makeStaff(t, "front_desk"));
  maria = await makePatient(t, { given: "María José", family: "Núñez-Ibáñez", dateOfBirth: "1962-07-04" });
  await t.database.db
    .updateTable("patients")
    .set({ phone: "(617) 555-0142", mrn: "P900142" })
    .where("id", "=", maria.id)
    .execute();
  mariano = await makePatient(t, { given: "Mariano", family: "de la Cruz", dateOfBirth: "2009-02-28" });
  jose = await makePatient(t, {
    given: "José",
    family: "García Márquez",
    preferred: "Pepe",
    dateOfBirth: "1984-03-02",
  });
  const merged = await makePatient(t, { given: "Merged", family: "Núñez" });
  await t.database.db
    .updateTable("patients")
    .set({ status: "merged", merged_into_id: maria.id })
    .where("id", "=", merged.id)
    .execute();
  mergedId = merged.id;
});

async function search(q: string) {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/patients?q=${encodeURIComponent(q)}`,
    headers: desk.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { results: { id: string; name: string }[]; interpretedAs: string[] };
}
const ids = async (q: string) => (await search(q)).results.map((r) => r.id);

describe("staff search", () => {
  it.each([
    ["nunez", "unaccented family name"],
    ["Núñez", "accented family name"],
    ["ibanez", "second part of a hyphenated family name"],
    ["maria jose", "two given names"],
    ["MARÍA núñ", "a given name and the start of the family name, any case"],
    ["nunez-ibanez", "the hyphenated name as written"],
  ])("finds María José Núñez-Ibáñez by %s (%s)", async (q) => {
    expect(await ids(q)).toContain(maria.id);
  });

  it("matches each typed word as the start of a name word, not anywhere inside it", async () => {
    expect(await ids("mari")).toEqual(expect.arrayContaining([maria.id, mariano.id]));
    expect(await ids("mariano")).not.toContain(maria.id);
    expect(await ids("ano")).not.toContain(mariano.id);
  });

  it("finds two-part family names by either part, and by the preferred name", async () => {
    expect(await ids("garcia marquez")).toContain(jose.id);
    expect(await ids("marquez")).toContain(jose.id);
    expect(await ids("de la cruz")).toContain(mariano.id);
    expect(await ids("pepe garcia")).toContain(jose.id);
  });

  it.each([
    ["garsia", "a wrong letter"],
    ["jose garcai", "swapped letters in the second word"],
    ["marqez", "a missing letter"],
  ])("corrects a one-letter typo: %s (%s)", async (q) => {
    expect(await ids(q)).toContain(jose.id);
  });

  it("does not stretch a typo into an unrelated name", async () => {
    expect(await ids("xyzzyq")).toEqual([]);
    expect(await ids("garcia xyzzyq")).toEqual([]);
  });

  it("finds by birth date in either format, alone or with a name", async () => {
    expect(await ids("1962-07-04")).toEqual([maria.id]);
    expect(await ids("07/04/1962")).toEqual([maria.id]);
    expect(await ids("nunez 7/4/1962")).toEqual([maria.id]);
    expect(await ids("garcia 07/04/1962")).toEqual([]);
    expect((await search("nunez 07/04/1962")).interpretedAs).toEqual(["name", "date_of_birth"]);
  });

  it("finds by MRN, with or without the letter", async () => {
    expect(await ids("P900142")).toEqual([maria.id]);
    expect(await ids("p900142")).toEqual([maria.id]);
    expect(await ids("900142")).toEqual([maria.id]);
  });

  it("finds by phone number in any format, and by its last seven digits", async () => {
    for (const q of ["(617) 555-0142", "617-555-0142", "+1 617 555 0142", "6175550142", "555-0142", "5550142"]) {
      expect(await ids(q), q).toEqual([maria.id]);
    }
    expect(await ids("555-0143")).toEqual([]);
  });

  it("never shows merged charts", async () => {
    expect(await ids("merged nunez")).toEqual([]);
    expect(await ids("nunez")).toEqual([maria.id]);
    expect(await ids("nunez")).not.toContain(mergedId);
  });

  it("finds every chart a short prefix matches, up to the limit", async () => {
    expect(await ids("ma")).toEqual(expect.arrayContaining([maria.id, mariano.id, jose.id]));
    const limited = await t.app.inject({ method: "GET", url: "/api/patients?q=ma&limit=2", headers: desk.headers });
    expect(limited.json().results).toHaveLength(2);
  });

  it("refuses a query that has nothing to search for (400) and patients (403)", async () => {
    const blank = await t.app.inject({ method: "GET", url: "/api/patients?q=%20%20%21%21", headers: desk.headers });
    expect(blank.statusCode).toBe(400);
    const patient = await makePatient(t, { withLogin: true });
    const own = await signIn(t, patient.user as NonNullable<typeof patient.user>);
    const denied = await t.app.inject({ method: "GET", url: "/api/patients?q=nunez", headers: own.headers });
    expect(denied.statusCode).toBe(403);
  });
});
