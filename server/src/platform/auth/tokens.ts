import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** A 256-bit random token, URL-safe (session cookies, password reset links, CSRF tokens). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens and codes are stored only as their SHA-256 (they carry enough entropy on their own). */
export function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  // compare against itself when lengths differ so the time taken does not depend on b
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** Crockford base32: no I, L, O or U, so codes read aloud or typed from paper survive. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function randomCrockford(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += CROCKFORD[randomInt(32)];
  return out;
}

/**
 * What someone typed, as the canonical code: case, spaces and dashes ignored; the letters
 * people confuse with digits (I, L → 1; O → 0) read as the digits. Undefined when it cannot
 * be a code at all.
 */
export function normalizeCrockford(input: string): string | undefined {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  return /^[0-9A-HJKMNP-TV-Z]+$/.test(cleaned) ? cleaned : undefined;
}

/** "ABCD1234WXYZ" → "ABCD-1234-WXYZ" */
export function groupCode(code: string, size = 4): string {
  return (code.match(new RegExp(`.{1,${size}}`, "g")) ?? []).join("-");
}

/** Activation codes: 12 Crockford characters = 60 random bits, shown as XXXX-XXXX-XXXX. */
export const ACTIVATION_CODE_LENGTH = 12;

export function newActivationCode(): { code: string; hash: string } {
  const canonical = randomCrockford(ACTIVATION_CODE_LENGTH);
  return { code: groupCode(canonical), hash: sha256(`activation:${canonical}`) };
}

export function activationCodeHash(input: string): string | undefined {
  const canonical = normalizeCrockford(input);
  if (!canonical || canonical.length !== ACTIVATION_CODE_LENGTH) return undefined;
  return sha256(`activation:${canonical}`);
}

/** Recovery codes: 10 Crockford characters (50 bits), shown lower-case as xxxx-xxxx-xx. */
export const RECOVERY_CODE_LENGTH = 10;

export function newRecoveryCode(): { code: string; hash: string } {
  const canonical = randomCrockford(RECOVERY_CODE_LENGTH);
  return { code: groupCode(canonical).toLowerCase(), hash: sha256(`recovery:${canonical}`) };
}

export function recoveryCodeHash(input: string): string | undefined {
  const canonical = normalizeCrockford(input);
  if (!canonical || canonical.length !== RECOVERY_CODE_LENGTH) return undefined;
  return sha256(`recovery:${canonical}`);
}

/** The case-insensitive form of an email address used for lookups and uniqueness. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
