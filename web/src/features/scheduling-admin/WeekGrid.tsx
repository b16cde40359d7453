import type { Location } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { type Template, useWeekdayName, WEEKDAYS } from "./availability-parts";

/** The provider's weekly hours at a glance: a row per location, a column per weekday. */
export function WeekGrid({ templates, places }: { templates: Template[]; places: Location[] }) {
  const { t } = useTranslation("appointments");
  const weekday = useWeekdayName();
  return (
    <section aria-labelledby="grid-title">
      <h2 id="grid-title" className="section-title">
        {t("availability.gridTitle")}
      </h2>
      <div className="week-grid-wrap">
        <table className="week-grid">
          <caption className="visually-hidden">{t("availability.gridCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("availability.location")}</th>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  {weekday(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {places.map((place) => (
              <tr key={place.id}>
                <th scope="row">{place.name}</th>
                {WEEKDAYS.map((d) => {
                  const here = templates
                    .filter((x) => x.locationId === place.id && x.weekday === d)
                    .sort((a, b) => a.startTime.localeCompare(b.startTime));
                  return (
                    <td key={d}>
                      {here.length === 0 ? (
                        <span className="text-muted">{t("availability.closed")}</span>
                      ) : (
                        here.map((x) => (
                          <span key={x.id} className="week-grid__slot">
                            {x.startTime}–{x.endTime}
                          </span>
                        ))
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
