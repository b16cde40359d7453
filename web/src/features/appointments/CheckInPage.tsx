import type { Appointment, ECheckInForm, QuestionnaireItem } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Static } from "typebox";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate, formatDateTime } from "../../lib/format";
import { addressLine, appointmentQuery, appointmentsKey, visitName } from "./data";
import { IntakeList } from "./Intake";
import { ChoiceGroup, NoteField, SummaryRows } from "./parts";
import { useAppointmentPatient } from "./patient-context";

type CheckInForm = Static<typeof ECheckInForm>;
type Item = Static<typeof QuestionnaireItem>;
type Answer = string | boolean | number;

const route = getRouteApi("/signed-in/appointments/$appointmentId/check-in");
const CONFIRMATIONS = [
  "confirmedDemographics",
  "confirmedInsurance",
  "confirmedMedications",
  "confirmedAllergies",
] as const;
type Confirmation = (typeof CONFIRMATIONS)[number];

/** eCheck-in: confirm the details the clinic holds and answer the visit's questions before arriving. */
export function CheckInPage() {
  const { t, i18n } = useTranslation("appointments");
  const { t: tc } = useTranslation();
  const { appointmentId } = route.useParams();
  const search = route.useSearch();
  const who = useAppointmentPatient(search.patientId);
  const queryClient = useQueryClient();
  const patientId = who.patientId ?? "none";
  const appointment = useQuery({ ...appointmentQuery(patientId, appointmentId), enabled: Boolean(who.patientId) });
  const form = useQuery({
    queryKey: ["check-in", patientId, appointmentId],
    enabled: Boolean(who.patientId),
    queryFn: ({ signal }) =>
      api<CheckInForm>(`/api/patients/${patientId}/appointments/${appointmentId}/check-in`, { signal }),
  });
  const [confirmed, setConfirmed] = useState<Record<Confirmation, boolean>>({
    confirmedDemographics: false,
    confirmedInsurance: false,
    confirmedMedications: false,
    confirmedAllergies: false,
  });
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const locale = currentLocale();
  const listSearch = who.onBehalf ? { patientId: who.patientId ?? undefined } : {};

  const questionText = (item: Item) => (locale === "es" && item.textEs ? item.textEs : item.text);

  async function submit(questionnaire: Item[]) {
    const next: FieldErrors = {};
    for (const key of CONFIRMATIONS) if (!confirmed[key]) next[key] = t(`checkIn.${key}Missing`);
    for (const item of questionnaire) {
      const value = answers[item.id];
      if (item.required && (value === undefined || (typeof value === "string" && !value.trim())))
        next[`q_${item.id}`] = t("checkIn.answerMissing", { question: questionText(item) });
    }
    setErrors(next);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setPending(true);
    try {
      const clean: Record<string, Answer> = {};
      for (const [key, value] of Object.entries(answers)) {
        if (typeof value === "string" && !value.trim()) continue;
        clean[key] = typeof value === "string" ? value.trim() : value;
      }
      await api(`/api/patients/${patientId}/appointments/${appointmentId}/check-in`, {
        method: "POST",
        body: { ...confirmed, answers: clean },
      });
      await queryClient.invalidateQueries({ queryKey: appointmentsKey(patientId) });
      setDone(true);
    } catch (error) {
      if (isApiError(error, "validation_failed") && Array.isArray(error.details)) {
        const fromServer: FieldErrors = {};
        for (const p of error.details as { field: string; problem: string }[]) {
          const id = p.field.replace(/^answers\./, "");
          const item = questionnaire.find((q) => q.id === id);
          if (item) fromServer[`q_${id}`] = t("checkIn.answerMissing", { question: questionText(item) });
        }
        setErrors(fromServer);
      }
      setFormError(errorMessage(error, tc, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  const a = appointment.data;
  return (
    <div className="stack narrow">
      <PageHeader
        before={
          <Link to="/appointments" search={listSearch} className="back-link">
            {t("book.backToList")}
          </Link>
        }
        title={t("checkIn.title")}
        lead={
          a ? (
            <p>
              {t("checkIn.lead", {
                visit: visitName(a.visitType, locale),
                when: formatDateTime(a.start, a.location.timeZone, locale),
              })}
            </p>
          ) : null
        }
      />
      {form.isPending || appointment.isPending ? (
        <LoadingState />
      ) : form.isError || appointment.isError ? (
        <ErrorAlert title={t("checkIn.loadFailed")} error={form.error ?? appointment.error} />
      ) : done || (form.data.completedAt && !attempt) ? (
        <>
          <Alert tone="success" title={t("checkIn.doneTitle")} live="polite">
            <p>{t("checkIn.doneBody")}</p>
          </Alert>
          {a ? <CheckInIntake form={form.data} appointment={a} /> : null}
          <p>
            <Link to="/appointments" search={listSearch}>
              {t("done.toList")}
            </Link>
          </p>
        </>
      ) : !form.data.open ? (
        <Alert tone="info" title={t("checkIn.notOpenTitle")}>
          <p>
            {t("checkIn.notOpenBody", {
              when: formatDateTime(form.data.opensAt, a?.location.timeZone ?? "UTC", locale),
            })}
          </p>
        </Alert>
      ) : (
        <>
          {a ? <CheckInIntake form={form.data} appointment={a} /> : null}
          <Form
            onSubmit={() => void submit(form.data.questionnaire)}
            errors={errors}
            formError={formError}
            attempt={attempt}
            aria-label={t("checkIn.title")}
          >
            <section className="card" aria-labelledby="ci-details">
              <h2 id="ci-details" className="card__title">
                {t("checkIn.detailsTitle")}
              </h2>
              <SummaryRows
                rows={[
                  { label: t("checkIn.name"), value: form.data.summary.name },
                  { label: t("checkIn.dob"), value: formatCalendarDate(form.data.summary.dateOfBirth, locale) },
                  // contact details only when the server sent them (a reader whose access covers them)
                  ...(form.data.summary.contactIncluded
                    ? [
                        { label: t("checkIn.phone"), value: form.data.summary.phone ?? t("checkIn.none") },
                        { label: t("checkIn.email"), value: form.data.summary.email ?? t("checkIn.none") },
                        {
                          label: t("checkIn.address"),
                          value: addressLine(form.data.summary.address) || t("checkIn.none"),
                        },
                      ]
                    : []),
                ]}
              />
              {who.forSelf ? (
                <p>
                  <Link to="/profile">{t("checkIn.updateProfile")}</Link>
                </p>
              ) : null}
            </section>
            <fieldset className="card ci-confirm">
              <legend className="card__title">{t("checkIn.confirmTitle")}</legend>
              <p>{t("checkIn.confirmLead")}</p>
              {CONFIRMATIONS.map((key) => (
                <div key={key} id={`field-${key}`} tabIndex={-1}>
                  <Checkbox
                    name={key}
                    isSelected={confirmed[key]}
                    onChange={(v) => setConfirmed((c) => ({ ...c, [key]: v }))}
                    isInvalid={Boolean(errors[key])}
                    description={t(`checkIn.${key}Hint`)}
                  >
                    {t(`checkIn.${key}`)}
                  </Checkbox>
                  {errors[key] ? <p className="field__error">{errors[key]}</p> : null}
                </div>
              ))}
            </fieldset>
            {form.data.questionnaire.length > 0 ? (
              <section className="card" aria-labelledby="ci-questions">
                <h2 id="ci-questions" className="card__title">
                  {t("checkIn.questionsTitle")}
                </h2>
                {form.data.questionnaire.map((item) => {
                  const name = `q_${item.id}`;
                  const label = item.required
                    ? questionText(item)
                    : t("checkIn.optional", { question: questionText(item) });
                  if (item.type === "text")
                    return (
                      <NoteField
                        key={item.id}
                        name={name}
                        label={label}
                        value={(answers[item.id] as string | undefined) ?? ""}
                        onChange={(v) => setAnswers((s) => ({ ...s, [item.id]: v }))}
                        maxLength={2000}
                        errorMessage={errors[name]}
                      />
                    );
                  if (item.type === "yes_no")
                    return (
                      <ChoiceGroup
                        key={item.id}
                        name={name}
                        label={label}
                        compact
                        options={[
                          { id: "yes", label: t("checkIn.yes") },
                          { id: "no", label: t("checkIn.no") },
                        ]}
                        value={answers[item.id] === undefined ? null : answers[item.id] ? "yes" : "no"}
                        onChange={(v) => setAnswers((s) => ({ ...s, [item.id]: v === "yes" }))}
                        errorMessage={errors[name]}
                      />
                    );
                  return (
                    <ChoiceGroup
                      key={item.id}
                      name={name}
                      label={label}
                      description={t("checkIn.scaleHint")}
                      compact
                      options={Array.from({ length: 11 }, (_, n) => ({ id: String(n), label: String(n) }))}
                      value={answers[item.id] === undefined ? null : String(answers[item.id])}
                      onChange={(v) => setAnswers((s) => ({ ...s, [item.id]: Number(v) }))}
                      errorMessage={errors[name]}
                    />
                  );
                })}
              </section>
            ) : null}
            <FormActions>
              <Button type="submit" isPending={pending} block>
                {t("checkIn.submit")}
              </Button>
            </FormActions>
          </Form>
        </>
      )}
    </div>
  );
}

/** The scored questionnaires this visit asks for before it (the server's list), as a card. */
function CheckInIntake({ form, appointment: a }: { form: CheckInForm; appointment: Appointment }) {
  if (form.intake.length === 0) return null;
  return (
    <div className="card">
      <IntakeList items={form.intake} appointment={a} headingLevel={2} />
    </div>
  );
}
