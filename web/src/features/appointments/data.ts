import "./appointments.css";
import {
  type Appointment,
  type AppointmentList,
  AppointmentStatus,
  type Slot,
  type VisitType,
  valuesOf,
} from "@portico/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import * as catalogue from "../../api/clinic";
import type { StatusTone } from "../../components/StatusChip";
import { ApiError, api } from "../../lib/api";
import type { AppLocale } from "../../lib/format";

export interface SlotList {
  slots: Slot[];
  eligibility: { canSelfBook: boolean; reason: string | null };
}

export const visitTypesQuery = queryOptions({
  queryKey: ["catalogue", "visit-types"],
  queryFn: () => api<{ visitTypes: VisitType[] }>("/api/visit-types").then((r) => r.visitTypes),
  staleTime: 5 * 60_000,
});

/** the in-use catalogue people book from (api/clinic.ts) */
export const providersQuery = catalogue.providersQuery();
export const locationsQuery = catalogue.locationsQuery();

export const appointmentsKey = (patientId: string) => ["appointments", patientId] as const;

export const appointmentsQuery = (patientId: string) =>
  queryOptions({
    queryKey: appointmentsKey(patientId),
    queryFn: ({ signal }) => api<AppointmentList>(`/api/patients/${patientId}/appointments`, { signal }),
  });

/**
 * The appointments page's list: the first page (every upcoming visit, the newest past ones),
 * then older past visits a page at a time on request. Invalidating `appointmentsKey` refetches
 * every page shown, each from the one before, so none is missed or repeated.
 */
export const appointmentPagesQuery = (patientId: string) =>
  infiniteQueryOptions({
    queryKey: [...appointmentsKey(patientId), "pages"] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<AppointmentList>(
        `/api/patients/${patientId}/appointments${pageParam ? `?pastCursor=${encodeURIComponent(pageParam)}` : ""}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextPastCursor,
  });

export const appointmentQuery = (patientId: string, appointmentId: string) =>
  queryOptions({
    queryKey: [...appointmentsKey(patientId), appointmentId],
    queryFn: ({ signal }) => api<Appointment>(`/api/patients/${patientId}/appointments/${appointmentId}`, { signal }),
  });

/** The visit type's name in the reader's language (Spanish when the clinic wrote one). */
export function visitName(visit: { name: string; nameEs: string | null }, locale: AppLocale): string {
  return locale === "es" && visit.nameEs ? visit.nameEs : visit.name;
}

/** The visit type's description for patients in the reader's language (English when no Spanish one was written). */
export function visitDescription(
  visit: { description: string | null; descriptionEs: string | null },
  locale: AppLocale,
): string | null {
  return (locale === "es" && visit.descriptionEs?.trim() ? visit.descriptionEs : visit.description) || null;
}

export const STATUS_TONE: Record<AppointmentStatus, StatusTone> = {
  booked: "info",
  confirmed: "success",
  checked_in: "success",
  arrived: "success",
  roomed: "info",
  in_visit: "info",
  completed: "neutral",
  no_show: "warning",
  cancelled: "danger",
};

export const STATUSES: AppointmentStatus[] = valuesOf(AppointmentStatus);

interface AddressLike {
  line1?: unknown;
  line2?: unknown;
  city?: unknown;
  region?: unknown;
  postalCode?: unknown;
}

/** "123 Main St, Brooklyn, NY 11201" from a stored address (whatever its shape), or "". */
export function addressLine(address: unknown): string {
  if (!address || typeof address !== "object") return typeof address === "string" ? address : "";
  const a = address as AddressLike;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : "");
  const cityLine = [str(a.city), [str(a.region), str(a.postalCode)].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return [str(a.line1), str(a.line2), cityLine].filter(Boolean).join(", ");
}

/** The "YYYY-MM-DD" calendar day of an instant in a zone. */
export function dayInZone(value: string | Date, timeZone: string): string {
  const date = value instanceof Date ? value : new Date(value);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
  return parts;
}

/** Adds days to a "YYYY-MM-DD" date. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days, 12));
  return date.toISOString().slice(0, 10);
}

/** The Monday on or before a "YYYY-MM-DD" date. */
export function mondayOf(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  const weekday = (date.getUTCDay() + 6) % 7; // 0 = Monday
  return addDays(isoDate, -weekday);
}

export function todayIn(timeZone: string): string {
  return dayInZone(new Date(), timeZone);
}

/** Is "now" the same calendar day as the appointment, in the appointment's zone? */
export function isToday(start: string, timeZone: string, now: Date = new Date()): boolean {
  return dayInZone(start, timeZone) === dayInZone(now, timeZone);
}

/** Minutes → "2 hours" / "1 day" style, for rules such as cancellation notice. */
export function durationParts(minutes: number): { unit: "minute" | "hour" | "day"; count: number } {
  if (minutes >= 1440 && minutes % 1440 === 0) return { unit: "day", count: minutes / 1440 };
  if (minutes >= 60 && minutes % 60 === 0) return { unit: "hour", count: minutes / 60 };
  return { unit: "minute", count: minutes };
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && "randomUUID" in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The next free times a 409 slot_taken answer offered. */
export function alternativesOf(error: unknown): Slot[] {
  if (!(error instanceof ApiError) || error.code !== "slot_taken") return [];
  const details = error.details as { alternatives?: unknown } | undefined;
  return Array.isArray(details?.alternatives) ? (details.alternatives as Slot[]) : [];
}

/** The clinic phone number a refused late change carries, if any. */
export function phoneOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as { phone?: unknown } | undefined;
  return typeof details?.phone === "string" ? details.phone : null;
}

/** Offset of a zone from UTC at an instant, in milliseconds. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"));
  return asUtc - at;
}

/** The instant a "YYYY-MM-DD" day starts in a zone. */
export function startOfDayIn(isoDate: string, timeZone: string): Date {
  return wallTimeIn(isoDate, "00:00", timeZone);
}

/** The instant of a wall-clock "HH:MM" on a "YYYY-MM-DD" day in a zone (daylight saving included). */
export function wallTimeIn(isoDate: string, time: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const guess = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  let at = guess - zoneOffset(guess, timeZone);
  at = guess - zoneOffset(at, timeZone);
  return new Date(at);
}

/** Today's "YYYY-MM-DD" on this device's clock. */
export function localDayKey(): string {
  return dayInZone(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
}
