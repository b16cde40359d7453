import { describe, expect, it } from "vitest";
import { damerauLevenshtein, duplicateReasons, normalizeText, type PersonFacts, parseBirthDate } from "./matching.ts";
import { parseSearchQuery } from "./search.ts";

const existing: PersonFacts = {
  givenName: "José",
  familyName: "García López",
  dateOfBirth: "1984-03-02",
  sex: "male",
  phone: "(555) 201-0101",
  email: "jose.garcia@example.test",
};
const person = (overrides: Partial<PersonFacts>): PersonFacts => ({ ...existing, ...overrides });

describe("duplicate matching", () => {
  const trueDuplicates: [string, PersonFacts][] = [
    ["accents dropped", person({ givenName: "Jose", familyName: "Garcia Lopez", phone: null, email: null })],
    ["different case", person({ givenName: "JOSÉ", familyName: "GARCÍA LÓPEZ", phone: null, email: null })],
    ["spacing and punctuation", person({ givenName: " José ", familyName: "García-López", phone: null, email: null })],
    [
      "names swapped between fields",
      person({ givenName: "García López", familyName: "José", phone: null, email: null }),
    ],
    ["one-letter typo in the family name", person({ familyName: "Garcia Lopes", phone: null, email: null })],
    ["transposed letters in the given name", person({ givenName: "Jsoe", phone: null, email: null })],
    ["nickname with the same birth date and phone", person({ givenName: "Pepe", email: null })],
    ["birth date with day and month swapped and the same phone", person({ dateOfBirth: "1984-02-03" })],
  ];
  it.each(trueDuplicates)("flags a true duplicate: %s", (_name, entered) => {
    expect(duplicateReasons(entered, existing)).not.toBeNull();
  });

  const nearMisses: [string, PersonFacts][] = [
    [
      "same name, different birth date and phone",
      person({ dateOfBirth: "1990-07-21", phone: "555-999-0000", email: null }),
    ],
    [
      "twins: same birth date and family name, different given names",
      person({ givenName: "Mateo", phone: "555-201-0101" }),
    ],
    [
      "nickname with the same birth date but no shared contact",
      person({ givenName: "Pepe", phone: null, email: null }),
    ],
    [
      "one letter apart but a different recorded sex",
      {
        ...existing,
        givenName: "Josi",
        sex: "female",
        phone: null,
        email: null,
      },
    ],
    [
      "birth date one digit off without a shared contact",
      person({ dateOfBirth: "1984-03-03", phone: null, email: null }),
    ],
    ["shared household phone, different person", person({ givenName: "Lucia", dateOfBirth: "2010-05-05" })],
  ];
  it.each(nearMisses)("does not flag a near miss: %s", (_name, entered) => {
    expect(duplicateReasons(entered, existing)).toBeNull();
  });

  it("normalises like the database function", () => {
    expect(normalizeText("  José  O'Brien-Núñez ")).toBe("jose o brien nunez");
  });

  it("counts an adjacent swap as one edit", () => {
    expect(damerauLevenshtein("rivera", "rivear")).toBe(1);
    expect(damerauLevenshtein("rivera", "rivers")).toBe(1);
    expect(damerauLevenshtein("ana", "eva")).toBe(2);
  });
});

describe("search query parsing", () => {
  it.each([
    ["1984-03-02", { dateOfBirth: "1984-03-02" }],
    ["03/02/1984", { dateOfBirth: "1984-03-02" }],
    ["3/2/1984", { dateOfBirth: "1984-03-02" }],
    ["P100042", { mrn: "P100042" }],
    ["p100042", { mrn: "P100042" }],
    ["(555) 201-0101", { phoneDigits: "5552010101" }],
    ["+1 555 201 0101", { phoneDigits: "5552010101" }],
    ["Ríverá", { name: "rivera" }],
    ["rivera 03/02/1984", { name: "rivera", dateOfBirth: "1984-03-02" }],
  ])("reads %s", (q, expected) => {
    expect(parseSearchQuery(q)).toEqual(expected);
  });

  it("refuses impossible dates", () => {
    expect(parseBirthDate("02/30/1984")).toBeUndefined();
  });
});
