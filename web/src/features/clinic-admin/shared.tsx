import type { Location, Pharmacy, Provider } from "@portico/contracts";
import { queryOptions } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";
import { api } from "../../lib/api";
import "../registration/registration.css";

export const locationsQuery = queryOptions({
  queryKey: ["admin", "locations"],
  queryFn: () => api<{ locations: Location[] }>("/api/locations?includeInactive=true").then((r) => r.locations),
});
export const providersAdminQuery = queryOptions({
  queryKey: ["admin", "providers"],
  queryFn: () => api<{ providers: Provider[] }>("/api/providers?includeInactive=true").then((r) => r.providers),
});
export const pharmaciesAdminQuery = queryOptions({
  queryKey: ["admin", "pharmacies"],
  queryFn: () => api<{ pharmacies: Pharmacy[] }>("/api/pharmacies?includeInactive=true").then((r) => r.pharmacies),
});

export interface AddressLike {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
}

export function addressText(address: unknown): string {
  const a = (address ?? {}) as AddressLike;
  return [a.line1, a.line2, a.city, a.region, a.postalCode].filter(Boolean).join(", ");
}

export function BackToSetup({ to = "/admin/clinic", label }: { to?: string; label?: string }) {
  const { t } = useTranslation("clinicAdmin");
  return (
    <Link to={to} className="back-link">
      {label ?? t("hub.title")}
    </Link>
  );
}

export function Cell({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <td data-label={label} className={className}>
      {children}
    </td>
  );
}

/** Time zones of the United States and its territories, the ones a clinic here is in. */
export const TIME_ZONES = [
  "America/New_York",
  "America/Detroit",
  "America/Indiana/Indianapolis",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Boise",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "Pacific/Guam",
];
