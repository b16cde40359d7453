import "./waitlist.css";
import type { Appointment, WaitlistOffer } from "@portico/contracts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ButtonLink } from "../../components/Link";
import { api } from "../../lib/api";
import { appointmentsKey } from "./data";

/** Under the appointments key, so refreshing a patient's appointments refreshes the offers too. */
export const offersQuery = (patientId: string) =>
  queryOptions({
    queryKey: [...appointmentsKey(patientId), "waitlist-offers"],
    queryFn: ({ signal }) =>
      api<{ offers: WaitlistOffer[] }>(`/api/patients/${patientId}/waitlist-offers`, { signal }).then((r) => r.offers),
  });

/** Ask for, or stop asking for, an earlier time for one upcoming appointment. */
export function WaitlistControl({ appointment: a }: { appointment: Appointment }) {
  const { t } = useTranslation("appointments");
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (join: boolean) =>
      api<Appointment>(`/api/patients/${a.patientId}/appointments/${a.id}/waitlist`, {
        method: join ? "POST" : "DELETE",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentsKey(a.patientId) }),
  });

  return (
    <>
      {change.isError ? <ErrorAlert title={t("waitlist.failed")} error={change.error} headingLevel={3} /> : null}
      {a.onWaitlist ? (
        <div className="appt-waitlist">
          <p className="appt-waitlist__text" role="status">
            <strong>
              {a.readerIsPatient ? t("waitlist.onList") : t("waitlist.onListFor", { name: a.patientName })}
            </strong>{" "}
            {t("waitlist.onListBody")}
          </p>
          <Button
            variant="secondary"
            aria-label={t("waitlist.stopLabel")}
            isPending={change.isPending}
            onPress={() => change.mutate(false)}
          >
            {t("waitlist.stop")}
          </Button>
        </div>
      ) : (
        <div>
          <Button variant="secondary" isPending={change.isPending} onPress={() => change.mutate(true)}>
            {a.readerIsPatient ? t("waitlist.join") : t("waitlist.joinFor", { name: a.patientName })}
          </Button>
        </div>
      )}
    </>
  );
}

/** On the appointments list: a way to the offers page while an earlier time is held for the patient. */
export function OffersNotice({
  patientId,
  onBehalf,
  forName,
}: {
  patientId: string;
  onBehalf: boolean;
  /** the patient's name when the reader is someone else */
  forName: string | null;
}) {
  const { t } = useTranslation("appointments");
  const offers = useQuery(offersQuery(patientId));
  const open = (offers.data ?? []).filter((o) => o.status === "open" && Date.parse(o.expiresAt) > Date.now());
  if (open.length === 0) return null;
  return (
    <Alert tone="info" title={t("waitlist.offersTitle")}>
      <p>
        {forName
          ? t("waitlist.offersBodyFor", { count: open.length, name: forName })
          : t("waitlist.offersBody", { count: open.length })}
      </p>
      <ButtonLink to="/appointments/offers" search={{ patientId: onBehalf ? patientId : undefined }}>
        {t("waitlist.offersLink")}
      </ButtonLink>
    </Alert>
  );
}
