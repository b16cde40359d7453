import { type Static, Type } from "typebox";
import { IsoDateTime, NamedRef, Nullable, ShortText, Uuid } from "./common.ts";

/** SMART App Launch: apps registered by an administrator, the consent step, connected apps (issue 17). */

export const SmartClient = Type.Object({
  clientId: Type.String(),
  name: Type.String(),
  /** true: the app keeps a secret (client_secret_basic); false: a public app (PKCE only) */
  confidential: Type.Boolean(),
  /** matched exactly: a URI that only starts with one of these is refused */
  redirectUris: Type.Array(Type.String()),
  createdAt: IsoDateTime,
  disabled: Type.Boolean(),
});
export type SmartClient = Static<typeof SmartClient>;

export const SmartClientList = Type.Object({ clients: Type.Array(SmartClient) });
export type SmartClientList = Static<typeof SmartClientList>;

export const SmartClientInput = Type.Object(
  {
    name: ShortText(100),
    confidential: Type.Boolean(),
    // an absolute address with no spaces or hidden characters (its scheme and host are checked by the service)
    redirectUris: Type.Array(
      Type.String({ minLength: 1, maxLength: 500, pattern: "^[A-Za-z][A-Za-z0-9+.-]*:[\\x21-\\x7E]+$" }),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
export type SmartClientInput = Static<typeof SmartClientInput>;

export const SmartClientCreated = Type.Object({
  client: SmartClient,
  /** a confidential app's secret, shown once (only its sealed form is kept) */
  clientSecret: Nullable(Type.String()),
});
export type SmartClientCreated = Static<typeof SmartClientCreated>;

export const SmartClientIdParams = Type.Object({ clientId: Type.String({ minLength: 1, maxLength: 100 }) });

/** a patient the signed-in user may connect the app to, and the FHIR types offered for them */
export const SmartConsentPatient = Type.Object({
  id: Uuid,
  name: Type.String(),
  /** the signed-in user themselves, or someone they are a caregiver for */
  self: Type.Boolean(),
  /** FHIR resource types the app asked for and the user may allow for this patient */
  types: Type.Array(Type.String()),
});

export const SmartAuthorization = Type.Object({
  uid: Type.String(),
  app: Type.Object({ clientId: Type.String(), name: Type.String() }),
  /** the FHIR resource types the app asked to read (`patient/*.rs` expanded) */
  requestedTypes: Type.Array(Type.String()),
  /** the app asked to keep access while the user is away (`offline_access`) */
  offline: Type.Boolean(),
  patients: Type.Array(SmartConsentPatient),
});
export type SmartAuthorization = Static<typeof SmartAuthorization>;

export const SmartUidParams = Type.Object({
  uid: Type.String({ minLength: 1, maxLength: 100, pattern: "^[A-Za-z0-9_-]+$" }),
});

export const SmartConsentInput = Type.Object(
  {
    patientId: Uuid,
    types: Type.Array(Type.String({ minLength: 1, maxLength: 60, pattern: "^[A-Za-z]+$" }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type SmartConsentInput = Static<typeof SmartConsentInput>;

export const SmartRedirect = Type.Object({
  /** where the browser goes next (back through the authorization server to the app) */
  redirectTo: Type.String(),
});
export type SmartRedirect = Static<typeof SmartRedirect>;

export const ConnectedApp = Type.Object({
  grantId: Type.String(),
  app: Type.Object({ clientId: Type.String(), name: Type.String() }),
  patient: NamedRef,
  /** who allowed it (the patient or a caregiver) */
  grantedBy: Type.String(),
  /** FHIR resource types it may read ("*": all) */
  types: Type.Array(Type.String()),
  offline: Type.Boolean(),
  grantedAt: IsoDateTime,
});
export type ConnectedApp = Static<typeof ConnectedApp>;

export const ConnectedAppList = Type.Object({ apps: Type.Array(ConnectedApp) });
export type ConnectedAppList = Static<typeof ConnectedAppList>;

export const GrantIdParams = Type.Object({
  grantId: Type.String({ minLength: 1, maxLength: 100, pattern: "^[A-Za-z0-9_-]+$" }),
});
