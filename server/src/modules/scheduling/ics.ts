/**
 * iCalendar (RFC 5545) files for appointment emails: one VEVENT per file, times in UTC,
 * CRLF line ends, long lines folded at 75 octets without splitting a UTF-8 character.
 * The event names the clinic location only — never the type of visit or the provider's
 * specialty, because calendars are often shared or synced to other services.
 */

export interface CalendarEvent {
  /** stable per appointment, so a calendar updates the event instead of adding a second one */
  uid: string;
  start: Date;
  end: Date;
  /** when the file was made (DTSTAMP) */
  stamp: Date;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  /** a cancelled appointment: calendars that already hold the event mark or remove it */
  cancelled?: boolean;
  /** increases each time the event changes (RFC 5545 §3.8.7.4) */
  sequence?: number;
}

const PRODUCT_ID = "-//Portico//Patient Portal//EN";
const MAX_OCTETS = 75;

/** 2026-03-03T14:30:00.000Z → 20260303T143000Z */
export function icsUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error("calendar times must be valid dates");
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (§3.3.11). */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, "\n")
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\n/g, "\\n")
      // control characters are not allowed in TEXT values (§3.3.11)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
  );
}

/** Splits a content line into 75-octet pieces joined by CRLF + space, on character boundaries (§3.1). */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // continuation lines start with a space, which counts towards their 75 octets
    const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

/** A complete VCALENDAR with one VEVENT, as the text of an `.ics` file. */
export function buildIcs(event: CalendarEvent): string {
  if (event.end.getTime() <= event.start.getTime()) throw new Error("a calendar event must end after it starts");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    `METHOD:${event.cancelled ? "CANCEL" : "PUBLISH"}`,
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `DTSTAMP:${icsUtc(event.stamp)}`,
    `DTSTART:${icsUtc(event.start)}`,
    `DTEND:${icsUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    ...(event.cancelled
      ? []
      : ["BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(event.summary)}`, "TRIGGER:-PT1H", "END:VALARM"]),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** A location's address as one line: "42 Maple Street, Brooklyn, NY 11201". */
export function formatAddress(name: string, address: unknown): string {
  const a = (address && typeof address === "object" ? address : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof a[key] === "string" ? (a[key] as string).trim() : "");
  const regionLine = [text("region"), text("postalCode")].filter(Boolean).join(" ");
  return [name, text("line1"), text("line2"), text("city"), regionLine].filter(Boolean).join(", ");
}
