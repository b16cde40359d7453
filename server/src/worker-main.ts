import { loadConfig } from "./config.ts";
import { systemClock } from "./platform/clock.ts";
import { exitOnSignals, fail, openRuntime, surviveLostConnections } from "./runtime.ts";
import { createServices } from "./services.ts";

/**
 * The job worker as its own process (`npm run worker`): for deployments that run the HTTP
 * servers with PORTICO_WORKER=0 and one or more workers beside them. Any number of workers may
 * run at once; each job is claimed by one of them.
 */
let embedded = false;
try {
  embedded = loadConfig().databaseUrl === undefined;
} catch {
  // openRuntime explains a bad setting
}
if (embedded) {
  fail(
    "DATABASE_URL: a separate worker needs PostgreSQL. With the embedded database the server runs the worker itself (PORTICO_WORKER=1).",
  );
}
const { config, logger, database, cipher } = await openRuntime();
surviveLostConnections(logger);
const services = createServices({ config, db: database.db, clock: systemClock, logger, cipher });
// the same background work the server runs with PORTICO_WORKER=1 (jobs and the periodic tasks)
const worker = services.startWorker?.() ?? services.jobs.startWorker({ pollMs: 1_000 });
// links new audit rows into the hash chain (any number of processes may run it; one links at a time)
const auditLinker = services.audit.startLinker({ intervalMs: 1_000 });
logger.info({ queues: services.jobs.queues }, "worker started");
process.stdout.write(
  `\n  Portico worker is running (${database.kind}); queues: ${services.jobs.queues.join(", ")}\n\n`,
);

// stops claiming, waits up to 1.5 s for running jobs, gives back the unfinished ones
exitOnSignals(logger, "worker", database, () => Promise.all([worker.stop(), auditLinker.stop()]));
