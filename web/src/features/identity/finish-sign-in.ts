import type { MeResponse } from "@portico/contracts";
import { navigateTo } from "../../app/navigation";
import { queryClient } from "../../app/query-client";
import { meQuery, safeRedirect, setMe } from "../../app/session";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";

/**
 * The session is complete: remember who this is, keep the language they used to sign in
 * on their account, and go where they were heading (or Home).
 */
export async function finishSignIn(redirect: string | undefined, me?: MeResponse): Promise<void> {
  const current = me ?? (await queryClient.fetchQuery({ ...meQuery, staleTime: 0 }));
  if (!current) {
    navigateTo("/sign-in?status=expired");
    return;
  }
  setMe(current);
  const locale = currentLocale();
  if (current.user.locale !== locale) {
    try {
      await api("/api/me", { method: "PATCH", body: { locale } });
      setMe({ ...current, user: { ...current.user, locale } });
    } catch {
      // the language is still applied on this device
    }
  }
  navigateTo(safeRedirect(redirect) ?? "/home");
}

/** Keeps the return path across the steps of signing in. */
export function withRedirect(path: string, redirect: string | undefined): string {
  const safe = safeRedirect(redirect);
  return safe ? `${path}?redirect=${encodeURIComponent(safe)}` : path;
}
