import type { PatientSearchResponse, Referral, ReferralList, ReferralUrgency } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { EmptyState } from "../../components/EmptyState";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { type Explained, useForm } from "../../kit/use-form";
import { LoadFailed } from "../../kit/views";
import { api, isApiError } from "../../lib/api";
import { formatCalendarDate } from "../../lib/format";
import { AttemptKey } from "../../lib/idempotent-retry";
import { newIdempotencyKey } from "../appointments/data";
import { dateInDays, referralsQuery, specialtyLabel, staffCreateReferral } from "./data";
import { NO_PREFERENCE, ReferralRequestFields, useSpecialists } from "./ReferralFields";
import "./referrals.css";

const route = getRouteApi("/signed-in/in-basket/referrals/new");

const NONE = NO_PREFERENCE;
const ANY = "any";

/**
 * Staff (nurses and physicians): a referral created on a patient's behalf — the patient found
 * (or given by the chart), specialty, reason, urgency, and, when the clinician approves at once,
 * the specialist, visits and book-by date. Reached from the chart and from the referral queue.
 */
export function StaffReferralPage() {
  const { t } = useTranslation("referrals");
  const search = route.useSearch();
  const list = useQuery({ ...referralsQuery(search.patient ?? "none"), enabled: Boolean(search.patient) });
  const [created, setCreated] = useState<Referral | null>(null);
  const name = list.data?.patient.displayName;
  return (
    <div className="stack">
      <PageHeader
        title={name ? t("staffForm.titleFor", { name }) : t("staffForm.title")}
        lead={<p>{t("staffForm.lead")}</p>}
        before={
          search.patient ? (
            <Link to="/patients/$patientId" params={{ patientId: search.patient }} className="back-link">
              {name ? t("staffForm.backChart", { name }) : t("staffForm.backChartPlain")}
            </Link>
          ) : (
            <Link to="/in-basket/referrals" className="back-link">
              {t("queue.title")}
            </Link>
          )
        }
      />
      <div aria-live="polite">{created ? <CreatedNotice referral={created} /> : null}</div>
      {!search.patient ? (
        <PatientPicker q={search.q} />
      ) : list.isPending ? (
        <LoadingState label={t("list.loading")} />
      ) : list.isError ? (
        <LoadFailed error={list.error} title={t("staffForm.patientFailed")} />
      ) : !list.data.abilities.canCreateOnBehalf ? (
        <Alert tone="info" title={t("staffForm.cannotTitle", { name })}>
          <p>{t("staffForm.cannotBody", { name })}</p>
        </Alert>
      ) : (
        <StaffReferralForm key={list.data.patient.id} list={list.data} onCreated={setCreated} />
      )}
    </div>
  );
}

function CreatedNotice({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation("referrals");
  const locale = currentLocale();
  const d = r.decision;
  const specialty = specialtyLabel(r.specialty, t);
  return (
    <Alert tone="success" title={t("staffForm.doneTitle")} live="polite">
      <p>
        {d
          ? t("staffForm.doneApproved", {
              specialty,
              patient: r.patient.displayName,
              specialist: d.provider?.displayName ?? t("card.anySpecialist", { specialty }),
              count: d.visitsAllowed,
              date: formatCalendarDate(d.expiresOn, locale),
            })
          : t("staffForm.doneRequested", { specialty, patient: r.patient.displayName })}
      </p>
      <p>
        <Link to="/in-basket/referrals" search={d ? { status: "approved" } : {}}>
          {t("staffForm.openQueue")}
        </Link>
      </p>
    </Alert>
  );
}

/** Find the patient: name, date of birth, MRN or phone (the staff search), then choose one. */
function PatientPicker({ q }: { q?: string }) {
  const { t } = useTranslation("referrals");
  const navigate = useNavigate();
  const locale = currentLocale();
  const [text, setText] = useState(q ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const results = useQuery({
    queryKey: ["patient-search", q],
    enabled: Boolean(q && q.length >= 2),
    queryFn: ({ signal }) =>
      api<PatientSearchResponse>(`/api/patients?${new URLSearchParams({ q: q ?? "", limit: "25" })}`, { signal }),
  });
  return (
    <>
      <Form
        aria-label={t("staffForm.findLabel")}
        errors={errors}
        attempt={attempt}
        onSubmit={() => {
          const value = text.trim();
          setAttempt((n) => n + 1);
          if (value.length < 2) {
            setErrors({ q: t("staffForm.findTooShort") });
            return;
          }
          setErrors({});
          void navigate({ to: "/in-basket/referrals/new", search: { q: value } });
        }}
      >
        <TextField
          name="q"
          type="search"
          label={t("staffForm.findLabel")}
          description={t("staffForm.findHint")}
          value={text}
          onChange={setText}
          errorMessage={errors.q}
          width="medium"
          spellCheck={false}
        />
        <FormActions>
          <Button type="submit">{t("staffForm.find")}</Button>
        </FormActions>
      </Form>
      {!q ? null : results.isPending ? (
        <LoadingState />
      ) : results.isError ? (
        <LoadFailed error={results.error} title={t("staffForm.findFailed")} />
      ) : results.data.results.length === 0 ? (
        <EmptyState title={t("staffForm.noneTitle")}>
          <p>{t("staffForm.noneBody")}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="referral-patients" className="stack">
          <h2 id="referral-patients" className="section-title">
            {t("staffForm.results", { count: results.data.results.length })}
          </h2>
          <ul className="referral-patients">
            {results.data.results.map((p) => (
              <li key={p.id} className="referral-patients__item">
                <span>
                  <strong>{p.name}</strong>{" "}
                  <span className="text-muted">
                    {t("queue.born", { date: formatCalendarDate(p.dateOfBirth, locale) })} · {p.mrn}
                  </span>
                </span>
                <ButtonLink
                  to="/in-basket/referrals/new"
                  search={{ patient: p.id }}
                  variant="secondary"
                  aria-label={t("staffForm.chooseNamed", { name: p.name })}
                >
                  {t("staffForm.choose")}
                </ButtonLink>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

interface StaffDraft {
  specialty: string;
  reason: string;
  preferredProviderId: string;
  preferredLocationId: string;
  urgency: string;
  approveNow: boolean;
  approveProviderId: string;
  visits: string;
  expiresOn: string;
}

function StaffReferralForm({ list, onCreated }: { list: ReferralList; onCreated: (r: Referral) => void }) {
  const { t } = useTranslation("referrals");
  const queryClient = useQueryClient();
  const patientId = list.patient.id;
  const name = list.patient.displayName;
  const [attemptKey] = useState(() => new AttemptKey(newIdempotencyKey));
  const labels = {
    specialty: t("form.specialty"),
    reason: t("staffForm.reason"),
    preferredProviderId: t("form.provider"),
    preferredLocationId: t("form.location"),
    urgency: t("form.urgency"),
    approveProviderId: t("approve.specialist"),
    visits: t("approve.visits"),
    expiresOn: t("approve.expires"),
  };
  const initial = (): StaffDraft => ({
    specialty: "",
    reason: "",
    preferredProviderId: NONE,
    preferredLocationId: NONE,
    urgency: "routine",
    approveNow: false,
    approveProviderId: ANY,
    visits: "1",
    expiresOn: dateInDays(90),
  });
  const form = useForm<StaffDraft, Referral>({
    initial,
    labels,
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.specialty) e.specialty = t("form.errors.specialty");
      if (v.reason.trim().length < 3) e.reason = t("staffForm.errors.reason");
      if (!v.urgency) e.urgency = t("form.errors.urgency");
      if (v.approveNow) {
        const n = Number(v.visits);
        if (!/^\d+$/.test(v.visits.trim()) || n < 1 || n > 12) e.visits = t("approve.errors.visits");
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v.expiresOn)) e.expiresOn = t("approve.errors.expires");
      }
      return e;
    },
    serverField: (path) =>
      path === "approve.providerId"
        ? "approveProviderId"
        : path === "approve.visits"
          ? "visits"
          : path === "approve.expiresOn"
            ? "expiresOn"
            : path,
    explain: (error): Explained | undefined => {
      if (isApiError(error, "invalid_expiry")) return { errors: { expiresOn: t("approve.errors.invalid_expiry") } };
      if (isApiError(error, "unknown_specialty")) return { errors: { specialty: t("form.errors.unknown_specialty") } };
      return undefined;
    },
    submit: (v) => {
      const body = {
        specialty: v.specialty,
        reason: v.reason.trim(),
        preferredProviderId: v.preferredProviderId === NONE ? null : v.preferredProviderId,
        preferredLocationId: v.preferredLocationId === NONE ? null : v.preferredLocationId,
        urgency: v.urgency as ReferralUrgency,
        ...(v.approveNow
          ? {
              approve: {
                providerId: v.approveProviderId === ANY ? null : v.approveProviderId,
                visits: Number(v.visits),
                expiresOn: v.expiresOn,
              },
            }
          : {}),
      };
      return staffCreateReferral(queryClient, patientId, body, attemptKey.for(body));
    },
    onSuccess: (created) => {
      form.reset(initial());
      attemptKey.settled();
      onCreated(created);
    },
  });
  const chosen = form.values.specialty;
  const choice = useSpecialists(chosen, form.values.preferredProviderId);
  const { specialists } = choice;
  const setSpecialty = (value: string) =>
    form.update((v) => ({ ...v, specialty: value, preferredProviderId: NONE, approveProviderId: ANY }));
  const specialtyName = chosen ? specialtyLabel(chosen, t) : "";
  return (
    <Form {...form.formProps} aria-label={t("staffForm.titleFor", { name })}>
      <ReferralRequestFields
        form={form}
        labels={labels}
        specialties={list.specialties}
        reasonHint={t("staffForm.reasonHint", { name })}
        onSpecialty={setSpecialty}
        specialists={choice}
      />
      <Checkbox {...form.checkbox("approveNow")} description={t("staffForm.approveNowHint", { name })}>
        {t("staffForm.approveNow")}
      </Checkbox>
      {form.values.approveNow ? (
        <fieldset className="staff-referral__approve">
          <legend>{t("staffForm.approveLegend")}</legend>
          <Select
            name="approveProviderId"
            label={labels.approveProviderId}
            options={[
              {
                id: ANY,
                label: specialtyName ? t("card.anySpecialist", { specialty: specialtyName }) : t("staffForm.anyFirst"),
              },
              ...specialists.map((p) => ({ id: p.id, label: p.displayName })),
            ]}
            value={form.values.approveProviderId}
            onChange={form.set("approveProviderId")}
            errorMessage={form.errors.approveProviderId}
            width="medium"
          />
          <TextField
            {...form.field("visits")}
            label={labels.visits}
            description={t("approve.visitsHint")}
            inputMode="numeric"
            width="short"
            isRequired
          />
          <TextField
            {...form.field("expiresOn")}
            type="date"
            label={labels.expiresOn}
            description={t("approve.expiresHint")}
            width="short"
            isRequired
          />
        </fieldset>
      ) : null}
      <p className="text-muted">
        {form.values.approveNow ? t("staffForm.whatNextApproved", { name }) : t("staffForm.whatNext", { name })}
      </p>
      <FormActions>
        <Button type="submit" isPending={form.pending} block>
          {form.values.approveNow ? t("staffForm.submitApproved") : t("staffForm.submit")}
        </Button>
      </FormActions>
    </Form>
  );
}
