import { describe, expect, it } from "vitest";
import { ApiError, shouldRetry, toApiError } from "./api";
import { errorMessage, passwordAdvice } from "./errors";

const catalogue: Record<string, string> = {
  "errors.invalid_credentials": "The email address or password is not right.",
  "errors.network": "We couldn't reach the portal.",
  "errors.generic": "Something went wrong.",
  "errors.internal": "Something went wrong on our side.",
};
const t = (key: string) => catalogue[key] ?? key;
const exists = (key: string) => key in catalogue;

describe("errorMessage", () => {
  it("translates a known error code", () => {
    const error = toApiError(401, { error: { code: "invalid_credentials", message: "Wrong." } });
    expect(errorMessage(error, t, exists)).toBe("The email address or password is not right.");
  });
  it("falls back to the server's sentence for codes it does not know", () => {
    const error = toApiError(409, { error: { code: "slot_taken", message: "That time was just booked." } });
    expect(errorMessage(error, t, exists)).toBe("That time was just booked.");
  });
  it("explains network failures and bodiless server errors", () => {
    expect(errorMessage(new ApiError(0, "network", ""), t, exists)).toBe("We couldn't reach the portal.");
    expect(errorMessage(toApiError(502, undefined), t, exists)).toBe("Something went wrong on our side.");
  });
  it("reads weak-password advice", () => {
    const error = toApiError(422, {
      error: {
        code: "weak_password",
        message: "Too weak",
        details: { warning: "Common", suggestions: ["Add a word"] },
      },
    });
    expect(passwordAdvice(error)).toEqual({ warning: "Common", suggestions: ["Add a word"] });
  });
});

describe("shouldRetry", () => {
  it("never retries a 4xx, retries 5xx twice", () => {
    expect(shouldRetry(0, new ApiError(404, "not_found", ""))).toBe(false);
    expect(shouldRetry(0, new ApiError(503, "unavailable", ""))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, "unavailable", ""))).toBe(false);
  });
});
