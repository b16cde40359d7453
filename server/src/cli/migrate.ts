import { fail, migrate, openRuntime } from "../runtime.ts";
import { commandLine } from "./args.ts";

commandLine(
  `
Usage: npm run migrate

Brings the database schema up to date: PostgreSQL when DATABASE_URL is set, otherwise the
embedded database in PORTICO_DATA_DIR (stop the server first); DATABASE_MIGRATION_URL,
when set, is used instead of DATABASE_URL. Migrations only go forward
and each runs once; servers starting together wait for one another. The server also
migrates when it starts, so this is for deployments that migrate as a separate step.

Options:
  -h, --help   show this help
`,
  {},
);

const { config, database } = await openRuntime({ migrate: false });
try {
  const applied = await migrate(config, database);
  process.stdout.write(
    applied.length === 0
      ? "The database schema is up to date.\n"
      : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}\n`).join("")}`,
  );
} catch (error) {
  await database.close();
  fail((error as Error).message);
}
await database.close();
