import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildIcs, escapeText, foldLine, formatAddress, icsUtc } from "./ics.ts";

const event = {
  uid: "appointment-6f1c0a52-3a36-4c1e-9a53-0d7f3b7e2a11@portal.clinic.test",
  start: new Date("2026-03-03T14:30:00Z"),
  end: new Date("2026-03-03T15:00:00Z"),
  stamp: new Date("2026-02-28T10:00:00Z"),
  summary: "Appointment at Portico Brooklyn",
  location: "Portico Brooklyn, 42 Maple Street, Suite 3; Floor 2, Brooklyn, NY 11201",
  description: "To see the details, change or cancel, sign in: https://portal.clinic.test/appointments",
  url: "https://portal.clinic.test/appointments",
};

describe("appointment calendar files (RFC 5545)", () => {
  it("parses with ical.js into one event with the UTC times, summary, place and a stable UID", () => {
    const text = buildIcs(event);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Portico//Patient Portal//EN");
    const vevents = calendar.getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(1);
    const parsed = new ICAL.Event(vevents[0]);
    expect(parsed.uid).toBe(event.uid);
    expect(parsed.summary).toBe("Appointment at Portico Brooklyn");
    expect(parsed.location).toBe(event.location);
    expect(parsed.description).toBe(event.description);
    expect(parsed.startDate.toJSDate().toISOString()).toBe("2026-03-03T14:30:00.000Z");
    expect(parsed.endDate.toJSDate().toISOString()).toBe("2026-03-03T15:00:00.000Z");
    expect(parsed.startDate.zone.tzid).toBe("UTC");
    expect(vevents[0]?.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-02-28T10:00:00Z");
    expect(vevents[0]?.getFirstPropertyValue("status")).toBe("CONFIRMED");
    // the same appointment always gets the same UID, so calendars update instead of duplicating
    expect(buildIcs({ ...event, stamp: new Date() })).toContain(`UID:${event.uid}`);
  });

  it("ends every line with CRLF and folds lines longer than 75 octets without breaking characters", () => {
    const long = { ...event, location: `Clínica Ñandú — ${"Avenida de los Árboles 123, ".repeat(6)}Nueva York` };
    const text = buildIcs(long);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent") ?? undefined);
    expect(parsed.location).toBe(long.location);
  });

  it("folds multi-byte text at character boundaries", () => {
    const folded = foldLine(`LOCATION:${"é".repeat(100)}`);
    const pieces = folded.split("\r\n ");
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Buffer.from(piece, "utf8").toString("utf8")).toBe(piece);
    expect(pieces.join("")).toBe(`LOCATION:${"é".repeat(100)}`);
  });

  it("escapes commas, semicolons, backslashes and line breaks in text", () => {
    expect(escapeText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
  });

  it("marks a cancelled appointment with METHOD:CANCEL and STATUS:CANCELLED and no alarm", () => {
    const text = buildIcs({ ...event, cancelled: true, sequence: 1 });
    expect(text).toContain("METHOD:CANCEL\r\n");
    expect(text).toContain("STATUS:CANCELLED\r\n");
    expect(text).toContain("SEQUENCE:1\r\n");
    expect(text).not.toContain("VALARM");
  });

  it("writes UTC times as basic format with Z and refuses an event that ends before it starts", () => {
    expect(icsUtc(new Date("2026-11-01T06:30:00.000Z"))).toBe("20261101T063000Z");
    expect(() => buildIcs({ ...event, end: event.start })).toThrow();
  });

  it("formats a location's address on one line", () => {
    expect(
      formatAddress("Portico Brooklyn", {
        line1: "42 Maple Street",
        city: "Brooklyn",
        region: "NY",
        postalCode: "11201",
      }),
    ).toBe("Portico Brooklyn, 42 Maple Street, Brooklyn, NY 11201");
    expect(formatAddress("Portico Chicago", {})).toBe("Portico Chicago");
  });
});
