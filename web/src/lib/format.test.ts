import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDateTime, formatRelative } from "./format";

const now = new Date("2026-02-20T12:00:00Z");

describe("formatDateTime", () => {
  it("writes an appointment time in the location's zone, in plain English", () => {
    expect(formatDateTime("2026-03-03T14:30:00Z", "America/New_York", "en", now)).toBe(
      "Tuesday 3 March, 9:30 am (Eastern Time)",
    );
  });
  it("follows daylight saving time (Chicago moves to CDT on 8 March 2026)", () => {
    expect(formatDateTime("2026-03-09T14:30:00Z", "America/Chicago", "en", now)).toBe(
      "Monday 9 March, 9:30 am (Central Time)",
    );
  });
  it("uses the zone's calendar day, not UTC's", () => {
    expect(formatDateTime("2026-03-04T02:15:00Z", "America/Chicago", "en", now)).toBe(
      "Tuesday 3 March, 8:15 pm (Central Time)",
    );
  });
  it("writes natural US Spanish", () => {
    expect(formatDateTime("2026-03-03T14:30:00Z", "America/New_York", "es", now)).toMatch(
      /^martes 3 de marzo, 9:30 a\.\s?m\. \(hora/,
    );
  });
  it("adds the year only when it is not this year", () => {
    expect(formatDateTime("2027-01-05T15:00:00Z", "America/New_York", "en", now)).toBe(
      "Tuesday 5 January 2027, 10:00 am (Eastern Time)",
    );
  });
});

describe("formatCalendarDate / formatRelative", () => {
  it("keeps a date of birth on its calendar day whatever the zone", () => {
    expect(formatCalendarDate("1984-03-03", "en")).toBe("3 March 1984");
    expect(formatCalendarDate("1984-03-03", "es")).toBe("3 de marzo de 1984");
  });
  it("says how long ago", () => {
    expect(formatRelative("2026-02-20T11:55:00Z", "en", now)).toBe("5 minutes ago");
    expect(formatRelative("2026-02-20T11:55:00Z", "es", now)).toBe("hace 5 minutos");
  });
});
