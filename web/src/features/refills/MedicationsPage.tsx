import type { Medication, MedicationList, RefillRequest } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { pharmaciesQuery } from "../../api/clinic";
import { PatientPage, usePatientData } from "../../app/PatientPage";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { EmptyState } from "../../components/EmptyState";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { fieldId } from "../../components/fields";
import { Link } from "../../components/Link";
import { Select } from "../../components/Select";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { type Explained, useForm } from "../../kit/use-form";
import { LoadFailed } from "../../kit/views";
import { isApiError } from "../../lib/api";
import { formatCalendarDate } from "../../lib/format";
import { AttemptKey } from "../../lib/idempotent-retry";
import { newIdempotencyKey } from "../appointments/data";
import { medicationsQuery, requestRefills } from "./data";
import "./refills.css";

const route = getRouteApi("/signed-in/medications");

/** The medication list in plain words, with refills asked for in a few taps. */
export function MedicationsPage() {
  const { t } = useTranslation("refills");
  const search = route.useSearch();
  const page = usePatientData("refills", "medications", search.patient, medicationsQuery);
  const { who, name, forWhom } = page;
  const title = forWhom("medications.title");

  return (
    <PatientPage
      page={page}
      title={title}
      lead={<p>{who.forSelf ? t("medications.lead") : t("medications.leadFor", { name })}</p>}
      actions={
        who.patientId && who.allowed ? (
          <Link to="/refills" search={{ patient: who.patientId }}>
            {t("medications.seeRequests")}
          </Link>
        ) : null
      }
      words="medications"
    >
      {(data) =>
        data.medications.length === 0 ? (
          <EmptyState title={t("medications.emptyTitle")}>
            <p>{who.forSelf ? t("medications.emptyBody") : t("medications.emptyBodyFor", { name })}</p>
          </EmptyState>
        ) : (
          <MedicationsView key={who.patientId} list={data} forSelf={who.forSelf} />
        )
      }
    </PatientPage>
  );
}

function MedicationsView({ list, forSelf }: { list: MedicationList; forSelf: boolean }) {
  const { t } = useTranslation("refills");
  const active = list.medications.filter((m) => m.status === "active");
  const stopped = list.medications.filter((m) => m.status !== "active");
  const name = list.patient.displayName;
  return (
    <>
      {list.abilities.canRequestRefills && active.some((m) => m.abilities.canRequestRefill) ? (
        <RefillForm list={list} active={active} forSelf={forSelf} />
      ) : (
        <section aria-labelledby="active-title" className="stack">
          <h2 id="active-title" className="section-title">
            {t("medications.activeTitle")}
          </h2>
          {active.length === 0 ? (
            <p className="text-muted">{t("medications.noActive")}</p>
          ) : (
            <ul className="med-list">
              {active.map((m) => (
                <li key={m.id}>
                  <MedicationCard medication={m} patientId={list.patient.id} />
                </li>
              ))}
            </ul>
          )}
          {list.abilities.canRequestRefills ? null : (
            <p className="text-muted">
              {forSelf ? t("medications.cannotRequest") : t("medications.cannotRequestFor", { name })}
            </p>
          )}
        </section>
      )}
      {stopped.length > 0 ? (
        <section aria-labelledby="stopped-title" className="stack">
          <h2 id="stopped-title" className="section-title">
            {t("medications.stoppedTitle")}
          </h2>
          <ul className="med-list">
            {stopped.map((m) => (
              <li key={m.id}>
                <MedicationCard medication={m} patientId={list.patient.id} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

interface RefillDraft {
  selected: string[];
  pharmacyId: string;
}

/** Checkboxes on the medicines that may be refilled, the pharmacy (the preferred one chosen), one button. */
function RefillForm({ list, active, forSelf }: { list: MedicationList; active: Medication[]; forSelf: boolean }) {
  const { t } = useTranslation("refills");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pharmacies = useQuery(pharmaciesQuery());
  const patientId = list.patient.id;
  // one key per distinct request: a retry of the same choice never asks twice
  const [attempt] = useState(() => new AttemptKey(newIdempotencyKey));
  const labels = { medications: t("request.medicationsLegend"), pharmacyId: t("request.pharmacy") };
  const form = useForm<RefillDraft, RefillRequest>({
    initial: { selected: [], pharmacyId: list.preferredPharmacy?.id ?? "" },
    labels,
    validate: (v) => {
      const e: FieldErrors = {};
      if (v.selected.length === 0) e.medications = t("request.errors.chooseOne");
      if (!v.pharmacyId) e.pharmacyId = t("request.errors.pharmacy");
      return e;
    },
    submit: (v) => {
      const body = { medicationIds: v.selected, pharmacyId: v.pharmacyId };
      return requestRefills(queryClient, patientId, body, attempt.for(body));
    },
    serverField: (path) => (path.startsWith("medicationIds") ? "medications" : path),
    explain: (error): Explained | undefined => {
      if (isApiError(error, "pharmacy_required")) {
        return { errors: { pharmacyId: t("request.errors.pharmacy_required") }, formError: null };
      }
      for (const code of ["refill_pending", "medication_stopped"]) {
        if (isApiError(error, code)) {
          const message = t(`request.errors.${code}`);
          return { errors: { medications: message }, formError: null };
        }
      }
      return undefined;
    },
    onSuccess: async (created) => {
      await navigate({ to: "/refills", search: { patient: patientId, request: created.id } });
    },
  });

  const toggle = (id: string, on: boolean) =>
    form.update((v) => ({
      ...v,
      selected: on ? [...v.selected.filter((s) => s !== id), id] : v.selected.filter((s) => s !== id),
    }));

  const preferredId = list.preferredPharmacy?.id;
  const options = (pharmacies.data ?? []).map((p) => ({
    id: p.id,
    label: p.id === preferredId ? t("request.preferred", { name: p.name }) : p.name,
  }));
  if (list.preferredPharmacy && !options.some((o) => o.id === preferredId)) {
    options.unshift({
      id: list.preferredPharmacy.id,
      label: t("request.preferred", { name: list.preferredPharmacy.name }),
    });
  }
  options.sort((a, b) => (a.id === preferredId ? -1 : b.id === preferredId ? 1 : 0));
  const count = form.values.selected.length;

  return (
    <Form {...form.formProps} aria-labelledby="active-title">
      <fieldset className="fieldset med-fieldset" id={fieldId("medications")} tabIndex={-1}>
        <legend className="visually-hidden">{labels.medications}</legend>
        <h2 id="active-title" className="section-title">
          {t("medications.activeTitle")}
        </h2>
        <p className="field__hint">
          {forSelf ? t("request.hint") : t("request.hintFor", { name: list.patient.displayName })}
        </p>
        {form.errors.medications ? <p className="field__error">{form.errors.medications}</p> : null}
        <ul className="med-list">
          {active.map((m) => (
            <li key={m.id}>
              <MedicationCard
                medication={m}
                patientId={patientId}
                select={
                  m.abilities.canRequestRefill ? (
                    <Checkbox
                      isSelected={form.values.selected.includes(m.id)}
                      onChange={(on) => toggle(m.id, on)}
                      aria-describedby={`med-${m.id}-details`}
                    >
                      {t("request.choose", { name: m.name })}
                    </Checkbox>
                  ) : null
                }
              />
            </li>
          ))}
        </ul>
      </fieldset>
      {pharmacies.isError ? <LoadFailed error={pharmacies.error} title={t("request.pharmaciesFailed")} /> : null}
      <Select
        {...form.field("pharmacyId")}
        label={labels.pharmacyId}
        description={t("request.pharmacyHint")}
        options={options}
        placeholder={t("request.pharmacyPlaceholder")}
        isRequired
        width="medium"
      />
      <p className="text-muted">{t("request.whatNext")}</p>
      <FormActions>
        <Button type="submit" isPending={form.pending} block>
          {count > 1 ? t("request.submitMany", { count }) : t("request.submit")}
        </Button>
      </FormActions>
    </Form>
  );
}

/** One medicine in plain words: what it is for, how to take it, refills left, last filled, who prescribed it. */
export function MedicationCard({
  medication: m,
  patientId,
  select,
}: {
  medication: Medication;
  patientId: string;
  select?: React.ReactNode;
}) {
  const { t } = useTranslation("refills");
  const locale = currentLocale();
  const headingId = `med-${m.id}-name`;
  return (
    <article className="med-card" aria-labelledby={headingId}>
      <div className="med-card__head">
        <h3 className="med-card__name" id={headingId}>
          {m.name}
        </h3>
        {m.status === "stopped" ? (
          <StatusChip tone="neutral">{t("medications.stopped")}</StatusChip>
        ) : m.pendingRefillRequestId ? (
          <StatusChip tone="info">{t("medications.requested")}</StatusChip>
        ) : null}
      </div>
      <dl className="med-card__details" id={`med-${m.id}-details`}>
        {m.purpose ? (
          <div>
            <dt>{t("medications.purpose")}</dt>
            <dd>{m.purpose}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("medications.directions")}</dt>
          <dd>{m.directions}</dd>
        </div>
        {m.status === "active" ? (
          <div>
            <dt>{t("medications.refillsLeft")}</dt>
            <dd>
              {m.refillsRemaining === 0
                ? t("medications.noRefillsLeft")
                : t("medications.refills", { count: m.refillsRemaining })}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("medications.lastFilled")}</dt>
          <dd>{m.lastFilledOn ? formatCalendarDate(m.lastFilledOn, locale) : t("medications.neverFilled")}</dd>
        </div>
        <div>
          <dt>{t("medications.prescriber")}</dt>
          <dd>{m.prescriber?.displayName ?? t("medications.noPrescriber")}</dd>
        </div>
        {m.status === "stopped" && m.stopReason ? (
          <div>
            <dt>{t("medications.stopReason")}</dt>
            <dd>{m.stopReason}</dd>
          </div>
        ) : null}
      </dl>
      {m.status === "active" && m.refillPossibleFrom && !m.pendingRefillRequestId && isFuture(m.refillPossibleFrom) ? (
        <p className="med-card__note">
          {t("medications.possibleFrom", { date: formatCalendarDate(m.refillPossibleFrom, locale) })}
        </p>
      ) : null}
      {m.pendingRefillRequestId ? (
        <p className="med-card__note">
          {t("medications.pendingNote")}{" "}
          <Link to="/refills" search={{ patient: patientId, request: m.pendingRefillRequestId }}>
            {t("medications.pendingLink", { name: m.name })}
          </Link>
        </p>
      ) : null}
      {select ? <div className="med-card__select">{select}</div> : null}
    </article>
  );
}

/** Is a "YYYY-MM-DD" day after today on this device? */
function isFuture(isoDate: string): boolean {
  const today = new Date();
  const key = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  return isoDate > key;
}
