import { HIDDEN_CHARACTERS, TEXT_PATTERN_PROBLEM } from "@portico/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../test/app.ts";
import { makeStaff, type SignedInClient, signIn } from "../test/factories.ts";

/**
 * Names and short free text that staff read refuse the characters that reorder or hide what is
 * shown (bidirectional overrides, isolates and marks; zero-width characters): "Ali\u202Ece"
 * would show to the front desk as "Aliec" reversed — a look-alike of another person. Every
 * such field uses the one `ShortText` schema (contracts/src/common.ts); the last test fails
 * when a request body gains a free-text field without it.
 */

const HIDDEN: [string, string][] = [
  ["U+202A left-to-right embedding", "\u202A"],
  ["U+202B right-to-left embedding", "\u202B"],
  ["U+202C pop directional formatting", "\u202C"],
  ["U+202D left-to-right override", "\u202D"],
  ["U+202E right-to-left override", "\u202E"],
  ["U+2066 left-to-right isolate", "\u2066"],
  ["U+2067 right-to-left isolate", "\u2067"],
  ["U+2068 first strong isolate", "\u2068"],
  ["U+2069 pop directional isolate", "\u2069"],
  ["U+200E left-to-right mark", "\u200E"],
  ["U+200F right-to-left mark", "\u200F"],
  ["U+061C Arabic letter mark", "\u061C"],
  ["U+200B zero-width space", "\u200B"],
  ["U+200C zero-width non-joiner", "\u200C"],
  ["U+200D zero-width joiner", "\u200D"],
  ["U+2060 word joiner", "\u2060"],
  ["U+2062 invisible times", "\u2062"],
  ["U+FEFF zero-width no-break space", "\uFEFF"],
];

describe("hidden formatting characters in names and short text", () => {
  const t = useTestApp();
  let frontDesk: SignedInClient;
  let admin: SignedInClient;

  beforeAll(async () => {
    frontDesk = await signIn(t, await makeStaff(t, "front_desk"));
    admin = await signIn(t, await makeStaff(t, "admin"));
  });

  let births = 0;
  const register = (fields: Record<string, unknown>) =>
    t.app.inject({
      method: "POST",
      url: "/api/patients",
      headers: frontDesk.headers,
      payload: {
        legalGivenName: "Avery",
        legalFamilyName: `Hidden${Math.random().toString(36).slice(2, 8)}`,
        // a different date of birth each time, so no two are possible duplicates
        dateOfBirth: `19${String(50 + (births++ % 40))}-04-12`,
        sex: "unknown",
        ...fields,
      },
    });

  function expectRefused(res: { statusCode: number; json(): unknown }, field: string) {
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as { error: { code: string; message: string; details: { field: string }[] } };
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain(TEXT_PATTERN_PROBLEM);
    expect(error.message).toContain(field.replaceAll(".", "/"));
    expect(error.message).not.toContain("\\u"); // the words, not the regular expression
    expect(error.details).toEqual([{ field, problem: TEXT_PATTERN_PROBLEM }]);
  }

  it.each(HIDDEN)("refuses %s in a patient's name with a clear message", async (_name, character) => {
    expectRefused(await register({ legalGivenName: `Ali${character}ce` }), "legalGivenName");
    expect(HIDDEN_CHARACTERS.test(`a${character}b`)).toBe(true);
  });

  it("refuses them at the start, at the end, and alone", async () => {
    expectRefused(await register({ legalFamilyName: "\u202EnosnhoJ" }), "legalFamilyName");
    expectRefused(await register({ preferredName: "Sam\u200B" }), "preferredName");
    expectRefused(await register({ legalGivenName: "\u200B" }), "legalGivenName");
    expectRefused(await register({ legalGivenName: " \uFEFF " }), "legalGivenName");
  });

  it("refuses them in addresses, emergency contacts and insurance too", async () => {
    const address = { line1: "1 Main St", city: "Springfield", region: "IL", postalCode: "62701", country: "US" };
    expectRefused(await register({ address: { ...address, city: "Spring\u202Efield" } }), "address.city");
    expectRefused(await register({ address: { ...address, line2: "Apt\u2066 4" } }), "address.line2");
    expectRefused(
      await register({ emergencyContact: { name: "Jo\u200DRivera", relationship: "sister", phone: "555-010-1234" } }),
      "emergencyContact.name",
    );
  });

  it("still accepts names in any script, with accents, apostrophes, hyphens and spaces", async () => {
    for (const [given, family] of [
      ["José", "Núñez-García"],
      ["Siobhán", "O'Brien"],
      ["محمد", "الأحمد"],
      ["שרה", "כהן"],
      ["美玲", "李"],
      ["Nguyễn Thị", "Minh Khai"],
    ] as const) {
      const res = await register({ legalGivenName: given, legalFamilyName: family });
      expect(res.statusCode, `${given} ${family}: ${res.body}`).toBe(201);
      expect(res.json().patient.legalGivenName).toBe(given);
    }
  });

  it("still refuses blank required text and accepts a blank optional line", async () => {
    const blank = await register({ legalGivenName: "   " });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].field).toBe("legalGivenName");
    const address = {
      line1: "1 Main St",
      line2: "",
      city: "Springfield",
      region: "IL",
      postalCode: "62701",
      country: "US",
    };
    expect((await register({ address })).statusCode).toBe(201);
  });

  it("refuses them in staff names, clinic names and visit types (admin)", async () => {
    const invite = await t.app.inject({
      method: "POST",
      url: "/api/admin/staff",
      headers: admin.headers,
      payload: { email: "new.nurse@example.test", displayName: "Rosa\u202E Delgado", roles: ["nurse"] },
    });
    expectRefused(invite, "displayName");
    const visitType = await t.app.inject({
      method: "POST",
      url: "/api/admin/visit-types",
      headers: admin.headers,
      payload: {
        name: "Annual\u200B physical",
        durationMinutes: 30,
        modality: "in_person",
        specialty: "family_medicine",
        bookingKind: "established",
        minimumNoticeMinutes: 60,
        horizonDays: 90,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        cancellationNoticeMinutes: 1440,
      },
    });
    expectRefused(visitType, "name");
  });

  it("refuses them in a user's own display name", async () => {
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: frontDesk.headers,
      payload: { displayName: "Front\u2067 Desk" },
    });
    expectRefused(res, "displayName");
  });

  it("covers every free-text field of every request body in the API", async () => {
    interface Schema {
      type?: string | string[];
      pattern?: string;
      format?: string;
      enum?: unknown[];
      const?: unknown;
      properties?: Record<string, Schema>;
      items?: Schema;
      additionalProperties?: Schema | boolean;
      patternProperties?: Record<string, Schema>;
      anyOf?: Schema[];
      oneOf?: Schema[];
      allOf?: Schema[];
    }
    const doc = (await t.app.inject({ url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
    };
    const unguarded = new Set<string>();
    const walk = (schema: Schema, where: string) => {
      const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
      if (types.includes("string") && !schema.pattern && !schema.format && !schema.enum && schema.const === undefined) {
        unguarded.add(where);
      }
      for (const [key, child] of Object.entries(schema.properties ?? {})) walk(child, `${where}.${key}`);
      for (const child of Object.values(schema.patternProperties ?? {})) walk(child, `${where}.*`);
      if (typeof schema.additionalProperties === "object") walk(schema.additionalProperties, `${where}.*`);
      if (schema.items) walk(schema.items, `${where}[]`);
      for (const child of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
        walk(child, where);
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.["application/json"]?.schema;
        if (schema) walk(schema, `${method.toUpperCase()} ${path} body`);
      }
    }
    // secrets and codes are typed, never shown to anyone; the time zone is checked against the
    // zone list; sign-in and reset requests look an address up (any text), never store it
    const notShown = /\.(password|currentPassword|newPassword|code|activationCode|token|timeZone)$/;
    const lookups = new Set(["POST /api/auth/login body.email", "POST /api/auth/password-reset/request body.email"]);
    expect([...unguarded].filter((where) => !notShown.test(where) && !lookups.has(where)).sort()).toEqual([]);
  });
});
