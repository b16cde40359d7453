import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig } from "../config.ts";
import { formatKeyRing, generateKey, type KeyRing, loadKeyRing } from "../platform/crypto.ts";
import { countByKey, resealColumns } from "../platform/crypto-rotation.ts";
import { fail, openRuntime } from "../runtime.ts";
import { commandLine } from "./args.ts";

const usage = `
Usage: npm run keys:rotate [-- --reseal]

Rotates the field-encryption key (AES-256-GCM; each sealed value names the key that sealed it).

  npm run keys:rotate
      Prints a new key ring: a new current key first, then every key of the ring in use.
      With PORTICO_ENCRYPTION_KEYS set, nothing else changes. Then:
        1. set PORTICO_ENCRYPTION_KEYS to the printed value on every server and worker, and
           restart them (new values are sealed with the new key, old ones still open);
        2. run \`npm run keys:rotate -- --reseal\` to re-seal existing values with the new key;
        3. once it reports nothing left on an old key, that key may be removed from the ring.
      In development (no PORTICO_ENCRYPTION_KEYS) the key ring file in PORTICO_DATA_DIR/keys is
      updated and existing values are re-sealed at once (stop the server first).

  npm run keys:rotate -- --reseal
      Re-seals every registered encrypted column whose values are not on the current key.
      Safe to run while servers are running, and to run again.

Options:
      --reseal   re-seal existing values with the current key
  -h, --help     show this help
`;

const options = commandLine(usage, { reseal: { type: "boolean" } });
// every module, and with them the sealed columns they register
await import("../services.ts");

async function reseal(): Promise<void> {
  const { database, cipher } = await openRuntime();
  try {
    const results = await resealColumns(database.db, cipher);
    for (const r of results) {
      process.stdout.write(
        `  ${`${r.table}.${r.column}`.padEnd(32)} re-sealed ${r.resealed}${r.failed ? `, could not open ${r.failed}` : ""}\n`,
      );
    }
    const counts = await countByKey(database.db);
    const summary = Object.entries(counts)
      .map(([kid, n]) => `${kid}: ${n}`)
      .join(", ");
    process.stdout.write(`Values by key now: ${summary || "none"} (current key: ${cipher.currentKeyId})\n`);
    const failed = results.reduce((sum, r) => sum + r.failed, 0);
    await database.close();
    if (failed > 0) {
      fail(`PORTICO_ENCRYPTION_KEYS: ${failed} value(s) are sealed with a key that is not in the ring.`);
    }
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

function newKeyId(ring: KeyRing): string {
  for (;;) {
    const kid = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}${randomBytes(2).toString("hex")}`;
    if (!ring.keys.has(kid)) return kid;
  }
}

if (options.reseal) {
  await reseal();
} else {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`${error.message}. See the configuration table in README.md.`);
    throw error;
  }
  let ring: KeyRing;
  try {
    ring = loadKeyRing(config.encryptionKeys, config.dataDir);
  } catch (error) {
    fail(`PORTICO_ENCRYPTION_KEYS: ${(error as Error).message}`);
  }
  const kid = newKeyId(ring);
  const rotated: KeyRing = {
    currentKeyId: kid,
    keys: new Map([[kid, Buffer.from(generateKey(), "base64")], ...ring.keys]),
  };
  const spec = formatKeyRing(rotated);
  if (config.encryptionKeys) {
    process.stdout.write(
      `New key ring (current key ${kid}, then ${[...ring.keys.keys()].join(", ")}):\n\n` +
        `PORTICO_ENCRYPTION_KEYS=${spec}\n\n` +
        "Set it on every server and worker and restart them; then run `npm run keys:rotate -- --reseal`.\n" +
        "Keep this value secret: it decrypts the clinic's data.\n",
    );
  } else {
    const file = path.join(config.dataDir, "keys", "encryption-keys");
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(`${file}.new`, spec, { mode: 0o600 });
    fs.renameSync(`${file}.new`, file);
    process.stdout.write(`Development key ring in ${file} rotated: current key ${kid}. Re-sealing existing values:\n`);
    await reseal();
  }
}
