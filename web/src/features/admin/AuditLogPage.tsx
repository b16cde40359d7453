import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type FieldErrors, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { StatusChip, type StatusTone } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { bindField } from "../../kit/bind-field";
import { FilterCard } from "../../kit/FilterCard";
import { api } from "../../lib/api";
import { formatDateTime, localTimeZone } from "../../lib/format";

interface AuditRecord {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRoles: string[];
  patientId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
}

interface Filters {
  userId: string;
  patientId: string;
  action: string;
  outcome: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { userId: "", patientId: "", action: "", outcome: "any", from: "", to: "" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OUTCOME_TONE: Record<string, StatusTone> = { success: "success", denied: "danger", failure: "warning" };

function toQuery(filters: Filters, cursor: string | null): string {
  const params = new URLSearchParams();
  if (filters.userId) params.set("userId", filters.userId.trim());
  if (filters.patientId) params.set("patientId", filters.patientId.trim());
  if (filters.action) params.set("action", filters.action.trim());
  if (filters.outcome !== "any") params.set("outcome", filters.outcome);
  // dates are whole days on the admin's own clock
  if (filters.from) params.set("from", new Date(`${filters.from}T00:00:00`).toISOString());
  if (filters.to) params.set("to", new Date(`${filters.to}T23:59:59.999`).toISOString());
  if (cursor) params.set("cursor", cursor);
  params.set("limit", "50");
  return params.toString();
}

/** Search the audit log: who did what to which record, when, and whether it was allowed. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const locale = currentLocale();
  const zone = localTimeZone();

  const log = useInfiniteQuery({
    queryKey: ["admin-audit", applied],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<{ records: AuditRecord[]; nextCursor: string | null }>(`/api/admin/audit?${toQuery(applied, pageParam)}`, {
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });

  function submit() {
    const next: FieldErrors = {};
    if (draft.userId && !UUID.test(draft.userId.trim())) next.userId = t("audit.idInvalid");
    if (draft.patientId && !UUID.test(draft.patientId.trim())) next.patientId = t("audit.idInvalid");
    if (draft.from && !DATE.test(draft.from)) next.from = t("audit.dateInvalid");
    if (draft.to && !DATE.test(draft.to)) next.to = t("audit.dateInvalid");
    if (!next.from && !next.to && draft.from && draft.to && draft.from > draft.to) next.to = t("audit.dateOrder");
    setErrors(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length === 0) setApplied(draft);
  }

  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const field = bindField(draft, errors, set);
  const records = log.data?.pages.flatMap((p) => p.records) ?? [];

  return (
    <>
      <PageHeader title={t("audit.title")} lead={<p>{t("audit.lead")}</p>} />
      <FilterCard id="audit-filters" title={t("audit.filters")} onSubmit={submit} errors={errors} attempt={attempt}>
        <TextField {...field("userId")} label={t("audit.userId")} spellCheck={false} />
        <TextField {...field("patientId")} label={t("audit.patientId")} spellCheck={false} />
        <TextField
          {...field("action")}
          label={t("audit.action")}
          description={t("audit.actionHint")}
          spellCheck={false}
        />
        <Select
          {...field("outcome")}
          label={t("audit.outcome")}
          options={[
            { id: "any", label: t("audit.outcomes.any") },
            { id: "success", label: t("audit.outcomes.success") },
            { id: "denied", label: t("audit.outcomes.denied") },
            { id: "failure", label: t("audit.outcomes.failure") },
          ]}
        />
        <TextField {...field("from")} type="date" label={t("audit.from")} />
        <TextField {...field("to")} type="date" label={t("audit.to")} />
        <FormActions>
          <Button type="submit">{t("audit.search")}</Button>
          <Button
            variant="quiet"
            onPress={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
              setErrors({});
            }}
          >
            {t("audit.clear")}
          </Button>
        </FormActions>
      </FilterCard>

      <h2 className="section-title" id="audit-results">
        {t("audit.results")}
      </h2>
      {log.isPending ? (
        <LoadingState />
      ) : log.isError ? (
        <ErrorAlert title={t("audit.failed")} error={log.error} />
      ) : records.length === 0 ? (
        <EmptyState title={t("audit.emptyTitle")} headingLevel={3}>
          <p>{t("audit.emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table" aria-labelledby="audit-results">
              <thead>
                <tr>
                  <th scope="col">{t("audit.when")}</th>
                  <th scope="col">{t("audit.who")}</th>
                  <th scope="col">{t("audit.action")}</th>
                  <th scope="col">{t("audit.record")}</th>
                  <th scope="col">{t("audit.outcome")}</th>
                  <th scope="col">{t("audit.from_")}</th>
                </tr>
              </thead>
              <tbody>
                {records.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t("audit.when")}>{formatDateTime(r.at, zone, locale)}</td>
                    <td data-label={t("audit.who")}>
                      {r.actorName ?? t("audit.system")}
                      {r.actorRoles.length ? (
                        <span className="text-muted">
                          {" "}
                          (
                          {r.actorRoles
                            .map((role) => (i18n.exists(`roles.${role}`) ? t(`roles.${role}`) : role))
                            .join(", ")}
                          )
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t("audit.action")}>
                      <span className="mono">{r.action}</span>
                    </td>
                    <td data-label={t("audit.record")}>
                      {r.resourceType}
                      {r.resourceId ? <span className="mono text-muted"> {r.resourceId}</span> : null}
                      {r.patientId ? (
                        <span className="text-muted">
                          {" "}
                          · {t("audit.patient")} <span className="mono">{r.patientId}</span>
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t("audit.outcome")}>
                      <StatusChip tone={OUTCOME_TONE[r.outcome] ?? "neutral"}>
                        {i18n.exists(`audit.outcomes.${r.outcome}`) ? t(`audit.outcomes.${r.outcome}`) : r.outcome}
                      </StatusChip>
                    </td>
                    <td data-label={t("audit.from_")}>
                      <span className="mono">{r.ip ?? "—"}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {log.hasNextPage ? (
            <Button variant="secondary" onPress={() => void log.fetchNextPage()} isPending={log.isFetchingNextPage}>
              {t("common.showMore")}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
