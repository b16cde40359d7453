/**
 * Dates and times in plain words, in the reader's language and the clinic location's time zone:
 * "Tuesday 3 March, 9:30 am (Eastern Time)" / "martes 3 de marzo, 9:30 a. m. (hora oriental)".
 */
export type AppLocale = "en" | "es";

const intlLocale: Record<AppLocale, string> = { en: "en-GB", es: "es-US" };

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? "";
}

/** "Eastern Time" / "hora del este" for an IANA zone, falling back to the zone id. */
export function timeZoneLabel(timeZone: string, locale: AppLocale, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat(locale === "en" ? "en-US" : "es-US", {
      timeZone,
      timeZoneName: "longGeneric",
    }).formatToParts(at);
    return part(parts, "timeZoneName") || timeZone;
  } catch {
    return timeZone;
  }
}

/** "Tuesday 3 March" / "martes 3 de marzo" (year added when not the current year in that zone). */
export function formatDay(value: string | Date, timeZone: string, locale: AppLocale, now: Date = new Date()): string {
  const date = toDate(value);
  const sameYear = yearIn(date, timeZone) === yearIn(now, timeZone);
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
  };
  const parts = new Intl.DateTimeFormat(intlLocale[locale], options).formatToParts(date);
  const weekday = part(parts, "weekday");
  const day = part(parts, "day");
  const month = part(parts, "month");
  const year = sameYear ? "" : part(parts, "year");
  if (locale === "es") return `${weekday} ${day} de ${month}${year ? ` de ${year}` : ""}`;
  return `${weekday} ${day} ${month}${year ? ` ${year}` : ""}`;
}

/** "9:30 am" / "9:30 a. m." in the given zone. */
export function formatTime(value: string | Date, timeZone: string, locale: AppLocale): string {
  const date = toDate(value);
  if (locale === "es") {
    // US Spanish: "9:30 a. m."
    return new Intl.DateTimeFormat("es-US", { timeZone, hour: "numeric", minute: "2-digit", hour12: true })
      .format(date)
      .replace(/[\u00a0\u202f]/g, " ");
  }
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
  }).formatToParts(date);
  return `${part(parts, "hour")}:${part(parts, "minute")} ${part(parts, "dayPeriod").toLowerCase()}`;
}

/** The full form used for appointments: "Tuesday 3 March, 9:30 am (Eastern Time)". */
export function formatDateTime(
  value: string | Date,
  timeZone: string,
  locale: AppLocale,
  now: Date = new Date(),
): string {
  const date = toDate(value);
  return `${formatDay(date, timeZone, locale, now)}, ${formatTime(date, timeZone, locale)} (${timeZoneLabel(timeZone, locale, date)})`;
}

/** A calendar date ("YYYY-MM-DD", no time zone) as "3 March 1984" / "3 de marzo de 1984". */
export function formatCalendarDate(isoDate: string, locale: AppLocale): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "es-US", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
}

/** "5 minutes ago" / "hace 5 minutos". */
export function formatRelative(value: string | Date, locale: AppLocale, now: Date = new Date()): string {
  const seconds = Math.round((toDate(value).getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale === "en" ? "en-GB" : "es-US", { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(0, "minute");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86400), "day");
}

/** The browser's own zone: used for things that have no clinic location (sign-in times). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * The browser's IANA zone for the server to keep as the patient's own (registration and
 * activation), or undefined when the browser reports none it could use ("Etc/Unknown").
 */
export function browserTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== "Etc/Unknown" && /^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(zone) ? zone : undefined;
}

function yearIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(date);
}
