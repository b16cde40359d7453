/**
 * The associated data each sealed refills column is sealed with (FieldCipher): a value moved to
 * another row or column does not open.
 */
export const stopReasonSeal = (medicationId: string) => `medication-stop:${medicationId}`;
export const eventReasonSeal = (eventId: string) => `medication-event:${eventId}`;
export const denialReasonSeal = (itemId: string) => `refill-denial:${itemId}`;
export const labValueSeal = (labResultId: string) => `lab-result:${labResultId}`;
