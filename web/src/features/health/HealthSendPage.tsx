import type { Guidance as GuidanceValue, HealthUpdates } from "@portico/contracts";
import { type ReactNode, type RefObject, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PatientData, PatientPage } from "../../app/PatientPage";
import { Alert } from "../../components/Alert";
import { Link } from "../../components/Link";
import { Guidance } from "./Guidance";

/**
 * A page that sends the care team something (a reading, a questionnaire): the way back to the
 * patient's health page, the gate's states, "you cannot send" when the server says so, then the form.
 */
export function HealthSendPage({
  page,
  title,
  lead,
  children,
}: {
  page: PatientData<HealthUpdates>;
  title: string;
  lead: ReactNode;
  children: (patientId: string) => ReactNode;
}) {
  const { t } = useTranslation("health");
  const { who, forWhom } = page;
  return (
    <PatientPage
      page={page}
      title={title}
      lead={lead}
      before={
        <Link to="/health" search={who.patientId ? { patient: who.patientId } : {}} className="back-link">
          {forWhom("page.title")}
        </Link>
      }
      words="page"
    >
      {(updates, patientId) =>
        !updates.abilities.canSend ? (
          <Alert tone="info" title={t("send.cannotTitle")}>
            <p>{t("send.cannotBody")}</p>
          </Alert>
        ) : (
          children(patientId)
        )
      }
    </PatientPage>
  );
}

/**
 * What was sent, once the care team has it: a focusable status region (focus moves there when
 * the answer arrives) with any urgent guidance first, then the saved confirmation ending in the
 * way to the patient's trends.
 */
export function useSentResult<T>() {
  const [sent, setSent] = useState<T | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const show = (result: T) => {
    setSent(result);
    requestAnimationFrame(() => ref.current?.focus());
  };
  return { sent, show, ref };
}

export function SentResult({
  result,
  title,
  patientId,
  forSelf,
  name,
  children,
}: {
  result: { sent: { guidance: GuidanceValue } | null; ref: RefObject<HTMLDivElement | null> };
  /** the confirmation's heading */
  title: string;
  patientId: string;
  forSelf: boolean;
  name: string;
  /** what was saved, before the way to the trends */
  children: ReactNode;
}) {
  const { t } = useTranslation("health");
  const { sent } = result;
  return (
    <div ref={result.ref} tabIndex={-1} className="health-result" role="status">
      {sent ? (
        <>
          <Guidance guidance={sent.guidance} forSelf={forSelf} name={name} />
          <Alert tone="success" title={title} headingLevel={2}>
            {children}
            <p>
              <Link to="/health" search={{ patient: patientId }}>
                {forSelf ? t("send.seeTrends") : t("send.seeTrendsFor", { name })}
              </Link>
            </p>
          </Alert>
        </>
      ) : null}
    </div>
  );
}
