import { createHash } from "node:crypto";
import type { Database } from "../../db/database.ts";
import type { StoredContentType } from "../../db/tables/registration.ts";
import type { PatientRows } from "../access/scoped-query.ts";
import type { FieldCipher } from "../crypto.ts";
import type { SealedColumn } from "../crypto-rotation.ts";
import { currentDb } from "../transaction.ts";
import { checkUpload } from "./content-check.ts";

export interface StoredFileInfo {
  id: string;
  patientId: string;
  kind: string;
  contentType: StoredContentType;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}

const fileSeal = (id: string) => `file:${id}`;

/** Every stored file's content, sealed per file: the registry registers it for key rotation. */
export const sealedFileContent: SealedColumn = {
  table: "files",
  idColumn: "id",
  column: "sealed_content",
  associatedData: fileSeal,
};

/**
 * Patient files at rest: checked by content (`checkUpload`), sealed with the field cipher
 * (AES-256-GCM, key id kept) and bound to their row, so a sealed blob copied onto another
 * file's row does not open. Callers check access first; this class knows no rules, but reads
 * only the rows of the patient whose scoped rows (`patientRows(access, …)`) it is given.
 */
export class FileStore {
  readonly #db: Database;
  readonly #cipher: FieldCipher;

  constructor(deps: { db: Database; cipher: FieldCipher }) {
    this.#db = deps.db;
    this.#cipher = deps.cipher;
  }

  async save(input: {
    patientId: string;
    kind: string;
    bytes: Buffer;
    uploadedBy: string | null;
  }): Promise<StoredFileInfo> {
    const { contentType, bytes } = checkUpload(input.bytes);
    const id = crypto.randomUUID();
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const row = await currentDb(this.#db)
      .insertInto("files")
      .values({
        id,
        patient_id: input.patientId,
        kind: input.kind,
        content_type: contentType,
        size_bytes: bytes.length,
        sha256,
        sealed_content: this.#cipher.seal(bytes, fileSeal(id)),
        uploaded_by: input.uploadedBy,
      })
      .returning("created_at")
      .executeTakeFirstOrThrow();
    return {
      id,
      patientId: input.patientId,
      kind: input.kind,
      contentType,
      sizeBytes: bytes.length,
      sha256,
      createdAt: row.created_at,
    };
  }

  /** The file's bytes, only if it belongs to the patient of `rows`. */
  async read(rows: PatientRows, fileId: string): Promise<(StoredFileInfo & { bytes: Buffer }) | undefined> {
    const row = await rows
      .selectFrom(currentDb(this.#db), "files")
      .selectAll()
      .where("id", "=", fileId)
      .executeTakeFirst();
    if (!row) return undefined;
    const bytes = this.#cipher.openBuffer(row.sealed_content, fileSeal(row.id));
    return {
      id: row.id,
      patientId: row.patient_id,
      kind: row.kind,
      contentType: row.content_type,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
      createdAt: row.created_at,
      bytes,
    };
  }

  /** The patient's files of `rows`, newest first. */
  async list(rows: PatientRows): Promise<StoredFileInfo[]> {
    const files = await rows
      .selectFrom(currentDb(this.#db), "files")
      .select(["id", "patient_id", "kind", "content_type", "size_bytes", "sha256", "created_at"])
      .orderBy("created_at", "desc")
      .execute();
    return files.map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      kind: r.kind,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      sha256: r.sha256,
      createdAt: r.created_at,
    }));
  }
}
