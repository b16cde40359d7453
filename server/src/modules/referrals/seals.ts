/**
 * The associated data each sealed referrals column is sealed with (FieldCipher): a value moved
 * to another row or column does not open.
 */
export const referralReasonSeal = (referralId: string) => `referral-reason:${referralId}`;
export const referralDenialSeal = (referralId: string) => `referral-denial:${referralId}`;
export const referralVisitNoteSeal = (referralId: string) => `referral-visit-note:${referralId}`;
