import {
  MEASURE_UNITS,
  MEASURES,
  type Measure,
  type ReadingUnit,
  type SendReadingRequest,
  type SentReading,
} from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePatientData } from "../../app/PatientPage";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { AttemptKey } from "../../lib/idempotent-retry";
import { newIdempotencyKey } from "../appointments/data";
import { NoteField } from "../appointments/parts";
import { healthUpdatesQuery, readingText, sendReading, unitLabel } from "./data";
import { HealthSendPage, SentResult, useSentResult } from "./HealthSendPage";
import "./health.css";

const route = getRouteApi("/signed-in/health/new");

interface ReadingDraft {
  measure: string;
  unit: string;
  value: string;
  systolic: string;
  diastolic: string;
  note: string;
}

const isMeasure = (m: string | undefined): m is Measure => MEASURES.includes(m as Measure);
const NUMBER = /^\s*\d+([.,]\d+)?\s*$/;
const toNumber = (s: string) => Number(s.trim().replace(",", "."));

/** Sending one reading: what was measured, the numbers and units, an optional note; then what happens next. */
export function SendReadingPage() {
  const { t } = useTranslation("health");
  const search = route.useSearch();
  const page = usePatientData("health", "health_updates", search.patient, healthUpdatesQuery);
  const { who, name, forSelf, forWhom } = page;
  return (
    <HealthSendPage page={page} title={forWhom("send.title")} lead={<p>{t("send.lead")}</p>}>
      {(patientId) => (
        <ReadingForm
          key={who.patientId}
          patientId={patientId}
          forSelf={forSelf}
          name={name}
          measure={isMeasure(search.measure) ? search.measure : undefined}
        />
      )}
    </HealthSendPage>
  );
}

function ReadingForm({
  patientId,
  forSelf,
  name,
  measure,
}: {
  patientId: string;
  forSelf: boolean;
  name: string;
  measure?: Measure;
}) {
  const { t } = useTranslation("health");
  const queryClient = useQueryClient();
  const result = useSentResult<SentReading>();
  const { sent } = result;
  const [attempt] = useState(() => new AttemptKey(newIdempotencyKey));
  const labels = {
    measure: t("fields.measure"),
    unit: t("fields.unit"),
    value: t("fields.value"),
    systolic: t("fields.systolic"),
    diastolic: t("fields.diastolic"),
    note: t("fields.note"),
  };
  const first = measure ?? "blood_pressure";
  const form = useForm<ReadingDraft, SentReading>({
    initial: {
      measure: first,
      unit: MEASURE_UNITS[first][0] as string,
      value: "",
      systolic: "",
      diastolic: "",
      note: "",
    },
    labels,
    validate: (v) => {
      const e: FieldErrors = {};
      if (v.measure === "blood_pressure") {
        if (!NUMBER.test(v.systolic)) e.systolic = t("send.errors.number");
        if (!NUMBER.test(v.diastolic)) e.diastolic = t("send.errors.number");
      } else if (!NUMBER.test(v.value)) e.value = t("send.errors.number");
      return e;
    },
    // the server's problems, said in the reader's language
    serverMessage: (field, problem) => {
      const between = /between ([\d.]+) and ([\d.]+) (\S+)/.exec(problem);
      if (between)
        return t("send.errors.range", { min: between[1], max: between[2], unit: unitLabel(between[3] ?? "") });
      if (/higher than diastolic/.test(problem)) return t("send.errors.order");
      if (field === "unit") return t("send.errors.unit");
      if (field === "takenAt") return t("send.errors.when");
      return t("send.errors.number");
    },
    submit: (v) => {
      const m = v.measure as Measure;
      const body: SendReadingRequest = {
        measure: m,
        unit: v.unit as ReadingUnit,
        ...(m === "blood_pressure"
          ? { systolic: Math.round(toNumber(v.systolic)), diastolic: Math.round(toNumber(v.diastolic)) }
          : { value: toNumber(v.value) }),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      };
      return sendReading(queryClient, patientId, body, attempt.for(body));
    },
    onSuccess: (saved, v) => {
      attempt.settled();
      form.reset({ ...v, value: "", systolic: "", diastolic: "", note: "" });
      result.show(saved);
    },
  });
  const m = form.values.measure as Measure;
  const units = MEASURE_UNITS[m] ?? [];
  const locale = currentLocale();
  return (
    <>
      <SentResult result={result} title={t("send.savedTitle")} patientId={patientId} forSelf={forSelf} name={name}>
        {sent ? (
          <p>
            {t("send.savedBody", {
              measure: t(`measures.${sent.reading.measure}`),
              value: readingText(sent.reading, locale),
            })}{" "}
            {sent.reading.flag === "normal" ? t("send.savedNormal") : t(`send.savedFlagged.${sent.reading.flag}`)}
          </p>
        ) : null}
      </SentResult>
      <Form {...form.formProps} aria-label={forSelf ? t("send.title") : t("send.titleFor", { name })}>
        <Select
          name="measure"
          label={labels.measure}
          options={MEASURES.map((x) => ({ id: x, label: t(`measures.${x}`) }))}
          value={form.values.measure}
          onChange={(value) =>
            form.update((v) => ({ ...v, measure: value, unit: MEASURE_UNITS[value as Measure][0] as string }))
          }
          errorMessage={form.errors.measure}
          isRequired
          width="medium"
        />
        {units.length > 1 ? (
          <Select
            name="unit"
            label={labels.unit}
            options={units.map((u) => ({ id: u, label: t(`units.${u}`, { defaultValue: unitLabel(u) }) }))}
            value={form.values.unit}
            onChange={form.set("unit")}
            errorMessage={form.errors.unit}
            isRequired
            width="medium"
          />
        ) : null}
        {m === "blood_pressure" ? (
          <div className="health-bp">
            <TextField
              {...form.field("systolic")}
              label={labels.systolic}
              description={t("send.systolicHint")}
              inputMode="numeric"
              width="short"
              isRequired
            />
            <TextField
              {...form.field("diastolic")}
              label={labels.diastolic}
              description={t("send.diastolicHint")}
              inputMode="numeric"
              width="short"
              isRequired
            />
          </div>
        ) : (
          <TextField
            {...form.field("value")}
            label={t("send.valueLabel", { unit: unitLabel(form.values.unit) })}
            description={t(`send.hint.${m}`)}
            width="short"
            isRequired
          />
        )}
        <NoteField {...form.field("note")} label={labels.note} description={t("send.noteHint")} maxLength={500} />
        <p className="text-muted">{t("send.whatNext")}</p>
        <FormActions>
          <Button type="submit" isPending={form.pending} block>
            {t("send.submit")}
          </Button>
        </FormActions>
      </Form>
    </>
  );
}
