import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ActionTile } from "../home/ActionTile";
import { workQueueCountsQuery } from "./data";

/** The home page's way into the In Basket, with what is waiting (the server's counts). */
export function InBasketTile() {
  const { t } = useTranslation("inBasket");
  const counts = useQuery(workQueueCountsQuery);
  const open = counts.data?.reduce((n, q) => n + q.open, 0);
  const overdue = counts.data?.reduce((n, q) => n + q.overdue, 0) ?? 0;
  const text =
    open === undefined
      ? t("tile.text")
      : overdue > 0
        ? t("tile.waitingOverdue", { count: open, overdue })
        : t("tile.waiting", { count: open });
  return <ActionTile to="/in-basket" icon="list" title={t("tile.title")} text={text} />;
}
