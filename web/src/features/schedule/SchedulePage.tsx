import type { ScheduleEntry } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { formatCalendarDate } from "../../lib/format";
import { addDays, localDayKey, mondayOf } from "../appointments/data";
import { EntryTable } from "./ArrivalsPage";
import { workplaceQuery } from "./workplace";

interface ProviderSchedule {
  providerId: string;
  providerName: string;
  from: string;
  days: number;
  entries: ScheduleEntry[];
}

const route = getRouteApi("/signed-in/schedule");

/** A provider's day or week: physicians see their own; front desk and nurses choose a provider. */
export function SchedulePage() {
  const { t } = useTranslation("appointments");
  const search = route.useSearch();
  const navigate = useNavigate();
  // the schedules the server lets this user read: a physician their own, the desk and nurses
  // the providers of their locations
  const workplace = useQuery(workplaceQuery);
  const choices = workplace.data?.providers ?? [];
  const canChoose = choices.length > 1;
  const view = search.view === "week" ? "week" : "day";
  const date = search.date ?? localDayKey();
  const from = view === "week" ? mondayOf(date) : date;
  const providerId = search.providerId ?? choices[0]?.id;
  const locale = currentLocale();

  const schedule = useQuery({
    queryKey: ["schedule", providerId ?? "mine", from, view],
    enabled: Boolean(providerId),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ date: from, days: view === "week" ? "7" : "1" });
      if (providerId) params.set("providerId", providerId);
      return api<ProviderSchedule>(`/api/schedule?${params}`, { signal });
    },
    refetchInterval: 60_000,
  });
  const go = (next: { providerId?: string; date?: string; view?: "day" | "week" }) =>
    navigate({
      to: "/schedule",
      search: { providerId: next.providerId ?? search.providerId, date: next.date ?? date, view: next.view ?? view },
    });
  const step = view === "week" ? 7 : 1;
  const rangeLabel =
    view === "week"
      ? t("schedule.weekRange", {
          from: formatCalendarDate(from, locale),
          to: formatCalendarDate(addDays(from, 6), locale),
        })
      : formatCalendarDate(from, locale);

  return (
    <div className="stack">
      <PageHeader
        title={
          schedule.data && canChoose
            ? t("schedule.titleFor", { name: schedule.data.providerName })
            : t("schedule.title")
        }
        lead={<p>{t("schedule.lead")}</p>}
      />
      <div className="board-controls">
        {canChoose ? (
          <Select
            name="providerId"
            label={t("schedule.provider")}
            options={choices.map((p) => ({ id: p.id, label: p.name }))}
            value={providerId ?? null}
            onChange={(id) => void go({ providerId: id })}
            width="medium"
          />
        ) : null}
        <Select
          name="view"
          label={t("schedule.view")}
          options={[
            { id: "day", label: t("schedule.day") },
            { id: "week", label: t("schedule.week") },
          ]}
          value={view}
          onChange={(v) => void go({ view: v === "week" ? "week" : "day" })}
          width="medium"
        />
        <div className="board-controls__day">
          <p className="board-controls__label">
            <strong>{rangeLabel}</strong>
          </p>
          <div className="week-nav__buttons">
            <Button variant="secondary" onPress={() => void go({ date: addDays(from, -step) })}>
              {view === "week" ? t("schedule.previousWeek") : t("arrivals.previousDay")}
            </Button>
            <Button variant="secondary" onPress={() => void go({ date: localDayKey() })}>
              {t("arrivals.today")}
            </Button>
            <Button variant="secondary" onPress={() => void go({ date: addDays(from, step) })}>
              {view === "week" ? t("schedule.nextWeek") : t("arrivals.nextDay")}
            </Button>
          </div>
        </div>
      </div>
      {workplace.isSuccess && choices.length === 0 ? (
        <EmptyState title={t("schedule.noneTitle")}>
          <p>{t("schedule.noneBody")}</p>
        </EmptyState>
      ) : workplace.isPending || (schedule.isPending && providerId) ? (
        <LoadingState label={t("schedule.loading")} />
      ) : schedule.isError ? (
        <ErrorAlert title={t("schedule.loadFailed")} error={schedule.error} />
      ) : !schedule.data || schedule.data.entries.length === 0 ? (
        <EmptyState title={view === "week" ? t("schedule.emptyWeek") : t("schedule.emptyDay")}>
          <p>{t("schedule.emptyBody")}</p>
        </EmptyState>
      ) : (
        <EntryTable
          entries={schedule.data.entries}
          queryKey={["schedule", providerId ?? "mine", from, view]}
          showDay={view === "week"}
          caption={t("schedule.caption", { count: schedule.data.entries.length })}
        />
      )}
    </div>
  );
}
