import { IdParams, PatientParams, UploadedAttachment } from "@portico/contracts";
import type { TSchema } from "typebox";
import type { App } from "../../app.ts";
import { patientRoute } from "../../platform/access/route-guards.ts";
import { registerUploadRoutes, uploadedBytes, uploadRoute } from "../../platform/files/upload-routes.ts";
import { type MessagingRouteServices, tags } from "./route-helpers.ts";

/** an attachment upload's body limit and schema, answering with the attachment waiting for its message */
const attachmentUpload = <P extends TSchema>(summary: string, params: P) =>
  uploadRoute({ tags, summary, params }, UploadedAttachment);

/** Attachment uploads, the patient's and staff's, with the raw-body parser registered for these routes only. */
export async function uploadRoutes(app: App, { access, messaging }: MessagingRouteServices): Promise<void> {
  await registerUploadRoutes(app, (scoped) => {
    scoped.post(
      "/api/patients/:patientId/messages/attachments",
      {
        ...patientRoute(access, {
          scope: "messages",
          action: "write",
          resourceType: "message_attachment",
          auditAction: "upload",
        }),
        ...attachmentUpload(
          "Upload an attachment for a message about to be sent (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB)",
          PatientParams,
        ),
      },
      async (request, reply) =>
        reply.status(201).send(await messaging.upload(request.params.patientId, uploadedBytes(request.body))),
    );
    scoped.post(
      "/api/messages/threads/:id/attachments",
      attachmentUpload(
        "Staff: upload an attachment for a reply about to be sent (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB)",
        IdParams,
      ),
      async (request, reply) =>
        reply.status(201).send(await messaging.staffUpload(request.params.id, uploadedBytes(request.body))),
    );
  });
}
