/**
 * The command line of the bench scripts that take `--flag value` or `--flag=value` options
 * (`run.ts`, `scenarios/patient-search.ts`, `generate-patients.ts`).
 */

/** Prints `<script>: message` to stderr and exits with 2. */
export function failWith(script: string): (message: string) => never {
  return (message) => {
    process.stderr.write(`${script}: ${message}\n`);
    process.exit(2);
  };
}

/** `raw` as a whole number ≥ 1, else `fail` names the flag. */
export function positive(flag: string, raw: string, fail: (message: string) => never): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`${flag} needs a whole number ≥ 1, got "${raw}"`);
  return value;
}

/**
 * Walks `argv`: `--help` or `-h` prints `help` (one line an entry) and exits with 0; every other
 * argument goes to `option` with its value (`--flag=value`, else the next argument, read only
 * when asked for); an argument `option` does not take (it returns false) ends in `fail`.
 */
export function readFlags(
  argv: string[],
  help: string[],
  option: (flag: string, value: () => string) => boolean,
  fail: (message: string) => never,
): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag = "", inline] = arg.split("=", 2);
    const value = () => inline ?? argv[++i] ?? "";
    if (flag === "--help" || flag === "-h") {
      process.stdout.write(help.join("\n"));
      process.exit(0);
    }
    if (!option(flag, value)) fail(`unknown option ${arg} (see --help)`);
  }
}
