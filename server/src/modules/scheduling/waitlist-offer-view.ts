import type { WaitlistOffer } from "@portico/contracts";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import { displayTimeZoneSql } from "../../platform/time-zones.ts";
import type { currentDb } from "../../platform/transaction.ts";

export type OfferRow = {
  id: string;
  appointmentId: string;
  kind: WaitlistOffer["kind"];
  startsAt: Date;
  endsAt: Date;
  providerName: string;
  locationName: string;
  timeZone: string;
  status: WaitlistOffer["status"];
  expiresAt: Date;
};

export function presentOffer(row: OfferRow, now: Date): WaitlistOffer {
  const lapsed = row.status === "open" && row.expiresAt <= now;
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    kind: row.kind,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    providerName: row.providerName,
    locationName: row.locationName,
    timeZone: row.timeZone,
    status: lapsed ? "expired" : row.status,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** The patient's offers (of `rows`), with what the offers page shows of each. */
export function offerQuery(db: ReturnType<typeof currentDb>, rows: PatientRows) {
  return rows
    .selectFrom(db, "waitlist_offers", "o")
    .innerJoin("waitlist_requests as r", "r.id", "o.request_id")
    .innerJoin("providers as p", "p.id", "o.provider_id")
    .innerJoin("locations as l", "l.id", "o.location_id")
    .innerJoin("visit_types as vt", "vt.id", "o.visit_type_id")
    .innerJoin("patients as pt", "pt.id", "o.patient_id")
    .select([
      "o.id",
      "r.appointment_id as appointmentId",
      "r.kind",
      "o.starts_at as startsAt",
      "o.ends_at as endsAt",
      "p.display_name as providerName",
      "l.name as locationName",
      // shown in: the location's zone (in person) or the patient's own (video)
      displayTimeZoneSql({ visitType: "vt", patient: "pt", location: "l" }).as("timeZone"),
      "o.status",
      "o.expires_at as expiresAt",
    ]);
}
