import type { AppArea, MeResponse } from "@portico/contracts";

/**
 * The signed-in navigation: the label and address of each menu entry. Which entries a user sees,
 * and in which order, is the server's answer (`me.abilities.menu`), so nobody sees a link to
 * something they cannot use.
 */
export interface NavItem {
  id: AppArea;
  /** i18n key of the label */
  label: string;
  to: string;
  /** match only the exact path (Home) rather than the path and below */
  exact?: boolean;
}

const NAV_ITEMS: Partial<Record<AppArea, Omit<NavItem, "id">>> = {
  home: { label: "nav.home", to: "/home", exact: true },
  appointments: { label: "nav.appointments", to: "/appointments" },
  medications: { label: "nav.medications", to: "/medications" },
  messages: { label: "nav.messages", to: "/messages" },
  referrals: { label: "nav.referrals", to: "/referrals" },
  health: { label: "nav.health", to: "/health" },
  inBasket: { label: "nav.inBasket", to: "/in-basket" },
  profile: { label: "nav.profile", to: "/profile" },
  arrivals: { label: "nav.arrivals", to: "/front-desk/arrivals" },
  schedule: { label: "nav.schedule", to: "/schedule" },
  operations: { label: "nav.operations", to: "/admin/operations" },
  audit: { label: "nav.auditLog", to: "/admin/audit" },
  patients: { label: "nav.patients", to: "/patients" },
  clinicSetup: { label: "nav.clinicSetup", to: "/admin/clinic" },
};

export function navFor(me: MeResponse): NavItem[] {
  return me.abilities.menu.flatMap((id) => {
    const item = NAV_ITEMS[id];
    return item ? [{ id, ...item }] : [];
  });
}

/** May the signed-in user open this area's pages (the server's answer)? */
export function mayOpen(me: MeResponse | null, area: AppArea): boolean {
  return Boolean(me?.abilities.areas.includes(area));
}
