/**
 * Pharmacy transmission (SPEC §2.4): an approved refill or renewal becomes a FHIR R4
 * MedicationRequest, written to the pharmacy outbox in the same transaction as the approval,
 * and handed to a `PharmacyAdapter` by a job (platform/jobs: at-least-once, retried with
 * backoff). The built-in adapter keeps the outbox row as the record of what was sent; an
 * integration (Surescripts, a pharmacy's own API) is another adapter behind the same interface.
 */

/** A FHIR R4 MedicationRequest, as much of it as Portico fills in. */
export interface MedicationRequestResource {
  resourceType: "MedicationRequest";
  id: string;
  identifier: { system: string; value: string }[];
  status: "active";
  intent: "order";
  medicationCodeableConcept: { coding?: { system: string; code: string; display: string }[]; text: string };
  subject: { reference: string; display: string };
  authoredOn: string;
  requester?: { reference: string; display: string };
  dosageInstruction: { text: string }[];
  dispenseRequest: {
    numberOfRepeatsAllowed: number;
    quantity: { value: number };
    expectedSupplyDuration: { value: number; unit: string; system: string; code: string };
    performer: { display: string; identifier?: { system: string; value: string } };
  };
  category?: { coding: { system: string; code: string }[] }[];
}

export interface PrescriptionFacts {
  itemId: string;
  patient: { id: string; name: string };
  medication: { name: string; rxnormCode: string | null; directions: string; daysSupply: number };
  prescriber: { id: string; name: string } | null;
  pharmacy: { name: string; ncpdpId: string | null };
  quantity: number;
  refills: number;
  authoredOn: Date;
}

export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const PORTICO_ITEM_SYSTEM = "urn:portico:refill-request-item";

export function buildMedicationRequest(facts: PrescriptionFacts): MedicationRequestResource {
  return {
    resourceType: "MedicationRequest",
    id: facts.itemId,
    identifier: [{ system: PORTICO_ITEM_SYSTEM, value: facts.itemId }],
    status: "active",
    intent: "order",
    category: [
      {
        coding: [{ system: "http://terminology.hl7.org/CodeSystem/medicationrequest-category", code: "community" }],
      },
    ],
    medicationCodeableConcept: {
      ...(facts.medication.rxnormCode
        ? { coding: [{ system: RXNORM, code: facts.medication.rxnormCode, display: facts.medication.name }] }
        : {}),
      text: facts.medication.name,
    },
    subject: { reference: `Patient/${facts.patient.id}`, display: facts.patient.name },
    authoredOn: facts.authoredOn.toISOString(),
    ...(facts.prescriber
      ? { requester: { reference: `Practitioner/${facts.prescriber.id}`, display: facts.prescriber.name } }
      : {}),
    dosageInstruction: [{ text: facts.medication.directions }],
    dispenseRequest: {
      numberOfRepeatsAllowed: facts.refills,
      quantity: { value: facts.quantity },
      expectedSupplyDuration: {
        value: facts.medication.daysSupply,
        unit: "days",
        system: "http://unitsofmeasure.org",
        code: "d",
      },
      performer: {
        display: facts.pharmacy.name,
        ...(facts.pharmacy.ncpdpId
          ? {
              identifier: {
                system: "http://terminology.hl7.org/NamingSystem/NCPDPProviderIdentificationNumber",
                value: facts.pharmacy.ncpdpId,
              },
            }
          : {}),
      },
    },
  };
}

export interface PharmacyMessage {
  outboxId: string;
  pharmacy: { id: string; name: string; ncpdpId: string | null };
  resource: MedicationRequestResource;
}

/** Hands a prescription to a pharmacy. Throws to have the job retried with backoff. */
export interface PharmacyAdapter {
  /** stored with each outbox row */
  readonly name: string;
  transmit(message: PharmacyMessage): Promise<{ externalId: string | null }>;
}

/**
 * The built-in adapter: the outbox row is the delivered prescription (for a pharmacy system
 * or an integration that reads the outbox); transmitting marks it sent.
 */
export class OutboxPharmacyAdapter implements PharmacyAdapter {
  readonly name = "outbox";
  async transmit(message: PharmacyMessage): Promise<{ externalId: string | null }> {
    return { externalId: `outbox:${message.outboxId}` };
  }
}

export const PHARMACY_SEND_QUEUE = "refills.pharmacy-send";
/** attempts before a delivery is marked failed (backoff 10 s, 20 s, 40 s … from platform/jobs) */
export const PHARMACY_MAX_ATTEMPTS = 8;
