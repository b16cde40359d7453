import type { StaffAbilities } from "@portico/contracts";
import type { StaffRole } from "../../db/tables/people.ts";

/** Who registers patients, verifies online registrations and reviews identity changes. */
export const REGISTRATION_ROLES: readonly StaffRole[] = ["front_desk"];
/** Who searches for patient charts. */
export const PATIENT_SEARCH_ROLES: readonly StaffRole[] = ["front_desk", "nurse", "physician"];
/** Who works the In Basket's queues. */
export const IN_BASKET_ROLES: readonly StaffRole[] = ["nurse", "physician"];
/** Who sets the clinic up and reads the audit log. */
export const ADMIN_ROLES: readonly StaffRole[] = ["admin"];

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
