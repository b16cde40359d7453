import { seedDemoIdentity } from "../../seed/demo-identity.ts";
import { defineModule } from "../kit.ts";
import { MFA_SEAL } from "./deps.ts";
import { accountActivated, accountCreated } from "./mail-templates.ts";
import { identityRoutes } from "./routes.ts";
import { createIdentityService } from "./service.ts";

/** Sign-in, sessions, MFA, password reset, activation; owns `users`, `user_roles`, `activation_codes`. */
export const identityModule = defineModule({
  name: "identity",
  services: (p) => ({
    /** sign-in, sessions, MFA, password reset, activation; `identity.issueActivationCode` for registration */
    identity: createIdentityService(p),
  }),
  routes: (app, services) => identityRoutes(app, services.identity),
  mailTemplates: [accountActivated, accountCreated],
  patientReferences: [{ table: "activation_codes", column: "patient_id", note: "portal activation" }],
  // the TOTP secret of each login, and the one being enrolled
  sealedColumns: [
    { table: "users", idColumn: "id", column: "mfa_secret", associatedData: MFA_SEAL },
    { table: "mfa_state", idColumn: "user_id", column: "pending_secret", associatedData: MFA_SEAL },
  ],
  demoSeed: seedDemoIdentity,
  notInRecordDownload: "activation codes are one-time secrets for signing up, not part of the record",
});
