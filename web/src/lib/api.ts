import type { ErrorBody } from "@portico/contracts";
import { sendWithOneRetry } from "./idempotent-retry";

/** An API failure with the server's stable code, or a network failure (`status` 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface ApiOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** don't treat a 401 as "your session ended" (sign-in, session probe) */
  quietUnauthenticated?: boolean;
  /**
   * Sent as Idempotency-Key: the request is safe to repeat, so a 503 (database restarting, or
   * a commit whose outcome is unknown) is retried once with the same key (idempotent-retry.ts)
   */
  idempotencyKey?: string;
}

interface ApiHooks {
  /** a request was refused because the session is gone */
  onSessionExpired?: () => void;
  /** a request reached the server with a live session (keeps the idle estimate fresh) */
  onActivity?: () => void;
}

// The CSRF token lives only in memory: it comes with /api/me, login and MFA responses.
let csrfToken: string | null = null;
const hooks: ApiHooks = {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiHooks(next: ApiHooks): void {
  Object.assign(hooks, next);
}

/** Calls the Portico API: same-origin cookie, JSON both ways, CSRF header on changes. */
export function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const { body, ...rest } = options;
  return send<T>(path, rest, body === undefined ? undefined : JSON.stringify(body), "application/json");
}

interface RawBodyOptions extends Omit<ApiOptions, "body" | "method"> {
  method?: Exclude<Method, "GET">;
  /** the body's type; a Blob's own type if left out (FormData sets its own, with the boundary) */
  contentType?: string;
}

/**
 * Sends a body that is not JSON (a file's raw bytes, or FormData) and reads the JSON answer:
 * the same cookie, CSRF header, Idempotency-Key retry and ApiError as `api`.
 */
export function apiRawBody<T>(path: string, body: Blob | FormData, options: RawBodyOptions = {}): Promise<T> {
  const { contentType, ...rest } = options;
  const type = body instanceof FormData ? undefined : contentType || body.type || "application/octet-stream";
  return send<T>(path, { method: "POST", ...rest }, body, type);
}

async function send<T>(
  path: string,
  options: Omit<ApiOptions, "body">,
  body: BodyInit | undefined,
  contentType: string | undefined,
): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined && contentType) headers["content-type"] = contentType;
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;

  let response: Response;
  try {
    const request = () => fetch(path, { method, headers, credentials: "same-origin", body, signal: options.signal });
    response = options.idempotencyKey ? await sendWithOneRetry(request, { signal: options.signal }) : await request();
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", "The network request failed.");
  }

  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (response.ok) {
    hooks.onActivity?.();
    return data as T;
  }
  const error = toApiError(response.status, data);
  if (error.code === "unauthenticated" && !options.quietUnauthenticated) hooks.onSessionExpired?.();
  throw error;
}

export function toApiError(status: number, data: unknown): ApiError {
  const body = (data as ErrorBody | undefined)?.error;
  if (body && typeof body.code === "string") {
    return new ApiError(status, body.code, typeof body.message === "string" ? body.message : "", body.details);
  }
  const fallbackCode = status === 401 ? "unauthenticated" : status >= 500 ? "internal" : "bad_request";
  return new ApiError(status, fallbackCode, "");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Retry policy for queries: never for 4xx (the answer will not change), twice for network/5xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
