import {
  AcceptStaffInvitationRequest,
  CatalogueQuery,
  IdParams,
  InviteStaffRequest,
  Location,
  LocationInput,
  LocationList,
  LocationPatch,
  Pharmacy,
  PharmacyInput,
  PharmacyList,
  PharmacyPatch,
  Provider,
  ProviderInput,
  ProviderList,
  ProviderListQuery,
  ProviderPatch,
  StaffAccount,
  StaffAccountList,
  UpdateStaffRequest,
} from "@portico/contracts";
import type { Static, TSchema } from "typebox";
import type { App } from "../../app.ts";
import { created, noContent, ok } from "../../platform/route-responses.ts";
import type { ClinicAdminService } from "./service.ts";

const tags = ["clinic"];

/** HTTP only: schemas, the call into the service, the response. */
export async function clinicAdminRoutes(app: App, clinic: ClinicAdminService): Promise<void> {
  // ---- catalogue (any signed-in user) ----
  app.get(
    "/api/locations",
    { schema: { tags, summary: "Clinic locations", querystring: CatalogueQuery, response: ok(LocationList) } },
    async (request) => ({ locations: await clinic.locations.listLocations(request.query.includeInactive) }),
  );
  app.get(
    "/api/providers",
    { schema: { tags, summary: "Providers", querystring: ProviderListQuery, response: ok(ProviderList) } },
    async (request) => ({ providers: await clinic.providers.listProviders(request.query) }),
  );
  app.get(
    "/api/pharmacies",
    { schema: { tags, summary: "Pharmacies", querystring: CatalogueQuery, response: ok(PharmacyList) } },
    async (request) => ({ pharmacies: await clinic.pharmacies.listPharmacies(request.query.includeInactive) }),
  );

  // ---- administration (admin) ----
  catalogueEntryRoutes(app, "/api/locations", "a location", [LocationInput, LocationPatch, Location], {
    create: (input) => clinic.locations.createLocation(input),
    update: (id, patch) => clinic.locations.updateLocation(id, patch),
  });
  catalogueEntryRoutes(app, "/api/providers", "a provider", [ProviderInput, ProviderPatch, Provider], {
    create: (input) => clinic.providers.createProvider(input),
    update: (id, patch) => clinic.providers.updateProvider(id, patch),
  });
  catalogueEntryRoutes(app, "/api/pharmacies", "a pharmacy", [PharmacyInput, PharmacyPatch, Pharmacy], {
    create: (input) => clinic.pharmacies.createPharmacy(input),
    update: (id, patch) => clinic.pharmacies.updatePharmacy(id, patch),
  });

  app.get(
    "/api/admin/staff",
    { schema: { tags, summary: "Staff accounts", response: ok(StaffAccountList) } },
    async () => ({ staff: await clinic.staff.listStaff() }),
  );
  app.post(
    "/api/admin/staff",
    {
      schema: {
        tags,
        summary: "Create a staff account and email an invitation to choose a password",
        body: InviteStaffRequest,
        response: created(StaffAccount),
      },
    },
    async (request, reply) => reply.status(201).send(await clinic.staff.inviteStaff(request.body)),
  );
  app.patch(
    "/api/admin/staff/:id",
    {
      schema: {
        tags,
        summary: "Change roles, name or status (disabling ends all sessions)",
        params: IdParams,
        body: UpdateStaffRequest,
        response: ok(StaffAccount),
      },
    },
    async (request) => clinic.staff.updateStaff(request.params.id, request.body),
  );
  app.post(
    "/api/staff-invitations/accept",
    {
      config: { auth: "public", rateLimit: { max: 20, timeWindow: 15 * 60_000 } },
      schema: {
        tags,
        summary: "Choose a password from a staff invitation link",
        body: AcceptStaffInvitationRequest,
        response: noContent(),
      },
    },
    async (request, reply) => {
      await clinic.staff.acceptStaffInvitation(request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );
}

/** Adding (POST `path`, 201) and changing (PATCH `path/:id`) one kind of catalogue entry. */
function catalogueEntryRoutes<Input extends TSchema, Patch extends TSchema, Item extends TSchema>(
  app: App,
  path: string,
  what: string,
  [input, patch, item]: [Input, Patch, Item],
  entry: {
    create: (input: Static<Input>) => Promise<Static<Item>>;
    update: (id: string, patch: Static<Patch>) => Promise<Static<Item>>;
  },
): void {
  // the answer's type is the entry's own (`entry`), which Fastify cannot resolve from a generic schema
  const answer: TSchema = item;
  app.post(
    path,
    { schema: { tags, summary: `Add ${what}`, body: input, response: created(answer) } },
    async (request, reply) => reply.status(201).send(await entry.create(request.body as Static<Input>)),
  );
  app.patch(
    `${path}/:id`,
    {
      schema: { tags, summary: `Change ${what}`, params: IdParams, body: patch, response: ok(answer) },
    },
    async (request) => entry.update(request.params.id, request.body as Static<Patch>),
  );
}
