import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const base = { NODE_ENV: "test" };

function problem(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected loadConfig to refuse the setting");
}

describe("loadConfig", () => {
  it("has working defaults: embedded database, demo data, port 3000 on this machine only", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "development",
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      demo: true,
      runWorker: true,
    });
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("reads PostgreSQL, SMTP and Redis URLs and turns the demo off with a server database", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://portico@db.internal:5432/portico",
      SMTP_URL: "smtps://mailer:secret@smtp.example.org:465",
      REDIS_URL: "redis://cache:6379",
      PUBLIC_URL: "https://portal.example.org/",
    });
    expect(config.databaseUrl).toBe("postgres://portico@db.internal:5432/portico");
    expect(config.demo).toBe(false);
    expect(config.smtpUrl).toBe("smtps://mailer:secret@smtp.example.org:465");
    expect(config.redisUrl).toBe("redis://cache:6379");
    expect(config.publicUrl).toBe("https://portal.example.org");
  });

  it.each([
    ["abc", /whole number/],
    ["-1", /whole number/],
    ["3.5", /whole number/],
    ["70000", /between 0 and 65535/],
  ])("refuses PORT=%s and names PORT", (value, message) => {
    const error = problem({ PORT: value });
    expect(error.variable).toBe("PORT");
    expect(error.message).toMatch(/^PORT: /);
    expect(error.message).toMatch(message);
  });

  it.each([
    ["not a url", /not a valid URL/],
    ["mysql://root@localhost/portico", /must start with postgres:\/\/ or postgresql:\/\//],
    ["http://db:5432/x", /must start with postgres/],
  ])("refuses DATABASE_URL=%s and names DATABASE_URL", (value, message) => {
    const error = problem({ DATABASE_URL: value });
    expect(error.variable).toBe("DATABASE_URL");
    expect(error.message).toMatch(message);
  });

  it.each(["PORTICO_DEMO", "PORTICO_WORKER", "TRUST_PROXY"])("refuses a non-boolean %s and names it", (name) => {
    const error = problem({ [name]: "maybe" });
    expect(error.variable).toBe(name);
    expect(error.message).toBe(`${name}: must be true or false (1/0), got "maybe"`);
  });

  it.each([
    ["1", true],
    ["yes", true],
    ["ON", true],
    ["0", false],
    ["false", false],
    ["off", false],
  ])("reads PORTICO_WORKER=%s as %s", (value, expected) => {
    expect(loadConfig({ ...base, PORTICO_WORKER: value }).runWorker).toBe(expected);
  });

  it.each([
    [{ SMTP_URL: "http://mail.example.org" }, "SMTP_URL"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL"],
    [{ PUBLIC_URL: "portal.example.org" }, "PUBLIC_URL"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ LOG_LEVEL: "verbose" }, "LOG_LEVEL"],
    [{ RATE_LIMIT_PER_MINUTE: "0" }, "RATE_LIMIT_PER_MINUTE"],
    [{ SESSION_IDLE_MINUTES_STAFF: "ten" }, "SESSION_IDLE_MINUTES_STAFF"],
  ])("refuses %o and names %s", (env, name) => {
    expect(problem(env as Record<string, string>).variable).toBe(name);
  });

  it("reads a read replica and a migration URL, only beside DATABASE_URL", () => {
    const primary = "postgres://app@pgbouncer:6432/portico";
    expect(loadConfig({ ...base })).toMatchObject({ databaseReadUrl: undefined, databaseMigrationUrl: undefined });
    expect(
      loadConfig({
        ...base,
        DATABASE_URL: primary,
        DATABASE_READ_URL: "postgres://app@replica:5432/portico",
        DATABASE_MIGRATION_URL: "postgresql://owner@primary:5432/portico",
      }),
    ).toMatchObject({
      databaseUrl: primary,
      databaseReadUrl: "postgres://app@replica:5432/portico",
      databaseMigrationUrl: "postgresql://owner@primary:5432/portico",
    });
    expect(problem({ DATABASE_READ_URL: "postgres://replica/portico" }).variable).toBe("DATABASE_READ_URL");
    expect(problem({ DATABASE_MIGRATION_URL: "postgres://primary/portico" }).variable).toBe("DATABASE_MIGRATION_URL");
    expect(problem({ DATABASE_URL: primary, DATABASE_READ_URL: "mysql://replica/portico" }).message).toMatch(
      /DATABASE_READ_URL: must start with postgres:/,
    );
  });

  it("listens where HOST says", () => {
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig({ HOST: " ::1 " }).host).toBe("::1");
  });

  it("refuses production without SMTP_URL, naming it", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/p", PORTICO_ENCRYPTION_KEYS: "k:x" };
    const error = problem(production);
    expect(error.variable).toBe("SMTP_URL");
    expect(error.message).toMatch(/^SMTP_URL: is required when NODE_ENV=production/);
    expect(loadConfig({ ...production, SMTP_URL: "smtps://mailer@smtp.example.org:465" }).smtpUrl).toBe(
      "smtps://mailer@smtp.example.org:465",
    );
  });

  it("refuses demo data and a missing key ring in production", () => {
    expect(problem({ NODE_ENV: "production", PORTICO_DEMO: "1", PORTICO_ENCRYPTION_KEYS: "k:x" }).variable).toBe(
      "PORTICO_DEMO",
    );
    expect(problem({ NODE_ENV: "production", DATABASE_URL: "postgres://db/p" }).variable).toBe(
      "PORTICO_ENCRYPTION_KEYS",
    );
  });
});
