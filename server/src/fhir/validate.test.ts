import { describe, expect, it } from "vitest";
import { validateFhir } from "./validate.ts";

describe("validateFhir: the FHIR R4 JSON schema and the structure definitions", () => {
  const patient = {
    resourceType: "Patient",
    id: "p1",
    name: [{ family: "Rivera", given: ["Alex"] }],
    gender: "female",
  };

  it("accepts a valid resource and a Bundle holding it", () => {
    expect(validateFhir(patient)).toEqual([]);
    expect(validateFhir({ resourceType: "Bundle", type: "collection", entry: [{ resource: patient }] })).toEqual([]);
  });

  it("finds, through the JSON schema, an unknown element, a wrong type and a missing required element", () => {
    expect(validateFhir({ ...patient, favouriteColour: "blue" }).some((p) => p.includes("(JSON schema)"))).toBe(true);
    expect(validateFhir({ ...patient, birthDate: 19900401 }).some((p) => /birthDate.*\(JSON schema\)/.test(p))).toBe(
      true,
    );
    const observation = { resourceType: "Observation", status: "final" }; // code is required
    expect(validateFhir(observation).some((p) => p.includes("(JSON schema)"))).toBe(true);
  });

  it("finds a bad resource inside a Bundle, and a type R4 does not have", () => {
    const bundle = { resourceType: "Bundle", type: "collection", entry: [{ resource: { ...patient, gender: 7 } }] };
    expect(validateFhir(bundle).length).toBeGreaterThan(0);
    expect(validateFhir({ resourceType: "Spaceship" })).toContain("resourceType: Spaceship is not an R4 resource type");
  });
});
