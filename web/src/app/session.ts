import type { MeResponse, SessionResponse, StaffRole } from "@portico/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { changeLocale, currentLocale } from "../i18n";
import { api, setCsrfToken } from "../lib/api";
import { queryClient } from "./query-client";

export const meQueryKey = ["me"] as const;

/** Who is signed in, or null. A session still waiting for its MFA step counts as signed out. */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  // answered 200 with `me: null` to a visitor who is not signed in: no failed request to log
  queryFn: async (): Promise<MeResponse | null> => {
    const { me } = await api<SessionResponse>("/api/session");
    if (me) setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 60_000,
});

/**
 * Shows the pages in the language saved on the account (one language per person, chosen on
 * any device) if this device shows another: called when someone signs in.
 */
export async function followAccountLanguage(me: MeResponse): Promise<void> {
  if (me.user.locale !== currentLocale()) await changeLocale(me.user.locale);
}

export function useMe(): MeResponse | null {
  return useQuery(meQuery).data ?? null;
}

/** Store a fresh MeResponse (after MFA, activation …). */
export function setMe(me: MeResponse | null): void {
  if (me) setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
}

/** Forget everything about the signed-in user on this page. */
export function clearSession(): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "clinic" });
  queryClient.setQueryData(meQueryKey, null);
}

export const STAFF_ROLES: StaffRole[] = ["front_desk", "nurse", "physician", "admin"];

/** Holds a staff role (the server's answer): home shows today's staff work, and staff accounts need MFA. */
export function isStaff(me: MeResponse | null): boolean {
  return Boolean(me?.abilities.staffWork);
}

/** Only in-app paths are followed after sign-in (never another site). */
export function safeRedirect(path: unknown): string | undefined {
  if (typeof path !== "string") return undefined;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return undefined;
  if (path.startsWith("/sign-in")) return undefined;
  return path;
}
