import { QUESTIONNAIRE_ITEMS, type QuestionnaireKind, type SentQuestionnaire } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePatientData } from "../../app/PatientPage";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { Link } from "../../components/Link";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { formatDateTime } from "../../lib/format";
import { AttemptKey } from "../../lib/idempotent-retry";
import { appointmentQuery, appointmentsKey, newIdempotencyKey } from "../appointments/data";
import { ChoiceGroup } from "../appointments/parts";
import { healthUpdatesQuery, sendQuestionnaire } from "./data";
import { HealthSendPage, SentResult, useSentResult } from "./HealthSendPage";
import "./health.css";

const route = getRouteApi("/signed-in/health/questionnaire");
const ANSWERS = ["0", "1", "2", "3"] as const;

/** PHQ-9 or GAD-7: every question answered, then the score in words and, when needed, what to do at once. */
export function QuestionnairePage() {
  const { t } = useTranslation("health");
  const search = route.useSearch();
  const kind: QuestionnaireKind = search.kind === "gad7" ? "gad7" : "phq9";
  const page = usePatientData("health", "health_updates", search.patient, healthUpdatesQuery);
  const { who, name, forSelf, forWhom } = page;
  // answered as the intake for a visit: the page names it
  const visit = useQuery({
    ...appointmentQuery(who.patientId ?? "none", search.appointment ?? "none"),
    enabled: Boolean(who.patientId && who.allowed && search.appointment),
  });
  const when = visit.data ? formatDateTime(visit.data.start, visit.data.displayTimeZone, currentLocale()) : null;
  return (
    <HealthSendPage
      page={page}
      title={t(`questionnaire.${kind}.title`)}
      lead={
        <>
          {when ? (
            <p>
              {forSelf ? t("questionnaire.intakeLead", { when }) : t("questionnaire.intakeLeadFor", { name, when })}
            </p>
          ) : null}
          <p>{forWhom("questionnaire.lead")}</p>
        </>
      }
    >
      {(patientId) => (
        <QuestionnaireForm
          key={`${who.patientId}-${kind}`}
          kind={kind}
          patientId={patientId}
          forSelf={forSelf}
          name={name}
          appointmentId={search.appointment}
        />
      )}
    </HealthSendPage>
  );
}

function QuestionnaireForm({
  kind,
  patientId,
  forSelf,
  name,
  appointmentId,
}: {
  kind: QuestionnaireKind;
  patientId: string;
  forSelf: boolean;
  name: string;
  appointmentId?: string;
}) {
  const { t } = useTranslation("health");
  const queryClient = useQueryClient();
  const items = QUESTIONNAIRE_ITEMS[kind];
  const result = useSentResult<SentQuestionnaire>();
  const { sent } = result;
  const [attempt] = useState(() => new AttemptKey(newIdempotencyKey));
  const keys = Array.from({ length: items }, (_, i) => `q${i}`);
  const labels = Object.fromEntries(keys.map((k, i) => [k, t(`questionnaire.${kind}.items.${i}`)]));
  const form = useForm<Record<string, string>, SentQuestionnaire>({
    initial: Object.fromEntries(keys.map((k) => [k, ""])),
    labels,
    validate: (v) => {
      const e: FieldErrors = {};
      for (const k of keys) if (!v[k]) e[k] = t("questionnaire.errors.answer");
      return e;
    },
    serverField: (path) => (path.startsWith("answers.") ? `q${path.split(".")[1]}` : undefined),
    submit: (v) => {
      const body = { kind, answers: keys.map((k) => Number(v[k])), ...(appointmentId ? { appointmentId } : {}) };
      return sendQuestionnaire(queryClient, patientId, body, attempt.for(body));
    },
    onSuccess: (saved) => {
      // the visit's "Before your visit" list now shows it done
      if (appointmentId) {
        void queryClient.invalidateQueries({ queryKey: appointmentsKey(patientId) });
        void queryClient.invalidateQueries({ queryKey: ["check-in", patientId, appointmentId] });
      }
      result.show(saved);
    },
  });
  const r = sent?.response;
  return (
    <>
      <SentResult
        result={result}
        title={t("questionnaire.savedTitle")}
        patientId={patientId}
        forSelf={forSelf}
        name={name}
      >
        {r ? (
          <p>
            {t("questionnaire.scoreText", {
              score: r.score,
              max: r.maxScore,
              severity: t(`severity.${r.severity}`),
            })}{" "}
            {r.flag === "normal" ? t("questionnaire.savedNormal") : t("questionnaire.savedFlagged")}
          </p>
        ) : null}
        {appointmentId ? (
          <p>
            <Link to="/appointments" search={forSelf ? {} : { patientId }}>
              {t("questionnaire.backToVisit")}
            </Link>
          </p>
        ) : null}
      </SentResult>
      {sent ? null : (
        <Form {...form.formProps} aria-label={t(`questionnaire.${kind}.title`)}>
          <p>{t(`questionnaire.${kind}.stem`)}</p>
          {keys.map((k, i) => (
            <ChoiceGroup
              key={k}
              name={k}
              label={`${i + 1}. ${labels[k]}`}
              options={ANSWERS.map((a) => ({ id: a, label: t(`questionnaire.answers.${a}`) }))}
              value={form.values[k] || null}
              onChange={form.set(k)}
              errorMessage={form.errors[k]}
              isRequired
            />
          ))}
          <Alert tone="info" title={t("page.emergencyTitle")} headingLevel={2}>
            <p>{t("questionnaire.crisisNote")}</p>
          </Alert>
          <FormActions>
            <Button type="submit" isPending={form.pending} block>
              {t("questionnaire.submit")}
            </Button>
          </FormActions>
        </Form>
      )}
    </>
  );
}
