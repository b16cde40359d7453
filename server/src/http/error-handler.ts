import { PLAIN_TEXT_PATTERN, TEXT_PATTERN_PROBLEM, VISIBLE_TEXT_PATTERN } from "@portico/contracts";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { errorCodeOf, isDatabaseUnreachable } from "../db/connection-errors.ts";
import { DomainError, type ErrorCode, errorStatus } from "../platform/errors.ts";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** seconds a client waits before retrying a 503 (the database restarting, an unknown commit outcome) */
const RETRY_AFTER_SECONDS = "2";

const send = (reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) => {
  if (errorStatus[code] === 503) reply.header("Retry-After", RETRY_AFTER_SECONDS);
  return reply
    .status(errorStatus[code])
    .send({ error: details === undefined ? { code, message } : { code, message, details } });
};

/** SQLSTATE class 22 (data exception): the database refused a value, e.g. 22P05 for "\u0000". */
function isBadDataForDatabase(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown };
  return typeof e.code === "string" && /^22[0-9A-Z]{3}$/.test(e.code) && typeof e.severity === "string";
}

/** Patterns whose failure is better explained in words than by quoting the expression. */
const PATTERN_PROBLEMS: Record<string, string> = {
  [VISIBLE_TEXT_PATTERN]: TEXT_PATTERN_PROBLEM,
  [PLAIN_TEXT_PATTERN]: TEXT_PATTERN_PROBLEM,
};

function readableProblem(keyword: string, params: unknown): string | undefined {
  if (keyword !== "pattern") return undefined;
  const pattern = (params as { pattern?: unknown } | undefined)?.pattern;
  return typeof pattern === "string" ? PATTERN_PROBLEMS[pattern] : undefined;
}

/**
 * Maps every error to `{ error: { code, message, details? } }`. Domain errors carry their
 * own code; framework errors (validation, parsing, size) become 4xx; anything unexpected is
 * logged and answered with a generic 500 that never shows a stack trace or SQL.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    if (error.code === "outcome_unknown") request.log.warn({ err: { type: "commit_outcome_unknown" } }, error.code);
    return send(reply, error.code, error.message, error.details);
  }
  if (error.validation) {
    const details = error.validation.map((v) => ({
      field:
        (v.instancePath || (v.params as { missingProperty?: string })?.missingProperty || "")
          .replace(/^\//, "")
          .replaceAll("/", ".") || undefined,
      problem: readableProblem(v.keyword, v.params) ?? v.message,
    }));
    const where = error.validationContext ?? "request";
    // a problem said in words rather than as the schema's regular expression
    const first = details[0];
    const message =
      first && first.problem !== error.validation[0]?.message
        ? `${where}${first.field ? `/${first.field.replaceAll(".", "/")}` : ""} ${first.problem}`
        : error.message;
    return send(reply, "validation_failed", `Some of the ${where} is not valid: ${message}`, details);
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return send(reply, "payload_too_large", "The request is too large.");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return send(reply, "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return send(reply, "bad_request", "The request body is empty; send a JSON object.");
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return send(reply, "bad_request", "The request body is not valid JSON.");
  }
  if (error.statusCode === 429)
    return send(reply, "rate_limited", "Too many requests. Please wait a moment and try again.");
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    if (error instanceof SyntaxError) return send(reply, "bad_request", "The request body is not valid JSON.");
    const code: ErrorCode =
      error.statusCode === 404
        ? "not_found"
        : error.statusCode === 413
          ? "payload_too_large"
          : error.statusCode === 415
            ? "unsupported_media_type"
            : "bad_request";
    return send(
      reply,
      code,
      code === "bad_request" ? "The request could not be understood." : error.message || "Bad request.",
    );
  }
  if (isBadDataForDatabase(error)) {
    // PostgreSQL refused a value (a NUL character, a number out of range, a malformed date or
    // uuid that slipped past the schema): the input is bad, not the server
    request.log.info({ err: { type: "database_data_exception", code: (error as { code?: string }).code } }, "bad data");
    return send(
      reply,
      "bad_request",
      "Some of the input cannot be stored (for example an invalid character or a number out of range).",
    );
  }
  if (isDatabaseUnreachable(error)) {
    // `sqlState`, not `code`: the logger censors fields named code (one-time codes)
    request.log.warn({ err: { type: "database_unavailable", sqlState: errorCodeOf(error) } }, "database unavailable");
    return send(reply, "unavailable", "Portico is briefly unavailable. Please try again in a moment.");
  }
  request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, "unhandled error");
  return send(
    reply,
    "internal",
    "Something went wrong on our side. Please try again; if it keeps happening, call the clinic.",
  );
}
