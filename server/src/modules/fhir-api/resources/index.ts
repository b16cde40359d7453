import type { FhirResourceType } from "../resource-type.ts";
import { appointmentType } from "./appointment.ts";
import { auditEventType } from "./audit-event.ts";
import { communicationType } from "./communication.ts";
import { binaryType, documentReferenceType } from "./document-reference.ts";
import { locationType } from "./location.ts";
import { medicationType } from "./medication.ts";
import { medicationRequestType } from "./medication-request.ts";
import { observationType } from "./observation.ts";
import { organizationType } from "./organization.ts";
import { patientType } from "./patient.ts";
import { practitionerType } from "./practitioner.ts";
import { practitionerRoleType } from "./practitioner-role.ts";
import { provenanceType } from "./provenance.ts";
import { questionnaireResponseType } from "./questionnaire-response.ts";
import { relatedPersonType } from "./related-person.ts";
import { scheduleType } from "./schedule.ts";
import { serviceRequestType } from "./service-request.ts";
import { slotType } from "./slot.ts";

/** Every resource type the FHIR API serves (the CapabilityStatement lists exactly these). */
export const fhirResourceTypes: readonly FhirResourceType[] = [
  patientType,
  relatedPersonType,
  practitionerType,
  practitionerRoleType,
  organizationType,
  locationType,
  appointmentType,
  scheduleType,
  slotType,
  medicationRequestType,
  medicationType,
  observationType,
  questionnaireResponseType,
  serviceRequestType,
  communicationType,
  documentReferenceType,
  binaryType,
  auditEventType,
  provenanceType,
];
