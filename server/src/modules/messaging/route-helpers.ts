import type { FastifyReply } from "fastify";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AttachmentFile } from "./attachments.ts";
import type { MessagingSettings } from "./settings.ts";
import type { MessagingService } from "./threads.ts";

/** What the messaging routes share: the services they call, the OpenAPI tag, a file download. */

export interface MessagingRouteServices {
  access: AccessService;
  messaging: MessagingService;
  messagingSettings: MessagingSettings;
}

export const tags = ["messages"];

/** An attachment as a download: never shown inline, never sniffed, never run. */
export function sendFile(reply: FastifyReply, file: AttachmentFile) {
  return reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; sandbox")
    .send(file.bytes);
}
