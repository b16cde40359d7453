import type { RecordContents } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { useActingFor } from "../../app/acting-for";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { PageHeader, useDocumentTitle } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import "./records.css";

type Format = "json" | "fhir";
type Progress =
  | { state: "idle" }
  | { state: "downloading"; format: Format; bytes: number }
  | { state: "done"; format: Format; bytes: number; fileName: string }
  | { state: "failed"; format: Format; notFound: boolean };

/** "1.2 MB" in the reader's language. */
function size(bytes: number, language: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * Download everything the portal holds about the patient (SPEC §2.9), as JSON or as a FHIR R4
 * Bundle. The server streams it; the page reads the stream and shows the bytes received so
 * far, then saves the file. What a caregiver's grant does not cover is left out by the server,
 * which also says beforehand which parts the reader gets (`/record/contents`): the page lists
 * those, and the parts left out when there are any (a teen's parent gets only appointments and
 * medications).
 */
export function RecordDownloadPage() {
  const { t, i18n } = useTranslation("records");
  const common = useTranslation();
  const { patient } = useActingFor();
  const contents = useQuery({
    queryKey: ["record-contents", patient?.id],
    queryFn: ({ signal }) => api<RecordContents>(`/api/patients/${patient?.id}/record/contents`, { signal }),
    enabled: Boolean(patient),
    retry: (count, error) => !isApiError(error, "not_found") && count < 2,
  });
  const notAllowed = !patient || (contents.isError && isApiError(contents.error, "not_found"));
  const forSelf = patient?.relationship === "self";
  const title = forSelf || !patient ? t("title") : t("titleFor", { name: patient.name });
  useDocumentTitle(title);
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const abort = useRef<AbortController | null>(null);

  const download = async (format: Format) => {
    if (!patient) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ state: "downloading", format, bytes: 0 });
    try {
      const response = await fetch(`/api/patients/${patient.id}/record?format=${format}`, {
        credentials: "same-origin",
        headers: { accept: format === "fhir" ? "application/fhir+json" : "application/json" },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        setProgress({ state: "failed", format, notFound: response.status === 404 });
        return;
      }
      const reader = response.body.getReader();
      const parts: Uint8Array[] = [];
      let bytes = 0;
      let shown = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        // update what is shown every 16 KB or so, not on every chunk
        if (bytes - shown >= 16_384) {
          shown = bytes;
          setProgress({ state: "downloading", format, bytes });
        }
      }
      const disposition = response.headers.get("content-disposition") ?? "";
      const fileName =
        /filename="([^"]+)"/.exec(disposition)?.[1] ?? `health-record.${format === "fhir" ? "fhir.json" : "json"}`;
      const url = URL.createObjectURL(
        new Blob(parts as BlobPart[], { type: response.headers.get("content-type") ?? "application/json" }),
      );
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setProgress({ state: "done", format, bytes, fileName });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      setProgress({ state: "failed", format, notFound: false });
    }
  };

  const busy = progress.state === "downloading";
  return (
    <>
      <PageHeader
        title={title}
        lead={<p>{forSelf || !patient ? t("lead") : t("leadFor", { name: patient.name })}</p>}
      />
      <ActingForSwitcher />
      {notAllowed ? (
        <Alert tone="info" title={t("notAllowedTitle")}>
          <p>{t("notAllowedBody", { name: patient?.name ?? "" })}</p>
        </Alert>
      ) : contents.isPending ? (
        <LoadingState label={t("contentsLoading")} />
      ) : contents.isError ? (
        <Alert tone="error">
          <p>{errorMessage(contents.error, common.t, common.i18n.exists)}</p>
        </Alert>
      ) : (
        <div className="stack">
          <h2 className="record-contents__title">{t("includedTitle")}</h2>
          <ul className="record-contents">
            {contents.data.sections.map((name) => (
              <li key={name}>{t(`sections.${name}`, { defaultValue: name })}</li>
            ))}
          </ul>
          {contents.data.withheld.length > 0 ? (
            <>
              <h2 className="record-contents__title">{t("withheldTitle")}</h2>
              <p>
                {contents.data.restricted
                  ? t("restrictedNote", { name: patient?.name ?? "" })
                  : t("withheldNote", { name: patient?.name ?? "" })}
              </p>
              <ul className="record-contents">
                {contents.data.withheld.map((name) => (
                  <li key={name}>{t(`sections.${name}`, { defaultValue: name })}</li>
                ))}
              </ul>
            </>
          ) : null}
          {!forSelf ? <p>{t("caregiverNote")}</p> : null}
          <div className="record-formats">
            <section className="record-format" aria-labelledby="record-json">
              <h2 id="record-json">{t("json.title")}</h2>
              <p>{t("json.body")}</p>
              <Button onPress={() => void download("json")} isDisabled={busy}>
                {t("json.action")}
              </Button>
            </section>
            <section className="record-format" aria-labelledby="record-fhir">
              <h2 id="record-fhir">{t("fhir.title")}</h2>
              <p>{t("fhir.body")}</p>
              <Button variant="secondary" onPress={() => void download("fhir")} isDisabled={busy}>
                {t("fhir.action")}
              </Button>
            </section>
          </div>
          <div aria-live="polite" className="record-progress">
            {progress.state === "downloading" ? (
              <>
                <progress aria-label={t("progress.label")} />
                <p>{t("progress.received", { size: size(progress.bytes, i18n.language) })}</p>
              </>
            ) : null}
          </div>
          {progress.state === "done" ? (
            <Alert tone="success" live="polite">
              <p>{t("done", { file: progress.fileName, size: size(progress.bytes, i18n.language) })}</p>
            </Alert>
          ) : null}
          {progress.state === "failed" ? (
            <Alert tone="error" live="assertive">
              <p>{progress.notFound ? t("failedNotAllowed") : t("failed")}</p>
            </Alert>
          ) : null}
        </div>
      )}
    </>
  );
}
