import { send } from "../../test/api.ts";
import type { TestContext } from "../../test/app.ts";
import type { SignedInClient } from "../../test/factories.ts";

export interface CaregiverInvitation {
  email: string;
  relationship: string;
  scopes: readonly string[];
}

/** The client (the patient, or someone trying to act for them) invites a caregiver by email. */
export function inviteCaregiver(
  t: TestContext,
  client: SignedInClient,
  patientId: string,
  invitation: CaregiverInvitation,
) {
  return send(t, client, "POST", `/api/patients/${patientId}/proxies/invitations`, invitation);
}

/** The signed-in client accepts an invitation by its emailed token. */
export function acceptInvitation(t: TestContext, client: SignedInClient, token: string) {
  return send(t, client, "POST", "/api/invitations/accept", { token });
}

/** What an invitation's link shows before anyone signs in. */
export function previewInvitation(t: TestContext, token: string) {
  return send(t, null, "POST", "/api/invitations/preview", { token });
}

/** Who has access to the patient, as the client sees it. */
export function listProxies(t: TestContext, client: SignedInClient, patientId: string) {
  return send(t, client, "GET", `/api/patients/${patientId}/proxies`);
}
