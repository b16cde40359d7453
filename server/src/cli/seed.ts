import { systemClock } from "../platform/clock.ts";
import { fail, openRuntime } from "../runtime.ts";
import { demoLines } from "../seed/banner.ts";
import { seedDemo } from "../seed/demo.ts";
import { commandLine } from "./args.ts";

commandLine(
  `
Usage: npm run seed

Seeds the demo clinic (locations, providers, staff, patients and their records) unless it has
been seeded already, and prints the demo logins. Refused when NODE_ENV=production. With the
embedded database, stop the server first.

Options:
  -h, --help   show this help
`,
  {},
);

const { config, database, cipher } = await openRuntime();
if (config.env === "production") {
  await database.close();
  fail("NODE_ENV: demo data is never seeded when NODE_ENV=production.");
}
try {
  const result = await seedDemo(database.db, systemClock, cipher);
  // credentials and the activation code only to a terminal, never into captured output
  const lines = [
    result.seeded ? "Demo clinic seeded." : "The demo clinic was already seeded; nothing changed.",
    ...demoLines(result, process.stdout.isTTY === true),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} catch (error) {
  await database.close();
  fail(`seeding failed: ${(error as Error).message}`);
}
await database.close();
