import type { Adapter, AdapterPayload } from "oidc-provider";
import type { Database } from "../../db/database.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import type { SealedColumn } from "../../platform/crypto-rotation.ts";

/** the associated data a client secret is sealed with */
export const clientSecretSeal = (clientId: string) => `smart-client-secret:${clientId}`;
/** the associated data a signing or cookie key is sealed with */
export const smartKeySeal = (kid: string) => `smart-key:${kid}`;

/** SMART's sealed columns, re-sealed by key rotation (`keys:rotate -- --reseal`). */
export const sealedSmartColumns: readonly SealedColumn[] = [
  { table: "smart_clients", idColumn: "client_id", column: "secret_sealed", associatedData: clientSecretSeal },
  { table: "smart_keys", idColumn: "kid", column: "jwk_sealed", associatedData: smartKeySeal },
];

/**
 * oidc-provider's storage on Kysely (PGlite and PostgreSQL alike): every model in
 * `oauth_payloads`, except clients, which are the administrator's registrations in
 * `smart_clients` (a disabled app is unknown to the authorization server).
 */
export function kyselyAdapter(db: Database, cipher: FieldCipher): new (model: string) => Adapter {
  return class KyselyAdapter implements Adapter {
    readonly model: string;
    constructor(model: string) {
      this.model = model;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const row = {
        model: this.model,
        id,
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        uid: payload.uid ?? null,
        expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
        consumed_at: null,
      };
      await db
        .insertInto("oauth_payloads")
        .values(row)
        .onConflict((oc) =>
          oc.columns(["model", "id"]).doUpdateSet({
            payload: row.payload,
            grant_id: row.grant_id,
            uid: row.uid,
            expires_at: row.expires_at,
          }),
        )
        .execute();
      // now and then, rows that expired a day ago go (nothing reads them: `find` ignores expired rows)
      if (Math.random() < 0.02) {
        await db
          .deleteFrom("oauth_payloads")
          .where("expires_at", "<", new Date(Date.now() - 86_400_000))
          .execute();
      }
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === "Client") return this.#client(id);
      return this.#findBy("id", id);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.#findBy("uid", uid);
    }

    async findByUserCode(): Promise<AdapterPayload | undefined> {
      return undefined; // the device flow is not enabled
    }

    async consume(id: string): Promise<void> {
      await db
        .updateTable("oauth_payloads")
        .set({ consumed_at: new Date() })
        .where("model", "=", this.model)
        .where("id", "=", id)
        .execute();
    }

    async destroy(id: string): Promise<void> {
      await db.deleteFrom("oauth_payloads").where("model", "=", this.model).where("id", "=", id).execute();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.deleteFrom("oauth_payloads").where("grant_id", "=", grantId).execute();
    }

    /** this model's payload by its id or its interaction uid: undefined when missing or expired, marked when consumed */
    async #findBy(column: "id" | "uid", value: string): Promise<AdapterPayload | undefined> {
      const row = await db
        .selectFrom("oauth_payloads")
        .select(["payload", "consumed_at", "expires_at"])
        .where("model", "=", this.model)
        .where(column, "=", value)
        .executeTakeFirst();
      if (!row || (row.expires_at && row.expires_at.getTime() <= Date.now())) return undefined;
      const payload = (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as AdapterPayload;
      return row.consumed_at ? { ...payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : payload;
    }

    async #client(id: string): Promise<AdapterPayload | undefined> {
      if (id.length > 200) return undefined;
      const row = await db
        .selectFrom("smart_clients")
        .selectAll()
        .where("client_id", "=", id)
        .where("disabled_at", "is", null)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        client_id: row.client_id,
        client_name: row.name,
        redirect_uris: row.redirect_uris,
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        ...(row.confidential && row.secret_sealed
          ? {
              client_secret: cipher.open(row.secret_sealed, clientSecretSeal(row.client_id)),
              token_endpoint_auth_method: "client_secret_basic",
            }
          : { token_endpoint_auth_method: "none" }),
      };
    }
  };
}
