import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { adminPool, templateDatabaseName } from "./postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates once per run: a PGlite data-directory dump that every test file loads, and (when
 * TEST_DATABASE_URL is set) a PostgreSQL template database every test file copies.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.PORTICO_TEST_DB ?? "pglite";
  if (kind === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("the postgres test project needs TEST_DATABASE_URL");
    const name = templateDatabaseName();
    const pool = adminPool(url);
    await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await pool.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = await openDatabase({ kind: "postgres", url: target.toString(), poolSize: 1 });
    await migrateToLatest(handle.db);
    await handle.close();
    project.provide("postgresTemplate", name);
    project.provide("pgliteTemplate", "");
    return async () => {
      await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await pool.end();
    };
  }
  const handle = await openDatabase({ kind: "pglite", dataDir: "memory" });
  await migrateToLatest(handle.db);
  const dump = await (handle.dump as () => Promise<Blob>)();
  await handle.close();
  const file = path.join(os.tmpdir(), `portico-test-template-${process.pid}-${Date.now()}.tar.gz`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", "");
  return () => fs.rmSync(file, { force: true });
}
