/** The associated data a reading's note is sealed with (FieldCipher): moved to another row, it does not open. */
export const readingNoteSeal = (readingId: string) => `health-reading-note:${readingId}`;
