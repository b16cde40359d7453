import type { AffectedVisit, AffectedVisitsAction } from "@portico/contracts";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { currentLocale } from "../../i18n";
import { isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { visitName } from "../appointments/data";

/**
 * Time off or a block over booked visits: the visits (patient, time in the location's zone,
 * visit), and the admin's explicit choice — notify and rebook them, keep them, or not save.
 */
export function OverlapChoice({
  affected,
  kind,
  pending,
  error,
  onChoose,
  onCancel,
}: {
  affected: AffectedVisit[];
  kind: string;
  pending: AffectedVisitsAction | null;
  error: unknown;
  onChoose: (action: AffectedVisitsAction) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation("appointments");
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const changed =
    isApiError(error) && (error.details as { reason?: string } | null)?.reason === "overlaps_booked_visits";
  // the question takes focus when it appears, so keyboard and screen-reader users meet it first
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);
  return (
    <section aria-labelledby="overlap-title" className="overlap-choice" tabIndex={-1} ref={panel}>
      <h3 id="overlap-title" className="subsection-title">
        {t("availability.overlapTitle", { count: affected.length, kind: t(`exception.${kind}`) })}
      </h3>
      {error ? (
        <Alert
          tone="error"
          title={changed ? t("availability.overlapChanged") : t("availability.saveFailed")}
          live="assertive"
          headingLevel={3}
        >
          {changed ? null : <p>{errorMessage(error, tc, i18n.exists)}</p>}
        </Alert>
      ) : null}
      <ul className="item-list overlap-choice__visits">
        {affected.map((a) => (
          <li key={a.appointmentId}>
            <span>
              <strong>{a.patientName}</strong> · {formatDateTime(a.start, a.timeZone, locale)} ·{" "}
              {visitName({ name: a.visitTypeName, nameEs: a.visitTypeNameEs }, locale)} · {a.locationName}
            </span>
          </li>
        ))}
      </ul>
      <p>{t("availability.overlapQuestion")}</p>
      <div className="button-row">
        <Button
          isPending={pending === "notify_and_rebook"}
          isDisabled={pending !== null}
          onPress={() => onChoose("notify_and_rebook")}
        >
          {t("availability.notifyAndRebook")}
        </Button>
        <Button
          variant="secondary"
          isPending={pending === "keep"}
          isDisabled={pending !== null}
          onPress={() => onChoose("keep")}
        >
          {t("availability.keepVisits")}
        </Button>
        <Button variant="secondary" isDisabled={pending !== null} onPress={onCancel}>
          {t("availability.dontSave")}
        </Button>
      </div>
      <p className="text-muted">{t("availability.notifyHint")}</p>
    </section>
  );
}
