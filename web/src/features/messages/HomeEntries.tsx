import type { ActingPatient } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";
import { ActionTile } from "../home/ActionTile";
import { threadListQuery } from "./data";

/** The home page's "Message your care team" tile (the reader has the messages part of the access). */
export function MessagesTile({ patient }: { patient: ActingPatient }) {
  const { t } = useTranslation("messages");
  return (
    <ActionTile
      to="/messages"
      icon="message"
      title={t("home.tileTitle")}
      text={patient.relationship === "self" ? t("home.tileText") : t("home.tileTextFor", { name: patient.name })}
    />
  );
}

/** Unread messages (0 when the reader may not see them; undefined while loading), for "needs your attention". */
export function useUnreadMessageCount(patientId: string, allowed: boolean): number | undefined {
  const list = useQuery({ ...threadListQuery(patientId), enabled: allowed && Boolean(patientId) });
  if (!allowed || list.isError) return 0;
  return list.data?.totalUnread;
}

/** "2 unread messages": a card on the home page while any message is unread. */
export function UnreadMessagesCard({ patient }: { patient: ActingPatient }) {
  const { t } = useTranslation("messages");
  const unread = useUnreadMessageCount(patient.id, true) ?? 0;
  if (unread === 0) return null;
  return (
    <section className="card" aria-labelledby="unread-messages">
      <h3 className="card__title" id="unread-messages">
        {patient.relationship === "self"
          ? t("home.unread", { count: unread })
          : t("home.unreadFor", { count: unread, name: patient.name })}
      </h3>
      <div className="card__body">
        <Link to="/messages" search={{ patient: patient.id }}>
          {t("home.unreadLink")}
        </Link>
      </div>
    </section>
  );
}
