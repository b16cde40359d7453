import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../lib/api";

export interface ClinicInfo {
  name: string;
  phone: string;
}

export const clinicQuery = queryOptions({
  queryKey: ["clinic"],
  queryFn: () => api<ClinicInfo>("/api/clinic", { quietUnauthenticated: true }),
  staleTime: Number.POSITIVE_INFINITY,
  retry: 1,
});

/** The clinic's name and phone number (null until known). */
export function useClinic(): ClinicInfo | null {
  return useQuery(clinicQuery).data ?? null;
}
