import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Field encryption at rest: AES-256-GCM with a key ring. Each value carries the id of the
 * key that sealed it (`v1.<kid>.<iv>.<tag>.<ciphertext>`, base64url), so keys rotate without
 * re-encrypting everything at once. The first key in the ring seals; every key opens.
 */
export interface KeyRing {
  currentKeyId: string;
  keys: Map<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `PORTICO_ENCRYPTION_KEYS` = "kid1:base64key,kid2:base64key" (first is current). */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let currentKeyId = "";
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kid, encoded] = part.split(":");
    if (!kid || !encoded || !KEY_ID.test(kid)) throw new Error("each key must be written kid:base64key");
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new Error(`key ${kid} must be 32 bytes (base64 of 32 random bytes)`);
    if (keys.has(kid)) throw new Error(`key id ${kid} appears twice`);
    keys.set(kid, key);
    if (!currentKeyId) currentKeyId = kid;
  }
  if (!currentKeyId) throw new Error("no keys given");
  return { currentKeyId, keys };
}

export function formatKeyRing(ring: KeyRing): string {
  const ordered = [ring.currentKeyId, ...[...ring.keys.keys()].filter((k) => k !== ring.currentKeyId)];
  return ordered.map((kid) => `${kid}:${(ring.keys.get(kid) as Buffer).toString("base64")}`).join(",");
}

export function generateKey(): string {
  return randomBytes(32).toString("base64");
}

/**
 * In development without `PORTICO_ENCRYPTION_KEYS`, a key ring is created once in the data
 * directory (mode 0600) so that restarts can read what earlier runs sealed.
 */
export function loadKeyRing(spec: string | undefined, dataDir: string): KeyRing {
  if (spec) return parseKeyRing(spec);
  const file = path.join(dataDir, "keys", "encryption-keys");
  if (fs.existsSync(file)) return parseKeyRing(fs.readFileSync(file, "utf8"));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fresh = `k${Date.now().toString(36)}:${generateKey()}`;
  fs.writeFileSync(file, fresh, { mode: 0o600 });
  return parseKeyRing(fresh);
}

export class FieldCipher {
  readonly #ring: KeyRing;
  constructor(ring: KeyRing) {
    this.#ring = ring;
  }

  get currentKeyId(): string {
    return this.#ring.currentKeyId;
  }

  seal(plaintext: string | Buffer, associatedData = ""): string {
    const key = this.#ring.keys.get(this.#ring.currentKeyId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url"));
    return ["v1", this.#ring.currentKeyId, ...parts].join(".");
  }

  openBuffer(sealed: string, associatedData = ""): Buffer {
    const [version, kid, iv, tag, data] = sealed.split(".");
    if (version !== "v1" || !kid || iv === undefined || tag === undefined || data === undefined) {
      throw new Error("not a sealed value");
    }
    const key = this.#ring.keys.get(kid);
    if (!key) throw new Error(`encryption key ${kid} is not in the key ring`);
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
  }

  open(sealed: string, associatedData = ""): string {
    return this.openBuffer(sealed, associatedData).toString("utf8");
  }

  /** The key id a sealed value was written with (for rotation). */
  static keyIdOf(sealed: string): string | undefined {
    return sealed.split(".")[1];
  }
}
