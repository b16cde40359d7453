import type { Appointment } from "@portico/contracts";
import { addressLine } from "./data";

/** iCalendar UTC form: 20260303T143000Z */
function icsTime(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Escapes text values (RFC 5545 §3.3.11). */
function icsText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds lines longer than 75 octets (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const n = new TextEncoder().encode(char).length;
    const limit = out.length === 0 ? 75 : 74;
    if (size + n > limit) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The calendar event's words in the reader's language: whose visit it is when the reader is
 * not the patient, with whom, and where — the location's address, or that it is a video visit.
 */
export function calendarWords(appointment: Appointment, t: Translate): { summary: string; place: string } {
  const video = appointment.visitType.modality === "video";
  const base = video
    ? t("ics.summaryVideo", { provider: appointment.provider.name })
    : t("ics.summary", { provider: appointment.provider.name, location: appointment.location.name });
  return {
    summary: appointment.readerIsPatient ? base : t("ics.summaryFor", { name: appointment.patientName, summary: base }),
    place: video
      ? t("ics.videoPlace")
      : [appointment.location.name, addressLine(appointment.location.address)].filter(Boolean).join(", "),
  };
}

/**
 * A calendar file for one appointment. The summary names only the clinic and the provider —
 * never the reason for the visit — because calendars are often shared or synced. Times are
 * UTC instants: the calendar shows them in the zone of the device it is on.
 */
export function appointmentIcs(
  appointment: Appointment,
  words: { summary: string; place: string },
  now: Date = new Date(),
): string {
  const { summary, place: where } = words;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Portico//Appointments//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${appointment.id}@portico`,
    `DTSTAMP:${icsTime(now)}`,
    `DTSTART:${icsTime(appointment.start)}`,
    `DTEND:${icsTime(appointment.end)}`,
    `SUMMARY:${icsText(summary)}`,
    `LOCATION:${icsText(where)}`,
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/** Saves the appointment as an .ics file the phone or computer opens in its calendar. */
export function downloadIcs(appointment: Appointment, t: Translate): void {
  const blob = new Blob([appointmentIcs(appointment, calendarWords(appointment, t))], {
    type: "text/calendar;charset=utf-8",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `appointment-${appointment.start.slice(0, 10)}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
