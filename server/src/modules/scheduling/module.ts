import { seedDemoScheduling } from "../../seed/demo-scheduling.ts";
import { defineModule } from "../kit.ts";
import { appointmentsRecordSection } from "../records/sections/appointments.ts";
import { AvailabilityService } from "./availability-service.ts";
import { CalendarFold } from "./calendar-fold.ts";
import { appointmentCareTeamRule } from "./care-team.ts";
import { CheckInService, checkInAnswersSeal, ECHECKIN_OPENS_DAYS } from "./check-in-service.ts";
import { FrontDeskService } from "./front-desk-service.ts";
import { SchedulingIntake } from "./intake.ts";
import {
  appointmentBooked,
  appointmentCancelled,
  appointmentProviderUnavailable,
  appointmentReminder,
  waitlistOffer,
  waitlistOfferGone,
} from "./mail-templates.ts";
import { ReminderService } from "./reminders.ts";
import { schedulingRoutes } from "./routes.ts";
import { SchedulingNotifier } from "./scheduling-events.ts";
import { SchedulingService } from "./service.ts";
import { WaitlistService } from "./waitlist-service.ts";

/** Appointments: visit types, availability, slots, booking, reminders, the waitlist, arrivals, eCheck-in. */
export const schedulingModule = defineModule({
  name: "scheduling",
  services: (p) => {
    const events = new SchedulingNotifier({
      db: p.db,
      clock: p.clock,
      jobs: p.jobs,
      mailer: p.mailer,
      config: p.config,
    });
    const schedulingIntake = new SchedulingIntake({ access: p.access, opensDays: ECHECKIN_OPENS_DAYS });
    const scheduling = new SchedulingService({
      db: p.db,
      clock: p.clock,
      access: p.access,
      events,
      intake: schedulingIntake,
    });
    const waitlist = new WaitlistService({ ...p, scheduling });
    return {
      /** visit types, slot search, booking, rescheduling, cancelling */
      scheduling,
      /** appointment reminders (job) and the confirm link from their emails */
      reminders: new ReminderService({ ...p }),
      /** earlier-appointment requests and offers; the slot-freed and offer-expiry jobs */
      waitlist,
      /** the periodic fold of slot search's change stamps (calendar-fold.ts) */
      calendarFold: new CalendarFold({ db: p.db, jobs: p.jobs }),
      /** arrivals board, provider schedules, visit statuses, “I'm here” */
      frontDesk: new FrontDeskService({
        db: p.db,
        clock: p.clock,
        access: p.access,
        audit: p.audit,
        intake: schedulingIntake,
      }),
      /** visit types, weekly templates, exceptions */
      availability: new AvailabilityService({
        db: p.db,
        clock: p.clock,
        access: p.access,
        audit: p.audit,
        events,
        rebook: waitlist,
      }),
      /** eCheck-in */
      checkIn: new CheckInService({
        db: p.db,
        clock: p.clock,
        access: p.access,
        cipher: p.cipher,
        intake: schedulingIntake,
      }),
      /** the scored questionnaires due before a visit: health updates plugs its responses in */
      schedulingIntake,
    };
  },
  routes: (app, services) => schedulingRoutes(app, services),
  periodicJobs: (services) => [
    { name: "waitlist offer expiry", scheduleFirst: () => services.waitlist.scheduleExpirySweep() },
    { name: "calendar changes fold", scheduleFirst: () => services.calendarFold.schedule() },
  ],
  mailTemplates: [
    appointmentBooked,
    appointmentCancelled,
    appointmentProviderUnavailable,
    appointmentReminder,
    waitlistOffer,
    waitlistOfferGone,
  ],
  // the answers, sealed per appointment
  sealedColumns: [
    {
      table: "appointment_check_ins",
      idColumn: "appointment_id",
      column: "answers_sealed",
      associatedData: checkInAnswersSeal,
    },
  ],
  // a clinician with a visit booked with the patient
  careTeamRules: [appointmentCareTeamRule],
  demoSeed: seedDemoScheduling,
  recordSections: [appointmentsRecordSection],
});
