import type { Appointment, IntakeItem } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";
import { currentLocale } from "../../i18n";
import { formatDay } from "../../lib/format";

/**
 * "Before your visit": the scored questionnaires the visit asks for, as the server decided them
 * (due from the eCheck-in window, done once sent for this visit). A due one links to the
 * questionnaire page, carrying the visit.
 */
export function IntakeList({
  items,
  appointment,
  headingLevel = 3,
}: {
  items: readonly IntakeItem[];
  /** the visit: whose it is, its id and the zone its dates are shown in */
  appointment: Appointment;
  headingLevel?: 2 | 3 | 4;
}) {
  const {
    patientId,
    id: appointmentId,
    displayTimeZone: timeZone,
    readerIsPatient: forSelf,
    patientName: name,
  } = appointment;
  const { t } = useTranslation("appointments");
  const locale = currentLocale();
  if (items.length === 0) return null;
  const Heading = (["h2", "h3", "h4"] as const)[headingLevel - 2] ?? "h3";
  const headingId = `intake-${appointmentId}`;
  return (
    <section className="appt-intake" aria-labelledby={headingId}>
      <Heading id={headingId} className="appt-intake__title">
        {forSelf ? t("intake.title") : t("intake.titleFor", { name })}
      </Heading>
      {items.some((i) => i.status === "due") ? (
        <p className="text-muted">{forSelf ? t("intake.lead") : t("intake.leadFor", { name })}</p>
      ) : null}
      <ul className="appt-intake__list">
        {items.map((item) => (
          <li key={item.questionnaire}>
            {item.status === "due" ? (
              <Link
                to="/health/questionnaire"
                search={{ kind: item.questionnaire, patient: patientId, appointment: appointmentId }}
              >
                {t("intake.complete", { questionnaire: t(`intake.${item.questionnaire}`) })}
              </Link>
            ) : (
              <span>
                {t("intake.done", {
                  questionnaire: t(`intake.${item.questionnaire}Done`),
                  date: item.completedAt ? formatDay(item.completedAt, timeZone, locale) : "",
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
