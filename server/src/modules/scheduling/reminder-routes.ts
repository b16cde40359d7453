import { ConfirmByToken, ConfirmResult } from "@portico/contracts";
import type { App } from "../../app.ts";
import { ok } from "../../platform/route-responses.ts";
import type { ReminderService } from "./reminders.ts";
import { tags } from "./route-access.ts";

/** The confirm link of reminder emails (no sign-in). */
export async function reminderRoutes(app: App, services: { reminders: ReminderService }): Promise<void> {
  const { reminders } = services;
  app.post(
    "/api/appointments/confirm",
    {
      config: { auth: "public", rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: "Confirm an appointment with the single-use link from a reminder email (no sign-in)",
        body: ConfirmByToken,
        response: ok(ConfirmResult),
      },
    },
    async (request) => reminders.confirmByToken(request.body.token),
  );
}
