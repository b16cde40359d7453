import type { DemoSeedResult } from "./demo.ts";
import { DEMO_TOTP_SECRET } from "./demo-clinic.ts";

/**
 * What the server prints when it has started. Standard output is also where the JSON log goes,
 * and wherever it is captured (a container's log, a file, a log shipper) it must hold no
 * patient data and no credentials. So the demo logins, their password and TOTP secret, and the
 * seed's notes (a patient's name, date of birth and working activation code) are printed only
 * when standard output is a terminal — a person is reading it, nothing is keeping it. Anywhere
 * else the banner says where to find them instead.
 */
export interface StartupBanner {
  url: string;
  docsUrl: string;
  databaseKind: string;
  startedInMs: number;
  /** the demo seed, when the demo is on */
  seed?: DemoSeedResult;
  /** the dev mailbox page, when mail goes there */
  devMailboxUrl?: string;
}

export function startupBanner(banner: StartupBanner, terminal: boolean): string {
  const lines = [
    "",
    `  Portico is running at ${banner.url}  (${banner.databaseKind}, started in ${Math.round(banner.startedInMs)} ms)`,
    `  API docs: ${banner.docsUrl}`,
  ];
  const { seed } = banner;
  if (seed) {
    lines.push(
      "",
      `  ${seed.seeded ? "Demo clinic seeded." : "Demo clinic ready."}`,
      ...demoLines(seed, terminal, "  "),
    );
  }
  if (seed && banner.devMailboxUrl) {
    lines.push("", `  Dev mailbox: ${banner.devMailboxUrl}  (on this machine, or signed in as an administrator)`);
  }
  return `${lines.join("\n")}\n\n`;
}

/** The demo logins and notes for a terminal; where to find them for captured output. */
export function demoLines(seed: DemoSeedResult, terminal: boolean, indent = ""): string[] {
  const lines = terminal
    ? [
        `Demo logins (password for all: ${seed.password}; staff TOTP secret: ${DEMO_TOTP_SECRET}):`,
        ...seed.logins.map((login) => `  ${login.email.padEnd(34)} ${login.role}`),
        ...seed.notes,
      ]
    : [
        "The demo logins are listed in README.md (Demo clinic). This output is not a terminal, so",
        "the demo credentials and activation code are not printed here: start Portico in a",
        "terminal to see them.",
      ];
  return lines.map((line) => `${indent}${line}`);
}
