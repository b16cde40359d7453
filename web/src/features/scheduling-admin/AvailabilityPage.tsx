import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { api } from "../../lib/api";
import { locationsQuery, providersQuery } from "../appointments/data";
import type { Availability } from "./availability-parts";
import { ExceptionsSection } from "./ExceptionsSection";
import { TemplatesSection } from "./TemplatesSection";
import { specialtyLabel } from "./VisitTypesPage";
import { WeekGrid } from "./WeekGrid";

const route = getRouteApi("/signed-in/admin/availability");

/** When each provider can be booked: weekly hours per location, and time off, blocks or extra hours. */
export function AvailabilityPage() {
  const { t } = useTranslation("appointments");
  const search = route.useSearch();
  const navigate = useNavigate();
  const providers = useQuery(providersQuery);
  const locations = useQuery(locationsQuery);
  const providerId = search.providerId ?? providers.data?.[0]?.id ?? null;
  const provider = providers.data?.find((p) => p.id === providerId);
  const availability = useQuery({
    queryKey: ["availability", providerId],
    enabled: Boolean(providerId),
    queryFn: ({ signal }) => api<Availability>(`/api/providers/${providerId}/availability`, { signal }),
  });
  const places = (locations.data ?? []).filter((l) => provider?.locationIds.includes(l.id));

  return (
    <div className="stack">
      <PageHeader title={t("availability.title")} lead={<p>{t("availability.lead")}</p>} />
      {providers.isPending || locations.isPending ? (
        <LoadingState />
      ) : (providers.data ?? []).length === 0 ? (
        <EmptyState title={t("availability.noProviders")} />
      ) : (
        <>
          <Select
            name="providerId"
            label={t("availability.provider")}
            options={(providers.data ?? []).map((p) => ({
              id: p.id,
              label: `${p.displayName} (${specialtyLabel(p.specialty, t)})`,
            }))}
            value={providerId}
            onChange={(id) => void navigate({ to: "/admin/availability", search: { providerId: id } })}
            width="medium"
          />
          {availability.isPending ? (
            <LoadingState />
          ) : availability.isError ? (
            <ErrorAlert title={t("availability.loadFailed")} error={availability.error} />
          ) : provider ? (
            <>
              <WeekGrid templates={availability.data.templates} places={places} />
              <TemplatesSection providerId={provider.id} templates={availability.data.templates} places={places} />
              <ExceptionsSection providerId={provider.id} exceptions={availability.data.exceptions} places={places} />
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
