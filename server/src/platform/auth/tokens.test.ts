import { afterEach, describe, expect, it, vi } from "vitest";
import { judgePassword, passwordJudge } from "./password-policy.ts";
import {
  activationCodeHash,
  constantTimeEqual,
  newActivationCode,
  newRecoveryCode,
  normalizeCrockford,
  recoveryCodeHash,
} from "./tokens.ts";

describe("codes and tokens", () => {
  it("reads activation codes whatever the case, spacing, dashes or confusable letters", () => {
    const { code, hash } = newActivationCode();
    expect(activationCodeHash(code)).toBe(hash);
    expect(activationCodeHash(code.toLowerCase().replaceAll("-", " "))).toBe(hash);
    expect(normalizeCrockford("abcd-il0o-1234")).toBe("ABCD11001234");
    expect(activationCodeHash("ABCD-1234")).toBeUndefined();
    expect(activationCodeHash("ABCD-1234-UUUU")).toBeUndefined();
  });

  it("makes distinct codes with the promised entropy", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newActivationCode().code));
    expect(codes.size).toBe(2000);
    const recovery = newRecoveryCode();
    expect(recovery.code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{2}$/);
    expect(recoveryCodeHash(recovery.code.toUpperCase())).toBe(recovery.hash);
    // the two kinds of code never share hashes
    expect(activationCodeHash("ABCD-EFGH-JK00")).not.toBe(recoveryCodeHash("ABCD-EFGH-JK"));
  });

  it("compares secrets in constant time and only equal strings match", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
  });
});

describe("password policy", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("refuses common passwords and the product or user's own name with a year", async () => {
    const context = {
      email: "jordan.tester@example.test",
      displayName: "Jordan Tester",
      clinicName: "Portico Demo Clinic",
    };
    for (const weak of [
      "password1",
      "qwerty123",
      "iloveyou12",
      "Portico2026",
      "Portico2026!",
      "JordanTester1",
      "jordan.tester2026",
    ]) {
      expect((await judgePassword(weak, context)).acceptable, weak).toBe(false);
    }
  });

  it("accepts long unrelated phrases without composition rules", async () => {
    for (const strong of ["correct horse battery staple", "blue-kettle-meadow-19", "Portico-demo-2026!"]) {
      expect((await judgePassword(strong)).acceptable, strong).toBe(true);
    }
  });

  it("judges in a thread of its own that closes a minute after the last check and starts again when needed", async () => {
    await passwordJudge.close();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const checks = await Promise.all(["password1", "blue-kettle-meadow-19", "qwerty123"].map((p) => judgePassword(p)));
    expect(checks.map((c) => c.acceptable)).toEqual([false, true, false]);
    expect(passwordJudge.running).toBe(true);
    vi.advanceTimersByTime(59_000);
    expect(passwordJudge.running).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(passwordJudge.running).toBe(false);
    vi.useRealTimers();
    expect((await judgePassword("iloveyou12")).acceptable).toBe(false);
    expect(passwordJudge.running).toBe(true);
    await passwordJudge.close();
  });
});
