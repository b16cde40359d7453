import { api } from "../lib/api";
import { forgetActingFor } from "./acting-for";
import { currentPath, navigateTo } from "./navigation";
import { clearSession, safeRedirect } from "./session";

let expiring = false;

/** Ends the session on the server and here, then shows the sign-in page with a confirmation. */
export async function signOut(): Promise<void> {
  try {
    await api("/api/auth/logout", { method: "POST", quietUnauthenticated: true });
  } catch {
    // the session may already be gone; either way this device forgets it
  }
  clearSession();
  forgetActingFor();
  navigateTo("/sign-in?status=signed-out");
}

/**
 * The server no longer knows this session (idle or absolute timeout, signed out elsewhere):
 * go to sign-in and come back here afterwards.
 */
export function sessionEnded(reason: "timeout" | "expired"): void {
  if (expiring) return;
  expiring = true;
  const back = safeRedirect(currentPath());
  clearSession();
  const params = new URLSearchParams({ status: reason });
  if (back && back !== "/") params.set("redirect", back);
  navigateTo(`/sign-in?${params.toString()}`);
  setTimeout(() => {
    expiring = false;
  }, 1000);
}
