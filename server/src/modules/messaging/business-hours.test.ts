import { describe, expect, it } from "vitest";
import {
  addBusinessHours,
  type BusinessCalendar,
  latestDigestSlot,
  nextDigestSlot,
  type OfficeHoursFacts,
  officeAvailability,
  routeThread,
} from "./business-hours.ts";

const NY = "America/New_York";
const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
const brooklyn: BusinessCalendar = { timeZone: NY, hours: weekdays("08:00", "17:00"), holidays: new Set() };
const withHoliday = (...dates: string[]): BusinessCalendar => ({ ...brooklyn, holidays: new Set(dates) });
const lunch: BusinessCalendar = {
  timeZone: NY,
  hours: [...weekdays("08:00", "12:00"), ...weekdays("13:00", "17:00")],
  holidays: new Set(),
};

describe("due time in business hours (Brooklyn, Mon–Fri 08:00–17:00 New York time)", () => {
  // 2026-03-02 is a Monday (EST, UTC−5); daylight saving starts Sunday 2026-03-08 (EDT, UTC−4)
  const cases: [string, string, number, BusinessCalendar, string][] = [
    ["inside hours, same day", "2026-03-02T15:00:00Z", 4, brooklyn, "2026-03-02T19:00:00Z"],
    ["runs over closing into the next morning", "2026-03-02T20:00:00Z", 4, brooklyn, "2026-03-03T15:00:00Z"],
    ["Friday afternoon skips the weekend", "2026-03-06T20:00:00Z", 4, brooklyn, "2026-03-09T14:00:00Z"],
    ["sent on Saturday counts from Monday's opening", "2026-03-07T17:00:00Z", 1, brooklyn, "2026-03-09T13:00:00Z"],
    ["before opening counts from opening", "2026-03-02T11:00:00Z", 2, brooklyn, "2026-03-02T15:00:00Z"],
    ["after closing counts from the next opening", "2026-03-02T23:00:00Z", 1, brooklyn, "2026-03-03T14:00:00Z"],
    ["exactly a full day ends at closing", "2026-03-02T13:00:00Z", 9, brooklyn, "2026-03-02T22:00:00Z"],
    ["a Monday holiday is skipped too", "2026-03-06T20:00:00Z", 4, withHoliday("2026-03-09"), "2026-03-10T14:00:00Z"],
    ["Christmas Friday and the weekend", "2026-12-24T20:00:00Z", 4, withHoliday("2026-12-25"), "2026-12-28T15:00:00Z"],
    [
      "two business days across a weekend (Monday is already EDT)",
      "2026-03-05T14:00:00Z",
      18,
      brooklyn,
      "2026-03-09T13:00:00Z",
    ],
    ["lunch break does not count", "2026-03-02T16:00:00Z", 2, lunch, "2026-03-02T19:00:00Z"],
    [
      "a calendar with no hours counts every hour",
      "2026-03-07T17:00:00Z",
      5,
      { ...brooklyn, hours: [] },
      "2026-03-07T22:00:00Z",
    ],
  ];
  it.each(cases)("%s", (_name, start, hours, calendar, due) => {
    expect(addBusinessHours(new Date(start), hours, calendar).toISOString()).toBe(new Date(due).toISOString());
  });

  it("across the start of daylight saving (Friday 16:00 EST + 2 h = Monday 09:00 EDT)", () => {
    expect(addBusinessHours(new Date("2026-03-06T21:00:00Z"), 2, brooklyn).toISOString()).toBe(
      "2026-03-09T13:00:00.000Z",
    );
  });

  it("in Chicago's own time zone", () => {
    const chicago: BusinessCalendar = { ...brooklyn, timeZone: "America/Chicago" };
    // Monday 17:30 New York = 16:30 Chicago: half an hour left that day, then 1.5 h on Tuesday
    expect(addBusinessHours(new Date("2026-03-02T22:30:00Z"), 2, chicago).toISOString()).toBe(
      "2026-03-03T15:30:00.000Z",
    );
  });
});

describe("physicians' message office hours", () => {
  const office: OfficeHoursFacts = { timeZone: NY, hours: weekdays("09:00", "12:00"), outFrom: null, outUntil: null };
  const cases: [string, OfficeHoursFacts | null, string, ReturnType<typeof officeAvailability>][] = [
    ["no office hours set: always", null, "2026-03-07T03:00:00Z", { available: true }],
    ["inside (Monday 10:00)", office, "2026-03-02T15:00:00Z", { available: true }],
    [
      "after (Monday 13:00): back Tuesday 09:00",
      office,
      "2026-03-02T18:00:00Z",
      { available: false, reason: "outside_office_hours", backAt: new Date("2026-03-03T14:00:00Z") },
    ],
    [
      "at the end (12:00 exactly) is outside",
      office,
      "2026-03-02T17:00:00Z",
      { available: false, reason: "outside_office_hours", backAt: new Date("2026-03-03T14:00:00Z") },
    ],
    [
      "Saturday: back Monday 09:00 (EDT after the change)",
      office,
      "2026-03-07T15:00:00Z",
      { available: false, reason: "outside_office_hours", backAt: new Date("2026-03-09T13:00:00Z") },
    ],
    [
      "out of office wins over office hours",
      { ...office, outFrom: new Date("2026-03-01T00:00:00Z"), outUntil: new Date("2026-03-04T00:00:00Z") },
      "2026-03-02T15:00:00Z",
      { available: false, reason: "out_of_office", backAt: new Date("2026-03-04T00:00:00Z") },
    ],
    [
      "after out of office ends, office hours again",
      { ...office, outFrom: new Date("2026-03-01T00:00:00Z"), outUntil: new Date("2026-03-02T00:00:00Z") },
      "2026-03-02T15:00:00Z",
      { available: true },
    ],
  ];
  it.each(cases)("%s", (_name, facts, at, expected) => {
    expect(officeAvailability(facts, new Date(at))).toEqual(expected);
  });
});

describe("routing a new thread", () => {
  const physician = {
    providerId: "prov",
    userId: "doc",
    office: { timeZone: NY, hours: weekdays("09:00", "12:00"), outFrom: null, outUntil: null } as OfficeHoursFacts,
    coveringPoolId: "covering",
    delegateUserId: "delegate",
  };
  const base = { topicPoolId: "topic-pool", physician, now: new Date("2026-03-02T15:00:00Z") };
  it("billing goes to its pool, addressed to nobody", () => {
    expect(routeThread({ ...base, topic: "billing" })).toEqual({
      poolId: "topic-pool",
      providerId: null,
      assigneeUserId: null,
      coverage: null,
    });
  });
  it("a clinical question inside office hours is addressed to the physician", () => {
    expect(routeThread({ ...base, topic: "medical_question" })).toMatchObject({
      poolId: "topic-pool",
      providerId: "prov",
    });
  });
  it("outside office hours it goes to the covering pool, addressed to nobody", () => {
    expect(routeThread({ ...base, topic: "medication", now: new Date("2026-03-02T20:00:00Z") })).toEqual({
      poolId: "covering",
      providerId: null,
      assigneeUserId: null,
      coverage: { reason: "outside_office_hours", backAt: new Date("2026-03-03T14:00:00Z"), providerId: "prov" },
    });
  });
  it("out of office: the covering pool, given to the delegate", () => {
    const out = {
      ...physician,
      office: { ...physician.office, outFrom: new Date("2026-03-01"), outUntil: new Date("2026-03-10") },
    };
    expect(routeThread({ ...base, topic: "test_result", physician: out })).toMatchObject({
      poolId: "covering",
      providerId: null,
      assigneeUserId: "delegate",
      coverage: { reason: "out_of_office" },
    });
  });
  it("no covering pool: the topic's pool covers", () => {
    const none = { ...physician, coveringPoolId: null };
    expect(
      routeThread({ ...base, topic: "medical_question", physician: none, now: new Date("2026-03-02T20:00:00Z") }),
    ).toMatchObject({ poolId: "topic-pool", providerId: null });
  });
  it("a topic with no pool cannot be routed", () => {
    expect(routeThread({ ...base, topic: "other", topicPoolId: null })).toBeNull();
  });
});

describe("digest times", () => {
  it("the latest time passed, today or yesterday, in the person's zone", () => {
    const times = ["08:00", "13:00"];
    expect(latestDigestSlot(times, NY, new Date("2026-03-02T12:00:00Z"))?.toISOString()).toBe(
      "2026-03-01T18:00:00.000Z",
    );
    expect(latestDigestSlot(times, NY, new Date("2026-03-02T13:00:00Z"))?.toISOString()).toBe(
      "2026-03-02T13:00:00.000Z",
    );
    expect(latestDigestSlot(times, NY, new Date("2026-03-02T19:00:00Z"))?.toISOString()).toBe(
      "2026-03-02T18:00:00.000Z",
    );
    expect(latestDigestSlot([], NY, new Date())).toBeNull();
    expect(nextDigestSlot(times, NY, new Date("2026-03-02T19:00:00Z"))?.toISOString()).toBe("2026-03-03T13:00:00.000Z");
  });
});
