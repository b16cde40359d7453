/**
 * The one catalogue of domain errors. Domain code throws `DomainError` with a stable code;
 * `app.ts` maps codes to HTTP statuses here and nowhere else.
 */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  invalid_code: 400,
  token_invalid: 400,
  activation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  mfa_required: 401,
  reauthentication_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  mfa_enrolment_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  slot_taken: 409,
  idempotency_in_progress: 409,
  already_exists: 409,
  possible_duplicate: 409,
  /** refills: that medication already has a refill request in progress */
  refill_pending: 409,
  /** refills: the medication is stopped */
  medication_stopped: 409,
  /** refills: the request item was decided already */
  refill_already_decided: 409,
  /** work queue: someone else is working on the item */
  already_claimed: 409,
  /** messaging: the conversation is closed (start a new one, or staff reopen it) */
  thread_closed: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  unprocessable: 422,
  weak_password: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  /** the connection was lost while committing: retry with the same Idempotency-Key to learn the outcome */
  outcome_unknown: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

/** Anything the caller may not see answers exactly like something that does not exist. */
export const notFound = (what = "record"): DomainError => new DomainError("not_found", `That ${what} was not found.`);
