import type { AppArea, StaffAbilities, UserAbilities } from "@portico/contracts";
import type { ProxyScope, StaffRole } from "../../db/tables/people.ts";

/** Who registers patients, verifies online registrations and reviews identity changes. */
export const REGISTRATION_ROLES: readonly StaffRole[] = ["front_desk"];
/** Who searches for patient charts. */
export const PATIENT_SEARCH_ROLES: readonly StaffRole[] = ["front_desk", "nurse", "physician"];
/** Who works the In Basket's queues. */
export const IN_BASKET_ROLES: readonly StaffRole[] = ["nurse", "physician"];
/** Who sets the clinic up and reads the audit log. */
export const ADMIN_ROLES: readonly StaffRole[] = ["admin"];
/** Who opens the arrivals board and the schedule (a physician sees their own provider's visits). */
export const SCHEDULE_ROLES: readonly StaffRole[] = ["front_desk", "nurse", "physician"];
/** Who works the arrivals board from the menu (the locations they are assigned to). */
export const ARRIVALS_MENU_ROLES: readonly StaffRole[] = ["front_desk", "nurse"];
/** Who reads a specialist's incoming referrals. */
export const INCOMING_REFERRAL_ROLES: readonly StaffRole[] = ["physician"];

/**
 * The patient side's areas and the scope each needs: open to anyone acting for at least one
 * patient with that scope (their own chart holds every scope); each page then asks the scopes
 * of the patient it shows.
 */
const PATIENT_AREA_SCOPES = {
  appointments: "appointments",
  medications: "medications",
  messages: "messages",
  referrals: "referrals",
  health: "health_updates",
} as const satisfies Partial<Record<AppArea, ProxyScope>>;
const PATIENT_AREAS = Object.keys(PATIENT_AREA_SCOPES) as (keyof typeof PATIENT_AREA_SCOPES)[];

/**
 * The staff work a user may open, sent with `/api/me` so the web shows exactly those entries
 * (the same role lists the services check with `authorizeStaff`).
 */
export function staffAbilities(roles: readonly string[]): StaffAbilities {
  const any = (wanted: readonly StaffRole[]) => wanted.some((role) => roles.includes(role));
  return {
    registerPatients: any(REGISTRATION_ROLES),
    searchPatients: any(PATIENT_SEARCH_ROLES),
    workInBasket: any(IN_BASKET_ROLES),
    administerClinic: any(ADMIN_ROLES),
    readAuditLog: any(ADMIN_ROLES),
  };
}

/** The signed-in menu's entries, in order; each shown when the user may open its area. */
const MENU_ORDER: readonly AppArea[] = [
  "home",
  ...PATIENT_AREAS,
  "inBasket",
  "profile",
  "arrivals",
  "schedule",
  "operations",
  "audit",
  "patients",
  "clinicSetup",
];

/**
 * Everything `/api/me` says the user may open: the staff work of their roles, and the patient
 * side when they act for at least one patient (themself, or through a grant in force now):
 * `patientScopes` holds every scope they have for at least one of those patients, and a
 * patient-side area shows only when one of them allows it.
 */
export function userAbilities(
  roles: readonly string[],
  actsForPatients: boolean,
  patientScopes: ReadonlySet<ProxyScope>,
): UserAbilities {
  const any = (wanted: readonly StaffRole[]) => wanted.some((role) => roles.includes(role));
  const areas = new Set<AppArea>(["home"]);
  if (actsForPatients) {
    for (const area of PATIENT_AREAS) if (patientScopes.has(PATIENT_AREA_SCOPES[area])) areas.add(area);
    areas.add("profile");
  }
  if (any(IN_BASKET_ROLES)) areas.add("inBasket");
  if (any(INCOMING_REFERRAL_ROLES)) areas.add("incomingReferrals");
  if (any(REGISTRATION_ROLES)) areas.add("registration");
  if (any(PATIENT_SEARCH_ROLES)) areas.add("patients");
  if (any(SCHEDULE_ROLES)) {
    areas.add("arrivals");
    areas.add("schedule");
  }
  if (any(ADMIN_ROLES)) for (const area of ["clinicSetup", "operations", "audit"] as const) areas.add(area);
  // a physician opens the arrivals board from their schedule; the menu offers it to those who work it
  const menu = MENU_ORDER.filter((area) => areas.has(area) && (area !== "arrivals" || any(ARRIVALS_MENU_ROLES)));
  return {
    ...staffAbilities(roles),
    staffWork: roles.some((role) => role !== "patient"),
    patientSide: actsForPatients,
    areas: [...areas],
    menu,
  };
}
