import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Card } from "../../components/Card";
import { ButtonLink } from "../../components/Link";
import { referralsQuery, specialtyLabel } from "./data";

/**
 * The staff chart's Referrals card: the patient's referrals in a line each, and "Create a
 * referral" when the server says this clinician may create one on the patient's behalf.
 * Shows nothing to someone who may not read the patient's referrals.
 */
export function ChartReferralsCard({ patientId, name }: { patientId: string; name: string }) {
  const { t } = useTranslation("referrals");
  const list = useQuery({ ...referralsQuery(patientId), refetchInterval: false, retry: false });
  if (!list.data) return null;
  const open = list.data.referrals.filter((r) => !["completed", "expired", "cancelled", "denied"].includes(r.status));
  return (
    <Card title={t("staffForm.cardTitle")} id="referrals">
      {open.length === 0 ? (
        <p>{t("staffForm.cardNone", { name })}</p>
      ) : (
        <ul className="chart-referrals">
          {open.map((r) => (
            <li key={r.id}>
              {t("staffForm.cardLine", { specialty: specialtyLabel(r.specialty, t), status: t(`status.${r.status}`) })}
            </li>
          ))}
        </ul>
      )}
      {list.data.abilities.canCreateOnBehalf ? (
        <p>
          <ButtonLink to="/in-basket/referrals/new" search={{ patient: patientId }} variant="secondary">
            {t("staffForm.createFor", { name })}
          </ButtonLink>
        </p>
      ) : null}
    </Card>
  );
}
