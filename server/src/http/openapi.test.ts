import fs from "node:fs";
import type { ErrorBody, LoginRequest, MeResponse } from "@portico/contracts";
import type { operations, paths } from "@portico/contracts/openapi";
import Fastify from "fastify";
import type { Static } from "typebox";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { testConfig } from "../test/app.ts";
import { derivedOperationId, installOpenApi } from "./openapi.ts";
import {
  API_TYPES_FILE,
  buildOpenApiDocument,
  generateApiTypes,
  lintOpenApiDocument,
  type OpenApiDocument,
} from "./openapi-document.ts";

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string }>;
  parameters?: { in: string; name: string }[];
}

function operationAt(document: OpenApiDocument, path: string, method: string): Operation {
  const operation = document.paths[path]?.[method];
  if (!operation) throw new Error(`the document has no ${method} ${path}`);
  return operation as Operation;
}

const MUTATING = new Set(["post", "put", "patch", "delete"]);

function operationsOf(document: OpenApiDocument): { method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ method, path, operation })),
  );
}

// built without a database: the same on both test databases, so checked once (in the PGlite run)
describe.skipIf(process.env.PORTICO_TEST_DB === "postgres")("the OpenAPI document", () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = await buildOpenApiDocument();
  });

  it("gives every operation a unique operationId, from method and path unless the route names one", () => {
    const all = operationsOf(document);
    const ids = all.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationAt(document, "/api/auth/login", "post").operationId).toBe("postAuthLogin");
    expect(derivedOperationId("GET", "/api/patients/:patientId/appointments/:appointmentId/check-in")).toBe(
      "getPatientsByPatientIdAppointmentsByAppointmentIdCheckIn",
    );
  });

  it("says which security applies: none on public routes, the session, and the CSRF header on changes", () => {
    const security = (path: string, method: string) => operationAt(document, path, method).security;
    expect(security("/api/health", "get")).toEqual([]);
    expect(security("/api/auth/login", "post")).toEqual([]);
    expect(security("/api/me", "get")).toEqual([{ session: [] }]);
    // "partial" (MFA still owed) is a session too, and a mutation needs its CSRF token
    expect(security("/api/auth/logout", "post")).toEqual([{ session: [], csrf: [] }]);
    for (const { method, path, operation } of operationsOf(document)) {
      expect(operation.security, `${method} ${path}`).toBeDefined();
      if (operation.security?.length === 0) continue;
      const expected = MUTATING.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
      expect(operation.security, `${method} ${path}`).toEqual(expected);
    }
  });

  it("declares the shared error answers each route can give", () => {
    for (const { method, path, operation } of operationsOf(document)) {
      const where = `${method} ${path}`;
      const statuses = Object.keys(operation.responses);
      if (path !== "/api/health")
        expect(
          statuses.some((s) => s.startsWith("4")),
          where,
        ).toBe(true);
      if (operation.security?.length) expect(statuses, where).toEqual(expect.arrayContaining(["401", "403"]));
      if (path.includes("{")) expect(statuses, where).toContain("404");
    }
    const login = operationAt(document, "/api/auth/login", "post");
    expect(login.responses["401"]).toEqual({ $ref: "#/components/responses/Unauthenticated" });
    const components = document.components as { responses: Record<string, unknown>; schemas: Record<string, unknown> };
    expect(components.responses.Unauthenticated).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
    });
    expect(components.schemas.ErrorBody).toMatchObject({ required: ["error"] });
  });

  it("documents Idempotency-Key on the POST routes that honour it", () => {
    const book = operationAt(document, "/api/patients/{patientId}/appointments", "post");
    expect(book.parameters).toContainEqual(expect.objectContaining({ in: "header", name: "idempotency-key" }));
    expect(book.responses).toHaveProperty("409");
    // sign-in opts out: its answer sets a cookie that a replay must not hand out again
    const login = operationAt(document, "/api/auth/login", "post");
    expect(login.parameters ?? []).not.toContainEqual(expect.objectContaining({ name: "idempotency-key" }));
  });

  it("passes Redocly's recommended rules with no errors", async () => {
    const lint = await lintOpenApiDocument(document);
    // the health check answers nothing but 200: no 4xx to declare
    const expected = (p: { ruleId: string; pointers: string[] }) =>
      p.ruleId === "operation-4xx-response" && p.pointers.every((x) => x === "#/paths/~1api~1health/get/responses");
    expect(lint.problems.filter((p) => !expected(p))).toEqual([]);
    expect(lint.errors).toBe(0);
  });

  it("matches the generated API types in contracts/src/openapi.ts (npm run openapi:types)", async () => {
    const generated = await generateApiTypes(document);
    const committed = fs.existsSync(API_TYPES_FILE) ? fs.readFileSync(API_TYPES_FILE, "utf8") : "";
    // not toEqual: a diff of a quarter-megabyte file helps nobody; the message says where and what to do
    const committedLines = committed.split("\n");
    const generatedLines = generated.split("\n");
    const line = generatedLines.findIndex((text, i) => text !== committedLines[i]);
    expect(
      committed === generated,
      `contracts/src/openapi.ts is stale from line ${line + 1} (now: ${generatedLines[line]?.trim()}): run npm run openapi:types`,
    ).toBe(true);
  });
});

describe("the generated API types", () => {
  it("say what the contracts say", () => {
    type LoginBody = NonNullable<paths["/api/auth/login"]["post"]["requestBody"]>["content"]["application/json"];
    expectTypeOf<LoginBody>().toEqualTypeOf<Static<typeof LoginRequest>>();
    type Me = operations["getMe"]["responses"][200]["content"]["application/json"];
    expectTypeOf<Me>().toEqualTypeOf<Static<typeof MeResponse>>();
    type SignedOut = operations["getMe"]["responses"][401]["content"]["application/json"];
    expectTypeOf<SignedOut>().toEqualTypeOf<Static<typeof ErrorBody>>();
  });
});

describe("the OpenAPI options", () => {
  it("name PUBLIC_URL as the server", async () => {
    const app = Fastify();
    await installOpenApi(app, { config: testConfig({ PUBLIC_URL: "https://portal.clinic.example/" }) });
    app.get("/api/things", { schema: { summary: "Things" } }, async () => []);
    await app.ready();
    const document = (await app.inject({ url: "/api/docs/json" })).json();
    expect(document.servers).toEqual([{ url: "https://portal.clinic.example", description: expect.any(String) }]);
    expect(document.components.securitySchemes.session).toMatchObject({ in: "cookie", name: "__Host-portico_session" });
    await app.close();
  });

  it("refuse to start when two routes would share an operationId", async () => {
    const app = Fastify();
    await installOpenApi(app, { config: testConfig() });
    app.get("/api/a-b", async () => ({}));
    await expect(async () => {
      app.get("/api/a/b", async () => ({}));
      await app.ready();
    }).rejects.toThrow(/operationId "getAB" is used by both GET \/api\/a-b and GET \/api\/a\/b/);
    await app.close().catch(() => {});
  });
});
