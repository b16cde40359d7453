import type { LabResult, LabResultList } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { FormDialog, useFormDialog } from "../../kit/FormDialog";
import { Loaded } from "../../kit/views";
import { formatCalendarDate } from "../../lib/format";
import { labResultsQuery, recordLabResult } from "./data";

/** What the page's status region says after a lab result is saved. */
export interface LabNotice {
  test: string;
  date: string;
  patient: string;
}

/**
 * The chart's lab results (nurses and physicians caring for the patient): the tests the refill
 * protocol checks, newest first, and "Record a lab result" (test, date, value if known). The
 * protocol's lab rule reads the latest date of each test.
 */
export function ChartLabResults({ patientId, onSaved }: { patientId: string; onSaved: (n: LabNotice) => void }) {
  const { t } = useTranslation("refills");
  const locale = currentLocale();
  const labs = useQuery(labResultsQuery(patientId));
  const name = labs.data?.patient.displayName ?? "";
  return (
    <section aria-labelledby="chart-labs" className="stack chart-labs">
      <div className="chart-labs__header">
        <h2 id="chart-labs" className="section-title">
          {t("labs.title")}
        </h2>
        {labs.data?.abilities.canRecord ? <RecordLabAction list={labs.data} onSaved={onSaved} /> : null}
      </div>
      <p className="text-muted">{t("labs.lead")}</p>
      <Loaded query={labs} loading={t("labs.loading")} failed={t("labs.loadFailed")}>
        {(data) =>
          data.results.length === 0 ? (
            <p>{t("labs.empty", { name })}</p>
          ) : (
            <ul className="chart-labs__list" aria-label={t("labs.listLabel", { name })}>
              {data.results.map((r) => (
                <li key={r.id}>
                  <LabLine result={r} locale={locale} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {labs.data && labs.data.tests.length === 0 ? <p className="text-muted">{t("labs.noTests")}</p> : null}
    </section>
  );
}

function LabLine({ result: r, locale }: { result: LabResult; locale: ReturnType<typeof currentLocale> }) {
  const { t } = useTranslation("refills");
  return (
    <>
      <strong>{r.labName}</strong> — {formatCalendarDate(r.resultedOn, locale)}
      {r.value ? <>: {r.value}</> : null}
      <span className="text-muted">
        {" "}
        ({r.recordedBy ? t("labs.recordedBy", { name: r.recordedBy }) : t("labs.onFile")})
      </span>
    </>
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function RecordLabAction({ list, onSaved }: { list: LabResultList; onSaved: (n: LabNotice) => void }) {
  const { t } = useTranslation("refills");
  const queryClient = useQueryClient();
  const patientId = list.patient.id;
  const patient = list.patient.displayName;
  const initial = () => ({
    labCode: list.tests.length === 1 ? (list.tests[0]?.labCode ?? "") : "",
    resultedOn: "",
    value: "",
  });
  const dialog = useFormDialog({
    initial,
    labels: { labCode: t("labs.fields.test"), resultedOn: t("labs.fields.date"), value: t("labs.fields.value") },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.labCode) e.labCode = t("labs.errors.test");
      const day = v.resultedOn.trim();
      if (!DATE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) e.resultedOn = t("labs.errors.date");
      else if (day > list.today) e.resultedOn = t("labs.errors.future");
      if (v.value.trim().length > 100) e.value = t("labs.errors.value");
      return e;
    },
    submit: (v) =>
      recordLabResult(queryClient, patientId, {
        labCode: v.labCode,
        resultedOn: v.resultedOn.trim(),
        value: v.value.trim() || null,
      }),
    onSuccess: (saved) =>
      onSaved({ test: saved.labName, date: formatCalendarDate(saved.resultedOn, currentLocale()), patient }),
  });
  const { form } = dialog;
  const title = t("labs.recordTitle", { patient });
  return (
    <FormDialog
      dialog={dialog}
      title={title}
      trigger={{ label: t("labs.record"), variant: "secondary" }}
      submitLabel={t("labs.save")}
      cancelLabel={t("queue.cancel")}
      intro={<p>{t("labs.intro")}</p>}
    >
      <Select
        {...form.field("labCode")}
        label={t("labs.fields.test")}
        options={list.tests.map((test) => ({
          id: test.labCode,
          label: t("labs.testOption", { name: test.labName, count: test.maxAgeDays }),
        }))}
        placeholder={t("chartMeds.choose")}
        isRequired
        width="medium"
      />
      <TextField
        {...form.field("resultedOn")}
        label={t("labs.fields.date")}
        description={t("labs.hints.date", { today: list.today })}
        width="medium"
        isRequired
      />
      <TextField
        {...form.field("value")}
        label={t("labs.fields.value")}
        description={t("labs.hints.value")}
        width="medium"
      />
    </FormDialog>
  );
}
