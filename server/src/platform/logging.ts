import pino, { type Logger } from "pino";
import type { Config } from "../config.ts";

/**
 * Structured logs that never carry PHI, secrets or codes. Request bodies and query strings
 * are never logged (a search for a patient's name lives in the query string); headers that
 * carry credentials are censored; any object field whose name suggests PHI or a secret is
 * censored wherever it appears.
 */
export const REDACTED_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "code",
  "activationCode",
  "secret",
  "csrfToken",
  "cookie",
  "authorization",
  "email",
  "phone",
  "dateOfBirth",
  "name",
  "legalName",
  "preferredName",
  "firstName",
  "lastName",
  "address",
  "body",
  "note",
  "notes",
  "reason",
  "message",
  "subject",
  "mrn",
  "ssn",
  "recoveryCodes",
  "otpauthUrl",
];

const redactPaths = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]),
];

export function createLogger(config: Pick<Config, "logLevel" | "env">, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: undefined,
      redact: { paths: redactPaths, censor: "[redacted]" },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          // the path only: query strings can carry names and dates of birth
          path: req.url.split("?")[0],
          id: req.id,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}

export type { Logger };
