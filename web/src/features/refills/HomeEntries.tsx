import type { ActingPatient } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";
import { ActionTile } from "../home/ActionTile";
import { medicationsQuery, refillRequestsQuery } from "./data";

/**
 * The home page's "Request a refill" tile: shown when the patient has medicines the reader may
 * ask refills for (the server's abilities say so).
 */
export function RefillTile({ patient }: { patient: ActingPatient }) {
  const { t } = useTranslation("refills");
  const list = useQuery(medicationsQuery(patient.id));
  if (!list.data?.abilities.canRequestRefills || list.data.medications.every((m) => m.status !== "active")) return null;
  return (
    <ActionTile
      to="/medications"
      icon="pill"
      title={t("home.tileTitle")}
      text={patient.relationship === "self" ? t("home.tileText") : t("home.tileTextFor", { name: patient.name })}
    />
  );
}

/**
 * How many of the patient's refill requests are still open (0 when the reader may not see
 * them; undefined while loading), for the home page's "needs your attention".
 */
export function useOpenRefillCount(patientId: string, allowed: boolean): number | undefined {
  const list = useQuery({ ...refillRequestsQuery(patientId), enabled: allowed && Boolean(patientId) });
  if (!allowed) return 0;
  if (list.isError) return 0;
  return list.data?.requests.filter((r) => r.status === "open").length;
}

/** "2 refill requests in progress": a card on the home page while any request is open. */
export function RefillsInProgress({ patient }: { patient: ActingPatient }) {
  const { t } = useTranslation("refills");
  const open = useOpenRefillCount(patient.id, true) ?? 0;
  if (open === 0) return null;
  return (
    <section className="card" aria-labelledby="refills-in-progress">
      <h3 className="card__title" id="refills-in-progress">
        {t("home.inProgress", { count: open })}
      </h3>
      <div className="card__body">
        <Link to="/refills" search={{ patient: patient.id }}>
          {t("home.inProgressLink")}
        </Link>
      </div>
    </section>
  );
}
