import type { WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import { seedDemoMessaging } from "../../seed/demo-messaging.ts";
import { defineModule } from "../kit.ts";
import { conversationsRecordSection } from "../records/sections/conversations.ts";
import { messageDigest, messageReceived } from "./mail-templates.ts";
import { messagingRoutes } from "./routes.ts";
import { MessagingSettings } from "./settings.ts";
import { MessagingService, sealedMessageColumns } from "./threads.ts";

/** Secure messaging: conversations routed to pools by topic and office hours, the messages queue, digests. */
export const messagingModule = defineModule({
  name: "messaging",
  services: (p, needs: { workQueue: WorkQueueService }) => ({
    /** threads and messages (patient and staff sides), attachments, the inbox, the digest job */
    messaging: new MessagingService({ ...p, workQueue: needs.workQueue }),
    /** pools, holidays, quick replies, office hours, digest preferences */
    messagingSettings: new MessagingSettings({ db: p.db, clock: p.clock, access: p.access, audit: p.audit }),
  }),
  routes: (app, services) => messagingRoutes(app, services),
  periodicJobs: (services) => [{ name: "messages digest", scheduleFirst: () => services.messaging.scheduleDigests() }],
  mailTemplates: [messageReceived, messageDigest],
  patientReferences: [
    { table: "message_threads", column: "patient_id", note: "message conversations" },
    { table: "messages", column: "patient_id", note: "messages" },
    { table: "message_attachments", column: "patient_id", note: "message attachments" },
  ],
  sealedColumns: sealedMessageColumns,
  demoSeed: seedDemoMessaging,
  recordSections: [conversationsRecordSection],
});
