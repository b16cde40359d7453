import type { FhirResourceType } from "../resource-type.ts";
import { appointmentType } from "./appointment.ts";
import { auditEventType } from "./audit-event.ts";
import { communicationType } from "./communication.ts";
import { medicationRequestType } from "./medication-request.ts";
import { observationType } from "./observation.ts";
import { patientType } from "./patient.ts";
import { questionnaireResponseType } from "./questionnaire-response.ts";
import { relatedPersonType } from "./related-person.ts";
import { serviceRequestType } from "./service-request.ts";

/** Every resource type the FHIR API serves (the CapabilityStatement lists exactly these). */
export const fhirResourceTypes: readonly FhirResourceType[] = [
  patientType,
  relatedPersonType,
  appointmentType,
  medicationRequestType,
  observationType,
  questionnaireResponseType,
  serviceRequestType,
  communicationType,
  auditEventType,
];
