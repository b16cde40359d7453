/** Thrown by a handler when retrying cannot help (e.g. an unknown mail template): fail at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

const BASE_DELAY_MS = 10_000;
const EMAIL_ADDRESS = /<?[^\s<>@"',;:()]+@[^\s<>@"',;:()]+>?/g;
const MAX_DELAY_MS = 3_600_000;

/**
 * Exponential backoff after the `attempt`-th failure: 10 s, 20 s, 40 s … capped at 1 h, plus up
 * to 20% jitter so that jobs which failed together (an SMTP outage) do not retry in lockstep.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 20);
  const delay = Math.min(BASE_DELAY_MS * 2 ** exponent, MAX_DELAY_MS);
  return Math.round(delay * (1 + 0.2 * random()));
}

/**
 * What is kept of an error in `jobs.last_error` and the logs: its code, name and message, never
 * the payload or a stack, so that nothing a handler was working on ends up stored twice.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return "non-error thrown".slice(0, 500);
  const code = (error as { code?: unknown }).code;
  const label = typeof code === "string" && code ? `${error.name} ${code}` : error.name;
  // an SMTP refusal may quote the recipient's address: never kept
  return `${label}: ${error.message.replace(EMAIL_ADDRESS, "<address>")}`.slice(0, 500);
}
