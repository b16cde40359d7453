import type { PatientProfile, PendingRegistration } from "@portico/contracts";
import { api } from "../../lib/api";

/** The front desk's queue of online registrations waiting to be checked. */
export const pendingQueryKey = ["registrations", "pending"] as const;
export const pendingQuery = {
  queryKey: pendingQueryKey,
  queryFn: () =>
    api<{ registrations: PendingRegistration[] }>("/api/registrations/pending").then((r) => r.registrations),
};

export const fullName = (p: PatientProfile) => `${p.legalGivenName} ${p.legalFamilyName}`;
