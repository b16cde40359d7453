import type { RefillProtocol, RefillProtocolInput } from "@portico/contracts";
import type { FieldErrors } from "../../components/Form";

/** The refill protocol as the admin's form holds it (text fields), and back. */

export interface ClassDraft {
  code: string;
  label: string;
}
export interface LabDraft {
  classCode: string;
  labCode: string;
  labName: string;
  maxAgeDays: string;
}
export interface ProtocolDraft {
  classes: ClassDraft[];
  visitWindowDays: string;
  /** the early-refill fraction as typed: a percentage ("75") or a fraction ("2/3") */
  earlyRefillFraction: string;
  labRequirements: LabDraft[];
}

export const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const WHOLE = /^\d+$/;

/**
 * A fraction as a person writes it: a percentage when it has at most two decimals ("75",
 * "66.5"), otherwise a small fraction ("2/3"), so two thirds is kept exactly, never rounded
 * to 66.67 % (which would move the first day a refill is not early).
 */
export function fractionText(fraction: number): string {
  const percent = Math.round(fraction * 10000) / 100;
  if (Math.abs(percent / 100 - fraction) < 1e-12) return String(percent);
  for (let d = 2; d <= 12; d++) {
    const n = Math.round(fraction * d);
    if (Math.abs(n / d - fraction) < 1e-12) return `${n}/${d}`;
  }
  return String(percent);
}

/** "75", "75 %", "66,5" (a percentage) or "2/3" (a fraction) → 0.75, 0.665, 2/3; anything else → null. */
export function parseFraction(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, "").replace(",", ".");
  const ratio = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (ratio) {
    const d = Number(ratio[2]);
    return d > 0 ? Number(ratio[1]) / d : null;
  }
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) / 100 : null;
}

export function draftOf(p: RefillProtocol): ProtocolDraft {
  return {
    classes: p.classes.map((c) => ({ code: c.code, label: c.label })),
    visitWindowDays: String(p.visitWindowDays),
    earlyRefillFraction: fractionText(p.earlyRefillFraction),
    labRequirements: p.labRequirements.map((l) => ({
      classCode: l.classCode,
      labCode: l.labCode,
      labName: l.labName,
      maxAgeDays: String(l.maxAgeDays),
    })),
  };
}

export function bodyOf(v: ProtocolDraft): RefillProtocolInput {
  return {
    classes: v.classes.map((c) => ({ code: c.code.trim(), label: c.label.trim() })),
    visitWindowDays: Number(v.visitWindowDays),
    earlyRefillFraction: parseFraction(v.earlyRefillFraction) ?? Number.NaN,
    labRequirements: v.labRequirements.map((l) => ({
      classCode: l.classCode,
      labCode: l.labCode.trim(),
      labName: l.labName.trim(),
      maxAgeDays: Number(l.maxAgeDays),
    })),
  };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The checks made before saving: field path (the server's too) → message. */
export function check(v: ProtocolDraft, t: Translate): FieldErrors {
  const e: FieldErrors = {};
  const codes = new Set<string>();
  v.classes.forEach((c, i) => {
    if (!CODE.test(c.code.trim())) e[`classes.${i}.code`] = t("protocol.errors.code", { n: i + 1 });
    else if (codes.has(c.code.trim())) e[`classes.${i}.code`] = t("protocol.errors.duplicate", { n: i + 1 });
    codes.add(c.code.trim());
    if (!c.label.trim()) e[`classes.${i}.label`] = t("protocol.errors.label", { n: i + 1 });
  });
  const days = Number(v.visitWindowDays);
  if (!WHOLE.test(v.visitWindowDays.trim()) || days < 1 || days > 1095)
    e.visitWindowDays = t("protocol.errors.visitWindow");
  const fraction = parseFraction(v.earlyRefillFraction);
  if (fraction === null || fraction < 0 || fraction > 1) e.earlyRefillFraction = t("protocol.errors.early");
  v.labRequirements.forEach((l, i) => {
    if (!codes.has(l.classCode)) e[`labRequirements.${i}.classCode`] = t("protocol.errors.labClass", { n: i + 1 });
    if (!CODE.test(l.labCode.trim())) e[`labRequirements.${i}.labCode`] = t("protocol.errors.labCode", { n: i + 1 });
    if (!l.labName.trim()) e[`labRequirements.${i}.labName`] = t("protocol.errors.labName", { n: i + 1 });
    const age = Number(l.maxAgeDays);
    if (!WHOLE.test(l.maxAgeDays.trim()) || age < 1 || age > 3650)
      e[`labRequirements.${i}.maxAgeDays`] = t("protocol.errors.labAge", { n: i + 1 });
  });
  return e;
}
