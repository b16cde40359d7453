import type { ScheduleEntry, StaffStatus } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ButtonLink } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate, formatDay, formatTime, timeZoneLabel } from "../../lib/format";
import { addDays, STATUSES, startOfDayIn, todayIn, visitName } from "../appointments/data";
import { AppointmentStatusChip } from "../appointments/parts";
import { IntakeSummary } from "./VisitIntake";
import { workplaceQuery } from "./workplace";

interface ArrivalsBoard {
  date: string;
  locationId: string;
  locationName: string;
  timeZone: string;
  entries: ScheduleEntry[];
  counts: Record<string, number>;
}

const STORAGE_KEY = "portico.arrivals.location";
const route = getRouteApi("/signed-in/front-desk/arrivals");

function remembered(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Today's arrivals at one location: who is due, who is here and how long they have waited. */
export function ArrivalsPage() {
  const { t } = useTranslation("appointments");
  const search = route.useSearch();
  const navigate = useNavigate();
  // only the boards the server lets this user open (their locations; a physician's own visits)
  const locations = useQuery(workplaceQuery);
  const active = locations.data?.locations ?? [];
  const saved = remembered();
  const locationId =
    search.locationId ?? (active.some((l) => l.id === saved) ? saved : undefined) ?? active[0]?.id ?? null;
  const location = active.find((l) => l.id === locationId);
  const zone = location?.timeZone ?? "UTC";
  const date = search.date ?? todayIn(zone);
  const locale = currentLocale();

  useEffect(() => {
    if (!locationId) return;
    try {
      localStorage.setItem(STORAGE_KEY, locationId);
    } catch {
      // remembered for this visit only
    }
  }, [locationId]);

  const board = useQuery({
    queryKey: ["arrivals", locationId, date],
    enabled: Boolean(locationId),
    queryFn: ({ signal }) => api<ArrivalsBoard>(`/api/arrivals?locationId=${locationId}&date=${date}`, { signal }),
    refetchInterval: 30_000,
  });

  const go = (next: { locationId?: string; date?: string }) =>
    navigate({
      to: "/front-desk/arrivals",
      search: { locationId: next.locationId ?? locationId ?? undefined, date: next.date ?? date },
    });

  const today = todayIn(zone);
  const dayLabel = location ? formatDay(startOfDayIn(date, zone), zone, locale) : formatCalendarDate(date, locale);

  return (
    <div className="stack">
      <PageHeader
        title={t("arrivals.title")}
        lead={<p>{t("arrivals.lead")}</p>}
        actions={<ButtonLink to="/front-desk/book">{t("arrivals.bookFor")}</ButtonLink>}
      />
      {locations.isPending ? (
        <LoadingState />
      ) : locations.isError ? (
        <ErrorAlert title={t("arrivals.loadFailed")} error={locations.error} />
      ) : active.length === 0 ? (
        <EmptyState title={t("arrivals.noLocations")}>
          <p>{t("arrivals.noLocationsBody")}</p>
        </EmptyState>
      ) : (
        <>
          <div className="board-controls">
            <Select
              name="locationId"
              label={t("arrivals.location")}
              options={active.map((l) => ({ id: l.id, label: l.name }))}
              value={locationId}
              onChange={(id) => void go({ locationId: id })}
              width="medium"
            />
            <div className="board-controls__day">
              <p className="board-controls__label" id="day-label">
                {t("arrivals.day")}: <strong>{dayLabel}</strong>{" "}
                <span className="text-muted">({timeZoneLabel(zone, locale)})</span>
              </p>
              <div className="week-nav__buttons">
                <Button variant="secondary" onPress={() => void go({ date: addDays(date, -1) })}>
                  {t("arrivals.previousDay")}
                </Button>
                {date !== today ? (
                  <Button variant="secondary" onPress={() => void go({ date: today })}>
                    {t("arrivals.today")}
                  </Button>
                ) : null}
                <Button variant="secondary" onPress={() => void go({ date: addDays(date, 1) })}>
                  {t("arrivals.nextDay")}
                </Button>
              </div>
            </div>
          </div>
          {location?.ownVisitsOnly ? <p className="text-muted">{t("arrivals.ownVisitsOnly")}</p> : null}
          {board.isPending ? (
            <LoadingState label={t("arrivals.loading")} />
          ) : board.isError ? (
            <ErrorAlert title={t("arrivals.loadFailed")} error={board.error} onRetry={() => void board.refetch()} />
          ) : (
            <Board board={board.data} />
          )}
        </>
      )}
    </div>
  );
}

function Board({ board }: { board: ArrivalsBoard }) {
  const { t } = useTranslation("appointments");
  const counted = STATUSES.filter((s) => (board.counts[s] ?? 0) > 0);
  return (
    <>
      <section aria-labelledby="counts-title">
        <h2 id="counts-title" className="visually-hidden">
          {t("arrivals.countsTitle")}
        </h2>
        <ul className="count-list">
          <li>
            <span className="count-list__n">{board.entries.length}</span> {t("arrivals.total")}
          </li>
          {counted.map((s) => (
            <li key={s}>
              <span className="count-list__n">{board.counts[s]}</span> {t(`status.${s}`)}
            </li>
          ))}
        </ul>
      </section>
      {board.entries.length === 0 ? (
        <EmptyState title={t("arrivals.emptyTitle")}>
          <p>{t("arrivals.emptyBody")}</p>
        </EmptyState>
      ) : (
        <EntryTable entries={board.entries} queryKey={["arrivals", board.locationId, board.date]} />
      )}
    </>
  );
}

/** The rows of a board or a schedule: time, patient, visit, status, and the next steps allowed. */
export function EntryTable({
  entries,
  queryKey,
  showDay,
  showActions = true,
  caption,
}: {
  entries: ScheduleEntry[];
  queryKey: readonly unknown[];
  showDay?: boolean;
  showActions?: boolean;
  caption?: string;
}) {
  const { t, i18n } = useTranslation("appointments");
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const change = useMutation({
    mutationFn: ({ entry, status }: { entry: ScheduleEntry; status: StaffStatus | "undo" }) =>
      status === "undo"
        ? api<ScheduleEntry>(`/api/appointments/${entry.appointmentId}/status/undo`, { method: "POST" })
        : api<ScheduleEntry>(`/api/appointments/${entry.appointmentId}/status`, { method: "POST", body: { status } }),
    onSuccess: async (updated, { entry, status }) => {
      setNotice({
        tone: "success",
        text: t(status === "undo" ? "arrivals.undone" : "arrivals.changed", {
          name: entry.patientName,
          status: t(`status.${updated.status}`),
        }),
      });
      await queryClient.invalidateQueries({ queryKey });
    },
    onError: (error) => setNotice({ tone: "error", text: errorMessage(error, tc, i18n.exists) }),
  });
  const pendingFor = (entry: ScheduleEntry, status: StaffStatus | "undo") =>
    change.isPending &&
    change.variables?.entry.appointmentId === entry.appointmentId &&
    change.variables.status === status;
  return (
    <>
      <div aria-live="polite" className="board-notice">
        {notice ? (
          <Alert
            tone={notice.tone}
            title={notice.tone === "success" ? t("arrivals.savedTitle") : t("arrivals.failedTitle")}
          >
            <p>{notice.text}</p>
          </Alert>
        ) : null}
      </div>
      <div className="table-wrap">
        <table className="data-table board-table">
          {caption ? <caption>{caption}</caption> : null}
          <thead>
            <tr>
              <th scope="col">{t("arrivals.time")}</th>
              <th scope="col">{t("arrivals.patient")}</th>
              <th scope="col">{t("arrivals.visit")}</th>
              <th scope="col">{t("arrivals.status")}</th>
              <th scope="col">{t("arrivals.waiting")}</th>
              {showActions ? <th scope="col">{t("arrivals.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const allowed = e.nextStatuses;
              return (
                <tr key={e.appointmentId}>
                  <td data-label={t("arrivals.time")}>
                    {showDay ? (
                      <>
                        {formatDay(e.start, e.timeZone, locale)}
                        <br />
                      </>
                    ) : null}
                    <strong>{formatTime(e.start, e.timeZone, locale)}</strong>
                  </td>
                  <td data-label={t("arrivals.patient")}>
                    <strong>{e.patientName}</strong>
                    <br />
                    <span className="text-muted">
                      {t("arrivals.born", { date: formatCalendarDate(e.dateOfBirth, locale) })} ·{" "}
                      {t("arrivals.mrn", { mrn: e.mrn })}
                    </span>
                  </td>
                  <td data-label={t("arrivals.visit")}>
                    {visitName({ name: e.visitTypeName, nameEs: e.visitTypeNameEs }, locale)}
                    {e.modality === "video" ? ` (${t("modality.video")})` : ""}
                    <br />
                    <span className="text-muted">{e.providerName}</span>
                  </td>
                  <td data-label={t("arrivals.status")}>
                    <AppointmentStatusChip status={e.status} />
                    <br />
                    <span className="text-muted">
                      {e.eCheckInDone ? t("arrivals.eCheckInDone") : t("arrivals.eCheckInNot")}
                    </span>
                    {e.intake ? (
                      <IntakeSummary intake={e.intake} patientName={e.patientName} appointmentId={e.appointmentId} />
                    ) : null}
                  </td>
                  <td data-label={t("arrivals.waiting")}>
                    {e.minutesWaiting === null ? (
                      <span className="text-muted">{t("arrivals.notWaiting")}</span>
                    ) : (
                      <strong className={e.minutesWaiting >= 20 ? "text-danger" : undefined}>
                        {t("arrivals.minutes", { count: e.minutesWaiting })}
                      </strong>
                    )}
                  </td>
                  {showActions ? (
                    <td data-label={t("arrivals.actions")}>
                      <div className="row-actions">
                        {allowed.map((s) => (
                          <Button
                            key={s}
                            variant={s === allowed[0] ? "primary" : "secondary"}
                            isPending={pendingFor(e, s)}
                            onPress={() => change.mutate({ entry: e, status: s })}
                            aria-label={t("arrivals.markNamed", { action: t(`arrivals.to.${s}`), name: e.patientName })}
                          >
                            {t(`arrivals.to.${s}`)}
                          </Button>
                        ))}
                        {e.undoTo ? (
                          <Button
                            variant="secondary"
                            isPending={pendingFor(e, "undo")}
                            onPress={() => change.mutate({ entry: e, status: "undo" })}
                            aria-label={t("arrivals.undoNamed", {
                              status: t(`status.${e.status}`),
                              name: e.patientName,
                            })}
                          >
                            {t("arrivals.undo")}
                          </Button>
                        ) : null}
                        {allowed.length === 0 && !e.undoTo ? (
                          <span className="text-muted">{t("arrivals.noActions")}</span>
                        ) : null}
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
