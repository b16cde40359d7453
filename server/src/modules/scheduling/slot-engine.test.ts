import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  type AvailabilityException,
  findSlots,
  type Interval,
  type SlotRules,
  type WeeklyTemplate,
} from "./slot-engine.ts";

const NY = "America/New_York";
const SYD = "Australia/Sydney";
const at = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const local = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDateTime().toString().slice(0, 16);
const rules = (over: Partial<SlotRules> = {}): SlotRules => ({
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  horizonDays: 20_000,
  ...over,
});
const weekly = (weekday: number, startTime: string, endTime: string, timeZone = NY): WeeklyTemplate => ({
  locationId: "loc",
  timeZone,
  weekday,
  startTime,
  endTime,
});
function localStarts(
  r: SlotRules,
  templates: WeeklyTemplate[],
  query: { from: string; to: string; now?: string },
  exceptions: AvailabilityException[] = [],
  busy: Interval[] = [],
  zone = NY,
) {
  return findSlots(r, templates, exceptions, busy, {
    from: at(query.from),
    to: at(query.to),
    now: at(query.now ?? "2020-01-01T00:00:00Z"),
  }).map((s) => local(s.start, zone));
}

describe("slot engine", () => {
  // Tuesday 2026-03-03 in New York (EST, UTC−5)
  const tuesday = { from: "2026-03-03T05:00:00Z", to: "2026-03-04T05:00:00Z" };

  it.each([
    ["plain morning, 30-minute slots", rules(), ["09:00", "09:30", "10:00", "10:30"]],
    [
      "60-minute visits on a 30-minute step",
      rules({ durationMinutes: 60, stepMinutes: 30 }),
      ["09:00", "09:30", "10:00"],
    ],
    ["45-minute visits do not overrun the window", rules({ durationMinutes: 45 }), ["09:00", "09:45"]],
  ])("%s", (_name, r, expected) => {
    const starts = localStarts(r, [weekly(2, "09:00", "11:00")], tuesday).map((s) => s.slice(11));
    expect(starts).toEqual(expected);
  });

  it("offers nothing on weekdays without a template", () => {
    expect(localStarts(rules(), [weekly(3, "09:00", "11:00")], tuesday)).toEqual([]);
  });

  it("honours minimum notice and never offers a slot in the past", () => {
    const starts = localStarts(rules({ minimumNoticeMinutes: 120 }), [weekly(2, "09:00", "13:00")], {
      ...tuesday,
      now: "2026-03-03T14:10:00Z", // 09:10 local
    });
    expect(starts[0]).toBe("2026-03-03T11:30"); // 09:10 + 2 h = 11:10 → next grid start 11:30
    const noNotice = localStarts(rules(), [weekly(2, "09:00", "11:00")], { ...tuesday, now: "2026-03-03T14:10:00Z" });
    expect(noNotice[0]).toBe("2026-03-03T09:30");
  });

  it("stops at the booking horizon", () => {
    const starts = localStarts(rules({ horizonDays: 7 }), [weekly(2, "09:00", "10:00")], {
      from: "2026-03-02T00:00:00Z",
      to: "2026-04-01T00:00:00Z",
      now: "2026-03-02T12:00:00Z",
    });
    expect(starts).toEqual(["2026-03-03T09:00", "2026-03-03T09:30"]); // 10 March is beyond 7 days
  });

  it("leaves room for existing appointments and their buffers", () => {
    const booked = { start: at("2026-03-03T15:00:00Z"), end: at("2026-03-03T15:30:00Z") }; // 10:00–10:30 local
    const starts = localStarts(
      rules({ bufferAfterMinutes: 10, stepMinutes: 10 }),
      [weekly(2, "09:00", "11:30")],
      tuesday,
      [],
      [booked],
    );
    expect(starts.map((s) => s.slice(11))).not.toContain("09:30"); // 09:30–10:00 + 10 min buffer overlaps 10:00
    expect(starts.map((s) => s.slice(11))).toContain("09:20");
    expect(starts.map((s) => s.slice(11))).toContain("10:30");
    expect(starts.map((s) => s.slice(11))).not.toContain("10:20");
  });

  it("removes time off and blocks, and adds extra hours", () => {
    const exceptions: AvailabilityException[] = [
      { kind: "time_off", start: at("2026-03-03T14:00:00Z"), end: at("2026-03-03T15:00:00Z") }, // 09:00–10:00
      {
        kind: "extra_hours",
        start: at("2026-03-03T22:00:00Z"),
        end: at("2026-03-03T23:00:00Z"),
        locationId: "loc",
        timeZone: NY,
      }, // 17:00–18:00
    ];
    const starts = localStarts(rules(), [weekly(2, "09:00", "11:00")], tuesday, exceptions).map((s) => s.slice(11));
    expect(starts).toEqual(["10:00", "10:30", "17:00", "17:30"]);
  });

  it("keeps each slot's location and time zone", () => {
    const slots = findSlots(
      rules(),
      [weekly(2, "09:00", "09:30"), { ...weekly(2, "09:00", "09:30", "America/Chicago"), locationId: "chi" }],
      [],
      [],
      {
        from: at(tuesday.from),
        to: at(tuesday.to),
        now: at("2026-01-01T00:00:00Z"),
      },
    );
    expect(slots.map((s) => [s.locationId, s.timeZone, new Date(s.start).toISOString()])).toEqual([
      ["loc", NY, "2026-03-03T14:00:00.000Z"],
      ["chi", "America/Chicago", "2026-03-03T15:00:00.000Z"],
    ]);
  });

  describe("daylight-saving days", () => {
    it("New York spring-forward (8 March 2026): 01:00–04:00 local is two real hours", () => {
      const starts = localStarts(rules(), [weekly(7, "01:00", "04:00")], {
        from: "2026-03-08T04:00:00Z",
        to: "2026-03-09T04:00:00Z",
      });
      expect(starts.map((s) => s.slice(11))).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    });

    it("New York fall-back (1 November 2026): 01:00–03:00 local is three real hours, each slot distinct", () => {
      const slots = findSlots(rules({ durationMinutes: 60 }), [weekly(7, "01:00", "03:00")], [], [], {
        from: at("2026-11-01T04:00:00Z"),
        to: at("2026-11-02T05:00:00Z"),
        now: at("2026-01-01T00:00:00Z"),
      });
      const zoned = slots.map((s) => Temporal.Instant.fromEpochMilliseconds(s.start).toZonedDateTimeISO(NY).toString());
      expect(zoned).toEqual([
        "2026-11-01T01:00:00-04:00[America/New_York]",
        "2026-11-01T01:00:00-05:00[America/New_York]",
        "2026-11-01T02:00:00-05:00[America/New_York]",
      ]);
    });

    it("a 09:00 clinic keeps opening at 09:00 local across the change", () => {
      const starts = localStarts(
        rules({ durationMinutes: 60 }),
        [weekly(6, "09:00", "10:00"), weekly(1, "09:00", "10:00")],
        {
          from: "2026-03-07T00:00:00Z",
          to: "2026-03-10T00:00:00Z",
        },
      );
      expect(starts).toEqual(["2026-03-07T09:00", "2026-03-09T09:00"]);
      const utc = findSlots(
        rules({ durationMinutes: 60 }),
        [weekly(6, "09:00", "10:00"), weekly(1, "09:00", "10:00")],
        [],
        [],
        {
          from: at("2026-03-07T00:00:00Z"),
          to: at("2026-03-10T00:00:00Z"),
          now: at("2026-01-01T00:00:00Z"),
        },
      ).map((s) => new Date(s.start).toISOString());
      expect(utc).toEqual(["2026-03-07T14:00:00.000Z", "2026-03-09T13:00:00.000Z"]);
    });

    it("Sydney (southern hemisphere) fall-back on 5 April 2026: 02:00–03:00 happens twice", () => {
      const starts = findSlots(rules({ durationMinutes: 60 }), [weekly(7, "01:00", "04:00", SYD)], [], [], {
        from: at("2026-04-04T12:00:00Z"),
        to: at("2026-04-05T14:00:00Z"),
        now: at("2026-01-01T00:00:00Z"),
      }).map((s) => Temporal.Instant.fromEpochMilliseconds(s.start).toZonedDateTimeISO(SYD).toString().slice(0, 25));
      expect(starts).toEqual([
        "2026-04-05T01:00:00+11:00",
        "2026-04-05T02:00:00+11:00",
        "2026-04-05T02:00:00+10:00",
        "2026-04-05T03:00:00+10:00",
      ]);
    });

    it("Sydney spring-forward on 4 October 2026: 02:00–03:00 does not exist", () => {
      const starts = localStarts(
        rules(),
        [weekly(7, "01:00", "04:00", SYD)],
        { from: "2026-10-03T12:00:00Z", to: "2026-10-04T13:00:00Z" },
        [],
        [],
        SYD,
      );
      expect(starts.map((s) => s.slice(11))).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    });
  });

  it("respects template validity dates", () => {
    const template = { ...weekly(2, "09:00", "10:00"), validFrom: "2026-03-10", validUntil: "2026-03-17" };
    const starts = localStarts(rules({ durationMinutes: 60 }), [template], {
      from: "2026-03-01T00:00:00Z",
      to: "2026-03-31T00:00:00Z",
    });
    expect(starts).toEqual(["2026-03-10T09:00", "2026-03-17T09:00"]);
  });
});
