import type { MeResponse } from "@portico/contracts";
import { navigateTo } from "../../app/navigation";
import { queryClient } from "../../app/query-client";
import { followAccountLanguage, meQuery, safeRedirect, setMe } from "../../app/session";

/**
 * The session is complete: remember who this is, show the pages in their account's language
 * (one language per person, whichever device they chose it on), and go where they were
 * heading (or Home).
 */
export async function finishSignIn(redirect: string | undefined, me?: MeResponse): Promise<void> {
  const current = me ?? (await queryClient.fetchQuery({ ...meQuery, staleTime: 0 }));
  if (!current) {
    navigateTo("/sign-in?status=expired");
    return;
  }
  setMe(current);
  await followAccountLanguage(current);
  navigateTo(safeRedirect(redirect) ?? "/home");
}

/** Keeps the return path across the steps of signing in. */
export function withRedirect(path: string, redirect: string | undefined): string {
  const safe = safeRedirect(redirect);
  return safe ? `${path}?redirect=${encodeURIComponent(safe)}` : path;
}
