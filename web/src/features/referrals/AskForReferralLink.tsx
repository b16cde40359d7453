import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useActingFor } from "../../app/acting-for";
import { ButtonLink } from "../../components/Link";
import { visitTypesQuery } from "../appointments/data";
import { specialtyLabel } from "./data";

/**
 * Booking's "this visit needs a referral": the way to ask for one, with the visit type's
 * specialty already chosen on the request form.
 */
export function AskForReferralLink({ visitTypeId, patientId }: { visitTypeId: string; patientId: string }) {
  const { t } = useTranslation("referrals");
  const { patients } = useActingFor();
  const visitTypes = useQuery(visitTypesQuery);
  const specialty = visitTypes.data?.find((v) => v.id === visitTypeId)?.specialty;
  const patient = patients.find((p) => p.id === patientId);
  if (!specialty) return null;
  const label = specialtyLabel(specialty, t);
  return (
    <p>
      <ButtonLink to="/referrals/new" search={{ patient: patientId, specialty }}>
        {patient && patient.relationship !== "self"
          ? t("booking.askFor", { specialty: label, name: patient.name })
          : t("booking.ask", { specialty: label })}
      </ButtonLink>
    </p>
  );
}
