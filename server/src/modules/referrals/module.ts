import type { WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import { seedDemoReferrals } from "../../seed/demo-referrals.ts";
import { defineModule } from "../kit.ts";
import { referralsRecordSection } from "../records/sections/referrals.ts";
import type { FrontDeskService } from "../scheduling/front-desk-service.ts";
import type { SchedulingService } from "../scheduling/service.ts";
import { approvedSpecialistCareTeamRule } from "./care-team.ts";
import { referralUpdate } from "./mail-templates.ts";
import { ReferralService } from "./referral-service.ts";
import { referralRoutes } from "./routes.ts";
import { referralDenialSeal, referralReasonSeal, referralVisitNoteSeal } from "./seals.ts";

/**
 * Referrals: patients ask, the primary care practice decides on the shared work queue
 * (`referrals`), an approved referral is a ticket for a specialist's `referral` visit types
 * (plugged into scheduling's `ReferralEligibility`), a daily job expires lapsed tickets.
 */
export const referralsModule = defineModule({
  name: "referrals",
  services: (p, needs: { workQueue: WorkQueueService; scheduling: SchedulingService; frontDesk: FrontDeskService }) => {
    const referrals = new ReferralService({ ...p, workQueue: needs.workQueue });
    needs.scheduling.useReferrals(referrals.eligibility);
    // the visit booked with a referral marked completed: the referral completes in the same transaction
    needs.frontDesk.whenVisitCompleted((visit) => referrals.visitCompleted(visit));
    return {
      /** referral requests, the practice's queue, incoming referrals, tickets, the daily expiry job */
      referrals,
    };
  },
  routes: (app, services) => referralRoutes(app, services),
  periodicJobs: (services) => [{ name: "referral expiry", scheduleFirst: () => services.referrals.scheduleExpiry() }],
  mailTemplates: [referralUpdate],
  patientReferences: [
    { table: "referrals", column: "patient_id", note: "referrals" },
    { table: "referral_events", column: "patient_id", note: "referral history" },
    { table: "referral_appointments", column: "patient_id", note: "visits booked with a referral" },
  ],
  // what patients and clinicians write: the reason asked, the reason denied, the note asking for a visit
  sealedColumns: [
    { table: "referrals", idColumn: "id", column: "reason_sealed", associatedData: referralReasonSeal },
    { table: "referrals", idColumn: "id", column: "denial_reason_sealed", associatedData: referralDenialSeal },
    { table: "referrals", idColumn: "id", column: "visit_note_sealed", associatedData: referralVisitNoteSeal },
  ],
  careTeamRules: [approvedSpecialistCareTeamRule],
  demoSeed: seedDemoReferrals,
  recordSections: [referralsRecordSection],
});
