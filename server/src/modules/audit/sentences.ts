/**
 * The access log's catalogue: every audited action on a patient's record ("action:resource_type",
 * as the audit log stores them) and the sentence the patient reads for it. The web holds the
 * sentences' words in each language (`sentences.<id>_mine` for the patient, `_theirs` for a
 * proxy, in web/src/i18n/accessLog.*.json), e.g.
 * `viewed_appointments` → "Dr. Lena Okafor (physician) viewed your appointments".
 *
 * `sentences.test.ts` finds every place in the server's code that records a patient-linked
 * event and fails when one has no entry here, or an entry has no words in English or Spanish.
 */
export const ACCESS_SENTENCES = {
  // the access log itself
  "read:access_log": "viewed_access_log",
  // the whole record downloaded (JSON or FHIR), and a post-visit survey answered from its link
  "download:patient_record": "downloaded_record",
  "read:patient_record": "viewed_record_contents",
  // the FHIR R4 API (modules/fhir-api): a resource read or a search
  "read:fhir_resource": "read_record_fhir",
  "search:fhir_resource": "read_record_fhir",
  "answer:visit_survey": "answered_survey",
  // connected apps (SMART App Launch, modules/smart): an app allowed to read the record, and its access ended
  "grant:smart_app": "connected_app",
  "revoke:smart_app": "disconnected_app",
  // who the patient is, their details and documents
  "create:patient": "created_record",
  "self_register:patient": "registered_online",
  "read:registration": "viewed_registration",
  "verify:registration": "verified_registration",
  "reject:registration": "rejected_registration",
  "merge:patient": "merged_records",
  "merged_into:patient": "merged_records",
  "merged_from:patient": "merged_records",
  "read:patient_summary": "viewed_summary",
  "read:patient_profile": "viewed_details",
  "update:patient_profile": "updated_details",
  "update_fields:patient_profile": "updated_details",
  "create:identity_change_request": "requested_identity_change",
  "read:identity_change_request": "viewed_identity_change",
  "approve:identity_change_request": "approved_identity_change",
  "deny:identity_change_request": "denied_identity_change",
  "upload:file": "uploaded_document",
  "create:file": "uploaded_document",
  "read:file": "opened_document",
  "download:file": "opened_document",
  // the portal account
  "create:activation_code": "issued_activation_code",
  "activation_code_issued:activation_code": "issued_activation_code",
  "print:activation_letter": "printed_activation_letter",
  "account_activated:account": "activated_account",
  // caregivers
  "read:proxy_grant": "viewed_caregivers",
  "create:proxy_grant": "granted_caregiver",
  "grant:proxy_grant": "granted_caregiver",
  "revoke:proxy_grant": "revoked_caregiver",
  "end_at_majority:proxy_grant": "caregiver_ended_at_majority",
  "create:proxy_invitation": "invited_caregiver",
  "invite:proxy_invitation": "invited_caregiver",
  "accept:proxy_invitation": "accepted_invitation",
  "revoke:proxy_invitation": "cancelled_invitation",
  // appointments
  "read:slots": "viewed_open_times",
  "read:appointment": "viewed_appointments",
  "book:appointment": "booked_appointment",
  "reschedule:appointment": "rescheduled_appointment",
  "cancel:appointment": "cancelled_appointment",
  /** rows written before booking, rescheduling and cancelling were told apart */
  "write:appointment": "changed_appointment",
  "confirm:appointment": "confirmed_appointment",
  "arrive:appointment": "checked_in",
  "status:arrived:appointment": "checked_in",
  "status:roomed:appointment": "roomed",
  "status:in_visit:appointment": "visit_started",
  "status:completed:appointment": "visit_completed",
  "status:no_show:appointment": "marked_no_show",
  "status:undo:appointment": "visit_status_undone",
  "waitlist_join:appointment": "joined_waitlist",
  "waitlist_leave:appointment": "left_waitlist",
  "read:waitlist_offer": "viewed_waitlist_offer",
  "accept:waitlist_offer": "accepted_waitlist_offer",
  "decline:waitlist_offer": "declined_waitlist_offer",
  "read:echeckin": "viewed_echeckin",
  "submit:echeckin": "submitted_echeckin",
  // medications and refills
  "read:medication": "viewed_medications",
  "create:medication": "added_medication",
  "update:medication": "changed_medication",
  "stop:medication": "stopped_medication",
  "create:refill_request": "requested_refill",
  "read:refill_request": "viewed_refill_requests",
  "read:refill_request_item": "viewed_refill_request",
  "approve:refill_request_item": "approved_refill",
  "deny:refill_request_item": "denied_refill",
  "decide:refill_request_item": "decided_refill",
  "read:lab_result": "viewed_lab_results",
  "create:lab_result": "recorded_lab_result",
  // secure messaging
  "read:message_thread": "read_messages",
  "create:message_thread": "started_conversation",
  "reply:message_thread": "replied_in_conversation",
  "update:message_thread": "updated_conversation",
  "close:message_thread": "closed_conversation",
  "reopen:message_thread": "reopened_conversation",
  "upload:message_attachment": "attached_file",
  "download:message_attachment": "opened_attachment",
  "read:message_attachment": "opened_attachment",
  // referrals
  "read:referral": "viewed_referrals",
  "create:referral": "requested_referral",
  "cancel:referral": "cancelled_referral",
  "approve:referral": "approved_referral",
  "deny:referral": "denied_referral",
  "ask_for_visit:referral": "referral_visit_requested",
  "expire:referral": "referral_expired",
  // health updates (readings, questionnaires, flags)
  "read:health_update": "viewed_health_updates",
  "create:health_reading": "sent_health_reading",
  "create:questionnaire_response": "sent_questionnaire",
  "acknowledge:health_flag": "acknowledged_health_flag",
  "resolve:health_flag": "resolved_health_flag",
  // the staff work queue ("In Basket"): a request of the patient's as a task for the care team
  "create:work_item": "work_item_created",
  "read:work_item": "work_item_opened",
  "complete:work_item": "work_item_completed",
  "cancel:work_item": "work_item_closed",
} as const satisfies Record<string, string>;

export type AccessSentence = (typeof ACCESS_SENTENCES)[keyof typeof ACCESS_SENTENCES] | typeof FALLBACK_SENTENCE;

/** For a row no entry describes (never expected: the catalogue test keeps the code covered). */
export const FALLBACK_SENTENCE = "accessed_record";

/** Every sentence id, the fallback included: each needs words in every language. */
export const SENTENCE_IDS: readonly AccessSentence[] = [
  ...new Set<AccessSentence>([...Object.values(ACCESS_SENTENCES), FALLBACK_SENTENCE]),
];

export function sentenceFor(action: string, resourceType: string): AccessSentence {
  return (ACCESS_SENTENCES as Record<string, AccessSentence>)[`${action}:${resourceType}`] ?? FALLBACK_SENTENCE;
}
