import type { ActingPatient } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";
import { PatientTile } from "../home/ActionTile";
import { AttentionCard, useAttentionCount } from "../home/AttentionCard";
import { threadListQuery } from "./data";

/** The home page's "Message your care team" tile (the reader has the messages part of the access). */
export function MessagesTile({ patient }: { patient: ActingPatient }) {
  return <PatientTile ns="messages" patient={patient} to="/messages" icon="message" />;
}

/** Unread messages (0 when the reader may not see them; undefined while loading), for "needs your attention". */
export function useUnreadMessageCount(patientId: string, allowed: boolean): number | undefined {
  return useAttentionCount(threadListQuery(patientId), patientId, allowed, (list) => list.totalUnread);
}

/** "2 unread messages": a card on the home page while any message is unread. */
export function UnreadMessagesCard({ patient }: { patient: ActingPatient }) {
  const { t } = useTranslation("messages");
  const unread = useUnreadMessageCount(patient.id, true) ?? 0;
  if (unread === 0) return null;
  return (
    <AttentionCard
      id="unread-messages"
      title={
        patient.relationship === "self"
          ? t("home.unread", { count: unread })
          : t("home.unreadFor", { count: unread, name: patient.name })
      }
    >
      <Link to="/messages" search={{ patient: patient.id }}>
        {t("home.unreadLink")}
      </Link>
    </AttentionCard>
  );
}
