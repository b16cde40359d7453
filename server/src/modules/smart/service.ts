import type {
  ConnectedApp,
  SmartAuthorization,
  SmartClient,
  SmartClientCreated,
  SmartClientInput,
  SmartConsentInput,
} from "@portico/contracts";
import type Provider from "oidc-provider";
import type { FhirTokenVerifier } from "../fhir-api/routes.ts";
import { FHIR_BASE_PATH } from "../fhir-api/routes.ts";
import { createClient, disableClient, listClients } from "./app-registration.ts";
import { connectedApps, revokeConnectedApp } from "./connected-apps.ts";
import { authorization, consent, deny } from "./consent.ts";
import {
  DAY_MS,
  END_CAREGIVER_CONNECTIONS_QUEUE,
  endCaregiverConnections,
  scheduleDaily,
} from "./ended-connections.ts";
import { buildProvider, smartConfiguration } from "./provider.ts";
import { ClientRateLimiter } from "./rate-limit.ts";
import { OAUTH_PATH, type SmartContext, type SmartDeps } from "./smart-context.ts";
import { FHIR_REQUESTS_PER_CLIENT_PER_MINUTE, tokenVerifier } from "./token-verifier.ts";

export { END_CAREGIVER_CONNECTIONS_QUEUE } from "./ended-connections.ts";
export { OAUTH_PATH, type SmartDeps } from "./smart-context.ts";
export { AppThrottled, FHIR_REQUESTS_PER_CLIENT_PER_MINUTE } from "./token-verifier.ts";

/**
 * SMART App Launch 2.x (standalone patient launch) on `oidc-provider`: the authorization
 * server at `/oauth` (provider.ts), the consent step over the portal's own session
 * (consent.ts), the token verifier the FHIR API uses (token-verifier.ts), connected apps
 * (connected-apps.ts), app registration (app-registration.ts), and the daily job that ends
 * caregivers' connections whose access has ended (ended-connections.ts). Whom a connection
 * acts as is connection-basis.ts. This class is what the module, its routes and the FHIR API see.
 */
export class SmartService {
  readonly #c: SmartContext;
  #provider: Promise<Provider> | undefined;
  readonly publicUrl: string;
  /** the FHIR API's per-app limit, shared by the app servers through Redis when configured (tests lower `perMinute`) */
  readonly clientLimiter: ClientRateLimiter;
  readonly issuer: string;
  readonly fhirBase: string;
  /** the FHIR API's token check */
  readonly verifier: FhirTokenVerifier;

  constructor(deps: SmartDeps) {
    this.publicUrl = deps.config.publicUrl;
    this.issuer = `${deps.config.publicUrl}${OAUTH_PATH}`;
    this.fhirBase = `${deps.config.publicUrl}${FHIR_BASE_PATH}`;
    this.#c = { ...deps, issuer: this.issuer, fhirBase: this.fhirBase, provider: () => this.provider() };
    this.clientLimiter = new ClientRateLimiter(FHIR_REQUESTS_PER_CLIENT_PER_MINUTE, deps.redis);
    this.verifier = tokenVerifier(this.#c, this.clientLimiter);
    deps.jobs.register(END_CAREGIVER_CONNECTIONS_QUEUE, async () => {
      await this.endCaregiverConnections();
      await this.scheduleDaily(new Date(deps.clock.now().getTime() + DAY_MS));
    });
  }

  /** Queues the daily run (once per day across all workers), after the proxies' end of parental access at 04:00. */
  scheduleDaily(day?: Date): Promise<void> {
    return scheduleDaily(this.#c, day);
  }

  /** The daily job: caregivers' connections whose access has ended are ended. Answers how many. */
  endCaregiverConnections(): Promise<number> {
    return endCaregiverConnections(this.#c);
  }

  /** the authorization server, built on first use (its keys come from the database) */
  provider(): Promise<Provider> {
    this.#provider ??= buildProvider(this.#c).catch((error) => {
      this.#provider = undefined;
      throw error;
    });
    return this.#provider;
  }

  /** SMART's `.well-known/smart-configuration` */
  smartConfiguration() {
    return smartConfiguration(this.#c);
  }

  // ---- the consent step (consent.ts) ----

  authorization(uid: string): Promise<SmartAuthorization> {
    return authorization(this.#c, uid);
  }

  consent(uid: string, input: SmartConsentInput): Promise<{ redirectTo: string }> {
    return consent(this.#c, uid, input);
  }

  deny(uid: string): Promise<{ redirectTo: string }> {
    return deny(this.#c, uid);
  }

  // ---- connected apps (connected-apps.ts) ----

  connectedApps(): Promise<ConnectedApp[]> {
    return connectedApps(this.#c);
  }

  /** ends an app's access: the grant and every token issued under it */
  revoke(grantId: string): Promise<void> {
    return revokeConnectedApp(this.#c, grantId);
  }

  // ---- app registration, administrators (app-registration.ts) ----

  listClients(): Promise<SmartClient[]> {
    return listClients(this.#c);
  }

  createClient(input: SmartClientInput): Promise<SmartClientCreated> {
    return createClient(this.#c, input);
  }

  disableClient(clientId: string): Promise<SmartClient> {
    return disableClient(this.#c, clientId);
  }
}
