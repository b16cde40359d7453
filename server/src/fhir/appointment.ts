import type { Appointment } from "@medplum/fhirtypes";
import { instant, ref } from "./reference.ts";

export interface AppointmentFacts {
  id: string;
  patientId: string;
  patientName: string;
  status: string;
  start: Date;
  end: Date;
  visitTypeName: string;
  providerId: string;
  providerName: string;
  locationId: string;
  locationName: string;
  createdAt: Date;
}

const STATUS: Record<string, Appointment["status"]> = {
  booked: "booked",
  confirmed: "booked",
  checked_in: "checked-in",
  arrived: "arrived",
  roomed: "arrived",
  in_visit: "arrived",
  completed: "fulfilled",
  no_show: "noshow",
  cancelled: "cancelled",
};

/** FHIR R4 Appointment: the patient, the practitioner and the location as participants. */
export function toFhirAppointment(a: AppointmentFacts): Appointment {
  return {
    resourceType: "Appointment",
    id: a.id,
    status: STATUS[a.status] ?? "booked",
    serviceType: [{ text: a.visitTypeName }],
    start: instant(a.start),
    end: instant(a.end),
    created: instant(a.createdAt),
    participant: [
      { actor: ref("Patient", a.patientId, a.patientName), status: "accepted" },
      { actor: ref("Practitioner", a.providerId, a.providerName), status: "accepted" },
      { actor: ref("Location", a.locationId, a.locationName), status: "accepted" },
    ],
  };
}
