import { describe, expect, it } from "vitest";
import { ApiError, shouldRetry, toApiError } from "./api";
import { errorMessage, fieldErrorsFrom, fieldProblems, lastPathPart, passwordAdvice, renamed } from "./errors";

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

describe("fieldErrorsFrom", () => {
  // the body the server's error handler sends for a schema failure (http/error-handler.ts)
  const refused = toApiError(400, {
    error: {
      code: "validation_failed",
      message: "Some of the body is not valid: body/name must NOT have more than 120 characters",
      details: [
        { field: "name", problem: "must NOT have more than 120 characters" },
        { field: "questionnaire.1.id", problem: "must match pattern" },
        { problem: "must have at least 1 property" },
      ],
    },
  });
  const message = (field: string, problem: string) => `${field}: ${problem}`;

  it("ties each server field problem ([{ field, problem }]) to its field", () => {
    expect(fieldErrorsFrom(refused, { message })).toEqual({
      name: "name: must NOT have more than 120 characters",
      "questionnaire.1.id": "questionnaire.1.id: must match pattern",
    });
  });
  it("uses the form's own names for the server's paths, and leaves unknown ones to the form message", () => {
    expect(fieldErrorsFrom(refused, { field: renamed({ name: "vtName" }), message: () => "Check this" })).toEqual({
      vtName: "Check this",
    });
    expect(fieldErrorsFrom(refused, { field: lastPathPart, message: () => "x" })).toEqual({ name: "x", id: "x" });
  });
  it("reads nothing from answers that carry other details", () => {
    const weak = toApiError(422, { error: { code: "weak_password", message: "", details: { suggestions: ["a"] } } });
    const odd = toApiError(400, { error: { code: "validation_failed", message: "", details: [{ field: 3 }] } });
    const server = toApiError(500, {
      error: { code: "internal", message: "", details: [{ field: "a", problem: "b" }] },
    });
    for (const error of [weak, odd, server, new Error("x"), undefined]) {
      expect(fieldProblems(error)).toEqual([]);
      expect(fieldErrorsFrom(error, { message })).toEqual({});
    }
  });
});
