import { parseArgs } from "node:util";

type Flags = Record<string, { type: "boolean" | "string"; short?: string }>;

/**
 * The options of an `npm run` script: `--help` prints `usage` and exits 0; an unknown or
 * malformed option prints the problem and the usage and exits 2.
 */
export function commandLine<F extends Flags>(usage: string, flags: F, argv = process.argv.slice(2)) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { ...flags, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    if ((values as { help?: boolean }).help) {
      process.stdout.write(`${usage.trim()}\n`);
      process.exit(0);
    }
    return values as { [K in keyof F]?: F[K]["type"] extends "boolean" ? boolean : string };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage.trim()}\n`);
    process.exit(2);
  }
}
