import type { Medication, MedicationHistoryEntry } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { currentLocale } from "../../i18n";
import { Loaded } from "../../kit/views";
import { ChartLabResults } from "./ChartLabResults";
import type { ChartMedsNotice } from "./chart-medications";
import { medicationsQuery } from "./data";
import { dayAndTime as when } from "./format";
import { MedicationFormAction } from "./MedicationFormAction";
import { MedicationCard } from "./MedicationsPage";
import { StopMedicationAction } from "./StopMedicationAction";
import "./refills.css";
import "./chart-medications.css";

const route = getRouteApi("/signed-in/patients/$patientId/medications");

/** Staff (nurse, physician on the care team): a patient's medication list, kept up to date — add, change, stop. */
export function ChartMedicationsPage() {
  const { t } = useTranslation("refills");
  const { patientId } = route.useParams();
  const list = useQuery(medicationsQuery(patientId));
  const [notice, setNotice] = useState<ChartMedsNotice | null>(null);
  const name = list.data?.patient.displayName;
  const back = (
    <Link to="/patients/$patientId" params={{ patientId }} className="back-link">
      {name ? t("chartMeds.backNamed", { name }) : t("chartMeds.back")}
    </Link>
  );
  return (
    <div className="stack">
      <PageHeader
        title={name ? t("chartMeds.title", { name }) : t("chartMeds.titlePlain")}
        before={back}
        lead={<p>{t("chartMeds.lead")}</p>}
        actions={
          list.data?.abilities.canAddMedication ? (
            <MedicationFormAction patientId={patientId} patientName={name ?? ""} onNotice={setNotice} />
          ) : null
        }
      />
      <div aria-live="polite">
        {notice ? (
          notice.kind === "lab" ? (
            <Alert tone="success" title={t("labs.savedTitle")} live="polite">
              <p>{t("labs.savedBody", { test: notice.test, date: notice.date, patient: notice.patient })}</p>
            </Alert>
          ) : (
            <Alert tone="success" title={t(`chartMeds.${notice.kind}Title`)} live="polite">
              <p>{t(`chartMeds.${notice.kind}Body`, { medication: notice.medication, patient: notice.patient })}</p>
            </Alert>
          )
        ) : null}
      </div>
      <Loaded query={list} loading={t("medications.loading")} failed={t("medications.loadFailed")}>
        {(data) =>
          data.medications.length === 0 ? (
            <p className="text-muted">{t("chartMeds.empty", { name })}</p>
          ) : (
            (["active", "stopped"] as const).map((status) => {
              const items = data.medications.filter((m) => m.status === status);
              if (items.length === 0) return null;
              return (
                <section key={status} aria-labelledby={`chart-meds-${status}`} className="stack">
                  <h2 id={`chart-meds-${status}`} className="section-title">
                    {t(status === "active" ? "medications.activeTitle" : "medications.stoppedTitle")}
                  </h2>
                  <ul className="med-list chart-med-list">
                    {items.map((m) => (
                      <li key={m.id} className="chart-med">
                        <MedicationCard medication={m} patientId={patientId} />
                        {m.abilities.canEdit ? (
                          <div className="row-actions">
                            <MedicationFormAction
                              patientId={patientId}
                              patientName={data.patient.displayName}
                              medication={m}
                              onNotice={setNotice}
                            />
                            <StopMedicationAction
                              patientId={patientId}
                              patientName={data.patient.displayName}
                              medication={m}
                              onNotice={setNotice}
                            />
                          </div>
                        ) : null}
                        <History medication={m} />
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })
          )
        }
      </Loaded>
      <ChartLabResults patientId={patientId} onSaved={(n) => setNotice({ kind: "lab", ...n })} />
    </div>
  );
}

/** What happened to a medication, newest first, in the reader's words. */
function History({ medication: m }: { medication: Medication }) {
  const { t } = useTranslation("refills");
  const locale = currentLocale();
  if (m.history.length === 0) return null;
  const headingId = `med-${m.id}-history`;
  return (
    <section aria-labelledby={headingId} className="history">
      <h4 id={headingId} className="chart-med__history-title">
        {t("chartMeds.historyTitle", { name: m.name })}
      </h4>
      <ol className="history__list">
        {[...m.history].reverse().map((h) => (
          <li key={`${h.at}-${h.event}`}>
            <span className="text-muted">{when(h.at, locale)}</span> — {t(`history.${h.event}`)}
            {h.by ? ` (${h.by})` : ` (${t("history.automatic")})`}
            {describe(h, t)}
          </li>
        ))}
      </ol>
    </section>
  );
}

function describe(h: MedicationHistoryEntry, t: (key: string, options?: Record<string, unknown>) => string) {
  const changes = h.changes.map((c) =>
    t("chartMeds.changeLine", {
      field: t(`chartMeds.fields.${c.field}`, { defaultValue: c.field }),
      from: c.from,
      to: c.to,
    }),
  );
  const parts = [...changes, ...(h.reason ? [h.reason] : [])];
  return parts.length ? `: ${parts.join("; ")}` : "";
}
