/** What the person, address and insurance fields share: languages, sexes, formats, card photo checks and upload. */
import type { FileKind, Sex, StoredFile } from "@portico/contracts";
import { apiRawBody } from "../../lib/api";

/** Languages offered for "preferred language", each named in its own language so anyone can find theirs. */
export const LANGUAGES: Array<{ id: string; label: string }> = [
  { id: "en", label: "English" },
  { id: "es", label: "Español" },
  { id: "zh", label: "中文" },
  { id: "vi", label: "Tiếng Việt" },
  { id: "ko", label: "한국어" },
  { id: "ru", label: "Русский" },
  { id: "ar", label: "العربية" },
  { id: "ht", label: "Kreyòl ayisyen" },
  { id: "fr", label: "Français" },
  { id: "pt", label: "Português" },
  { id: "pl", label: "Polski" },
  { id: "tl", label: "Tagalog" },
];

export function languageLabel(tag: string): string {
  return LANGUAGES.find((l) => l.id === tag)?.label ?? tag;
}

export const SEXES: Sex[] = ["female", "male", "other", "unknown"];

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE = /^[+]?[0-9 ().-]{7,30}$/;
export const POSTAL = /^[A-Za-z0-9 -]{3,12}$/;
export const MEMBER_ID = /^[A-Za-z0-9 -]+$/;

/** "YYYY-MM-DD" → the three boxes of the date-of-birth input. */
export function dateParts(iso: string | null | undefined): { day: string; month: string; year: string } {
  const [year = "", month = "", day = ""] = (iso ?? "").split("-");
  return { day: day.replace(/^0/, ""), month: month.replace(/^0/, ""), year };
}

// ---- insurance card photos ----

export const ACCEPTED_FILE_TYPES = ["image/jpeg", "image/png", "image/heic", "application/pdf"];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type FileProblem = "type" | "size" | null;

/** Checked here so people hear at once; the server checks the content again. */
export function checkFile(file: File): FileProblem {
  const type = file.type || (file.name.toLowerCase().endsWith(".heic") ? "image/heic" : "");
  if (!ACCEPTED_FILE_TYPES.includes(type)) return "type";
  if (file.size > MAX_FILE_BYTES) return "size";
  return null;
}

/** "2.4 MB", "380 KB" */
export function fileSize(bytes: number, locale: string): string {
  const format = (n: number, unit: "kilobyte" | "megabyte") =>
    new Intl.NumberFormat(locale, { style: "unit", unit, maximumFractionDigits: 1 }).format(n);
  return bytes >= 1024 * 1024
    ? format(bytes / (1024 * 1024), "megabyte")
    : format(Math.max(1, bytes / 1024), "kilobyte");
}

/** Uploads the raw bytes of one file for a patient (the API takes the body as the file itself). */
export function uploadPatientFile(patientId: string, kind: FileKind, file: File): Promise<StoredFile> {
  return apiRawBody<StoredFile>(`/api/patients/${encodeURIComponent(patientId)}/files?kind=${kind}`, file, {
    contentType: file.type || "image/heic",
  });
}
