import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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

const TOTP_PERIOD_MS = 30_000;

function totp(secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: TOTP_PERIOD_MS / 1000 });
}

/**
 * The server accepts each time step's code once per user (replay protection), and journeys in
 * successive test files sign the same demo staff in within one 30 s step. The last step used
 * per server and user is kept in a file (test files run in separate workers), and the next
 * sign-in uses a later step: the current one, or the next one (the server accepts ±1 step),
 * waiting for the clock only when both are spent.
 */
const usedStepsFile = (server: string) =>
  path.join(os.tmpdir(), `portico-e2e-totp-${Buffer.from(server).toString("base64url")}.json`);

function readUsedSteps(file: string): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

/** A TOTP code for `email` on `server` that the server has not seen yet. */
export async function unusedTotpCode(server: string, email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const file = usedStepsFile(server);
  const used = readUsedSteps(file)[email] ?? Number.NEGATIVE_INFINITY;
  const currentStep = () => Math.floor(Date.now() / TOTP_PERIOD_MS);
  // wait until the step after the last used one is at most one step ahead of the clock
  while (used + 1 > currentStep() + 1) {
    await new Promise((resolve) => setTimeout(resolve, (currentStep() + 1) * TOTP_PERIOD_MS - Date.now() + 50));
  }
  const step = Math.max(currentStep(), used + 1);
  fs.writeFileSync(file, JSON.stringify({ ...readUsedSteps(file), [email]: step }));
  return totp(secret).generate({ timestamp: step * TOTP_PERIOD_MS });
}
