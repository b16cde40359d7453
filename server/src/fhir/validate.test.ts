import { describe, expect, it } from "vitest";
import { checkableProfiles, validateFhir } from "./validate.ts";

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

describe("validateFhir: the US Core 5.0.1 profiles a resource claims in meta.profile", () => {
  const US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";
  const usCorePatient = {
    resourceType: "Patient",
    id: "p1",
    meta: { profile: [`${US_CORE}us-core-patient`] },
    identifier: [{ system: "urn:example:mrn", value: "MRN-1" }],
    name: [{ family: "Rivera", given: ["Alex"] }],
    gender: "female",
  };

  it("checks the profiles whose definitions are at hand", () => {
    expect(checkableProfiles()).toEqual(
      expect.arrayContaining([
        `${US_CORE}us-core-patient`,
        `${US_CORE}us-core-blood-pressure`,
        `${US_CORE}us-core-medicationrequest`,
        "http://hl7.org/fhir/StructureDefinition/heartrate",
      ]),
    );
  });

  it("accepts a resource that conforms to the profile it claims", () => {
    expect(validateFhir(usCorePatient)).toEqual([]);
  });

  it("refuses a resource claiming US Core without a required element, alone or in a Bundle", () => {
    const { identifier: _identifier, ...noIdentifier } = usCorePatient; // us-core-patient: identifier 1..*
    expect(validateFhir(noIdentifier).some((p) => p.includes("as us-core-patient"))).toBe(true);
    // the same resource without the claim is valid base R4
    expect(validateFhir({ ...noIdentifier, meta: undefined })).toEqual([]);
    const bundle = { resourceType: "Bundle", type: "collection", entry: [{ resource: noIdentifier }] };
    expect(validateFhir(bundle).some((p) => p.includes("as us-core-patient"))).toBe(true);
  });
});
