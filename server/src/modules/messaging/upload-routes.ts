import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { errorResponses, IdParams, PatientParams, UploadedAttachment } from "@portico/contracts";
import type { TSchema } from "typebox";
import type { App } from "../../app.ts";
import { patientRoute } from "../../platform/access/route-guards.ts";
import { ACCEPTED_UPLOAD_TYPES, MAX_FILE_BYTES } from "../../platform/files/index.ts";
import { type MessagingRouteServices, tags } from "./route-helpers.ts";

/** the upload's answer: the attachment waiting for its message, or too large (413) or not a type taken (415) */
const uploaded = { ...errorResponses, 201: UploadedAttachment, 413: errorResponses[400], 415: errorResponses[400] };
/** an upload route's body limit and schema (the raw body is not described: its type is decided by the content) */
const uploadRoute = <P extends TSchema>(summary: string, params: P) => ({
  bodyLimit: MAX_FILE_BYTES + 1,
  schema: { tags, summary, params, response: uploaded },
});
/** the raw body's bytes (none when the parser gave no buffer) */
const bytesOf = (body: unknown) => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

/** Attachment uploads, the patient's and staff's, with the raw-body parser registered for these routes only. */
export async function uploadRoutes(app: App, { access, messaging }: MessagingRouteServices): Promise<void> {
  await app.register(async (instance) => {
    const scoped = instance.withTypeProvider<TypeBoxTypeProvider>();
    // raw bytes up to 10 MB on this route only; the type is then decided by the content
    scoped.addContentTypeParser(
      [...ACCEPTED_UPLOAD_TYPES],
      { parseAs: "buffer", bodyLimit: MAX_FILE_BYTES + 1 },
      (_request, body, done) => done(null, body),
    );
    scoped.post(
      "/api/patients/:patientId/messages/attachments",
      {
        ...patientRoute(access, {
          scope: "messages",
          action: "write",
          resourceType: "message_attachment",
          auditAction: "upload",
        }),
        ...uploadRoute(
          "Upload an attachment for a message about to be sent (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB)",
          PatientParams,
        ),
      },
      async (request, reply) =>
        reply.status(201).send(await messaging.upload(request.params.patientId, bytesOf(request.body))),
    );
    scoped.post(
      "/api/messages/threads/:id/attachments",
      uploadRoute(
        "Staff: upload an attachment for a reply about to be sent (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB)",
        IdParams,
      ),
      async (request, reply) =>
        reply.status(201).send(await messaging.staffUpload(request.params.id, bytesOf(request.body))),
    );
  });
}
