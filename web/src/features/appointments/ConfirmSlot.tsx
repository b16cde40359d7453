import type { Appointment, Slot } from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Form, FormActions } from "../../components/Form";
import { currentLocale } from "../../i18n";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { AttemptKey } from "../../lib/idempotent-retry";
import { alternativesOf, appointmentsKey, durationParts, newIdempotencyKey } from "./data";
import { type Row, SummaryRows } from "./parts";

/** The address fields a picked time sets: its start, who and where, and the zone the server shows it in. */
export function slotSearch(slot: Slot) {
  return {
    start: slot.start,
    slotProviderId: slot.providerId,
    slotLocationId: slot.locationId,
    slotZone: slot.displayTimeZone,
  };
}

/** The address of the confirm step once a time of `week` was picked. */
export function confirmStepSearch(slot: Slot, week: string) {
  return { week, step: "confirm" as const, ...slotSearch(slot) };
}

/** "You can change or cancel online until …" for a visit type and start. */
export function cancellationRule(
  t: (key: string, options?: Record<string, unknown>) => string,
  start: string,
  noticeMinutes: number,
  timeZone: string,
): string {
  const until = new Date(new Date(start).getTime() - noticeMinutes * 60_000);
  const { unit, count } = durationParts(noticeMinutes);
  return t("confirm.rule", {
    until: formatDateTime(until, timeZone, currentLocale()),
    notice: t(`units.${unit}`, { count }),
  });
}

/** After a lost race: the next free times, to pick without starting again; `back` leads to the week. */
export function Alternatives({
  alternatives,
  onPick,
  back,
}: {
  alternatives: Slot[];
  onPick: (slot: Slot) => void;
  back?: ReactNode;
}) {
  const { t } = useTranslation("appointments");
  const locale = currentLocale();
  return (
    <Alert tone="warning" title={t("taken.title")} live="assertive">
      {alternatives.length > 0 ? (
        <>
          <p>{t("taken.pick")}</p>
          <ul className="alt-list">
            {alternatives.slice(0, 6).map((slot) => (
              <li key={`${slot.start}-${slot.providerId}`}>
                <Button variant="secondary" onPress={() => onPick(slot)}>
                  {t("taken.option", {
                    when: formatDateTime(slot.start, slot.displayTimeZone, locale),
                    provider: slot.providerName,
                  })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("taken.none")}</p>
      )}
      {back ? <p>{back}</p> : null}
    </Alert>
  );
}

interface ConfirmSlotProps {
  /** whose appointments to refresh once the time is taken */
  patientId: string;
  /** the request that takes the chosen time; pressing the button again after an unknown outcome repeats it with the same key */
  request: () => { path: string; body: Record<string, unknown> };
  /** after the server took the time (lists refreshed): where to go */
  onDone: (appointment: Appointment) => Promise<void>;
  /** refresh the free times as soon as the chosen one turns out taken */
  refreshSlotsWhenTaken?: boolean;
  /** one of the alternatives offered after a lost race was picked */
  onPickAlternative: (slot: Slot) => void;
  /** the link back to the week, inside the lost-race warning */
  backToWeek?: ReactNode;
  /** what, when, who and where */
  rows: Row[];
  /** "You can change or cancel online until …" */
  rule: string;
  /** the form's name */
  formLabel: string;
  submitLabel: string;
  /** the form's fields */
  children?: ReactNode;
  /** shown in the form after a failure other than a lost race */
  failureNote?: ReactNode;
}

/**
 * The last step of booking or moving a visit: the chosen time's summary, the cancellation rule
 * and one button that sends the request once (a double press is ignored; a repeat after an
 * unknown outcome sends the same Idempotency-Key). A lost race offers the next free times.
 */
export function ConfirmSlot({
  patientId,
  request,
  onDone,
  refreshSlotsWhenTaken,
  onPickAlternative,
  backToWeek,
  rows,
  rule,
  formLabel,
  submitLabel,
  children,
  failureNote,
}: ConfirmSlotProps) {
  const { t, i18n } = useTranslation("appointments");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [alternatives, setAlternatives] = useState<Slot[]>([]);
  const [attempt, setAttempt] = useState(0);
  const busy = useRef(false);
  const [attemptKey] = useState(() => new AttemptKey(newIdempotencyKey));

  async function send() {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setFailure(null);
    const { path, body } = request();
    try {
      // the same key for a repeat of this attempt: the server answers it with the first booking, and a 503 is retried once
      const appointment = await api<Appointment>(path, {
        method: "POST",
        body,
        idempotencyKey: attemptKey.for({ path, body }),
      });
      attemptKey.settled();
      await queryClient.invalidateQueries({ queryKey: appointmentsKey(patientId) });
      await queryClient.invalidateQueries({ queryKey: ["slots"] });
      await onDone(appointment);
    } catch (error) {
      attemptKey.settled(error);
      setFailure(error);
      setAlternatives(alternativesOf(error));
      setAttempt((n) => n + 1);
      if (refreshSlotsWhenTaken && isApiError(error, "slot_taken")) {
        await queryClient.invalidateQueries({ queryKey: ["slots"] });
      }
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

  const taken = isApiError(failure, "slot_taken");
  const failedOtherwise = Boolean(failure) && !taken;
  return (
    <>
      {taken ? (
        <Alternatives
          alternatives={alternatives}
          onPick={(slot) => {
            setFailure(null);
            setAlternatives([]);
            onPickAlternative(slot);
          }}
          back={backToWeek}
        />
      ) : null}
      <SummaryRows rows={rows} />
      <Alert tone="info" title={t("confirm.ruleTitle")} headingLevel={2}>
        <p>{rule}</p>
      </Alert>
      <Form
        aria-label={formLabel}
        onSubmit={() => void send()}
        formError={failedOtherwise ? errorMessage(failure, tc, i18n.exists) : null}
        attempt={attempt}
      >
        {children}
        {failedOtherwise ? failureNote : null}
        <FormActions>
          <Button type="submit" isPending={pending} block>
            {submitLabel}
          </Button>
        </FormActions>
      </Form>
    </>
  );
}
