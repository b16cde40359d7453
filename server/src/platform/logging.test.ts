import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, requestLogger } from "./logging.ts";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe("a request's logger", () => {
  it("writes the same line as pino's child bound to the request id, censored alike, and nothing below the level", async () => {
    const { lines, stream } = capture();
    const logger = createLogger({ logLevel: "info", env: "test" }, stream);
    const log = requestLogger(logger, { reqId: "req-1" }, {});
    log.debug({ step: "hidden" }, "below the level");
    log.info({ email: "sam@example.org", status: 200 }, "answered");
    log.child({ part: "inner" }).warn("from a child");
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => l.msg)).toEqual(["answered", "from a child"]);
    expect(lines[0]).toMatchObject({ reqId: "req-1", email: "[redacted]", status: 200, level: 30 });
    expect(lines[1]).toMatchObject({ reqId: "req-1", part: "inner", level: 40 });
  });

  it("reports the level of the logger it stands for", () => {
    const logger = createLogger({ logLevel: "warn", env: "test" }, capture().stream);
    const log = requestLogger(logger, { reqId: "req-2" }, {});
    expect(log.level).toBe("warn");
    expect((log as unknown as { isLevelEnabled(level: string): boolean }).isLevelEnabled("info")).toBe(false);
  });
});
