import path from "node:path";

/** Every setting Portico reads, validated once at start. Nothing else reads process.env. */
export interface Config {
  env: "development" | "test" | "production";
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  /** how long a start waits for an unreachable PostgreSQL before giving up (0: not at all) */
  databaseConnectTimeoutSeconds: number;
  /** hot queries as named prepared statements (off behind PgBouncer < 1.21 in transaction mode) */
  databasePreparedStatements: boolean;
  /** a streaming replica for lag-tolerant reads (slot search, patient search); unset: the primary */
  databaseReadUrl: string | undefined;
  /** where migrations run, e.g. the primary directly when DATABASE_URL goes through a pooler; unset: DATABASE_URL */
  databaseMigrationUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  redisUrl: string | undefined;
  encryptionKeys: string | undefined;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  runWorker: boolean;
  trustProxy: boolean;
  clinicName: string;
  clinicPhone: string;
  session: { idleMinutesStaff: number; idleMinutesPatient: number; absoluteHours: number };
  rateLimit: { perMinute: number };
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (1/0), got "${env[name]}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, "is not a valid URL");
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(" or ")}`);
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(", ")}, got "${raw}"`);
  }
  return raw as T;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, "NODE_ENV", ["development", "test", "production"] as const, "development");
  const port = integer(env, "PORT", 3000, 0, 65535);
  const databaseUrl = url(env, "DATABASE_URL", ["postgres:", "postgresql:"]);
  const demoDefault = nodeEnv !== "production" && databaseUrl === undefined;
  const demo = boolean(env, "PORTICO_DEMO", demoDefault);
  if (demo && nodeEnv === "production") {
    throw new ConfigError("PORTICO_DEMO", "demo data is never seeded when NODE_ENV=production");
  }
  const encryptionKeys = env.PORTICO_ENCRYPTION_KEYS?.trim() || undefined;
  if (nodeEnv === "production" && !encryptionKeys) {
    throw new ConfigError("PORTICO_ENCRYPTION_KEYS", "is required when NODE_ENV=production");
  }
  const smtpUrl = url(env, "SMTP_URL", ["smtp:", "smtps:"]);
  if (nodeEnv === "production" && !smtpUrl) {
    // without it email would only be kept in the database's dev mailbox, which production never shows
    throw new ConfigError("SMTP_URL", "is required when NODE_ENV=production (the server that sends email)");
  }
  const databaseReadUrl = url(env, "DATABASE_READ_URL", ["postgres:", "postgresql:"]);
  const databaseMigrationUrl = url(env, "DATABASE_MIGRATION_URL", ["postgres:", "postgresql:"]);
  for (const [name, value] of [
    ["DATABASE_READ_URL", databaseReadUrl],
    ["DATABASE_MIGRATION_URL", databaseMigrationUrl],
  ] as const) {
    if (value && !databaseUrl)
      throw new ConfigError(name, "needs DATABASE_URL (the embedded database has no replica or pooler)");
  }
  const publicUrl = url(env, "PUBLIC_URL", ["http:", "https:"]) ?? `http://localhost:${port}`;
  return {
    env: nodeEnv,
    port,
    // this machine only unless HOST says otherwise (0.0.0.0 for every interface, e.g. in a container)
    host: env.HOST?.trim() || "127.0.0.1",
    publicUrl: publicUrl.replace(/\/+$/, ""),
    databaseUrl,
    databaseConnectTimeoutSeconds: integer(env, "DATABASE_CONNECT_TIMEOUT_SECONDS", 60, 0, 86_400),
    databasePreparedStatements: boolean(env, "DATABASE_PREPARED_STATEMENTS", true),
    databaseReadUrl,
    databaseMigrationUrl,
    dataDir: path.resolve(env.PORTICO_DATA_DIR?.trim() || "./data"),
    demo,
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || "Portico <no-reply@portico.test>",
    redisUrl: url(env, "REDIS_URL", ["redis:", "rediss:"]),
    encryptionKeys,
    logLevel: oneOf(env, "LOG_LEVEL", ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const, "info"),
    runWorker: boolean(env, "PORTICO_WORKER", true),
    trustProxy: boolean(env, "TRUST_PROXY", false),
    clinicName: env.PORTICO_CLINIC_NAME?.trim() || "Portico Demo Clinic",
    clinicPhone: env.PORTICO_CLINIC_PHONE?.trim() || "(555) 010-2000",
    session: {
      idleMinutesStaff: integer(env, "SESSION_IDLE_MINUTES_STAFF", 15, 1, 24 * 60),
      idleMinutesPatient: integer(env, "SESSION_IDLE_MINUTES_PATIENT", 30, 1, 24 * 60),
      absoluteHours: integer(env, "SESSION_ABSOLUTE_HOURS", 12, 1, 24 * 7),
    },
    rateLimit: { perMinute: integer(env, "RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000) },
  };
}
