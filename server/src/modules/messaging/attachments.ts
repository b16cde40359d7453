import type { UploadedAttachment } from "@portico/contracts";
import type { StoredContentType } from "../../db/tables/registration.ts";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import { notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import type { MessagingDeps } from "./thread-store.ts";

/** Attachments: uploaded before sending (sealed in the file store), taken by a message, downloaded by its readers. */

const EXTENSIONS: Record<StoredContentType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/heic": "heic",
  "application/pdf": "pdf",
};

/** An attachment as it is downloaded. */
export interface AttachmentFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** The name a download of the attachment carries (no name the uploader chose). */
export const attachmentFileName = (id: string, contentType: StoredContentType) =>
  `attachment-${id.slice(0, 8)}.${EXTENSIONS[contentType]}`;

/** An attachment uploaded before sending: checked by content, sealed in the file store, waiting for a message. */
export async function saveAttachment(
  d: MessagingDeps,
  rows: PatientRows,
  uploadedBy: string | null,
  bytes: Buffer,
): Promise<UploadedAttachment> {
  return inTransaction(d.db, async (trx) => {
    const file = await d.files.save({
      patientId: rows.patientId,
      kind: "message_attachment",
      bytes,
      uploadedBy,
    });
    const row = await trx
      .insertInto("message_attachments")
      .values(rows.stamp({ file_id: file.id, uploaded_by: uploadedBy }))
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id: row.id, contentType: file.contentType, sizeBytes: file.sizeBytes };
  });
}

/** A sent attachment of the thread (never one of an internal note unless `staffView`). */
export async function readAttachment(
  d: MessagingDeps,
  rows: PatientRows,
  threadId: string,
  attachmentId: string,
  staffView: boolean,
): Promise<AttachmentFile> {
  const row = await rows
    .selectFrom(currentDb(d.db), "message_attachments", "a")
    .innerJoin("messages as m", "m.id", "a.message_id")
    .select(["a.id", "a.file_id"])
    .where("a.id", "=", attachmentId)
    .where("m.thread_id", "=", threadId)
    .$if(!staffView, (q) => q.where("m.kind", "<>", "internal_note"))
    .executeTakeFirst();
  const file = row ? await d.files.read(rows, row.file_id) : undefined;
  if (!row || !file) throw notFound("attachment");
  return {
    bytes: file.bytes,
    contentType: file.contentType,
    fileName: attachmentFileName(row.id, file.contentType),
  };
}
