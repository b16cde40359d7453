import type { AffectedVisit, AffectedVisitsAction } from "@portico/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { api, isApiError } from "../../lib/api";
import { renamed } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { wallTimeIn } from "../appointments/data";
import {
  type AvailabilitySectionProps,
  DATE,
  type Exception,
  RemovableList,
  TIME,
  useAvailabilityList,
  WhenField,
} from "./availability-parts";
import { OverlapChoice } from "./OverlapChoice";

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

/** Time off, blocks and extra hours: the list, the form to add one, and the question about booked visits it overlaps. */
export function ExceptionsSection({
  providerId,
  exceptions,
  places,
}: AvailabilitySectionProps & { exceptions: Exception[] }) {
  const { t } = useTranslation("appointments");
  const locale = currentLocale();
  const { refresh, remove } = useAvailabilityList(providerId, "exceptions");
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
