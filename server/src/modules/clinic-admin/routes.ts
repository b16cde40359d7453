import {
  AcceptStaffInvitationRequest,
  CatalogueQuery,
  errorResponses,
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
import { Type } from "typebox";
import type { App } from "../../app.ts";
import type { ClinicAdminService } from "./service.ts";

const tags = ["clinic"];
const ok = (schema: unknown) => ({ ...errorResponses, 200: schema });
const created = (schema: unknown) => ({ ...errorResponses, 201: schema });

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
  app.post(
    "/api/locations",
    { schema: { tags, summary: "Add a location", body: LocationInput, response: created(Location) } },
    async (request, reply) => reply.status(201).send(await clinic.locations.createLocation(request.body)),
  );
  app.patch(
    "/api/locations/:id",
    { schema: { tags, summary: "Change a location", params: IdParams, body: LocationPatch, response: ok(Location) } },
    async (request) => clinic.locations.updateLocation(request.params.id, request.body),
  );
  app.post(
    "/api/providers",
    { schema: { tags, summary: "Add a provider", body: ProviderInput, response: created(Provider) } },
    async (request, reply) => reply.status(201).send(await clinic.providers.createProvider(request.body)),
  );
  app.patch(
    "/api/providers/:id",
    { schema: { tags, summary: "Change a provider", params: IdParams, body: ProviderPatch, response: ok(Provider) } },
    async (request) => clinic.providers.updateProvider(request.params.id, request.body),
  );
  app.post(
    "/api/pharmacies",
    { schema: { tags, summary: "Add a pharmacy", body: PharmacyInput, response: created(Pharmacy) } },
    async (request, reply) => reply.status(201).send(await clinic.pharmacies.createPharmacy(request.body)),
  );
  app.patch(
    "/api/pharmacies/:id",
    { schema: { tags, summary: "Change a pharmacy", params: IdParams, body: PharmacyPatch, response: ok(Pharmacy) } },
    async (request) => clinic.pharmacies.updatePharmacy(request.params.id, request.body),
  );

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
        response: { ...errorResponses, 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await clinic.staff.acceptStaffInvitation(request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );
}
