import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../test/database.ts";
import { FieldCipher, parseKeyRing } from "./crypto.ts";
import { countByKey, registerSealedColumn, resealColumns, sealedColumns } from "./crypto-rotation.ts";
// the modules' manifests declare the sealed columns (users.mfa_secret: identity)
import "../modules/registry.ts";

const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");
const oldCipher = new FieldCipher(parseKeyRing(`old:${key(1)}`));
const rotated = new FieldCipher(parseKeyRing(`new:${key(2)},old:${key(1)}`));
const stranger = new FieldCipher(parseKeyRing(`lost:${key(3)}`));
/** the result for users.mfa_secret (other modules' columns are empty here) */
const usersOf = (results: Awaited<ReturnType<typeof resealColumns>>) =>
  results.find((r) => r.table === "users" && r.column === "mfa_secret");

describe("key rotation: re-sealing registered columns", () => {
  const database = useTestDatabase();

  async function addUser(secret: string | null) {
    const id = randomUUID();
    await database.db
      .insertInto("users")
      .values({
        id,
        email: `${id}@example.test`,
        email_normalized: `${id}@example.test`,
        display_name: "Test",
        mfa_secret: secret,
      })
      .execute();
    return id;
  }
  const secretOf = async (id: string) =>
    (await database.db.selectFrom("users").select("mfa_secret").where("id", "=", id).executeTakeFirstOrThrow())
      .mfa_secret as string;

  it("knows users.mfa_secret", () => {
    expect(sealedColumns()).toContainEqual({
      table: "users",
      idColumn: "id",
      column: "mfa_secret",
      associatedData: "mfa",
    });
  });

  it("re-seals values on an old key with the current key, keeping their plaintext", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await addUser(oldCipher.seal(`SECRET${i}`, "mfa")));
    const already = await addUser(rotated.seal("CURRENT", "mfa"));
    const untouched = await secretOf(already);
    await addUser(null);

    const result = usersOf(await resealColumns(database.db, rotated, { batchSize: 2 }));
    expect(result).toEqual({ table: "users", column: "mfa_secret", resealed: 5, failed: 0 });
    for (const [i, id] of ids.entries()) {
      const sealed = await secretOf(id);
      expect(FieldCipher.keyIdOf(sealed)).toBe("new");
      expect(rotated.open(sealed, "mfa")).toBe(`SECRET${i}`);
    }
    expect(await secretOf(already)).toBe(untouched);
    expect((await countByKey(database.db)).old).toBeUndefined();

    const again = usersOf(await resealColumns(database.db, rotated));
    expect(again?.resealed).toBe(0);
  });

  it("leaves a value whose key is not in the ring as it was and reports it", async () => {
    const lost = stranger.seal("UNREADABLE", "mfa");
    const id = await addUser(lost);
    const result = usersOf(await resealColumns(database.db, rotated));
    expect(result).toMatchObject({ resealed: 0, failed: 1 });
    expect(await secretOf(id)).toBe(lost);
    expect((await countByKey(database.db)).lost).toBe(1);
  });

  it("refuses table or column names that are not plain identifiers", () => {
    expect(() => registerSealedColumn("users; drop table users", "id", "x", "a")).toThrow(/identifier/);
    expect(() => registerSealedColumn("users", "id", "mfa_secret", "other")).toThrow(/twice/);
  });
});
