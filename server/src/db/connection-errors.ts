/**
 * Errors that mean "the database cannot be reached right now" rather than "the request is
 * wrong": the server answers them with 503 and Retry-After, the start waits them out, the
 * background loops retry. Seen on real restarts, stops and crashes of PostgreSQL:
 * - 57P01 admin_shutdown (`pg_ctl stop/restart -m fast`), 57P02 crash_shutdown (another
 *   backend crashed, `-m immediate`), 57P03 cannot_connect_now ("the database system is
 *   starting up / shutting down / in recovery mode"), 53300 too_many_connections
 * - class 08 (connection exception: 08000, 08001, 08003, 08004, 08006, 08P01)
 * - socket errors from Node: ECONNREFUSED (nothing listening), ECONNRESET, EPIPE, ETIMEDOUT,
 *   EHOSTUNREACH, ENETUNREACH, EAI_AGAIN (name lookup failed for now)
 * - pg's own messages: "Connection terminated unexpectedly", "Connection terminated due to
 *   connection timeout", "timeout exceeded when trying to connect", "Client has encountered
 *   a connection error and is not queryable", "Client was closed and is not queryable"
 */
const CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to administrator command|connect ECONNREFUSED/i;

export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof e.code === "string" && (CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  // a host name with several addresses fails with an AggregateError of one error each
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnreachable(inner, depth + 1))) return true;
  return isDatabaseUnreachable(e.cause, depth + 1);
}

/** The error's SQLSTATE or socket code, for logs (no message text: it can quote values). */
export function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
