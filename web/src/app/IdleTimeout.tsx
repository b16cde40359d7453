import type { MeResponse } from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../components/Button";
import { Dialog, DialogActions } from "../components/Dialog";
import { api, setApiHooks } from "../lib/api";
import { sessionEnded, signOut } from "./auth-actions";
import { meQueryKey } from "./session";

const WARNING_MS = 60_000;
/** The server refreshes "last seen" at most once a minute, so a request may not move its clock. */
const SERVER_GRANULARITY_MS = 60_000;

/**
 * Warns a minute before the server would end an idle session, and lets the person stay.
 * The dialog sits over the page, so nothing they typed is lost.
 */
export function IdleTimeout({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idleMs = me.session.idleTimeoutSeconds * 1000;
  const deadline = useRef(Date.parse(me.session.idleExpiresAt));
  const [now, setNow] = useState(() => Date.now());
  const [warning, setWarning] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    deadline.current = Math.max(deadline.current, Date.parse(me.session.idleExpiresAt));
  }, [me.session.idleExpiresAt]);

  useEffect(() => {
    setApiHooks({
      onActivity: () => {
        deadline.current = Math.max(deadline.current, Date.now() + idleMs - SERVER_GRANULARITY_MS);
      },
    });
    return () => setApiHooks({ onActivity: undefined });
  }, [idleMs]);

  useEffect(() => {
    const tick = () => {
      const current = Date.now();
      setNow(current);
      const absolute = Date.parse(me.session.absoluteExpiresAt);
      const end = Math.min(deadline.current, absolute);
      if (current >= end) {
        sessionEnded("timeout");
        return;
      }
      setWarning(end - current <= WARNING_MS);
    };
    tick();
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [me.session.absoluteExpiresAt]);

  const stay = useCallback(async () => {
    setRefreshing(true);
    setFailed(false);
    try {
      await api("/api/auth/session/refresh", { method: "POST" });
      deadline.current = Date.now() + idleMs;
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      setWarning(false);
    } catch {
      setFailed(true);
    } finally {
      setRefreshing(false);
    }
  }, [idleMs, queryClient]);

  const absoluteSoon = Date.parse(me.session.absoluteExpiresAt) - now <= WARNING_MS;
  const secondsLeft = Math.max(
    0,
    Math.ceil((Math.min(deadline.current, Date.parse(me.session.absoluteExpiresAt)) - now) / 1000),
  );

  return (
    <Dialog
      title={t("idle.title")}
      isOpen={warning}
      onOpenChange={() => undefined}
      role="alertdialog"
      isDismissable={false}
    >
      <p>{absoluteSoon ? t("idle.absoluteBody") : t("idle.body")}</p>
      <p className="idle__countdown" aria-live="off">
        {t("idle.countdown", { count: secondsLeft })}
      </p>
      {failed ? <p className="text-danger">{t("idle.refreshFailed")}</p> : null}
      <DialogActions>
        {absoluteSoon ? null : (
          <Button onPress={stay} isPending={refreshing} autoFocus>
            {t("idle.stay")}
          </Button>
        )}
        <Button variant="secondary" onPress={() => void signOut()}>
          {t("idle.signOut")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
