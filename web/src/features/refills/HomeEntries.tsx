import type { ActingPatient } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";
import { PatientTile } from "../home/ActionTile";
import { AttentionCard, useAttentionCount } from "../home/AttentionCard";
import { medicationsQuery, refillRequestsQuery } from "./data";

/**
 * The home page's "Request a refill" tile: shown when the patient has medicines the reader may
 * ask refills for (the server's abilities say so).
 */
export function RefillTile({ patient }: { patient: ActingPatient }) {
  const list = useQuery(medicationsQuery(patient.id));
  if (!list.data?.abilities.canRequestRefills || list.data.medications.every((m) => m.status !== "active")) return null;
  return <PatientTile ns="refills" patient={patient} to="/medications" icon="pill" />;
}

/**
 * How many of the patient's refill requests are still open (0 when the reader may not see
 * them; undefined while loading), for the home page's "needs your attention".
 */
export function useOpenRefillCount(patientId: string, allowed: boolean): number | undefined {
  return useAttentionCount(
    refillRequestsQuery(patientId),
    patientId,
    allowed,
    (list) => list.requests.filter((r) => r.status === "open").length,
  );
}

/** "2 refill requests in progress": a card on the home page while any request is open. */
export function RefillsInProgress({ patient }: { patient: ActingPatient }) {
  const { t } = useTranslation("refills");
  const open = useOpenRefillCount(patient.id, true) ?? 0;
  if (open === 0) return null;
  return (
    <AttentionCard id="refills-in-progress" title={t("home.inProgress", { count: open })}>
      <Link to="/refills" search={{ patient: patient.id }}>
        {t("home.inProgressLink")}
      </Link>
    </AttentionCard>
  );
}
