import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from "kysely";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import type { DB } from "../db/schema.ts";
import { FieldCipher, parseKeyRing } from "../platform/crypto.ts";
import { createLogger } from "../platform/logging.ts";

/**
 * Tooling around the OpenAPI document (never loaded by the running server): build it
 * in-process, lint it with Redocly, and generate the TypeScript types of the API from it.
 * Used by `npm run openapi:*` (cli/openapi.ts) and by http/openapi.test.ts.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The API's paths and operations as TypeScript types, generated from the document. */
export const API_TYPES_FILE = path.join(repoRoot, "contracts/src/openapi.ts");
export const REDOCLY_CONFIG = path.join(repoRoot, "redocly.yaml");

/** A throwaway key: building the document seals nothing, but the app needs a key ring to start. */
const DOCUMENT_KEYS = `openapi:${Buffer.alloc(32, 1).toString("base64")}`;

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

/**
 * The document exactly as `/api/docs/json` serves it, built from the route declarations with
 * no database: queries would go nowhere, and building the document runs none. `publicUrl`
 * becomes the document's server.
 */
export async function buildOpenApiDocument(publicUrl = "http://localhost:3000"): Promise<OpenApiDocument> {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    PORTICO_DEMO: "0",
    PORTICO_WORKER: "0",
    PORTICO_ENCRYPTION_KEYS: DOCUMENT_KEYS,
    PUBLIC_URL: publicUrl,
  });
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const app = await buildApp({
    config,
    database: { db, kind: "postgres", close: () => db.destroy() },
    logger: createLogger(config),
    cipher: new FieldCipher(parseKeyRing(DOCUMENT_KEYS)),
    webRoot: "/nonexistent",
  });
  try {
    await app.ready();
    const response = await app.inject({ url: "/api/docs/json" });
    if (response.statusCode !== 200) throw new Error(`/api/docs/json answered ${response.statusCode}`);
    return response.json();
  } finally {
    await app.close();
    await db.destroy();
  }
}

const GENERATED_HEADER = `/**
 * The Portico API's paths, operations and schemas as TypeScript types, generated from the
 * OpenAPI document (/api/docs/json) by openapi-typescript. Do not edit: run
 * \`npm run openapi:types\` after changing a route (a test fails while this file is stale).
 */

`;

/** The TypeScript types of the API, as `contracts/src/openapi.ts` should hold them. */
export async function generateApiTypes(document: OpenApiDocument): Promise<string> {
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  // the server's address is the instance's own, not part of the API's shape
  const { servers: _servers, ...shape } = document;
  const ast = await openapiTS(shape as unknown as Parameters<typeof openapiTS>[0], { silent: true });
  return GENERATED_HEADER + astToString(ast);
}

export interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  /** JSON pointers into the document */
  pointers: string[];
}

export interface LintResult {
  errors: number;
  warnings: number;
  problems: LintProblem[];
}

function runNode(
  args: string[],
  env: Record<string, string>,
  stdio: "pipe" | "inherit",
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Redocly never reports usage or checks for updates from here: CI has no network. */
const REDOCLY_OFFLINE = { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", CI: "true" };
const REDOCLY_CLI = path.join(repoRoot, "node_modules/@redocly/cli/bin/cli.js");

/** Writes the document to a temporary file for the length of `use`. */
async function withDocumentFile<T>(document: OpenApiDocument, use: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-openapi-"));
  const file = path.join(dir, "openapi.json");
  try {
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
    return await use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const lintArgs = (file: string, format: "json" | "codeframe") => [
  REDOCLY_CLI,
  "lint",
  file,
  "--config",
  REDOCLY_CONFIG,
  "--max-problems",
  "10000",
  "--format",
  format,
];

/** Lints the document with Redocly's recommended rules, as configured in redocly.yaml. */
export function lintOpenApiDocument(document: OpenApiDocument): Promise<LintResult> {
  return withDocumentFile(document, async (file) => {
    const run = await runNode(lintArgs(file, "json"), REDOCLY_OFFLINE, "pipe");
    const report = JSON.parse(run.stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; severity: "error" | "warn"; message: string; location: { pointer: string }[] }[];
    };
    return {
      errors: report.totals.errors,
      warnings: report.totals.warnings,
      problems: report.problems.map((p) => ({
        ruleId: p.ruleId,
        severity: p.severity,
        message: p.message,
        pointers: p.location.map((l) => l.pointer),
      })),
    };
  });
}

/** The same lint with Redocly's report for people on this process's output; resolves to its exit code. */
export function lintOpenApiDocumentAloud(document: OpenApiDocument): Promise<number> {
  return withDocumentFile(
    document,
    async (file) => (await runNode(lintArgs(file, "codeframe"), REDOCLY_OFFLINE, "inherit")).code,
  );
}
