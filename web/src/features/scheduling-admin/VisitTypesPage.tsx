import type { VisitType } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { StatusChip } from "../../components/StatusChip";
import { api } from "../../lib/api";

export const adminVisitTypesQuery = {
  queryKey: ["admin", "visit-types"] as const,
  queryFn: () => api<{ visitTypes: VisitType[] }>("/api/admin/visit-types").then((r) => r.visitTypes),
};

/** Every visit type the clinic offers, including switched-off ones. */
export function VisitTypesPage() {
  const { t } = useTranslation("appointments");
  const list = useQuery(adminVisitTypesQuery);
  return (
    <div className="stack">
      <PageHeader
        title={t("adminTypes.title")}
        lead={<p>{t("adminTypes.lead")}</p>}
        actions={
          <ButtonLink to="/admin/visit-types/$visitTypeId" params={{ visitTypeId: "new" }}>
            {t("adminTypes.add")}
          </ButtonLink>
        }
      />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorAlert title={t("adminTypes.loadFailed")} error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyState title={t("adminTypes.emptyTitle")}>
          <p>{t("adminTypes.emptyBody")}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t("adminTypes.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("adminTypes.name")}</th>
                <th scope="col">{t("adminTypes.specialty")}</th>
                <th scope="col">{t("adminTypes.length")}</th>
                <th scope="col">{t("adminTypes.bookingKind")}</th>
                <th scope="col">{t("adminTypes.state")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((vt) => (
                <tr key={vt.id}>
                  <td data-label={t("adminTypes.name")}>
                    <Link to="/admin/visit-types/$visitTypeId" params={{ visitTypeId: vt.id }}>
                      {vt.name}
                    </Link>
                    {vt.nameEs ? <span className="text-muted"> · {vt.nameEs}</span> : null}
                  </td>
                  <td data-label={t("adminTypes.specialty")}>{specialtyLabel(vt.specialty, t)}</td>
                  <td data-label={t("adminTypes.length")}>
                    {t("adminTypes.minutes", { count: vt.durationMinutes })} · {t(`modality.${vt.modality}`)}
                  </td>
                  <td data-label={t("adminTypes.bookingKind")}>{t(`kind.${vt.bookingKind}`)}</td>
                  <td data-label={t("adminTypes.state")}>
                    <StatusChip tone={vt.active ? "success" : "neutral"}>
                      {vt.active ? t("adminTypes.active") : t("adminTypes.inactive")}
                    </StatusChip>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function specialtyLabel(specialty: string, t: (key: string, o?: Record<string, unknown>) => string): string {
  const fallback = specialty.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  return t(`specialty.${specialty}`, { defaultValue: fallback });
}
