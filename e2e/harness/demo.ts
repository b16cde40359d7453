import * as OTPAuth from "otpauth";

/** The demo clinic's logins (SPEC §7); they exist only when the server runs with PORTICO_DEMO=1. */
export const DEMO_PASSWORD = "Portico-demo-2026!";
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

export const demo = {
  admin: "admin@demo.portico.test",
  frontDesk: "frontdesk@demo.portico.test",
  nurse: "nurse@demo.portico.test",
  drOkafor: "dr.okafor@demo.portico.test",
  drLindqvist: "dr.lindqvist@demo.portico.test",
  alex: "alex.rivera@demo.portico.test",
  sam: "sam.rivera@demo.portico.test",
  morgan: "morgan.lee@demo.portico.test",
} as const;

/** The current TOTP code for the demo staff secret. */
export function totpCode(secret = DEMO_TOTP_SECRET): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}
