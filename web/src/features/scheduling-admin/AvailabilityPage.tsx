import type {
  AffectedVisit,
  AffectedVisitsAction,
  AvailabilityException as ExceptionSchema,
  Location,
  AvailabilityTemplate as TemplateSchema,
} from "@portico/contracts";
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Static } from "typebox";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField, type TextFieldProps } from "../../components/fields";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { api, isApiError } from "../../lib/api";
import { errorMessage, renamed } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { locationsQuery, providersQuery, visitName, wallTimeIn } from "../appointments/data";
import { specialtyLabel } from "./VisitTypesPage";

type Template = Static<typeof TemplateSchema>;
type Exception = Static<typeof ExceptionSchema>;
type ExceptionBody = {
  kind: string;
  start: string;
  end: string;
  locationId: string | null;
  note: string | null;
};
type SavedException = Exception & { cancelledVisits: number; keptVisits: number };
/** What the exception form's submit did: saved, or stopped to ask about the booked visits it overlaps. */
type ExceptionOutcome = { saved: SavedException } | { ask: { body: ExceptionBody; affected: AffectedVisit[] } };
interface Availability {
  templates: Template[];
  exceptions: Exception[];
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const route = getRouteApi("/signed-in/admin/availability");

/** When each provider can be booked: weekly hours per location, and time off, blocks or extra hours. */
export function AvailabilityPage() {
  const { t, i18n } = useTranslation("appointments");
  const { t: tc } = useTranslation();
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
            <Alert tone="error" title={t("availability.loadFailed")} live="assertive">
              <p>{errorMessage(availability.error, tc, i18n.exists)}</p>
            </Alert>
          ) : provider ? (
            <>
              <WeekGrid templates={availability.data.templates} places={places} />
              <Templates providerId={provider.id} templates={availability.data.templates} places={places} />
              <Exceptions providerId={provider.id} exceptions={availability.data.exceptions} places={places} />
            </>
          ) : null}
        </>
      )}
    </div>
  );
}

function useWeekdayName() {
  const locale = currentLocale();
  return (weekday: number) =>
    new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-GB", { weekday: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, 0, weekday)), // 1 January 2024 was a Monday
    );
}

function WeekGrid({ templates, places }: { templates: Template[]; places: Location[] }) {
  const { t } = useTranslation("appointments");
  const weekday = useWeekdayName();
  return (
    <section aria-labelledby="grid-title">
      <h2 id="grid-title" className="section-title">
        {t("availability.gridTitle")}
      </h2>
      <div className="week-grid-wrap">
        <table className="week-grid">
          <caption className="visually-hidden">{t("availability.gridCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("availability.location")}</th>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  {weekday(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {places.map((place) => (
              <tr key={place.id}>
                <th scope="row">{place.name}</th>
                {WEEKDAYS.map((d) => {
                  const here = templates
                    .filter((x) => x.locationId === place.id && x.weekday === d)
                    .sort((a, b) => a.startTime.localeCompare(b.startTime));
                  return (
                    <td key={d}>
                      {here.length === 0 ? (
                        <span className="text-muted">{t("availability.closed")}</span>
                      ) : (
                        here.map((x) => (
                          <span key={x.id} className="week-grid__slot">
                            {x.startTime}–{x.endTime}
                          </span>
                        ))
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Templates({
  providerId,
  templates,
  places,
}: {
  providerId: string;
  templates: Template[];
  places: Location[];
}) {
  const { t } = useTranslation("appointments");
  const queryClient = useQueryClient();
  const weekday = useWeekdayName();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["availability", providerId] });
  const form = useForm({
    initial: {
      locationId: places[0]?.id ?? "",
      weekday: "1",
      startTime: "09:00",
      endTime: "17:00",
      validFrom: "",
      validUntil: "",
    },
    validate: (draft) => {
      const next: FieldErrors = {};
      if (!draft.locationId) next.tplLocation = t("availability.locationMissing");
      if (!TIME.test(draft.startTime)) next.tplStart = t("availability.timeInvalid");
      if (!TIME.test(draft.endTime)) next.tplEnd = t("availability.timeInvalid");
      else if (TIME.test(draft.startTime) && draft.endTime <= draft.startTime)
        next.tplEnd = t("availability.endBeforeStart");
      if (draft.validFrom && !DATE.test(draft.validFrom)) next.tplFrom = t("availability.dateInvalid");
      if (draft.validUntil && !DATE.test(draft.validUntil)) next.tplUntil = t("availability.dateInvalid");
      return next;
    },
    submit: (draft) =>
      api(`/api/providers/${providerId}/availability/templates`, {
        method: "POST",
        body: {
          locationId: draft.locationId,
          weekday: Number(draft.weekday),
          startTime: draft.startTime,
          endTime: draft.endTime,
          validFrom: draft.validFrom || null,
          validUntil: draft.validUntil || null,
        },
      }),
    onSuccess: refresh,
    serverField: renamed({
      locationId: "tplLocation",
      startTime: "tplStart",
      endTime: "tplEnd",
      validFrom: "tplFrom",
      validUntil: "tplUntil",
    }),
  });
  const draft = form.values;
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/providers/${providerId}/availability/templates/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const placeName = (id: string) => places.find((p) => p.id === id)?.name ?? "";
  const sorted = [...templates].sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));

  return (
    <RemovableList
      id="tpl-title"
      title={t("availability.templatesTitle")}
      empty={t("availability.noTemplates")}
      items={sorted}
      remove={remove}
      what={(x) => `${weekday(x.weekday)} ${x.startTime}–${x.endTime}, ${placeName(x.locationId)}`}
      item={(x) => (
        <>
          <strong>{weekday(x.weekday)}</strong> {x.startTime}–{x.endTime} · {placeName(x.locationId)}
          {x.validFrom || x.validUntil ? (
            <span className="text-muted">
              {" "}
              ({t("availability.valid", { from: x.validFrom ?? "…", until: x.validUntil ?? "…" })})
            </span>
          ) : null}
        </>
      )}
    >
      <h3 className="subsection-title">{t("availability.addTemplate")}</h3>
      <Form {...form.formProps} aria-label={t("availability.addTemplate")}>
        <div className="filters">
          <Select
            {...form.field("locationId", "tplLocation")}
            label={t("availability.location")}
            options={places.map((p) => ({ id: p.id, label: p.name }))}
            value={draft.locationId || null}
          />
          <Select
            {...form.field("weekday", "tplWeekday")}
            label={t("availability.weekday")}
            options={WEEKDAYS.map((d) => ({ id: String(d), label: weekday(d) }))}
          />
          <WhenField {...form.field("startTime", "tplStart")} kind="time" label={t("availability.start")} />
          <WhenField {...form.field("endTime", "tplEnd")} kind="time" label={t("availability.end")} />
          <WhenField {...form.field("validFrom", "tplFrom")} kind="date" label={t("availability.validFrom")} />
          <WhenField {...form.field("validUntil", "tplUntil")} kind="date" label={t("availability.validUntil")} />
          <FormActions>
            <Button type="submit" isPending={form.pending}>
              {t("availability.addTemplate")}
            </Button>
          </FormActions>
        </div>
      </Form>
    </RemovableList>
  );
}

function Exceptions({
  providerId,
  exceptions,
  places,
}: {
  providerId: string;
  exceptions: Exception[];
  places: Location[];
}) {
  const { t } = useTranslation("appointments");
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["availability", providerId] });
  const zoneOf = (locationId: string | null) =>
    places.find((p) => p.id === locationId)?.timeZone ?? places[0]?.timeZone ?? "UTC";
  const form = useForm({
    initial: {
      kind: "time_off",
      locationId: "any",
      date: "",
      startTime: "09:00",
      endDate: "",
      endTime: "17:00",
      note: "",
    },
    validate: (draft) => {
      const next: FieldErrors = {};
      if (!DATE.test(draft.date)) next.exDate = t("availability.dateInvalid");
      if (draft.endDate && !DATE.test(draft.endDate)) next.exEndDate = t("availability.dateInvalid");
      if (!TIME.test(draft.startTime)) next.exStart = t("availability.timeInvalid");
      if (!TIME.test(draft.endTime)) next.exEnd = t("availability.timeInvalid");
      if (draft.kind === "extra_hours" && draft.locationId === "any")
        next.exLocation = t("availability.extraNeedsLocation");
      if (!next.exDate && !next.exEndDate && !next.exStart && !next.exEnd) {
        const zone = zoneOf(draft.locationId === "any" ? null : draft.locationId);
        if (
          wallTimeIn(draft.endDate || draft.date, draft.endTime, zone) <= wallTimeIn(draft.date, draft.startTime, zone)
        )
          next.exEnd = t("availability.endBeforeStart");
      }
      return next;
    },
    // the server first says which booked visits the time would overlap; with none it is saved at once
    submit: async (draft): Promise<ExceptionOutcome> => {
      const zone = zoneOf(draft.locationId === "any" ? null : draft.locationId);
      const body: ExceptionBody = {
        kind: draft.kind,
        start: wallTimeIn(draft.date, draft.startTime, zone).toISOString(),
        end: wallTimeIn(draft.endDate || draft.date, draft.endTime, zone).toISOString(),
        locationId: draft.locationId === "any" ? null : draft.locationId,
        note: draft.note.trim() || null,
      };
      setDone(null);
      const { affected } = await api<{ affected: AffectedVisit[] }>(
        `/api/providers/${providerId}/availability/exceptions/preview`,
        { method: "POST", body },
      );
      if (affected.length > 0) return { ask: { body, affected } };
      return {
        saved: await api<SavedException>(`/api/providers/${providerId}/availability/exceptions`, {
          method: "POST",
          body,
        }),
      };
    },
    onSuccess: async (outcome) => {
      if ("ask" in outcome) {
        setAsk(outcome.ask);
        return;
      }
      setDone(outcome.saved);
      await refresh();
    },
    serverField: renamed({ kind: "exKind", locationId: "exLocation", start: "exStart", end: "exEnd", note: "exNote" }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/providers/${providerId}/availability/exceptions/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  /** the booked visits the time would overlap, waiting for the admin's choice */
  const [ask, setAsk] = useState<{ body: ExceptionBody; affected: AffectedVisit[] } | null>(null);
  const [done, setDone] = useState<SavedException | null>(null);
  const decide = useMutation({
    mutationFn: (action: AffectedVisitsAction) =>
      api<SavedException>(`/api/providers/${providerId}/availability/exceptions`, {
        method: "POST",
        body: {
          ...(ask as NonNullable<typeof ask>).body,
          affectedVisits: {
            action,
            appointmentIds: (ask as NonNullable<typeof ask>).affected.map((a) => a.appointmentId),
          },
        },
      }),
    onSuccess: async (saved) => {
      setAsk(null);
      setDone(saved);
      await refresh();
    },
    onError: (error) => {
      // the booked visits changed since they were shown: show the new list, ask again
      const details = isApiError(error) ? (error.details as { reason?: string; affected?: AffectedVisit[] }) : null;
      if (ask && details?.reason === "overlaps_booked_visits" && details.affected) {
        setAsk({ body: ask.body, affected: details.affected });
      }
    },
  });

  const sorted = [...exceptions].sort((a, b) => a.start.localeCompare(b.start));
  const when = (x: Exception) => {
    const zone = zoneOf(x.locationId);
    return [formatDateTime(x.start, zone, locale), formatDateTime(x.end, zone, locale)] as const;
  };
  return (
    <RemovableList
      id="ex-title"
      title={t("availability.exceptionsTitle")}
      empty={t("availability.noExceptions")}
      items={sorted}
      remove={remove}
      what={(x) => `${t(`exception.${x.kind}`)}: ${when(x)[0]} – ${when(x)[1]}`}
      item={(x) => (
        <>
          <strong>{t(`exception.${x.kind}`)}</strong> {when(x)[0]} – {when(x)[1]}
          {x.locationId ? ` · ${places.find((p) => p.id === x.locationId)?.name ?? ""}` : ""}
          {x.note ? <span className="text-muted"> · {x.note}</span> : null}
        </>
      )}
    >
      {done ? (
        <Alert tone="success" title={t("availability.exceptionSaved")} live="polite" headingLevel={3}>
          {done.cancelledVisits > 0 ? <p>{t("availability.visitsRebooked", { count: done.cancelledVisits })}</p> : null}
          {done.keptVisits > 0 ? <p>{t("availability.visitsKept", { count: done.keptVisits })}</p> : null}
        </Alert>
      ) : null}
      <h3 className="subsection-title">{t("availability.addException")}</h3>
      <Form {...form.formProps} aria-label={t("availability.addException")}>
        <div className="filters">
          <Select
            {...form.field("kind", "exKind")}
            label={t("availability.kind")}
            options={(["time_off", "block", "extra_hours"] as const).map((k) => ({
              id: k,
              label: t(`exception.${k}`),
            }))}
          />
          <Select
            {...form.field("locationId", "exLocation")}
            label={t("availability.location")}
            options={[
              { id: "any", label: t("availability.allLocations") },
              ...places.map((p) => ({ id: p.id, label: p.name })),
            ]}
          />
          <WhenField {...form.field("date", "exDate")} kind="date" label={t("availability.fromDate")} />
          <WhenField {...form.field("startTime", "exStart")} kind="time" label={t("availability.start")} />
          <WhenField
            {...form.field("endDate", "exEndDate")}
            kind="date"
            label={t("availability.toDate")}
            description={t("availability.toDateHint")}
          />
          <WhenField {...form.field("endTime", "exEnd")} kind="time" label={t("availability.end")} />
          <TextField {...form.field("note", "exNote")} label={t("availability.note")} maxLength={200} />
          <FormActions>
            <Button type="submit" isPending={form.pending} isDisabled={Boolean(ask)}>
              {t("availability.addException")}
            </Button>
          </FormActions>
        </div>
      </Form>
      {ask ? (
        <OverlapChoice
          affected={ask.affected}
          kind={ask.body.kind}
          pending={decide.isPending ? (decide.variables ?? null) : null}
          error={decide.isError ? decide.error : null}
          onChoose={(action) => decide.mutate(action)}
          onCancel={() => {
            setAsk(null);
            decide.reset();
          }}
        />
      ) : null}
    </RemovableList>
  );
}

/** A date or a time of the availability forms, its format as the hint. */
function WhenField({ kind, ...props }: TextFieldProps & { kind: "date" | "time" }) {
  const { t } = useTranslation("appointments");
  return (
    <TextField
      description={kind === "time" ? t("availability.timeHint") : t("availability.dateHint")}
      width={kind === "time" ? "short" : "medium"}
      {...props}
    />
  );
}

/** A card listing what the admin has set, each with its Remove button, then the form to add more. */
function RemovableList<T extends { id: string }>({
  id,
  title,
  empty,
  items,
  remove,
  what,
  item,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  items: T[];
  remove: UseMutationResult<unknown, Error, string>;
  /** the item in words, for its Remove button's accessible name */
  what: (item: T) => string;
  item: (item: T) => ReactNode;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation("appointments");
  const { t: tc } = useTranslation();
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {remove.isError ? (
        <Alert tone="error" title={t("availability.removeFailed")} live="assertive" headingLevel={3}>
          <p>{errorMessage(remove.error, tc, i18n.exists)}</p>
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="item-list">
          {items.map((x) => (
            <li key={x.id}>
              <span>{item(x)}</span>
              <Button
                variant="secondary"
                isPending={remove.isPending && remove.variables === x.id}
                onPress={() => remove.mutate(x.id)}
                aria-label={t("availability.removeTemplate", { what: what(x) })}
              >
                {t("availability.remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

/**
 * Time off or a block over booked visits: the visits (patient, time in the location's zone,
 * visit), and the admin's explicit choice — notify and rebook them, keep them, or not save.
 */
function OverlapChoice({
  affected,
  kind,
  pending,
  error,
  onChoose,
  onCancel,
}: {
  affected: AffectedVisit[];
  kind: string;
  pending: AffectedVisitsAction | null;
  error: unknown;
  onChoose: (action: AffectedVisitsAction) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation("appointments");
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const changed =
    isApiError(error) && (error.details as { reason?: string } | null)?.reason === "overlaps_booked_visits";
  // the question takes focus when it appears, so keyboard and screen-reader users meet it first
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);
  return (
    <section aria-labelledby="overlap-title" className="overlap-choice" tabIndex={-1} ref={panel}>
      <h3 id="overlap-title" className="subsection-title">
        {t("availability.overlapTitle", { count: affected.length, kind: t(`exception.${kind}`) })}
      </h3>
      {error ? (
        <Alert
          tone="error"
          title={changed ? t("availability.overlapChanged") : t("availability.saveFailed")}
          live="assertive"
          headingLevel={3}
        >
          {changed ? null : <p>{errorMessage(error, tc, i18n.exists)}</p>}
        </Alert>
      ) : null}
      <ul className="item-list overlap-choice__visits">
        {affected.map((a) => (
          <li key={a.appointmentId}>
            <span>
              <strong>{a.patientName}</strong> · {formatDateTime(a.start, a.timeZone, locale)} ·{" "}
              {visitName({ name: a.visitTypeName, nameEs: a.visitTypeNameEs }, locale)} · {a.locationName}
            </span>
          </li>
        ))}
      </ul>
      <p>{t("availability.overlapQuestion")}</p>
      <div className="button-row">
        <Button
          isPending={pending === "notify_and_rebook"}
          isDisabled={pending !== null}
          onPress={() => onChoose("notify_and_rebook")}
        >
          {t("availability.notifyAndRebook")}
        </Button>
        <Button
          variant="secondary"
          isPending={pending === "keep"}
          isDisabled={pending !== null}
          onPress={() => onChoose("keep")}
        >
          {t("availability.keepVisits")}
        </Button>
        <Button variant="secondary" isDisabled={pending !== null} onPress={onCancel}>
          {t("availability.dontSave")}
        </Button>
      </div>
      <p className="text-muted">{t("availability.notifyHint")}</p>
    </section>
  );
}
