import type { StaffWorkplace } from "@portico/contracts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api";

/**
 * The arrivals boards this staff member may open and the providers whose schedules they may
 * read, as the server decides (front desk and nurses: their assigned locations; physicians:
 * their own visits). The pages offer exactly these.
 */
export const workplaceQuery = queryOptions({
  queryKey: ["workplace"],
  queryFn: () => api<StaffWorkplace>("/api/workplace"),
  staleTime: 60_000,
});
