import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../i18n";
import { Cell, DataTable } from "../../kit/DataTable";
import { Loaded } from "../../kit/views";
import { dayAndTime as when } from "../refills/format";
import { incomingReferralsQuery } from "./data";
import { PatientCell, ReferralCell } from "./ReferralQueuePage";
import "../refills/refills.css";
import { QueueHeader } from "../in-basket/WorkQueue";
import "./referrals.css";

/** A specialist's incoming referrals: whom, why, how soon, and the visits booked with the ticket. */
export function IncomingReferralsPage() {
  const { t } = useTranslation("referrals");
  const locale = currentLocale();
  const incoming = useQuery(incomingReferralsQuery);
  const items = incoming.data?.items ?? [];
  const label = (key: string) => t(`queue.columns.${key}`);
  return (
    <div className="stack">
      <QueueHeader ns="referrals" words="incoming" />
      <Loaded query={incoming} loading={t("queue.loading")} failed={t("queue.loadFailed")}>
        {() =>
          items.length === 0 ? (
            <div className="empty-state">
              <h2 className="empty-state__title">{t("incoming.emptyTitle")}</h2>
              <p className="empty-state__text">{t("incoming.emptyBody")}</p>
            </div>
          ) : (
            <div className="refill-queue">
              <DataTable
                caption={t("incoming.caption", { count: items.length })}
                columns={[{ label: label("patient") }, { label: label("referral") }, { label: t("incoming.visits") }]}
                items={items}
                rowKey={(i) => i.referral.id}
                row={(item) => (
                  <tr key={item.referral.id} className="queue-row">
                    <PatientCell item={item} label={label("patient")} />
                    <ReferralCell item={item} label={label("referral")} />
                    <Cell label={t("incoming.visits")}>
                      {item.referral.appointments.length === 0 ? (
                        <span className="text-muted">{t("incoming.noVisits")}</span>
                      ) : (
                        <ul className="decision-list">
                          {item.referral.appointments.map((a) => (
                            <li key={a.id}>
                              {when(a.startsAt, locale)} · {a.provider.displayName} (
                              {t(`appointmentStatus.${a.status}`, { defaultValue: a.status })})
                            </li>
                          ))}
                        </ul>
                      )}
                    </Cell>
                  </tr>
                )}
              />
            </div>
          )
        }
      </Loaded>
    </div>
  );
}
