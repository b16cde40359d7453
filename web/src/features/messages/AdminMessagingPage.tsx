import type { MessagePoolList } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { LoadFailed } from "../../kit/views";
import { adminPoolsQuery } from "./data";
import "./messages.css";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Admins: message pools (who reads which topics, how fast) and each location's business hours and holidays. */
export function MessagePoolsPage() {
  const { t } = useTranslation("messages");
  const pools = useQuery(adminPoolsQuery());
  const header = <PageHeader title={t("admin.title")} lead={<p>{t("admin.intro")}</p>} />;
  if (pools.isPending)
    return (
      <div className="stack">
        {header}
        <LoadingState label={t("admin.loading")} />
      </div>
    );
  if (pools.isError)
    return (
      <div className="stack">
        {header}
        <LoadFailed error={pools.error} title={t("admin.loadFailed")} />
      </div>
    );
  return (
    <div className="stack">
      {header}
      <PoolTable data={pools.data} />
      <LocationHours data={pools.data} />
    </div>
  );
}

function PoolTable({ data }: { data: MessagePoolList }) {
  const { t } = useTranslation("messages");
  return (
    <section aria-labelledby="pools-title" className="stack">
      <div className="section-head">
        <h2 id="pools-title" className="section-title">
          {t("admin.poolsTitle")}
        </h2>
        <ButtonLink to="/admin/messaging/pools/$poolId" params={{ poolId: "new" }}>
          {t("admin.newPool")}
        </ButtonLink>
      </div>
      {data.pools.length === 0 ? (
        <p>{t("admin.noPools")}</p>
      ) : (
        <ul className="settings-list">
          {data.pools.map((p) => (
            <li key={p.id} className="settings-list__item">
              <h3 className="settings-list__title">
                <Link to="/admin/messaging/pools/$poolId" params={{ poolId: p.id }}>
                  {p.name}
                </Link>
                {p.active ? null : <span className="text-muted"> · {t("admin.inactive")}</span>}
              </h3>
              <p>
                {t("admin.poolFacts", {
                  location: p.location.name,
                  hours: p.responseTargetBusinessHours,
                  count: p.members.length,
                })}
              </p>
              <p className="text-muted">
                {p.topics.length
                  ? t("admin.routes", { topics: p.topics.map((x) => t(`topics.${x}.name`)).join(", ") })
                  : t("admin.noTopics")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LocationHours({ data }: { data: MessagePoolList }) {
  const { t } = useTranslation("messages");
  return (
    <section aria-labelledby="hours-title" className="stack">
      <h2 id="hours-title" className="section-title">
        {t("admin.hoursTitle")}
      </h2>
      <p className="text-muted">{t("admin.hoursIntro")}</p>
      <ul className="settings-list">
        {data.choices.locations.map((l) => (
          <li key={l.id} className="settings-list__item">
            <h3 className="settings-list__title">{l.name}</h3>
            <p>
              {l.hours.length
                ? WEEKDAYS.filter((d) => l.hours.some((h) => h.weekday === d))
                    .map((d) => {
                      const h = l.hours.find((x) => x.weekday === d);
                      return `${t(`weekdays.${d}`)} ${h?.open}–${h?.close}`;
                    })
                    .join(" · ")
                : t("admin.noHours")}
            </p>
            <div className="row-actions">
              <Link to="/admin/locations/$locationId" params={{ locationId: l.id }}>
                {t("admin.changeHours", { name: l.name })}
              </Link>
              <Link to="/admin/messaging/holidays/$locationId" params={{ locationId: l.id }}>
                {t("admin.holidaysLink", { name: l.name })}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
