import type {
  InviteStaffRequest,
  Location,
  LocationInput,
  LocationList,
  Pharmacy,
  PharmacyInput,
  PharmacyList,
  Provider,
  ProviderInput,
  ProviderList,
  StaffAccount,
  StaffAccountList,
  UpdateStaffRequest,
} from "@portico/contracts";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { Static } from "typebox";
import { api } from "../lib/api";

/**
 * The clinic's catalogue (locations, providers, pharmacies) and staff accounts: one key
 * factory per resource, so a change refreshes every list of that resource at once (the
 * in-use list people book from and the full list admins edit).
 */
const catalogueKeys = <R extends string>(resource: R) => ({
  all: [resource] as const,
  list: (which: "inUse" | "all") => [resource, "list", which] as const,
});

export const locationKeys = catalogueKeys("locations");
export const providerKeys = catalogueKeys("providers");
export const pharmacyKeys = catalogueKeys("pharmacies");
export const staffKeys = { all: ["staff"] as const, list: () => ["staff", "list"] as const };

const FIVE_MINUTES = 5 * 60_000;
const inactiveToo = (which: "inUse" | "all") => (which === "all" ? "?includeInactive=true" : "");

export const locationsQuery = (which: "inUse" | "all" = "inUse") =>
  queryOptions({
    queryKey: locationKeys.list(which),
    queryFn: () => api<Static<typeof LocationList>>(`/api/locations${inactiveToo(which)}`).then((r) => r.locations),
    staleTime: which === "inUse" ? FIVE_MINUTES : 0,
  });

export const providersQuery = (which: "inUse" | "all" = "inUse") =>
  queryOptions({
    queryKey: providerKeys.list(which),
    queryFn: () => api<Static<typeof ProviderList>>(`/api/providers${inactiveToo(which)}`).then((r) => r.providers),
    staleTime: which === "inUse" ? FIVE_MINUTES : 0,
  });

export const pharmaciesQuery = (which: "inUse" | "all" = "inUse") =>
  queryOptions({
    queryKey: pharmacyKeys.list(which),
    queryFn: () => api<Static<typeof PharmacyList>>(`/api/pharmacies${inactiveToo(which)}`).then((r) => r.pharmacies),
    staleTime: which === "inUse" ? FIVE_MINUTES : 0,
  });

export const staffQuery = () =>
  queryOptions({
    queryKey: staffKeys.list(),
    queryFn: () => api<Static<typeof StaffAccountList>>("/api/admin/staff").then((r) => r.staff),
  });

/** Creates (no id) or changes a record, then refreshes every list of it. */
function saver<Input, Out>(path: string, keys: { all: readonly string[] }) {
  return async (queryClient: QueryClient, id: string | null, body: Input): Promise<Out> => {
    const saved = id
      ? await api<Out>(`${path}/${encodeURIComponent(id)}`, { method: "PATCH", body })
      : await api<Out>(path, { method: "POST", body });
    await queryClient.invalidateQueries({ queryKey: keys.all });
    return saved;
  };
}

export const saveLocation = saver<LocationInput, Location>("/api/locations", locationKeys);
export const saveProvider = saver<ProviderInput, Provider>("/api/providers", providerKeys);
export const savePharmacy = saver<PharmacyInput, Pharmacy>("/api/pharmacies", pharmacyKeys);
export const inviteStaff = (queryClient: QueryClient, body: InviteStaffRequest) =>
  saver<InviteStaffRequest, StaffAccount>("/api/admin/staff", staffKeys)(queryClient, null, body);
export const updateStaff = (queryClient: QueryClient, id: string, body: UpdateStaffRequest) =>
  saver<UpdateStaffRequest, StaffAccount>("/api/admin/staff", staffKeys)(queryClient, id, body);
