import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from "fastify";
import { LogController } from "fastify";
import pino, { type Bindings, type ChildLoggerOptions, type Logger } from "pino";
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

/** a request at least this slow is logged at info even when per-request logging is off */
const SLOW_REQUEST_MS = 1_000;

/**
 * Fastify's per-request log lines. Its default — two info lines per request (received,
 * completed) — costs more than the rest of a small request put together (serialising,
 * redacting, writing). Here: at `debug` or `trace`, both lines at debug; at `info`, one line
 * for a slow request only. Failed requests are always logged (errors at error level; the
 * error handler logs every 5xx with its cause).
 */
export class RequestLogController extends LogController {
  readonly #everyRequest: boolean;
  readonly #slow: boolean;

  constructor(logger: Logger) {
    super();
    this.#everyRequest = logger.isLevelEnabled("debug");
    this.#slow = logger.isLevelEnabled("info");
  }

  override incomingRequest(request: FastifyRequest): void {
    if (this.#everyRequest) request.log.debug({ req: request }, "incoming request");
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const responseTime = reply.elapsedTime;
    if (error) reply.log.error({ res: reply, err: error, responseTime }, "request errored");
    else if (this.#everyRequest) reply.log.debug({ res: reply, responseTime }, "request completed");
    else if (this.#slow && responseTime >= SLOW_REQUEST_MS) {
      reply.log.info({ req: request, res: reply, responseTime }, "slow request");
    }
  }
}

type LevelName = "fatal" | "error" | "warn" | "info" | "debug" | "trace";

/**
 * A request's logger. Fastify gives every request a child logger bound to its id; making one
 * serialises and redacts the bindings (the wildcard redaction paths apply to every key), which
 * cost more than the rest of a health probe. Most requests never log, so the child is made the
 * first time this request writes a line at an enabled level; the line is the same.
 */
class RequestLogger implements FastifyBaseLogger {
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  #made: FastifyBaseLogger | undefined;

  constructor(parent: FastifyBaseLogger, bindings: Bindings) {
    this.#parent = parent;
    this.#bindings = bindings;
  }

  get #child(): FastifyBaseLogger {
    this.#made ??= this.#parent.child(this.#bindings);
    return this.#made;
  }

  get level(): string {
    return (this.#made ?? this.#parent).level;
  }
  set level(level: string) {
    this.#child.level = level;
  }
  isLevelEnabled(level: string): boolean {
    return ((this.#made ?? this.#parent) as Logger).isLevelEnabled(level);
  }
  #write(level: LevelName, args: unknown[]): void {
    if (!this.isLevelEnabled(level)) return;
    (this.#child[level] as (...a: unknown[]) => void)(...args);
  }
  // methods on the prototype: a request that never logs allocates only this object
  fatal(...args: unknown[]): void {
    this.#write("fatal", args);
  }
  error(...args: unknown[]): void {
    this.#write("error", args);
  }
  warn(...args: unknown[]): void {
    this.#write("warn", args);
  }
  info(...args: unknown[]): void {
    this.#write("info", args);
  }
  debug(...args: unknown[]): void {
    this.#write("debug", args);
  }
  trace(...args: unknown[]): void {
    this.#write("trace", args);
  }
  silent(): void {}
  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#child.child(bindings, options);
  }
}

/**
 * Fastify's `childLoggerFactory`: a route with its own log options gets pino's child at once;
 * every other request a `RequestLogger`.
 */
export function requestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  if (Object.keys(options).length > 0) return logger.child(bindings, options);
  return new RequestLogger(logger, bindings);
}

export type { Logger };
