import type { MeResponse, Role } from "@portico/contracts";

/**
 * The signed-in navigation, as data. A capability adds its entry here when its pages exist;
 * entries are shown by role, so nobody sees a link to something they cannot use.
 */
export interface NavItem {
  id: string;
  /** i18n key of the label */
  label: string;
  to: string;
  roles: Role[];
  /** match only the exact path (Home) rather than the path and below */
  exact?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  {
    id: "home",
    label: "nav.home",
    to: "/home",
    roles: ["patient", "front_desk", "nurse", "physician", "admin"],
    exact: true,
  },
  { id: "appointments", label: "nav.appointments", to: "/appointments", roles: ["patient"] },
  { id: "medications", label: "nav.medications", to: "/medications", roles: ["patient"] },
  { id: "messages", label: "nav.messages", to: "/messages", roles: ["patient"] },
  { id: "referrals", label: "nav.referrals", to: "/referrals", roles: ["patient"] },
  { id: "health", label: "nav.health", to: "/health", roles: ["patient"] },
  { id: "inBasket", label: "nav.inBasket", to: "/in-basket", roles: ["nurse", "physician"] },
  { id: "profile", label: "nav.profile", to: "/profile", roles: ["patient"] },
  { id: "arrivals", label: "nav.arrivals", to: "/front-desk/arrivals", roles: ["front_desk", "nurse"] },
  { id: "schedule", label: "nav.schedule", to: "/schedule", roles: ["physician", "front_desk", "nurse"] },
  { id: "operations", label: "nav.operations", to: "/admin/operations", roles: ["admin"] },
  { id: "audit", label: "nav.auditLog", to: "/admin/audit", roles: ["admin"] },
  { id: "patients", label: "nav.patients", to: "/patients", roles: ["front_desk", "nurse", "physician"] },
  { id: "clinicSetup", label: "nav.clinicSetup", to: "/admin/clinic", roles: ["admin"] },
];

/** A caregiver with no record of their own still uses the patient side, for the people they help. */
export function effectiveRoles(me: MeResponse): Role[] {
  return me.patients.length > 0 && !me.roles.includes("patient") ? [...me.roles, "patient"] : me.roles;
}

export function navFor(me: MeResponse): NavItem[] {
  const roles = effectiveRoles(me);
  return NAV_ITEMS.filter((item) => item.roles.some((role) => roles.includes(role)));
}
