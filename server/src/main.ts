import { buildApp } from "./app.ts";
import { systemClock } from "./platform/clock.ts";
import { exitOnSignals, openRuntime, surviveLostConnections } from "./runtime.ts";
import { startupBanner } from "./seed/banner.ts";
import { seedDemo } from "./seed/demo.ts";

const started = performance.now();
const { config, logger, database, cipher } = await openRuntime();
surviveLostConnections(logger);
const seed = config.demo ? await seedDemo(database.db, systemClock, cipher) : undefined;
const app = await buildApp({ config, database, logger, cipher });
const worker = config.runWorker ? app.services.startWorker?.() : undefined;

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  process.stderr.write(`\nPortico cannot start: PORT: ${(error as Error).message}\n\n`);
  await database.close();
  process.exit(1);
}

const address = app.server.address();
const port = typeof address === "object" && address ? address.port : config.port;
// the demo's credentials and a patient's activation code only when a person is reading a
// terminal: captured standard output is a log (seed/banner.ts)
process.stdout.write(
  startupBanner(
    {
      url: config.publicUrl.replace(`:${config.port}`, `:${port}`),
      docsUrl: `${config.publicUrl}/api/docs`,
      databaseKind: database.kind,
      startedInMs: performance.now() - started,
      seed,
      devMailboxUrl: config.smtpUrl ? undefined : `${config.publicUrl}/dev/mailbox`,
    },
    process.stdout.isTTY === true,
  ),
);

// side by side: requests in flight finish; the worker stops claiming, waits up to 1.5 s for
// running jobs and gives back the unfinished ones (due again at once, the attempt not counted)
exitOnSignals(logger, "server", database, () => Promise.all([worker?.stop(), app.close()]));
