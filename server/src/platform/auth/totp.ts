import * as OTPAuth from "otpauth";
import QRCode from "qrcode";

const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = "", issuer = "Portico"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer,
    label,
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
  });
}

export function otpauthUrl(secret: string, label: string, issuer: string): string {
  return totpFor(secret, label, issuer).toString();
}

export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/**
 * The time step a 6-digit code belongs to, if it is valid at `now` (±1 step for clock drift),
 * else undefined. Callers refuse a step at or before the last one used, so each code works once.
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | undefined {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  const timestamp = now.getTime();
  const delta = totpFor(secret).validate({ token: code, timestamp, window: 1 });
  if (delta === null) return undefined;
  return Math.floor(timestamp / 1000 / PERIOD_SECONDS) + delta;
}

/** For tests and the demo: the code an authenticator would show at `now`. */
export function totpCodeAt(secret: string, now: Date): string {
  return totpFor(secret).generate({ timestamp: now.getTime() });
}
