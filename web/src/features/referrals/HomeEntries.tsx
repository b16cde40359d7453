import type { ActingPatient, Referral } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";
import { PatientTile } from "../home/ActionTile";
import { AttentionCard, useAttentionCount } from "../home/AttentionCard";
import { referralsQuery, specialtyLabel } from "./data";

/** A referral the patient can act on: one to book with (the server's `canBook`), or a visit asked for first. */
const needsAction = (r: Referral) => r.abilities.canBook || r.status === "visit_requested";

/** How many referrals wait for the patient (0 when the reader may not see them; undefined while loading). */
export function useReferralUpdateCount(patientId: string, allowed: boolean): number | undefined {
  return useAttentionCount(
    referralsQuery(patientId),
    patientId,
    allowed,
    (list) => list.referrals.filter(needsAction).length,
  );
}

/** "Referral updates" on the home page: an approved referral to book with, or a visit the doctor asked for first. */
export function ReferralUpdates({ patient }: { patient: ActingPatient }) {
  const { t } = useTranslation("referrals");
  const list = useQuery(referralsQuery(patient.id));
  const waiting = list.data?.referrals.filter(needsAction) ?? [];
  if (waiting.length === 0) return null;
  const forSelf = patient.relationship === "self";
  return (
    <AttentionCard
      id="referral-updates"
      title={forSelf ? t("home.updates") : t("home.updatesFor", { name: patient.name })}
    >
      <ul className="decision-list">
        {waiting.map((r) => (
          <li key={r.id}>
            {t(r.abilities.canBook ? (forSelf ? "home.approved" : "home.approvedFor") : "home.visitFirst", {
              specialty: specialtyLabel(r.specialty, t),
              name: patient.name,
            })}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/referrals" search={{ patient: patient.id }}>
          {forSelf ? t("home.see") : t("home.seeFor", { name: patient.name })}
        </Link>
      </p>
    </AttentionCard>
  );
}

/** The home page's "Request a referral" tile, when the server says the reader may ask. */
export function ReferralTile({ patient }: { patient: ActingPatient }) {
  const list = useQuery(referralsQuery(patient.id));
  if (!list.data?.abilities.canRequest) return null;
  return <PatientTile ns="referrals" patient={patient} to="/referrals/new" icon="referral" />;
}
