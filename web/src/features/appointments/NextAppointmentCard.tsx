import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";
import { AppointmentCard } from "./AppointmentCard";
import { appointmentsQuery } from "./data";

/**
 * Home: the next appointment with what can be done about it now (check in, I'm here, calendar),
 * titled with the patient's name when the reader is someone else (a caregiver acting for them).
 */
export function NextAppointmentCard({ patientId, canAct }: { patientId: string; canAct: boolean }) {
  const { t } = useTranslation("appointments");
  const list = useQuery(appointmentsQuery(patientId));
  const next = list.data?.upcoming[0];
  if (!next) return null;
  return (
    <section aria-labelledby="next-appointment" className="next-appointment">
      <h3 id="next-appointment" className="subsection-title">
        {next.readerIsPatient ? t("home.next") : t("home.nextFor", { name: next.patientName })}
      </h3>
      <AppointmentCard appointment={next} canAct={canAct} onBehalf={false} headingLevel={3} />
      {list.data && list.data.upcoming.length > 1 ? (
        <p>
          <Link to="/appointments" search={{}}>
            {t("home.more", { count: list.data.upcoming.length - 1 })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
