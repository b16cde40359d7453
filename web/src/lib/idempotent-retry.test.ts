import { describe, expect, it } from "vitest";
import { AttemptKey, MAX_RETRY_WAIT_MS, retryAfterMs, sendWithOneRetry } from "./idempotent-retry";

const unavailable = (code: string, retryAfter: string | null = "2") =>
  new Response(JSON.stringify({ error: { code, message: "" } }), {
    status: 503,
    headers: retryAfter === null ? {} : { "retry-after": retryAfter },
  });

/** A server that answers with `answers` in turn; records each call and every wait. */
function server(answers: Response[]) {
  const calls: number[] = [];
  const waits: number[] = [];
  return {
    calls,
    waits,
    send: async () => {
      calls.push(calls.length + 1);
      const next = answers.shift();
      if (!next) throw new Error("no more answers");
      return next;
    },
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

describe("sendWithOneRetry", () => {
  it("retries once after Retry-After when the commit's outcome is unknown, and returns the replayed answer", async () => {
    const s = server([unavailable("outcome_unknown", "2"), new Response('{"id":"a1"}', { status: 201 })]);
    const response = await sendWithOneRetry(s.send, { sleep: s.sleep });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: "a1" });
    expect(s.calls).toHaveLength(2);
    expect(s.waits).toEqual([2_000]);
  });

  it("retries a 503 unavailable (database restarting) the same way", async () => {
    const s = server([unavailable("unavailable", null), new Response("{}", { status: 201 })]);
    expect((await sendWithOneRetry(s.send, { sleep: s.sleep })).status).toBe(201);
    expect(s.waits).toEqual([1_000]); // no Retry-After: one second
  });

  it("retries only once: a second 503 goes to the caller", async () => {
    const s = server([unavailable("outcome_unknown"), unavailable("outcome_unknown"), new Response("{}")]);
    const response = await sendWithOneRetry(s.send, { sleep: s.sleep });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("outcome_unknown");
    expect(s.calls).toHaveLength(2);
  });

  it("does not retry other answers (success, 4xx, 500)", async () => {
    for (const status of [201, 409, 422, 500]) {
      const s = server([new Response("{}", { status }), new Response("{}", { status: 201 })]);
      expect((await sendWithOneRetry(s.send, { sleep: s.sleep })).status).toBe(status);
      expect(s.calls).toHaveLength(1);
    }
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, bounded to 0…5 s, 1 s when absent or unreadable", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(retryAfterMs("2", now)).toBe(2_000);
    expect(retryAfterMs("0", now)).toBe(0);
    expect(retryAfterMs("3600", now)).toBe(MAX_RETRY_WAIT_MS);
    expect(retryAfterMs("Sun, 01 Mar 2026 12:00:03 GMT", now)).toBe(3_000);
    expect(retryAfterMs("Sun, 01 Mar 2026 11:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(1_000);
    expect(retryAfterMs("soon", now)).toBe(1_000);
  });
});

describe("api() with an Idempotency-Key", () => {
  it("sends the key and retries a 503 once with the same key", async () => {
    const { api } = await import("./api");
    const seen: (string | null)[] = [];
    const answers = [unavailable("outcome_unknown", "0"), new Response('{"id":"a1"}', { status: 201 })];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get("idempotency-key"));
      return answers.shift() as Response;
    }) as typeof fetch;
    try {
      const result = await api<{ id: string }>("/api/x", { method: "POST", body: {}, idempotencyKey: "k-1" });
      expect(result).toEqual({ id: "a1" });
      expect(seen).toEqual(["k-1", "k-1"]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe("AttemptKey", () => {
  let n = 0;
  const keys = () => new AttemptKey(() => `k${++n}`);

  it("keeps the key when the same request is repeated after an unknown outcome (no answer, 503, 500)", () => {
    const attempt = keys();
    const first = attempt.for({ slot: "9:00" });
    for (const error of [{ status: 0 }, { status: 503 }, { status: 500 }, new TypeError("failed to fetch")]) {
      attempt.settled(error);
      expect(attempt.for({ slot: "9:00" })).toBe(first);
    }
  });

  it("takes a new key for a changed request, or after success or a 4xx", () => {
    const attempt = keys();
    const first = attempt.for({ slot: "9:00" });
    attempt.settled({ status: 503 });
    const changed = attempt.for({ slot: "9:20" });
    expect(changed).not.toBe(first);
    attempt.settled({ status: 409 });
    const afterRefusal = attempt.for({ slot: "9:20" });
    expect(afterRefusal).not.toBe(changed);
    attempt.settled();
    expect(attempt.for({ slot: "9:20" })).not.toBe(afterRefusal);
  });
});
