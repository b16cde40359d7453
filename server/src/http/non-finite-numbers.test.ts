import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../test/app.ts";
import { makeStaff, type SignedInClient, signIn } from "../test/factories.ts";
import { NOT_FINITE_MESSAGE, nonFinitePath } from "./finite-numbers.ts";

/**
 * Every numeric query, path and body parameter in the OpenAPI document refuses 1e309,
 * Infinity, -Infinity and NaN in the schema layer: 400 `validation_failed` naming the field,
 * never a 5xx and never a handler running with a non-finite number. The sweep reads the
 * document, so a route added later is covered without touching this file.
 */

interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  minLength?: number;
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
}

const BAD_VALUES = ["1e309", "Infinity", "-Infinity", "NaN"];

const types = (schema: Schema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

function isNumeric(schema: Schema): boolean {
  if (types(schema).some((t) => t === "number" || t === "integer")) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].some(isNumeric);
}

/** A value the schema accepts, as simple as possible (required properties only). */
function sample(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return sample(alternatives.find((s) => !types(s).includes("null")) ?? alternatives[0]!);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sample(s) as object));
  const type = types(schema).find((t) => t !== "null") ?? "object";
  switch (type) {
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return true;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}));
    case "string":
      switch (schema.format) {
        case "uuid":
          return randomUUID();
        case "date":
          return "2030-01-15";
        case "date-time":
          return "2030-01-15T15:00:00.000Z";
        case "email":
          return "someone@example.test";
        case "time":
          return "09:00:00";
      }
      if (schema.pattern) {
        const candidates = ["09:00", "US", "(555) 010-2000", "123456", "1234567", "abc123", "en", "abc"];
        const pattern = new RegExp(schema.pattern, "u");
        const fits = candidates.find((c) => pattern.test(c) && c.length >= (schema.minLength ?? 0));
        if (fits) return fits;
      }
      return "a".repeat(Math.max(schema.minLength ?? 1, 1));
    default: {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key] ?? {});
      return out;
    }
  }
}

/** Paths (property names, array index 0) to every numeric value a body schema accepts. */
function numericPaths(schema: Schema, prefix: string[] = []): string[][] {
  if (isNumeric(schema)) return [prefix];
  const paths: string[][] = [];
  for (const [key, child] of Object.entries(schema.properties ?? {}))
    paths.push(...numericPaths(child, [...prefix, key]));
  if (schema.items) paths.push(...numericPaths(schema.items, [...prefix, "0"]));
  for (const alternative of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    paths.push(...numericPaths(alternative, prefix));
  }
  return paths;
}

/** The body sample with `value` at `path` (creating the objects and arrays on the way). */
function withValueAt(body: unknown, schema: Schema, path: string[], value: unknown): unknown {
  const root = structuredClone(body ?? {}) as Record<string, unknown>;
  let node: Record<string, unknown> = root;
  let nodeSchema: Schema | undefined = schema;
  path.forEach((key, index) => {
    const childSchema: Schema | undefined = key === "0" ? nodeSchema?.items : nodeSchema?.properties?.[key];
    if (index === path.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined || node[key] === null) {
      node[key] = childSchema ? sample(childSchema) : {};
      if (Array.isArray(node[key]) && (node[key] as unknown[]).length === 0) {
        (node[key] as unknown[]).push(sample(childSchema?.items ?? {}));
      }
    }
    node = node[key] as Record<string, unknown>;
    nodeSchema = childSchema;
  });
  return root;
}

interface Case {
  name: string;
  method: string;
  url: string;
  payload?: string;
  field: string;
}

describe("non-finite numbers in every numeric parameter", () => {
  // demo mode: the dev mailbox's routes are in the document too
  const t = useTestApp({ PORTICO_DEMO: "1" });
  let client: SignedInClient;
  const cases: Case[] = [];

  beforeAll(async () => {
    const staff = await makeStaff(t, "front_desk");
    client = await signIn(t, staff);
    const doc = (await t.app.inject({ url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const parameters = operation.parameters ?? [];
        const pathValues = new Map(parameters.filter((p) => p.in === "path").map((p) => [p.name, sample(p.schema)]));
        const requiredQuery = parameters.filter((p) => p.in === "query" && p.required);
        const bodySchema = operation.requestBody?.content?.["application/json"]?.schema;
        const body = bodySchema ? sample(bodySchema) : undefined;
        const build = (overrides: { path?: [string, string]; query?: [string, string] }) => {
          const url = template.replace(/\{(\w+)\}/g, (_m, name: string) =>
            encodeURIComponent(
              overrides.path?.[0] === name ? overrides.path[1] : String(pathValues.get(name) ?? randomUUID()),
            ),
          );
          const query = new URLSearchParams(
            requiredQuery.map((p): [string, string] => [p.name, String(sample(p.schema))]),
          );
          if (overrides.query) query.set(overrides.query[0], overrides.query[1]);
          const search = query.toString();
          return search ? `${url}?${search}` : url;
        };
        for (const parameter of parameters) {
          if ((parameter.in !== "query" && parameter.in !== "path") || !isNumeric(parameter.schema)) continue;
          for (const value of BAD_VALUES) {
            cases.push({
              name: `${method.toUpperCase()} ${template} ${parameter.in} ${parameter.name}=${value}`,
              method: method.toUpperCase(),
              url: build(
                parameter.in === "path" ? { path: [parameter.name, value] } : { query: [parameter.name, value] },
              ),
              payload: body === undefined ? undefined : JSON.stringify(body),
              field: parameter.name,
            });
          }
        }
        if (!bodySchema) continue;
        for (const path of numericPaths(bodySchema)) {
          const marker = "__NOT_FINITE__";
          const template_ = JSON.stringify(withValueAt(body, bodySchema, path, marker));
          // as a JSON number (1e309 parses to Infinity) and as strings, which Ajv coerces to numbers
          for (const literal of ["1e309", "-1e309", ...BAD_VALUES.map((v) => JSON.stringify(v))]) {
            cases.push({
              name: `${method.toUpperCase()} ${template} body ${path.join(".")}=${literal}`,
              method: method.toUpperCase(),
              url: build({}),
              payload: template_.replace(JSON.stringify(marker), literal),
              field: path.join("."),
            });
          }
        }
      }
    }
  });

  it("finds the numeric parameters in the OpenAPI document", () => {
    const swept = new Set(cases.map((c) => c.name.replace(/=.*$/, "")));
    // the ones named in the report that found this, and a body example
    expect(swept).toContain("GET /api/schedule query days");
    expect(swept).toContain("GET /api/patients query limit");
    expect(swept).toContain("GET /api/dev/mailbox query limit");
    expect([...swept].some((name) => name.includes(" body "))).toBe(true);
  });

  it("answers each with 400 validation_failed naming the field, never a 5xx", async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const res = await t.app.inject({
        method: c.method as "GET",
        url: c.url,
        headers: { ...client.headers, ...(c.payload === undefined ? {} : { "content-type": "application/json" }) },
        payload: c.payload,
      });
      const body = res.json() as { error?: { code?: string; message?: string; details?: { field?: string }[] } };
      const ok =
        res.statusCode === 400 &&
        body.error?.code === "validation_failed" &&
        (body.error.message?.length ?? 0) > 10 &&
        (body.error.details ?? []).some((d) => d.field === c.field);
      if (!ok) failures.push(`${c.name} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(cases.length).toBeGreaterThan(40);
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("says plainly that the number must be finite", async () => {
    const res = await t.app.inject({ url: "/api/schedule?days=1e309", headers: client.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(NOT_FINITE_MESSAGE);
    expect(res.json().error.details).toEqual([{ field: "days", problem: NOT_FINITE_MESSAGE }]);
  });
});

describe("nonFinitePath", () => {
  it("points at the first non-finite number, however deep", () => {
    expect(nonFinitePath({ a: 1, b: [0, { c: Number.NaN }] })).toBe("/b/1/c");
    expect(nonFinitePath({ "x/y": Number.POSITIVE_INFINITY })).toBe("/x~1y");
    expect(nonFinitePath({ a: "Infinity", b: [1, 2], c: null })).toBeUndefined();
    let deep: unknown = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nonFinitePath(deep)).toBe("/0".repeat(100_000));
  });
});
