import type { FileKind, StoredFile } from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { currentContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import type { FileStore, StoredFileInfo } from "../../platform/files/index.ts";
import { inTransaction } from "../../platform/transaction.ts";

/**
 * The kinds of file that are the chart's documents. The file store holds other kinds too (a
 * message's attachments, which only messaging serves, with its own rules: the `messages`
 * scope, never an internal note's, never a teen's to a parent); those are not documents.
 */
export const DOCUMENT_KINDS = [
  "insurance_card_front",
  "insurance_card_back",
  "identity_document",
  "other",
] as const satisfies readonly FileKind[];
const isDocument = (kind: string): boolean => (DOCUMENT_KINDS as readonly string[]).includes(kind);

/** A patient's uploaded documents (insurance card photos, …): the profile's access rules apply. */
export class PatientFiles {
  readonly #deps: { db: Database; access: AccessService; audit: AuditLog; store: FileStore };
  constructor(deps: { db: Database; access: AccessService; audit: AuditLog; store: FileStore }) {
    this.#deps = deps;
  }

  async upload(patientId: string, kind: FileKind, bytes: Buffer): Promise<StoredFile> {
    return inTransaction(this.#deps.db, async () => {
      const access = await this.#deps.access.authorizePatient(patientId, {
        scope: "profile",
        action: "write",
        resourceType: "file",
        auditAction: "upload",
      });
      const file = await this.#deps.store.save({
        patientId: access.patientId,
        kind,
        bytes,
        uploadedBy: currentContext().actor.userId,
      });
      await this.#deps.audit.record({
        action: "create",
        resourceType: "file",
        resourceId: file.id,
        patientId: access.patientId,
        proxyGrantId: access.viaProxyGrantId,
        actingAs: access.basis,
        details: { kind, contentType: file.contentType, sizeBytes: file.sizeBytes },
      });
      return present(file);
    });
  }

  async download(patientId: string, fileId: string): Promise<StoredFileInfo & { bytes: Buffer }> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "profile",
      action: "read",
      resourceType: "file",
      resourceId: fileId,
      auditAction: "download",
    });
    const file = await this.#deps.store.read(patientRows(access, "profile"), fileId);
    if (!file || !isDocument(file.kind)) throw notFound("file");
    return file;
  }
}

export function present(file: StoredFileInfo): StoredFile {
  return {
    id: file.id,
    kind: file.kind as FileKind,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    createdAt: file.createdAt.toISOString(),
  };
}
