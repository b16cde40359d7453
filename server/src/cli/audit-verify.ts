import { AuditLog } from "../platform/audit/audit-log.ts";
import { verifyAuditChain } from "../platform/audit/verify.ts";
import { systemClock } from "../platform/clock.ts";
import { openRuntime } from "../runtime.ts";
import { commandLine } from "./args.ts";

const HELP = `Usage: npm run audit:verify [-- --anchor <seq>:<hash>] [--json]

First links any committed rows the sequencer has not linked yet, then walks the audit log's
hash chain from the first row to the last, recomputing every link, and reports the first
broken one (an edited, deleted, inserted or reordered row).

  --anchor <seq>:<hash>  also check that row <seq> still has the hash printed by an earlier
                         run (keep those outside the database to detect a chain rewritten
                         from scratch)
  --json                 print the result as JSON
  -h, --help             show this help

Exit status: 0 when the chain is intact, 1 when it is broken, 2 on a usage error.
Reads DATABASE_URL / PORTICO_DATA_DIR like the server (see README.md).`;

const args = commandLine(HELP, { anchor: { type: "string" }, json: { type: "boolean" } });
let anchor: { seq: number; hash: string } | undefined;
if (args.anchor !== undefined) {
  const match = /^([1-9][0-9]{0,17}):([0-9a-f]{64})$/.exec(args.anchor.trim());
  if (!match) {
    process.stderr.write("--anchor must look like 1234:<64 hex characters>, as printed by an earlier run.\n");
    process.exit(2);
  }
  anchor = { seq: Number(match[1]), hash: match[2] as string };
}

const runtime = await openRuntime({ migrate: false });
let status = 1;
try {
  const started = Date.now();
  await new AuditLog({ db: runtime.database.db, clock: systemClock, logger: runtime.logger }).linkPending();
  const report = await verifyAuditChain(runtime.database.db, { anchor });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else if (report.ok) {
    process.stdout.write(
      `Audit log intact: ${report.checked} rows checked in ${seconds} s.\nHead: ${report.head.seq}:${report.head.hash}\n`,
    );
  } else {
    process.stdout.write(
      `AUDIT LOG BROKEN: ${report.problem?.message}\nRows verified before the break: ${report.checked}\n`,
    );
  }
  status = report.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`Could not verify the audit log: ${(error as Error).message}\n`);
  status = 1;
} finally {
  await runtime.database.close();
}
process.exit(status);
