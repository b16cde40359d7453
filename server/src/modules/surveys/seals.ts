/** The associated data a survey's sealed comment is sealed with (FieldCipher): moved to another row, it does not open. */
export const surveyCommentSeal = (surveyId: string) => `visit-survey-comment:${surveyId}`;
