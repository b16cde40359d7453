import type { StoredContentType } from "../../db/tables/registration.ts";
import { DomainError } from "../errors.ts";

/** The most a single upload may be (SPEC §2.5: 10 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The types a client may send; what is stored is decided by the bytes, not by this header. */
export const ACCEPTED_UPLOAD_TYPES = [
  "image/jpeg",
  "image/png",
  "image/heic",
  "image/heif",
  "application/pdf",
  "application/octet-stream",
] as const;

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);

/** The type the content really is, from its leading bytes; undefined when it is none of ours. */
export function sniffContentType(bytes: Buffer): StoredContentType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  // ISO base media: [size:4]["ftyp"][major brand:4]
  if (bytes.length >= 12 && bytes.toString("latin1", 4, 8) === "ftyp") {
    const brand = bytes.toString("latin1", 8, 12);
    if (HEIC_BRANDS.has(brand)) return "image/heic";
  }
  return undefined;
}

/** Content that must never be stored whatever its first bytes say: executables, archives, markup, scripts. */
const FORBIDDEN: readonly { what: string; test: (bytes: Buffer, text: string) => boolean }[] = [
  { what: "a Windows program", test: (b) => startsWith(b, [0x4d, 0x5a]) },
  { what: "a Linux program", test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
  {
    what: "a Mac program",
    test: (b) =>
      startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
      startsWith(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
      startsWith(b, [0xca, 0xfe, 0xba, 0xbe]),
  },
  { what: "a script", test: (b) => startsWith(b, [0x23, 0x21]) },
  // a ZIP archive, or one appended to a picture (its end record sits in the last 64 KB)
  {
    what: "an archive",
    test: (b) =>
      startsWith(b, [0x50, 0x4b, 0x03, 0x04]) ||
      b.subarray(Math.max(0, b.length - 65_557)).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06])),
  },
  // long markers only: short ones would turn up by chance in compressed image data
  { what: "web content", test: (_b, text) => /<\s*(script|iframe|html)[\s>]/i.test(text) },
  {
    what: "an embedded program",
    test: (_b, text) => /TVqQAAMAAAAEAAAA|This program cannot be run in DOS mode/.test(text),
  },
];

/** PDF features that run code or open other things when the document is viewed. */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFile|OpenAction|AA|RichMedia|XFA|SubmitForm|ImportData)\b/;

export interface CheckedContent {
  contentType: StoredContentType;
  bytes: Buffer;
}

/**
 * Decides from the bytes alone whether a file may be stored: JPEG, PNG, HEIC or PDF, not
 * empty, at most 10 MB, and nothing executable hidden in it (a renamed program, a picture
 * with an archive or markup appended, a PDF with JavaScript or launch actions).
 */
export function checkUpload(bytes: Buffer): CheckedContent {
  if (bytes.length === 0) throw new DomainError("validation_failed", "The file is empty.");
  if (bytes.length > MAX_FILE_BYTES) {
    throw new DomainError(
      "payload_too_large",
      "Files can be at most 10 MB. Try a smaller photo or a scan at lower resolution.",
    );
  }
  const text = bytes.toString("latin1");
  for (const rule of FORBIDDEN) {
    if (rule.test(bytes, text)) {
      throw new DomainError("unsupported_media_type", `This file looks like ${rule.what} and cannot be accepted.`);
    }
  }
  const contentType = sniffContentType(bytes);
  if (!contentType) {
    throw new DomainError("unsupported_media_type", "Only JPEG, PNG or HEIC photos and PDF documents can be uploaded.");
  }
  if (contentType === "application/pdf" && PDF_ACTIVE.test(pdfNames(text))) {
    throw new DomainError(
      "unsupported_media_type",
      "This PDF contains scripts or actions and cannot be accepted. Please print it to a new PDF or take a photo instead.",
    );
  }
  return { contentType, bytes };
}

/** PDF names may hide letters as #xx escapes (/J#61vaScript): decode them before looking. */
function pdfNames(text: string): string {
  return text.replace(/\/[^\s/<>[\]()]+/g, (name) =>
    name.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
}
