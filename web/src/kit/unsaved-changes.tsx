import { useBlocker } from "@tanstack/react-router";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../components/Button";
import { Dialog, DialogActions } from "../components/Dialog";

/**
 * "You have changes you have not saved": every form made with `useForm` registers here how to
 * tell whether it holds edits not yet saved, and the one `UnsavedChangesGuard` in the page
 * frame asks before an in-app navigation leaves them behind, and lets the browser ask before
 * the tab is closed or reloaded (beforeunload). Built on the router's own blocker (useBlocker).
 */
type DirtyCheck = () => boolean;

const checks = new Set<DirtyCheck>();
const listeners = new Set<() => void>();

function anyDirty(): boolean {
  for (const check of checks) if (check()) return true;
  return false;
}

/** Registers a form's "has unsaved edits" check while the form is on the page. */
export function useUnsavedChanges(isDirty: DirtyCheck, enabled = true): void {
  const latest = useRef(isDirty);
  latest.current = isDirty;
  useEffect(() => {
    if (!enabled) return;
    const check = () => latest.current();
    checks.add(check);
    for (const listener of listeners) listener();
    return () => {
      checks.delete(check);
      for (const listener of listeners) listener();
    };
  }, [enabled]);
}

// Pages where leaving never loses anything worth a question: the session has ended or is ending.
const NEVER_BLOCK = ["/sign-in"];

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Rendered once, in the page frame: asks before leaving a page with unsaved edits. */
export function UnsavedChangesGuard() {
  const { t } = useTranslation();
  // re-render when forms come and go, so the blocker always reads the current set (none in
  // the HTML written at build time, prerender.tsx)
  useSyncExternalStore(
    subscribe,
    () => checks.size,
    () => 0,
  );
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) =>
      current.pathname !== next.pathname && !NEVER_BLOCK.includes(next.pathname) && anyDirty(),
    enableBeforeUnload: anyDirty,
    withResolver: true,
  });
  const open = blocker.status === "blocked";
  return (
    <Dialog
      title={t("unsaved.title")}
      role="alertdialog"
      isOpen={open}
      onOpenChange={(isOpen) => {
        if (!isOpen && blocker.status === "blocked") blocker.reset();
      }}
    >
      <p>{t("unsaved.body")}</p>
      <DialogActions>
        <Button autoFocus onPress={() => blocker.reset?.()}>
          {t("unsaved.stay")}
        </Button>
        <Button variant="secondary" onPress={() => blocker.proceed?.()}>
          {t("unsaved.leave")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
