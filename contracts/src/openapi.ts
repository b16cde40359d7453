/**
 * The Portico API's paths, operations and schemas as TypeScript types, generated from the
 * OpenAPI document (/api/docs/json) by openapi-typescript. Do not edit: run
 * `npm run openapi:types` after changing a route (a test fails while this file is stale).
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clinic's public name and phone number */
        get: operations["getClinic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The database is reachable
         * @description Also counts background jobs that failed permanently and are still kept (30 days): `failedJobs`, of which `failedEmails` are emails. Each such failure is also logged (`job failed permanently`, with the job id and queue).
         */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who accessed this patient's record, newest first */
        get: operations["getPatientsByPatientIdAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the audit log (administrators) */
        get: operations["getAdminAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Any failure answers 401 invalid_credentials with one message. Repeated failures are slowed down per account and per network (429 rate_limited).
         */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish signing in with an authenticator code or a recovery code */
        post: operations["postAuthMfa"];
        /** Turn two-step verification off (patients only, after re-authenticating) */
        delete: operations["deleteAuthMfa"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/enrolment/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start setting up an authenticator app
         * @description Staff finishing sign-in may call it directly; anyone else must have re-authenticated.
         */
        post: operations["postAuthMfaEnrolmentStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/enrolment/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the authenticator app with a code; returns recovery codes once */
        post: operations["postAuthMfaEnrolmentConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the recovery codes (after re-authenticating) */
        post: operations["postAuthMfaRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/reauthenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the password (and code) before a sensitive change */
        post: operations["postAuthReauthenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session on the server */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (after re-authenticating); ends every other session */
        post: operations["postAuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the sign-in email (after re-authenticating) */
        post: operations["postAuthEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's sessions */
        get: operations["getAuthSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions (e.g. on a lost device) */
        delete: operations["deleteAuthSessionsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stay signed in: restarts the idle timer */
        post: operations["postAuthSessionRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password reset link
         * @description Always 202 with the same message, whether or not the address has an account.
         */
        post: operations["postAuthPasswordResetRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password with a reset link's token
         * @description Ends every session; does not sign in (sign in afterwards, with MFA if set up).
         */
        post: operations["postAuthPasswordResetComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a patient login with an activation code and date of birth */
        post: operations["postAuthActivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, or `null`: the same as GET /api/me, without an error when no one is */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, their roles, CSRF token and the patients they may act for */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the display name or language */
        patch: operations["patchMe"];
        trace?: never;
    };
    "/api/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff search by name, date of birth, MRN or phone */
        get: operations["getPatients"];
        put?: never;
        /** Register a patient (front desk); answers 409 possible_duplicate with candidates */
        post: operations["postPatients"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A patient's profile (a restricted proxy gets the summary: name and date of birth) */
        get: operations["getPatientsByPatientId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update contact details, language, pharmacy, insurance, emergency contact */
        patch: operations["patchPatientsByPatientId"];
        trace?: never;
    };
    "/api/patients/{patientId}/activation-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new activation code (the previous one stops working) */
        post: operations["postPatientsByPatientIdActivationCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/activation-letter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Printable activation letter (HTML; JSON with Accept: application/json) */
        get: operations["getPatientsByPatientIdActivationLetter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge this chart into another (front desk); everything moves to the surviving chart */
        post: operations["postPatientsByPatientIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Self-registration: a new patient creates their account and record (pending verification) */
        post: operations["postRegistrations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registrations waiting for verification */
        get: operations["getRegistrationsPending"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a pending registration */
        post: operations["postRegistrationsByIdVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending registration; the applicant is emailed the reason in their language */
        post: operations["postRegistrationsByIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/identity-change-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's own change requests */
        get: operations["getPatientsByPatientIdIdentityChangeRequests"];
        put?: never;
        /** Ask the front desk to change legal name, sex or date of birth */
        post: operations["postPatientsByPatientIdIdentityChangeRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/identity-change-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Change requests for the front desk */
        get: operations["getIdentityChangeRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/identity-change-requests/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (applies the change) or deny a change request */
        post: operations["postIdentityChangeRequestsByIdDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a file (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB) */
        post: operations["postPatientsByPatientIdFiles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file (as an attachment) */
        get: operations["getPatientsByPatientIdFilesByFileId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/visit-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Types of visit that can be booked */
        get: operations["getVisitTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Free appointment slots */
        get: operations["getSlots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A patient's upcoming appointments and a page of past ones (newest first; nextPastCursor for older) */
        get: operations["getPatientsByPatientIdAppointments"];
        put?: never;
        /** Book an appointment (409 slot_taken with alternatives when the time was just taken) */
        post: operations["postPatientsByPatientIdAppointments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/appointments/{appointmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One appointment */
        get: operations["getPatientsByPatientIdAppointmentsByAppointmentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/appointments/{appointmentId}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an appointment; the old time is released only if the new one is secured */
        post: operations["postPatientsByPatientIdAppointmentsByAppointmentIdReschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/appointments/{appointmentId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an appointment (refused online inside the cancellation notice) */
        post: operations["postPatientsByPatientIdAppointmentsByAppointmentIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workplace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The arrivals boards this staff member may open and the schedules they may read */
        get: operations["getWorkplace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/arrivals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Front-desk arrivals board for a day and location */
        get: operations["getArrivals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A provider's day or week */
        get: operations["getSchedule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{appointmentId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a visit along: arrived, roomed, in visit, completed, no-show */
        post: operations["postAppointmentsByAppointmentIdStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{appointmentId}/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A nurse or physician opens the scored questionnaires sent as the intake of a visit they work (answers, scores, flags) */
        get: operations["getAppointmentsByAppointmentIdIntake"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{appointmentId}/status/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo the last status step of a visit, on the visit's day */
        post: operations["postAppointmentsByAppointmentIdStatusUndo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/appointments/{appointmentId}/arrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** “I'm here”: the patient marks their arrival on the day */
        post: operations["postPatientsByPatientIdAppointmentsByAppointmentIdArrive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/appointments/{appointmentId}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The eCheck-in form for an appointment */
        get: operations["getPatientsByPatientIdAppointmentsByAppointmentIdCheckIn"];
        put?: never;
        /** Submit eCheck-in (from 7 days before) */
        post: operations["postPatientsByPatientIdAppointmentsByAppointmentIdCheckIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/visit-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All visit types, including inactive ones */
        get: operations["getAdminVisitTypes"];
        put?: never;
        /** Create a visit type */
        post: operations["postAdminVisitTypes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/visit-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a visit type */
        patch: operations["patchAdminVisitTypesById"];
        trace?: never;
    };
    "/api/providers/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A provider's weekly times and exceptions */
        get: operations["getProvidersByIdAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/providers/{id}/availability/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a weekly time */
        post: operations["postProvidersByIdAvailabilityTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/providers/{id}/availability/templates/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a weekly time */
        delete: operations["deleteProvidersByIdAvailabilityTemplatesByItemId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/providers/{id}/availability/exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add time off, a block or extra hours (409 overlaps_booked_visits with the visits when time off or a block covers booked visits and affectedVisits does not name exactly those) */
        post: operations["postProvidersByIdAvailabilityExceptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/providers/{id}/availability/exceptions/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry run of time off, a block or extra hours: the booked visits it would overlap; nothing is saved */
        post: operations["postProvidersByIdAvailabilityExceptionsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/providers/{id}/availability/exceptions/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an exception */
        delete: operations["deleteProvidersByIdAvailabilityExceptionsByItemId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/appointments/{appointmentId}/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask to be offered an earlier time for this appointment */
        post: operations["postPatientsByPatientIdAppointmentsByAppointmentIdWaitlist"];
        /** Stop asking for an earlier time; open offers are withdrawn */
        delete: operations["deletePatientsByPatientIdAppointmentsByAppointmentIdWaitlist"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/waitlist-offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Earlier times offered to the patient (open ones first) */
        get: operations["getPatientsByPatientIdWaitlistOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/waitlist-offers/{offerId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take the offered time; the later appointment is released (409 if someone was first, 410 if expired) */
        post: operations["postPatientsByPatientIdWaitlistOffersByOfferIdAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/waitlist-offers/{offerId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn down an offered time; it passes to the next patient in line */
        post: operations["postPatientsByPatientIdWaitlistOffersByOfferIdDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an appointment with the single-use link from a reminder email (no sign-in) */
        post: operations["postAppointmentsConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/proxies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who has proxy access to this patient, with the scopes in effect today */
        get: operations["getPatientsByPatientIdProxies"];
        put?: never;
        /**
         * Staff: grant access to a parent of a minor or a legal representative (with a reason)
         * @description 201 with the grant when an active account uses the email. 202 when none does: the grant waits as an invitation emailed to that address, whose link creates a caregiver-only login (an earlier waiting invitation to the same email for this patient is replaced). 409 when that account already has access; 400 names the field (proxyEmail, endsAt).
         */
        post: operations["postPatientsByPatientIdProxies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/proxies/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a grant */
        delete: operations["deletePatientsByPatientIdProxiesByGrantId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/proxies/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An adult patient invites a caregiver by email */
        post: operations["postPatientsByPatientIdProxiesInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/proxies/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an invitation not yet accepted */
        delete: operations["deletePatientsByPatientIdProxiesInvitationsByInvitationId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an invitation link shows before signing in */
        post: operations["postInvitationsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation as the signed-in user */
        post: operations["postInvitationsAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account from an invitation link, accept it and sign in
         * @description The account uses the invited email address and has no patient record. 404 when the link is used, expired or withdrawn; 409 when an account already uses the email (sign in and accept instead); 422 weak_password.
         */
        post: operations["postInvitationsRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clinic locations */
        get: operations["getLocations"];
        put?: never;
        /** Add a location */
        post: operations["postLocations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Providers */
        get: operations["getProviders"];
        put?: never;
        /** Add a provider */
        post: operations["postProviders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pharmacies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pharmacies */
        get: operations["getPharmacies"];
        put?: never;
        /** Add a pharmacy */
        post: operations["postPharmacies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/locations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a location */
        patch: operations["patchLocationsById"];
        trace?: never;
    };
    "/api/providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a provider */
        patch: operations["patchProvidersById"];
        trace?: never;
    };
    "/api/pharmacies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a pharmacy */
        patch: operations["patchPharmaciesById"];
        trace?: never;
    };
    "/api/admin/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff accounts */
        get: operations["getAdminStaff"];
        put?: never;
        /** Create a staff account and email an invitation to choose a password */
        post: operations["postAdminStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change roles, name or status (disabling ends all sessions) */
        patch: operations["patchAdminStaffById"];
        trace?: never;
    };
    "/api/staff-invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a password from a staff invitation link */
        post: operations["postStaffInvitationsAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-queue/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts per queue the caller works (open, overdue, mine, unassigned), limited to what they may see */
        get: operations["getWorkQueueCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-queue/items/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim a work item */
        post: operations["postWorkQueueItemsByIdClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-queue/items/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give back a work item one has claimed */
        post: operations["postWorkQueueItemsByIdRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-queue/items/{id}/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The colleagues a work item may be assigned to: active staff who work its queue and may see it (and its patient) */
        get: operations["getWorkQueueItemsByIdAssignees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-queue/items/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a work item to a colleague who works the queue */
        post: operations["postWorkQueueItemsByIdAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/lab-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clinicians: the patient's lab results, newest first, and the tests the refill protocol names */
        get: operations["getPatientsByPatientIdLabResults"];
        put?: never;
        /** Clinicians: record a lab result (a test the refill protocol names, its date, the value if given) */
        post: operations["postPatientsByPatientIdLabResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/medications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's medications in plain language, with history and what the caller may do */
        get: operations["getPatientsByPatientIdMedications"];
        put?: never;
        /** Clinicians: add a medication */
        post: operations["postPatientsByPatientIdMedications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/medications/{medicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One medication with its history */
        get: operations["getPatientsByPatientIdMedicationsByMedicationId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Clinicians: change a medication (recorded in its history) */
        patch: operations["patchPatientsByPatientIdMedicationsByMedicationId"];
        trace?: never;
    };
    "/api/patients/{patientId}/medications/{medicationId}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clinicians: stop a medication, with the reason */
        post: operations["postPatientsByPatientIdMedicationsByMedicationIdStop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/refill-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's refill requests, newest first, each medication with its status timeline */
        get: operations["getPatientsByPatientIdRefillRequests"];
        put?: never;
        /** Request refills of one or more medications; each is decided by the refill protocol at once */
        post: operations["postPatientsByPatientIdRefillRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/refill-requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One refill request */
        get: operations["getPatientsByPatientIdRefillRequestsByRequestId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refill-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clinicians: refill requests waiting for a decision (filter by prescriber, status, age) */
        get: operations["getRefillQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refill-queue/{itemId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clinicians: approve with quantity and refills; the prescription goes to the pharmacy */
        post: operations["postRefillQueueByItemIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refill-queue/{itemId}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clinicians: deny, with a reason the patient sees */
        post: operations["postRefillQueueByItemIdDeny"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refill-queue/bulk-approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clinicians: approve several where the protocol allows it, each with its suggested quantity and refills */
        post: operations["postRefillQueueBulkApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refill-protocol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The refill protocol in force and its versions (admins, nurses, physicians) */
        get: operations["getRefillProtocol"];
        /** Admins: save the refill protocol as its next version */
        put: operations["putRefillProtocol"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refill-protocol/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the refill protocol */
        get: operations["getRefillProtocolVersionsByVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/messages/topics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Topics that can be sent now, each with who reads it and when to expect an answer */
        get: operations["getPatientsByPatientIdMessagesTopics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/messages/routing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who will read a message about this topic sent now, and by when they will answer */
        get: operations["getPatientsByPatientIdMessagesRouting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/messages/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's conversations, newest first, with unread counts */
        get: operations["getPatientsByPatientIdMessagesThreads"];
        put?: never;
        /** Start a conversation (routed by topic; may carry an automatic office-hours reply) */
        post: operations["postPatientsByPatientIdMessagesThreads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/messages/threads/{threadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One conversation (marks its messages read for the caller) */
        get: operations["getPatientsByPatientIdMessagesThreadsByThreadId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/messages/threads/{threadId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply in a conversation */
        post: operations["postPatientsByPatientIdMessagesThreadsByThreadIdMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/messages/threads/{threadId}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment (as an attachment) */
        get: operations["getPatientsByPatientIdMessagesThreadsByThreadIdAttachmentsByAttachmentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/messages/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an attachment for a message about to be sent (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB) */
        post: operations["postPatientsByPatientIdMessagesAttachments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/threads/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff: upload an attachment for a reply about to be sent (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB) */
        post: operations["postMessagesThreadsByIdAttachments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff: the message pools' inbox (counts per pool, mine, threads overdue first; search) */
        get: operations["getMessagesInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/threads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff: one conversation with internal notes and its work item (marks it read) */
        get: operations["getMessagesThreadsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/threads/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff: reply to the patient (ends the wait; emails the patient that there is something new) */
        post: operations["postMessagesThreadsByIdMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/threads/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff: an internal note (never shown to the patient or caregivers) */
        post: operations["postMessagesThreadsByIdNotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/threads/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff: close a conversation */
        post: operations["postMessagesThreadsByIdClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/threads/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff: reopen a closed conversation (due again from now) */
        post: operations["postMessagesThreadsByIdReopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/threads/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff: download an attachment */
        get: operations["getMessagesThreadsByIdAttachmentsByAttachmentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/pools/{poolId}/quick-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pool's saved replies */
        get: operations["getMessagesPoolsByPoolIdQuickReplies"];
        put?: never;
        /** Save a reply for the pool */
        post: operations["postMessagesPoolsByPoolIdQuickReplies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/pools/{poolId}/quick-replies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a saved reply */
        put: operations["putMessagesPoolsByPoolIdQuickRepliesById"];
        post?: never;
        /** Delete a saved reply */
        delete: operations["deleteMessagesPoolsByPoolIdQuickRepliesById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/office-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Physicians: my message office hours and out-of-office */
        get: operations["getMessagesOfficeHours"];
        /** Physicians: set my message office hours, covering pool and out-of-office */
        put: operations["putMessagesOfficeHours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/digest-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clinicians: when I get a digest of new message work */
        get: operations["getMessagesDigestPreferences"];
        /** Clinicians: choose the digest times */
        put: operations["putMessagesDigestPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/message-pools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: message pools with members and topics */
        get: operations["getAdminMessagePools"];
        put?: never;
        /** Admins: create a message pool */
        post: operations["postAdminMessagePools"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/message-pools/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Admins: change a message pool (topics listed move to it) */
        put: operations["putAdminMessagePoolsById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/locations/{id}/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: a location's holidays */
        get: operations["getAdminLocationsByIdHolidays"];
        /** Admins: replace a location's holidays (no business hours count on them) */
        put: operations["putAdminLocationsByIdHolidays"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's referrals, newest first, with status, history and what the caller may do */
        get: operations["getPatientsByPatientIdReferrals"];
        put?: never;
        /** The patient or a caregiver asks the primary care practice for a referral */
        post: operations["postPatientsByPatientIdReferrals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/referrals/{referralId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One referral */
        get: operations["getPatientsByPatientIdReferralsByReferralId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/referrals/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Physicians and nurses of the practice: create a referral on the patient's behalf (approve it at once) */
        post: operations["postPatientsByPatientIdReferralsStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/referrals/{referralId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a referral nothing is booked with */
        post: operations["postPatientsByPatientIdReferralsByReferralIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referral-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The primary care practice's referral requests (default: waiting for a decision), oldest first */
        get: operations["getReferralQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referral-queue/{referralId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve: a specialist or a specialty, the number of visits and the last day to book */
        post: operations["postReferralQueueByReferralIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referral-queue/{referralId}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deny, with a reason the patient sees */
        post: operations["postReferralQueueByReferralIdDeny"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referral-queue/{referralId}/ask-for-visit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the patient for a visit with the primary care physician first */
        post: operations["postReferralQueueByReferralIdAskForVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/incoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A specialist's incoming referrals: approved to them, or to their specialty with no one named */
        get: operations["getReferralsIncoming"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/health-updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's readings (last year, newest first), a trend per measure, questionnaires, abilities */
        get: operations["getPatientsByPatientIdHealthUpdates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/health-updates/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The patient or a caregiver sends a reading; flagged against the clinic's ranges (guidance: emergency when urgent) */
        post: operations["postPatientsByPatientIdHealthUpdatesReadings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/health-updates/questionnaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The patient or a caregiver sends a PHQ-9 or GAD-7 (every item answered); scored and flagged */
        post: operations["postPatientsByPatientIdHealthUpdatesQuestionnaires"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Flagged updates of the patients whose care team the caller works in: urgent first, oldest first */
        get: operations["getHealthFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-flags/{flagId}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge a flagged update (and take its work item) */
        post: operations["postHealthFlagsByFlagIdAcknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-flags/{flagId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a flagged update (its work item is done) */
        post: operations["postHealthFlagsByFlagIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-flag-ranges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clinic's flag ranges, in canonical units */
        get: operations["getHealthFlagRanges"];
        /** Admins: save the clinic's flag ranges (every range, limits in order) */
        put: operations["putHealthFlagRanges"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a post-visit survey link from its email (no sign-in); says nothing about the visit */
        post: operations["postSurveysOpen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a post-visit survey once: 0–10 and an optional comment (no sign-in) */
        post: operations["postSurveysAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Survey figures per provider and per location over a date range (administrators) */
        get: operations["getSurveysResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download everything the portal holds about the patient: format=json (portico.record) or format=fhir (a FHIR R4 collection Bundle), streamed */
        get: operations["getPatientsByPatientIdRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/record/contents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the reader's download holds: its sections, those withheld, and whether it is restricted (a parent of a 12–17-year-old) */
        get: operations["getPatientsByPatientIdRecordContents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/smart/authorizations/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's request to connect: the app, what it asks for, and the patients the user may connect */
        get: operations["getSmartAuthorizationsByUid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/smart/authorizations/{uid}/allow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Allow the app to read the chosen records of one patient */
        post: operations["postSmartAuthorizationsByUidAllow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/smart/authorizations/{uid}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse the app's request */
        post: operations["postSmartAuthorizationsByUidDeny"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/smart/connected-apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Apps with access to the signed-in user's record or to records they allowed */
        get: operations["getSmartConnectedApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/smart/connected-apps/{grantId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End an app's access (its grant and every token issued under it) */
        post: operations["postSmartConnectedAppsByGrantIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/smart/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered apps */
        get: operations["getSmartClients"];
        put?: never;
        /** Register an app (a confidential app's secret is shown once) */
        post: operations["postSmartClients"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/smart/clients/{clientId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an app (its tokens stop working) */
        post: operations["postSmartClientsByClientIdDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operations dashboard: reporting zone, default range, figures, filter choices (administrators) */
        get: operations["getOperations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations/figures/{figure}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One operations figure over a date range, optionally for a location or provider; format=csv answers text/csv (administrators) */
        get: operations["getOperationsFiguresByFigure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorBody: {
            error: {
                /** @description stable machine-readable code, e.g. not_found, slot_taken */
                code: string;
                /** @description a sentence for people */
                message: string;
                /** @description validation_failed: a list of { field, problem } (FieldProblems); other codes may add facts, e.g. weak_password: { warning, suggestions } */
                details?: unknown;
            };
        };
    };
    responses: {
        /** @description Too many requests: wait and retry (rate_limited) */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The request is not valid (bad_request, validation_failed, invalid_code, token_invalid, activation_failed) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No session, an ended session, or a wrong password or code (unauthenticated, invalid_credentials, mfa_required, reauthentication_required) */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Not allowed, or the CSRF token or MFA enrolment is missing (forbidden, csrf_failed, mfa_enrolment_required) */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No such record, or one the caller may not see (not_found) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The request conflicts with the current state, or is still running (conflict, slot_taken, idempotency_in_progress, already_exists, possible_duplicate, refill_pending, medication_stopped, refill_already_decided, already_claimed, thread_closed) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Understood but refused (idempotency_key_reused, unprocessable, weak_password) */
        UnprocessableContent: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The request body is too large (payload_too_large) */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The request body is not JSON (unsupported_media_type) */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success (the body is not described) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getClinic: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success (the body is not described) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success (the body is not described) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdAccessLog: {
        parameters: {
            query?: {
                who?: "others" | "everyone";
                page?: number;
                pageSize?: number;
                /** @description from the first page's asOf */
                asOf?: string;
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            id: string;
                            /** Format: date-time */
                            at: string;
                            /** @description how many looks this entry stands for */
                            times: number;
                            /** Format: date-time */
                            firstAt: string;
                            byReader: boolean;
                            /** @description the person's display name, e.g. 'Dr. Lena Okafor'; null for the reader and for Portico itself */
                            who: string | null;
                            /** @description patient, proxy, front_desk, nurse, physician, admin, system */
                            whoRole: string;
                            /** @description what they did, as a sentence id of the catalogue (server modules/audit/sentences.ts), e.g. viewed_appointments */
                            sentence: string;
                        }[];
                        reader: "patient" | "proxy";
                        /** @description the name the patient goes by, for a proxy's sentences */
                        patientName: string;
                        who: "others" | "everyone";
                        page: number;
                        pageSize: number;
                        total: number;
                        asOf: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAdminAudit: {
        parameters: {
            query?: {
                userId?: string;
                patientId?: string;
                action?: string;
                outcome?: "success" | "denied" | "failure";
                from?: string;
                to?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        records: {
                            id: number;
                            /** Format: date-time */
                            at: string;
                            actorUserId: string | null;
                            actorName: string | null;
                            actorRoles: string[];
                            patientId: string | null;
                            action: string;
                            resourceType: string;
                            resourceId: string | null;
                            outcome: string;
                            ip: string | null;
                            requestId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                            locale: "en" | "es";
                            mfaEnabled: boolean;
                        };
                        mfaRequired: boolean;
                        mfaEnrolmentRequired: boolean;
                        csrfToken: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                            locale: "en" | "es";
                            mfaEnabled: boolean;
                        };
                        roles: ("patient" | ("front_desk" | "nurse" | "physician" | "admin"))[];
                        csrfToken: string;
                        patients: {
                            /** Format: uuid */
                            id: string;
                            /** @description preferred or given name + family name */
                            name: string;
                            relationship: "self" | ("parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other");
                            scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            restricted: boolean;
                        }[];
                        session: {
                            idleTimeoutSeconds: number;
                            /** Format: date-time */
                            idleExpiresAt: string;
                            /** Format: date-time */
                            absoluteExpiresAt: string;
                        };
                        abilities: {
                            registerPatients: boolean;
                            searchPatients: boolean;
                            workInBasket: boolean;
                            administerClinic: boolean;
                            readAuditLog: boolean;
                            staffWork: boolean;
                            patientSide: boolean;
                            areas: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                            menu: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteAuthMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthMfaEnrolmentStart: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description base32, for typing into an authenticator app */
                        secret: string;
                        otpauthUrl: string;
                        /** @description an SVG image of the otpauth URL */
                        qrCodeSvg: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthMfaEnrolmentConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recoveryCodes: string[];
                        csrfToken: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthMfaRecoveryCodes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recoveryCodes: string[];
                        csrfToken: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthReauthenticate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    code?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        reauthenticatedUntil: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthEmail: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                            locale: "en" | "es";
                            mfaEnabled: boolean;
                        };
                        roles: ("patient" | ("front_desk" | "nurse" | "physician" | "admin"))[];
                        csrfToken: string;
                        patients: {
                            /** Format: uuid */
                            id: string;
                            /** @description preferred or given name + family name */
                            name: string;
                            relationship: "self" | ("parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other");
                            scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            restricted: boolean;
                        }[];
                        session: {
                            idleTimeoutSeconds: number;
                            /** Format: date-time */
                            idleExpiresAt: string;
                            /** Format: date-time */
                            absoluteExpiresAt: string;
                        };
                        abilities: {
                            registerPatients: boolean;
                            searchPatients: boolean;
                            workInBasket: boolean;
                            administerClinic: boolean;
                            readAuditLog: boolean;
                            staffWork: boolean;
                            patientSide: boolean;
                            areas: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                            menu: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAuthSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions: {
                            /** Format: uuid */
                            id: string;
                            current: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastSeenAt: string;
                            ipAddress: string | null;
                            userAgent: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteAuthSessionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthSessionRefresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        idleTimeoutSeconds: number;
                        /** Format: date-time */
                        idleExpiresAt: string;
                        /** Format: date-time */
                        absoluteExpiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthPasswordResetRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthPasswordResetComplete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthActivate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    activationCode: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    dateOfBirth: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    /** @description IANA time zone, e.g. America/New_York (Intl.DateTimeFormat().resolvedOptions().timeZone) */
                    timeZone?: string;
                    locale?: "en" | "es";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                            locale: "en" | "es";
                            mfaEnabled: boolean;
                        };
                        mfaRequired: boolean;
                        mfaEnrolmentRequired: boolean;
                        csrfToken: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        me: {
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string;
                                displayName: string;
                                locale: "en" | "es";
                                mfaEnabled: boolean;
                            };
                            roles: ("patient" | ("front_desk" | "nurse" | "physician" | "admin"))[];
                            csrfToken: string;
                            patients: {
                                /** Format: uuid */
                                id: string;
                                /** @description preferred or given name + family name */
                                name: string;
                                relationship: "self" | ("parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other");
                                scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                                restricted: boolean;
                            }[];
                            session: {
                                idleTimeoutSeconds: number;
                                /** Format: date-time */
                                idleExpiresAt: string;
                                /** Format: date-time */
                                absoluteExpiresAt: string;
                            };
                            abilities: {
                                registerPatients: boolean;
                                searchPatients: boolean;
                                workInBasket: boolean;
                                administerClinic: boolean;
                                readAuditLog: boolean;
                                staffWork: boolean;
                                patientSide: boolean;
                                areas: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                                menu: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                            };
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                            locale: "en" | "es";
                            mfaEnabled: boolean;
                        };
                        roles: ("patient" | ("front_desk" | "nurse" | "physician" | "admin"))[];
                        csrfToken: string;
                        patients: {
                            /** Format: uuid */
                            id: string;
                            /** @description preferred or given name + family name */
                            name: string;
                            relationship: "self" | ("parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other");
                            scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            restricted: boolean;
                        }[];
                        session: {
                            idleTimeoutSeconds: number;
                            /** Format: date-time */
                            idleExpiresAt: string;
                            /** Format: date-time */
                            absoluteExpiresAt: string;
                        };
                        abilities: {
                            registerPatients: boolean;
                            searchPatients: boolean;
                            workInBasket: boolean;
                            administerClinic: boolean;
                            readAuditLog: boolean;
                            staffWork: boolean;
                            patientSide: boolean;
                            areas: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                            menu: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    locale?: "en" | "es";
                    displayName?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                            locale: "en" | "es";
                            mfaEnabled: boolean;
                        };
                        roles: ("patient" | ("front_desk" | "nurse" | "physician" | "admin"))[];
                        csrfToken: string;
                        patients: {
                            /** Format: uuid */
                            id: string;
                            /** @description preferred or given name + family name */
                            name: string;
                            relationship: "self" | ("parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other");
                            scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            restricted: boolean;
                        }[];
                        session: {
                            idleTimeoutSeconds: number;
                            /** Format: date-time */
                            idleExpiresAt: string;
                            /** Format: date-time */
                            absoluteExpiresAt: string;
                        };
                        abilities: {
                            registerPatients: boolean;
                            searchPatients: boolean;
                            workInBasket: boolean;
                            administerClinic: boolean;
                            readAuditLog: boolean;
                            staffWork: boolean;
                            patientSide: boolean;
                            areas: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                            menu: ("home" | "appointments" | "medications" | "messages" | "referrals" | "health" | "profile" | "inBasket" | "incomingReferrals" | "patients" | "registration" | "arrivals" | "schedule" | "clinicSetup" | "operations" | "audit")[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatients: {
        parameters: {
            query: {
                /** @description name (partial, accents and small typos ignored), date of birth (1984-03-02 or 03/02/1984), MRN or phone */
                q: string;
                limit?: number;
                includePending?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            /** Format: uuid */
                            id: string;
                            mrn: string;
                            name: string;
                            preferredName: string | null;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                            sex: "female" | "male" | "other" | "unknown";
                            status: "active" | "pending_verification" | "merged" | "rejected";
                            age: number;
                            phone?: string | null;
                            email?: string | null;
                        }[];
                        interpretedAs: ("name" | "date_of_birth" | "mrn" | "phone")[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatients: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    legalGivenName: string;
                    legalFamilyName: string;
                    preferredName?: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    dateOfBirth: string;
                    sex: "female" | "male" | "other" | "unknown";
                    genderIdentity?: string;
                    /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                    phone?: string;
                    /** Format: email */
                    email?: string;
                    address?: {
                        line1: string;
                        line2?: string;
                        city: string;
                        /** @description state or province */
                        region: string;
                        postalCode: string;
                        /** @description ISO 3166-1 alpha-2, e.g. US */
                        country: string;
                    };
                    /** @description BCP 47 language tag, e.g. en, es, zh-Hant */
                    preferredLanguage?: string;
                    emergencyContact?: {
                        name: string;
                        relationship: string;
                        /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                        phone: string;
                    };
                    insurance?: {
                        /** @default primary */
                        rank: "primary" | "secondary";
                        payerName: string;
                        memberId: string;
                        groupNumber?: string;
                        subscriberName: string;
                        subscriberRelationship: "self" | "spouse" | "parent" | "other";
                        /** Format: uuid */
                        cardFrontFileId?: string;
                        /** Format: uuid */
                        cardBackFileId?: string;
                    }[];
                    /** Format: uuid */
                    preferredPharmacyId?: string;
                    /** Format: uuid */
                    pcpProviderId?: string;
                    duplicateOverride?: {
                        /** @enum {boolean} */
                        confirmNotDuplicate: true;
                        reason: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        patient: {
                            /** @enum {string} */
                            view: "full";
                            /** Format: uuid */
                            id: string;
                            mrn: string;
                            status: "active" | "pending_verification" | "merged" | "rejected";
                            legalGivenName: string;
                            legalFamilyName: string;
                            preferredName: string | null;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                            sex: "female" | "male" | "other" | "unknown";
                            genderIdentity: string | null;
                            phone: string | null;
                            email: string | null;
                            address: {
                                line1: string;
                                line2?: string;
                                city: string;
                                /** @description state or province */
                                region: string;
                                postalCode: string;
                                /** @description ISO 3166-1 alpha-2, e.g. US */
                                country: string;
                            } | null;
                            preferredLanguage: string;
                            timeZone: string | null;
                            emergencyContact: {
                                name: string;
                                relationship: string;
                                /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                                phone: string;
                            } | null;
                            insurance: {
                                /** Format: uuid */
                                id: string;
                                rank: "primary" | "secondary";
                                payerName: string;
                                memberId: string;
                                groupNumber: string | null;
                                subscriberName: string;
                                subscriberRelationship: "self" | "spouse" | "parent" | "other";
                                cardFrontFileId: string | null;
                                cardBackFileId: string | null;
                            }[];
                            preferredPharmacy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            pcp: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                specialty: string;
                            } | null;
                            hasLogin: boolean;
                            canEdit: boolean;
                            canEditIdentity: boolean;
                            age: number;
                            adolescent: boolean;
                            pendingIdentityChangeRequestId: string | null;
                            abilities: {
                                canOpenMedications: boolean;
                                canSeeReferrals: boolean;
                                canSeeHealthUpdates: boolean;
                                canSeeCaregivers: boolean;
                                canAddCaregiver: boolean;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        activation: {
                            /** @description XXXX-XXXX-XXXX, shown once */
                            code: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description printable activation letter (GET, HTML) */
                            letterUrl: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        view: "full";
                        /** Format: uuid */
                        id: string;
                        mrn: string;
                        status: "active" | "pending_verification" | "merged" | "rejected";
                        legalGivenName: string;
                        legalFamilyName: string;
                        preferredName: string | null;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        dateOfBirth: string;
                        sex: "female" | "male" | "other" | "unknown";
                        genderIdentity: string | null;
                        phone: string | null;
                        email: string | null;
                        address: {
                            line1: string;
                            line2?: string;
                            city: string;
                            /** @description state or province */
                            region: string;
                            postalCode: string;
                            /** @description ISO 3166-1 alpha-2, e.g. US */
                            country: string;
                        } | null;
                        preferredLanguage: string;
                        timeZone: string | null;
                        emergencyContact: {
                            name: string;
                            relationship: string;
                            /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                            phone: string;
                        } | null;
                        insurance: {
                            /** Format: uuid */
                            id: string;
                            rank: "primary" | "secondary";
                            payerName: string;
                            memberId: string;
                            groupNumber: string | null;
                            subscriberName: string;
                            subscriberRelationship: "self" | "spouse" | "parent" | "other";
                            cardFrontFileId: string | null;
                            cardBackFileId: string | null;
                        }[];
                        preferredPharmacy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        } | null;
                        hasLogin: boolean;
                        canEdit: boolean;
                        canEditIdentity: boolean;
                        age: number;
                        adolescent: boolean;
                        pendingIdentityChangeRequestId: string | null;
                        abilities: {
                            canOpenMedications: boolean;
                            canSeeReferrals: boolean;
                            canSeeHealthUpdates: boolean;
                            canSeeCaregivers: boolean;
                            canAddCaregiver: boolean;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    } | {
                        /** @enum {string} */
                        view: "summary";
                        /** Format: uuid */
                        id: string;
                        legalGivenName: string;
                        legalFamilyName: string;
                        preferredName: string | null;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        dateOfBirth: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchPatientsByPatientId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    legalGivenName?: string;
                    legalFamilyName?: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    dateOfBirth?: string;
                    sex?: "female" | "male" | "other" | "unknown";
                    preferredName?: string | null;
                    genderIdentity?: string | null;
                    phone?: string | null;
                    email?: string | null;
                    address?: {
                        line1: string;
                        line2?: string;
                        city: string;
                        /** @description state or province */
                        region: string;
                        postalCode: string;
                        /** @description ISO 3166-1 alpha-2, e.g. US */
                        country: string;
                    } | null;
                    /** @description BCP 47 language tag, e.g. en, es, zh-Hant */
                    preferredLanguage?: string;
                    timeZone?: string | null;
                    emergencyContact?: {
                        name: string;
                        relationship: string;
                        /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                        phone: string;
                    } | null;
                    insurance?: {
                        /** @default primary */
                        rank: "primary" | "secondary";
                        payerName: string;
                        memberId: string;
                        groupNumber?: string;
                        subscriberName: string;
                        subscriberRelationship: "self" | "spouse" | "parent" | "other";
                        /** Format: uuid */
                        cardFrontFileId?: string;
                        /** Format: uuid */
                        cardBackFileId?: string;
                    }[];
                    preferredPharmacyId?: string | null;
                    pcpProviderId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        view: "full";
                        /** Format: uuid */
                        id: string;
                        mrn: string;
                        status: "active" | "pending_verification" | "merged" | "rejected";
                        legalGivenName: string;
                        legalFamilyName: string;
                        preferredName: string | null;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        dateOfBirth: string;
                        sex: "female" | "male" | "other" | "unknown";
                        genderIdentity: string | null;
                        phone: string | null;
                        email: string | null;
                        address: {
                            line1: string;
                            line2?: string;
                            city: string;
                            /** @description state or province */
                            region: string;
                            postalCode: string;
                            /** @description ISO 3166-1 alpha-2, e.g. US */
                            country: string;
                        } | null;
                        preferredLanguage: string;
                        timeZone: string | null;
                        emergencyContact: {
                            name: string;
                            relationship: string;
                            /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                            phone: string;
                        } | null;
                        insurance: {
                            /** Format: uuid */
                            id: string;
                            rank: "primary" | "secondary";
                            payerName: string;
                            memberId: string;
                            groupNumber: string | null;
                            subscriberName: string;
                            subscriberRelationship: "self" | "spouse" | "parent" | "other";
                            cardFrontFileId: string | null;
                            cardBackFileId: string | null;
                        }[];
                        preferredPharmacy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        } | null;
                        hasLogin: boolean;
                        canEdit: boolean;
                        canEditIdentity: boolean;
                        age: number;
                        adolescent: boolean;
                        pendingIdentityChangeRequestId: string | null;
                        abilities: {
                            canOpenMedications: boolean;
                            canSeeReferrals: boolean;
                            canSeeHealthUpdates: boolean;
                            canSeeCaregivers: boolean;
                            canAddCaregiver: boolean;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdActivationCodes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description XXXX-XXXX-XXXX, shown once */
                        code: string;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description printable activation letter (GET, HTML) */
                        letterUrl: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdActivationLetter: {
        parameters: {
            query: {
                code: string;
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        patientName: string;
                        code: string;
                        /** Format: date-time */
                        expiresAt: string;
                        activateUrl: string;
                        clinicName: string;
                        clinicPhone: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdMerge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    intoPatientId: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        mergeId: string;
                        /** Format: uuid */
                        sourcePatientId: string;
                        /** Format: uuid */
                        targetPatientId: string;
                        moved: {
                            [key: string]: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postRegistrations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    legalGivenName: string;
                    legalFamilyName: string;
                    preferredName?: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    dateOfBirth: string;
                    sex: "female" | "male" | "other" | "unknown";
                    genderIdentity?: string;
                    /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                    phone: string;
                    /** Format: email */
                    email: string;
                    address?: {
                        line1: string;
                        line2?: string;
                        city: string;
                        /** @description state or province */
                        region: string;
                        postalCode: string;
                        /** @description ISO 3166-1 alpha-2, e.g. US */
                        country: string;
                    };
                    /** @description BCP 47 language tag, e.g. en, es, zh-Hant */
                    preferredLanguage?: string;
                    password: string;
                    emergencyContact?: {
                        name: string;
                        relationship: string;
                        /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                        phone: string;
                    };
                    /** @description IANA time zone, e.g. America/New_York (Intl.DateTimeFormat().resolvedOptions().timeZone) */
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "received";
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRegistrationsPending: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        registrations: {
                            patient: {
                                /** @enum {string} */
                                view: "full";
                                /** Format: uuid */
                                id: string;
                                mrn: string;
                                status: "active" | "pending_verification" | "merged" | "rejected";
                                legalGivenName: string;
                                legalFamilyName: string;
                                preferredName: string | null;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth: string;
                                sex: "female" | "male" | "other" | "unknown";
                                genderIdentity: string | null;
                                phone: string | null;
                                email: string | null;
                                address: {
                                    line1: string;
                                    line2?: string;
                                    city: string;
                                    /** @description state or province */
                                    region: string;
                                    postalCode: string;
                                    /** @description ISO 3166-1 alpha-2, e.g. US */
                                    country: string;
                                } | null;
                                preferredLanguage: string;
                                timeZone: string | null;
                                emergencyContact: {
                                    name: string;
                                    relationship: string;
                                    /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                                    phone: string;
                                } | null;
                                insurance: {
                                    /** Format: uuid */
                                    id: string;
                                    rank: "primary" | "secondary";
                                    payerName: string;
                                    memberId: string;
                                    groupNumber: string | null;
                                    subscriberName: string;
                                    subscriberRelationship: "self" | "spouse" | "parent" | "other";
                                    cardFrontFileId: string | null;
                                    cardBackFileId: string | null;
                                }[];
                                preferredPharmacy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                pcp: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    specialty: string;
                                } | null;
                                hasLogin: boolean;
                                canEdit: boolean;
                                canEditIdentity: boolean;
                                age: number;
                                adolescent: boolean;
                                pendingIdentityChangeRequestId: string | null;
                                abilities: {
                                    canOpenMedications: boolean;
                                    canSeeReferrals: boolean;
                                    canSeeHealthUpdates: boolean;
                                    canSeeCaregivers: boolean;
                                    canAddCaregiver: boolean;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            source: "staff" | "self" | "import";
                            /** Format: date-time */
                            submittedAt: string;
                            possibleDuplicates: {
                                /** Format: uuid */
                                id: string;
                                mrn: string;
                                /** @description legal given + family name */
                                name: string;
                                preferredName: string | null;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth: string;
                                sex: "female" | "male" | "other" | "unknown";
                                /** @description only the last four digits shown */
                                phoneMasked: string | null;
                                /** @description first letter and domain shown */
                                emailMasked: string | null;
                                status: "active" | "pending_verification";
                                matchedOn: ("name" | "similar_name" | "nickname" | "date_of_birth" | "similar_date_of_birth" | "phone" | "email")[];
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postRegistrationsByIdVerify: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    duplicateOverride?: {
                        /** @enum {boolean} */
                        confirmNotDuplicate: true;
                        reason: string;
                    };
                    /** Format: uuid */
                    pcpProviderId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        view: "full";
                        /** Format: uuid */
                        id: string;
                        mrn: string;
                        status: "active" | "pending_verification" | "merged" | "rejected";
                        legalGivenName: string;
                        legalFamilyName: string;
                        preferredName: string | null;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        dateOfBirth: string;
                        sex: "female" | "male" | "other" | "unknown";
                        genderIdentity: string | null;
                        phone: string | null;
                        email: string | null;
                        address: {
                            line1: string;
                            line2?: string;
                            city: string;
                            /** @description state or province */
                            region: string;
                            postalCode: string;
                            /** @description ISO 3166-1 alpha-2, e.g. US */
                            country: string;
                        } | null;
                        preferredLanguage: string;
                        timeZone: string | null;
                        emergencyContact: {
                            name: string;
                            relationship: string;
                            /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                            phone: string;
                        } | null;
                        insurance: {
                            /** Format: uuid */
                            id: string;
                            rank: "primary" | "secondary";
                            payerName: string;
                            memberId: string;
                            groupNumber: string | null;
                            subscriberName: string;
                            subscriberRelationship: "self" | "spouse" | "parent" | "other";
                            cardFrontFileId: string | null;
                            cardBackFileId: string | null;
                        }[];
                        preferredPharmacy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        } | null;
                        hasLogin: boolean;
                        canEdit: boolean;
                        canEditIdentity: boolean;
                        age: number;
                        adolescent: boolean;
                        pendingIdentityChangeRequestId: string | null;
                        abilities: {
                            canOpenMedications: boolean;
                            canSeeReferrals: boolean;
                            canSeeHealthUpdates: boolean;
                            canSeeCaregivers: boolean;
                            canAddCaregiver: boolean;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postRegistrationsByIdReject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: "duplicate_record" | "details_not_confirmed" | "not_accepting_patients" | "other";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: "rejected";
                        reason: "duplicate_record" | "details_not_confirmed" | "not_accepting_patients" | "other";
                        applicantEmailed: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdIdentityChangeRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requests: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            patientName: string;
                            mrn: string;
                            current: {
                                legalGivenName?: string;
                                legalFamilyName?: string;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth?: string;
                                sex?: "female" | "male" | "other" | "unknown";
                            };
                            changes: {
                                legalGivenName?: string;
                                legalFamilyName?: string;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth?: string;
                                sex?: "female" | "male" | "other" | "unknown";
                            };
                            reason: string;
                            status: "pending" | "approved" | "denied";
                            decisionNote: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            decidedAt: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdIdentityChangeRequests: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changes: {
                        legalGivenName?: string;
                        legalFamilyName?: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        dateOfBirth?: string;
                        sex?: "female" | "male" | "other" | "unknown";
                    };
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        mrn: string;
                        current: {
                            legalGivenName?: string;
                            legalFamilyName?: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth?: string;
                            sex?: "female" | "male" | "other" | "unknown";
                        };
                        changes: {
                            legalGivenName?: string;
                            legalFamilyName?: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth?: string;
                            sex?: "female" | "male" | "other" | "unknown";
                        };
                        reason: string;
                        status: "pending" | "approved" | "denied";
                        decisionNote: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getIdentityChangeRequests: {
        parameters: {
            query?: {
                status?: "pending" | "approved" | "denied";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requests: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            patientName: string;
                            mrn: string;
                            current: {
                                legalGivenName?: string;
                                legalFamilyName?: string;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth?: string;
                                sex?: "female" | "male" | "other" | "unknown";
                            };
                            changes: {
                                legalGivenName?: string;
                                legalFamilyName?: string;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth?: string;
                                sex?: "female" | "male" | "other" | "unknown";
                            };
                            reason: string;
                            status: "pending" | "approved" | "denied";
                            decisionNote: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            decidedAt: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postIdentityChangeRequestsByIdDecision: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    decision: "approve" | "deny";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        mrn: string;
                        current: {
                            legalGivenName?: string;
                            legalFamilyName?: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth?: string;
                            sex?: "female" | "male" | "other" | "unknown";
                        };
                        changes: {
                            legalGivenName?: string;
                            legalFamilyName?: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth?: string;
                            sex?: "female" | "male" | "other" | "unknown";
                        };
                        reason: string;
                        status: "pending" | "approved" | "denied";
                        decisionNote: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdFiles: {
        parameters: {
            query: {
                kind: "insurance_card_front" | "insurance_card_back" | "identity_document" | "other";
            };
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        kind: "insurance_card_front" | "insurance_card_back" | "identity_document" | "other";
                        contentType: string;
                        sizeBytes: number;
                        sha256: string;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdFilesByFileId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                fileId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success (the body is not described) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getVisitTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        visitTypes: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEs: string | null;
                            description: string | null;
                            descriptionEs: string | null;
                            durationMinutes: number;
                            modality: "in_person" | "video";
                            specialty: string;
                            /** @description who may self-book: established patients of the provider, new patients too, or only with an approved referral */
                            bookingKind: "established" | "new" | "referral";
                            minimumNoticeMinutes: number;
                            horizonDays: number;
                            bufferBeforeMinutes: number;
                            bufferAfterMinutes: number;
                            cancellationNoticeMinutes: number;
                            questionnaire: {
                                id: string;
                                text: string;
                                textEs?: string;
                                type: "text" | "yes_no" | "scale_0_10";
                                required: boolean;
                            }[];
                            intakeQuestionnaires: ("phq9" | "gad7")[];
                            active: boolean;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSlots: {
        parameters: {
            query: {
                visitTypeId: string;
                providerId?: string;
                locationId?: string;
                from?: string;
                to?: string;
                patientId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        slots: {
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            /** Format: uuid */
                            providerId: string;
                            providerName: string;
                            /** Format: uuid */
                            locationId: string;
                            locationName: string;
                            /** @description IANA zone of the location */
                            timeZone: string;
                            /** @description IANA zone to show this time in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                            displayTimeZone: string;
                        }[];
                        eligibility: {
                            canSelfBook: boolean;
                            reason: string | null;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdAppointments: {
        parameters: {
            query?: {
                /** @description an appointment list's `nextPastCursor` */
                pastCursor?: string;
                /** @description past visits on the page, 20 unless given */
                pastLimit?: number;
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        upcoming: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            patientName: string;
                            readerIsPatient: boolean;
                            /** @description IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                            displayTimeZone: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                nameEs: string | null;
                                modality: "in_person" | "video";
                                durationMinutes: number;
                            };
                            provider: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                specialty: string;
                            };
                            location: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                timeZone: string;
                                phone: string | null;
                                address: unknown;
                            };
                            /** Format: date-time */
                            cancellableUntil: string;
                            canCancelOnline: boolean;
                            /** Format: date-time */
                            eCheckInOpensAt: string;
                            eCheckInCompletedAt: string | null;
                            intake: {
                                questionnaire: "phq9" | "gad7";
                                status: "due" | "done";
                                completedAt: string | null;
                            }[];
                            arrivedAt: string | null;
                            onWaitlist: boolean;
                            cancelledAt: string | null;
                            movedFrom: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        past: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            patientName: string;
                            readerIsPatient: boolean;
                            /** @description IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                            displayTimeZone: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                nameEs: string | null;
                                modality: "in_person" | "video";
                                durationMinutes: number;
                            };
                            provider: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                specialty: string;
                            };
                            location: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                timeZone: string;
                                phone: string | null;
                                address: unknown;
                            };
                            /** Format: date-time */
                            cancellableUntil: string;
                            canCancelOnline: boolean;
                            /** Format: date-time */
                            eCheckInOpensAt: string;
                            eCheckInCompletedAt: string | null;
                            intake: {
                                questionnaire: "phq9" | "gad7";
                                status: "due" | "done";
                                completedAt: string | null;
                            }[];
                            arrivedAt: string | null;
                            onWaitlist: boolean;
                            cancelledAt: string | null;
                            movedFrom: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        nextPastCursor: string | null;
                        timeZone: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdAppointments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    visitTypeId: string;
                    /** Format: uuid */
                    providerId: string;
                    /** Format: date-time */
                    start: string;
                    /** Format: uuid */
                    locationId?: string;
                    reasonForVisit?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        readerIsPatient: boolean;
                        /** @description IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                        displayTimeZone: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                        visitType: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEs: string | null;
                            modality: "in_person" | "video";
                            durationMinutes: number;
                        };
                        provider: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        };
                        location: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            phone: string | null;
                            address: unknown;
                        };
                        /** Format: date-time */
                        cancellableUntil: string;
                        canCancelOnline: boolean;
                        /** Format: date-time */
                        eCheckInOpensAt: string;
                        eCheckInCompletedAt: string | null;
                        intake: {
                            questionnaire: "phq9" | "gad7";
                            status: "due" | "done";
                            completedAt: string | null;
                        }[];
                        arrivedAt: string | null;
                        onWaitlist: boolean;
                        cancelledAt: string | null;
                        movedFrom: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdAppointmentsByAppointmentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        readerIsPatient: boolean;
                        /** @description IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                        displayTimeZone: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                        visitType: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEs: string | null;
                            modality: "in_person" | "video";
                            durationMinutes: number;
                        };
                        provider: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        };
                        location: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            phone: string | null;
                            address: unknown;
                        };
                        /** Format: date-time */
                        cancellableUntil: string;
                        canCancelOnline: boolean;
                        /** Format: date-time */
                        eCheckInOpensAt: string;
                        eCheckInCompletedAt: string | null;
                        intake: {
                            questionnaire: "phq9" | "gad7";
                            status: "due" | "done";
                            completedAt: string | null;
                        }[];
                        arrivedAt: string | null;
                        onWaitlist: boolean;
                        cancelledAt: string | null;
                        movedFrom: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdAppointmentsByAppointmentIdReschedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    start: string;
                    /** Format: uuid */
                    providerId?: string;
                    /** Format: uuid */
                    locationId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        readerIsPatient: boolean;
                        /** @description IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                        displayTimeZone: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                        visitType: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEs: string | null;
                            modality: "in_person" | "video";
                            durationMinutes: number;
                        };
                        provider: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        };
                        location: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            phone: string | null;
                            address: unknown;
                        };
                        /** Format: date-time */
                        cancellableUntil: string;
                        canCancelOnline: boolean;
                        /** Format: date-time */
                        eCheckInOpensAt: string;
                        eCheckInCompletedAt: string | null;
                        intake: {
                            questionnaire: "phq9" | "gad7";
                            status: "due" | "done";
                            completedAt: string | null;
                        }[];
                        arrivedAt: string | null;
                        onWaitlist: boolean;
                        cancelledAt: string | null;
                        movedFrom: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdAppointmentsByAppointmentIdCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        readerIsPatient: boolean;
                        /** @description IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                        displayTimeZone: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                        visitType: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEs: string | null;
                            modality: "in_person" | "video";
                            durationMinutes: number;
                        };
                        provider: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        };
                        location: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            phone: string | null;
                            address: unknown;
                        };
                        /** Format: date-time */
                        cancellableUntil: string;
                        canCancelOnline: boolean;
                        /** Format: date-time */
                        eCheckInOpensAt: string;
                        eCheckInCompletedAt: string | null;
                        intake: {
                            questionnaire: "phq9" | "gad7";
                            status: "due" | "done";
                            completedAt: string | null;
                        }[];
                        arrivedAt: string | null;
                        onWaitlist: boolean;
                        cancelledAt: string | null;
                        movedFrom: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkplace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        locations: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            ownVisitsOnly: boolean;
                        }[];
                        providers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getArrivals: {
        parameters: {
            query: {
                locationId: string;
                /** @description YYYY-MM-DD */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        date: string;
                        /** Format: uuid */
                        locationId: string;
                        locationName: string;
                        timeZone: string;
                        entries: {
                            /** Format: uuid */
                            appointmentId: string;
                            /** Format: uuid */
                            patientId: string;
                            patientName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                            mrn: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                            visitTypeName: string;
                            visitTypeNameEs: string | null;
                            modality: "in_person" | "video";
                            /** Format: uuid */
                            providerId: string;
                            providerName: string;
                            /** Format: uuid */
                            locationId: string;
                            locationName: string;
                            timeZone: string;
                            eCheckInDone: boolean;
                            intake: {
                                status: "done" | "partly_done" | "not_done";
                                items: {
                                    questionnaire: "phq9" | "gad7";
                                    done: boolean;
                                    completedAt: string | null;
                                    score: number | null;
                                    maxScore: number | null;
                                    severity: ("minimal" | "mild" | "moderate" | "moderately_severe" | "severe") | null;
                                    flag: ("urgent" | "attention" | "normal") | null;
                                }[];
                                resultsShown: boolean;
                                flagged: "urgent" | "attention" | null;
                                canOpenAnswers: boolean;
                            } | null;
                            arrivedAt: string | null;
                            roomedAt: string | null;
                            minutesWaiting: number | null;
                            nextStatuses: ("arrived" | "roomed" | "in_visit" | "completed" | "no_show")[];
                            undoTo: ("booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled") | null;
                        }[];
                        counts: {
                            [key: string]: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSchedule: {
        parameters: {
            query?: {
                providerId?: string;
                /** @description YYYY-MM-DD */
                date?: string;
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        providerId: string;
                        providerName: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        from: string;
                        days: number;
                        entries: {
                            /** Format: uuid */
                            appointmentId: string;
                            /** Format: uuid */
                            patientId: string;
                            patientName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                            mrn: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                            visitTypeName: string;
                            visitTypeNameEs: string | null;
                            modality: "in_person" | "video";
                            /** Format: uuid */
                            providerId: string;
                            providerName: string;
                            /** Format: uuid */
                            locationId: string;
                            locationName: string;
                            timeZone: string;
                            eCheckInDone: boolean;
                            intake: {
                                status: "done" | "partly_done" | "not_done";
                                items: {
                                    questionnaire: "phq9" | "gad7";
                                    done: boolean;
                                    completedAt: string | null;
                                    score: number | null;
                                    maxScore: number | null;
                                    severity: ("minimal" | "mild" | "moderate" | "moderately_severe" | "severe") | null;
                                    flag: ("urgent" | "attention" | "normal") | null;
                                }[];
                                resultsShown: boolean;
                                flagged: "urgent" | "attention" | null;
                                canOpenAnswers: boolean;
                            } | null;
                            arrivedAt: string | null;
                            roomedAt: string | null;
                            minutesWaiting: number | null;
                            nextStatuses: ("arrived" | "roomed" | "in_visit" | "completed" | "no_show")[];
                            undoTo: ("booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled") | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAppointmentsByAppointmentIdStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    status: "arrived" | "roomed" | "in_visit" | "completed" | "no_show";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        appointmentId: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        dateOfBirth: string;
                        mrn: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                        visitTypeName: string;
                        visitTypeNameEs: string | null;
                        modality: "in_person" | "video";
                        /** Format: uuid */
                        providerId: string;
                        providerName: string;
                        /** Format: uuid */
                        locationId: string;
                        locationName: string;
                        timeZone: string;
                        eCheckInDone: boolean;
                        intake: {
                            status: "done" | "partly_done" | "not_done";
                            items: {
                                questionnaire: "phq9" | "gad7";
                                done: boolean;
                                completedAt: string | null;
                                score: number | null;
                                maxScore: number | null;
                                severity: ("minimal" | "mild" | "moderate" | "moderately_severe" | "severe") | null;
                                flag: ("urgent" | "attention" | "normal") | null;
                            }[];
                            resultsShown: boolean;
                            flagged: "urgent" | "attention" | null;
                            canOpenAnswers: boolean;
                        } | null;
                        arrivedAt: string | null;
                        roomedAt: string | null;
                        minutesWaiting: number | null;
                        nextStatuses: ("arrived" | "roomed" | "in_visit" | "completed" | "no_show")[];
                        undoTo: ("booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled") | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAppointmentsByAppointmentIdIntake: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        appointmentId: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        /** Format: date-time */
                        start: string;
                        timeZone: string;
                        visitTypeName: string;
                        visitTypeNameEs: string | null;
                        providerName: string;
                        items: {
                            questionnaire: "phq9" | "gad7";
                            done: boolean;
                            completedAt: string | null;
                            score: number | null;
                            maxScore: number | null;
                            severity: ("minimal" | "mild" | "moderate" | "moderately_severe" | "severe") | null;
                            flag: ("urgent" | "attention" | "normal") | null;
                        }[];
                        responses: {
                            /** Format: uuid */
                            id: string;
                            kind: "phq9" | "gad7";
                            answers: number[];
                            score: number;
                            maxScore: number;
                            severity: "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";
                            flag: "urgent" | "attention" | "normal";
                            flagReasons: string[];
                            /** Format: date-time */
                            createdAt: string;
                            enteredBy: {
                                kind: "patient" | "proxy" | "staff" | "system";
                                displayName: string | null;
                            };
                            intakeFor: {
                                /** Format: uuid */
                                appointmentId: string;
                                /** Format: date-time */
                                start: string;
                                timeZone: string;
                            } | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAppointmentsByAppointmentIdStatusUndo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        appointmentId: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        dateOfBirth: string;
                        mrn: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                        visitTypeName: string;
                        visitTypeNameEs: string | null;
                        modality: "in_person" | "video";
                        /** Format: uuid */
                        providerId: string;
                        providerName: string;
                        /** Format: uuid */
                        locationId: string;
                        locationName: string;
                        timeZone: string;
                        eCheckInDone: boolean;
                        intake: {
                            status: "done" | "partly_done" | "not_done";
                            items: {
                                questionnaire: "phq9" | "gad7";
                                done: boolean;
                                completedAt: string | null;
                                score: number | null;
                                maxScore: number | null;
                                severity: ("minimal" | "mild" | "moderate" | "moderately_severe" | "severe") | null;
                                flag: ("urgent" | "attention" | "normal") | null;
                            }[];
                            resultsShown: boolean;
                            flagged: "urgent" | "attention" | null;
                            canOpenAnswers: boolean;
                        } | null;
                        arrivedAt: string | null;
                        roomedAt: string | null;
                        minutesWaiting: number | null;
                        nextStatuses: ("arrived" | "roomed" | "in_visit" | "completed" | "no_show")[];
                        undoTo: ("booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled") | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdAppointmentsByAppointmentIdArrive: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdAppointmentsByAppointmentIdCheckIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        opensAt: string;
                        open: boolean;
                        completedAt: string | null;
                        questionnaire: {
                            id: string;
                            text: string;
                            textEs?: string;
                            type: "text" | "yes_no" | "scale_0_10";
                            required: boolean;
                        }[];
                        intake: {
                            questionnaire: "phq9" | "gad7";
                            status: "due" | "done";
                            completedAt: string | null;
                        }[];
                        summary: {
                            name: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                            contactIncluded: boolean;
                            phone: string | null;
                            email: string | null;
                            address: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdAppointmentsByAppointmentIdCheckIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirmedDemographics: boolean;
                    confirmedInsurance: boolean;
                    confirmedMedications: boolean;
                    confirmedAllergies: boolean;
                    answers: {
                        [key: string]: string | boolean | number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAdminVisitTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        visitTypes: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEs: string | null;
                            description: string | null;
                            descriptionEs: string | null;
                            durationMinutes: number;
                            modality: "in_person" | "video";
                            specialty: string;
                            /** @description who may self-book: established patients of the provider, new patients too, or only with an approved referral */
                            bookingKind: "established" | "new" | "referral";
                            minimumNoticeMinutes: number;
                            horizonDays: number;
                            bufferBeforeMinutes: number;
                            bufferAfterMinutes: number;
                            cancellationNoticeMinutes: number;
                            questionnaire: {
                                id: string;
                                text: string;
                                textEs?: string;
                                type: "text" | "yes_no" | "scale_0_10";
                                required: boolean;
                            }[];
                            intakeQuestionnaires: ("phq9" | "gad7")[];
                            active: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAdminVisitTypes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    nameEs?: string | null;
                    description?: string | null;
                    descriptionEs?: string | null;
                    durationMinutes: number;
                    modality: "in_person" | "video";
                    specialty: string;
                    /** @description who may self-book: established patients of the provider, new patients too, or only with an approved referral */
                    bookingKind: "established" | "new" | "referral";
                    minimumNoticeMinutes: number;
                    horizonDays: number;
                    bufferBeforeMinutes: number;
                    bufferAfterMinutes: number;
                    cancellationNoticeMinutes: number;
                    questionnaire?: {
                        id: string;
                        text: string;
                        textEs?: string;
                        type: "text" | "yes_no" | "scale_0_10";
                        required: boolean;
                    }[];
                    intakeQuestionnaires?: ("phq9" | "gad7")[];
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        nameEs: string | null;
                        description: string | null;
                        descriptionEs: string | null;
                        durationMinutes: number;
                        modality: "in_person" | "video";
                        specialty: string;
                        /** @description who may self-book: established patients of the provider, new patients too, or only with an approved referral */
                        bookingKind: "established" | "new" | "referral";
                        minimumNoticeMinutes: number;
                        horizonDays: number;
                        bufferBeforeMinutes: number;
                        bufferAfterMinutes: number;
                        cancellationNoticeMinutes: number;
                        questionnaire: {
                            id: string;
                            text: string;
                            textEs?: string;
                            type: "text" | "yes_no" | "scale_0_10";
                            required: boolean;
                        }[];
                        intakeQuestionnaires: ("phq9" | "gad7")[];
                        active: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchAdminVisitTypesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    nameEs?: string | null;
                    description?: string | null;
                    descriptionEs?: string | null;
                    durationMinutes?: number;
                    modality?: "in_person" | "video";
                    specialty?: string;
                    /** @description who may self-book: established patients of the provider, new patients too, or only with an approved referral */
                    bookingKind?: "established" | "new" | "referral";
                    minimumNoticeMinutes?: number;
                    horizonDays?: number;
                    bufferBeforeMinutes?: number;
                    bufferAfterMinutes?: number;
                    cancellationNoticeMinutes?: number;
                    questionnaire?: {
                        id: string;
                        text: string;
                        textEs?: string;
                        type: "text" | "yes_no" | "scale_0_10";
                        required: boolean;
                    }[];
                    intakeQuestionnaires?: ("phq9" | "gad7")[];
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        nameEs: string | null;
                        description: string | null;
                        descriptionEs: string | null;
                        durationMinutes: number;
                        modality: "in_person" | "video";
                        specialty: string;
                        /** @description who may self-book: established patients of the provider, new patients too, or only with an approved referral */
                        bookingKind: "established" | "new" | "referral";
                        minimumNoticeMinutes: number;
                        horizonDays: number;
                        bufferBeforeMinutes: number;
                        bufferAfterMinutes: number;
                        cancellationNoticeMinutes: number;
                        questionnaire: {
                            id: string;
                            text: string;
                            textEs?: string;
                            type: "text" | "yes_no" | "scale_0_10";
                            required: boolean;
                        }[];
                        intakeQuestionnaires: ("phq9" | "gad7")[];
                        active: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProvidersByIdAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        templates: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            providerId: string;
                            /** Format: uuid */
                            locationId: string;
                            /** @description ISO weekday, 1 = Monday */
                            weekday: number;
                            /** @description HH:MM, location time */
                            startTime: string;
                            /** @description HH:MM, location time */
                            endTime: string;
                            validFrom: string | null;
                            validUntil: string | null;
                            /** @description empty: every visit type of the provider's specialty */
                            visitTypeIds: string[];
                        }[];
                        exceptions: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            providerId: string;
                            kind: "time_off" | "block" | "extra_hours";
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            locationId: string | null;
                            note: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postProvidersByIdAvailabilityTemplates: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    locationId: string;
                    /** @description ISO weekday, 1 = Monday */
                    weekday: number;
                    /** @description HH:MM, location time */
                    startTime: string;
                    /** @description HH:MM, location time */
                    endTime: string;
                    validFrom?: string | null;
                    validUntil?: string | null;
                    visitTypeIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        providerId: string;
                        /** Format: uuid */
                        locationId: string;
                        /** @description ISO weekday, 1 = Monday */
                        weekday: number;
                        /** @description HH:MM, location time */
                        startTime: string;
                        /** @description HH:MM, location time */
                        endTime: string;
                        validFrom: string | null;
                        validUntil: string | null;
                        /** @description empty: every visit type of the provider's specialty */
                        visitTypeIds: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteProvidersByIdAvailabilityTemplatesByItemId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postProvidersByIdAvailabilityExceptions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "time_off" | "block" | "extra_hours";
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string;
                    locationId?: string | null;
                    note?: string | null;
                    affectedVisits?: {
                        /** @description notify_and_rebook: the clinic cancels each visit (the provider is unavailable), emails the patient and offers the nearest free times; keep: the visits stay booked */
                        action: "notify_and_rebook" | "keep";
                        appointmentIds: string[];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        providerId: string;
                        kind: "time_off" | "block" | "extra_hours";
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        locationId: string | null;
                        note: string | null;
                        cancelledVisits: number;
                        keptVisits: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postProvidersByIdAvailabilityExceptionsPreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "time_off" | "block" | "extra_hours";
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string;
                    locationId?: string | null;
                    note?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        affected: {
                            /** Format: uuid */
                            appointmentId: string;
                            /** Format: uuid */
                            patientId: string;
                            patientName: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            status: string;
                            visitTypeName: string;
                            visitTypeNameEs: string | null;
                            locationName: string;
                            /** @description IANA zone of the location: show the time in it, naming it */
                            timeZone: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteProvidersByIdAvailabilityExceptionsByItemId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdAppointmentsByAppointmentIdWaitlist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        readerIsPatient: boolean;
                        /** @description IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                        displayTimeZone: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                        visitType: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEs: string | null;
                            modality: "in_person" | "video";
                            durationMinutes: number;
                        };
                        provider: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        };
                        location: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            phone: string | null;
                            address: unknown;
                        };
                        /** Format: date-time */
                        cancellableUntil: string;
                        canCancelOnline: boolean;
                        /** Format: date-time */
                        eCheckInOpensAt: string;
                        eCheckInCompletedAt: string | null;
                        intake: {
                            questionnaire: "phq9" | "gad7";
                            status: "due" | "done";
                            completedAt: string | null;
                        }[];
                        arrivedAt: string | null;
                        onWaitlist: boolean;
                        cancelledAt: string | null;
                        movedFrom: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deletePatientsByPatientIdAppointmentsByAppointmentIdWaitlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        readerIsPatient: boolean;
                        /** @description IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                        displayTimeZone: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                        visitType: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEs: string | null;
                            modality: "in_person" | "video";
                            durationMinutes: number;
                        };
                        provider: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        };
                        location: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            phone: string | null;
                            address: unknown;
                        };
                        /** Format: date-time */
                        cancellableUntil: string;
                        canCancelOnline: boolean;
                        /** Format: date-time */
                        eCheckInOpensAt: string;
                        eCheckInCompletedAt: string | null;
                        intake: {
                            questionnaire: "phq9" | "gad7";
                            status: "due" | "done";
                            completedAt: string | null;
                        }[];
                        arrivedAt: string | null;
                        onWaitlist: boolean;
                        cancelledAt: string | null;
                        movedFrom: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdWaitlistOffers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        offers: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            appointmentId: string;
                            kind: "earlier" | "rebook";
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            providerName: string;
                            locationName: string;
                            timeZone: string;
                            status: "open" | "accepted" | "taken" | "expired" | "declined";
                            /** Format: date-time */
                            expiresAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdWaitlistOffersByOfferIdAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                offerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        patientName: string;
                        readerIsPatient: boolean;
                        /** @description IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit */
                        displayTimeZone: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        status: "booked" | "confirmed" | "checked_in" | "arrived" | "roomed" | "in_visit" | "completed" | "no_show" | "cancelled";
                        visitType: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEs: string | null;
                            modality: "in_person" | "video";
                            durationMinutes: number;
                        };
                        provider: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            specialty: string;
                        };
                        location: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            phone: string | null;
                            address: unknown;
                        };
                        /** Format: date-time */
                        cancellableUntil: string;
                        canCancelOnline: boolean;
                        /** Format: date-time */
                        eCheckInOpensAt: string;
                        eCheckInCompletedAt: string | null;
                        intake: {
                            questionnaire: "phq9" | "gad7";
                            status: "due" | "done";
                            completedAt: string | null;
                        }[];
                        arrivedAt: string | null;
                        onWaitlist: boolean;
                        cancelledAt: string | null;
                        movedFrom: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdWaitlistOffersByOfferIdDecline: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                offerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        appointmentId: string;
                        kind: "earlier" | "rebook";
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        providerName: string;
                        locationName: string;
                        timeZone: string;
                        status: "open" | "accepted" | "taken" | "expired" | "declined";
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAppointmentsConfirm: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "confirmed" | "already_confirmed";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdProxies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        grants: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            proxy: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                                email: string;
                            };
                            relationship: "parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other";
                            scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            effectiveScopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            restricted: boolean;
                            inForce: boolean;
                            /** Format: date-time */
                            startsAt: string;
                            endsAt: string | null;
                            /** @description display name of who granted it */
                            grantedBy: string | null;
                            reason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        pendingInvitations: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            relationship: "parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other";
                            scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            fromClinic?: boolean;
                        }[];
                        canManage: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdProxies: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    proxyEmail: string;
                    relationship: "parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other";
                    scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                    /** Format: date-time */
                    endsAt?: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        proxy: {
                            /** Format: uuid */
                            userId: string;
                            displayName: string;
                            email: string;
                        };
                        relationship: "parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other";
                        scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                        effectiveScopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                        restricted: boolean;
                        inForce: boolean;
                        /** Format: date-time */
                        startsAt: string;
                        endsAt: string | null;
                        /** @description display name of who granted it */
                        grantedBy: string | null;
                        reason: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "invited";
                        invitation: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            relationship: "parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other";
                            scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            fromClinic?: boolean;
                        };
                        replacedEarlier: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deletePatientsByPatientIdProxiesByGrantId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdProxiesInvitations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    relationship: "parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other";
                    scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                    /** Format: date-time */
                    endsAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        relationship: "parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other";
                        scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: date-time */
                        createdAt: string;
                        fromClinic?: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deletePatientsByPatientIdProxiesInvitationsByInvitationId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postInvitationsPreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        inviterFirstName: string;
                        fromClinic: boolean;
                        clinicName: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postInvitationsAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        proxy: {
                            /** Format: uuid */
                            userId: string;
                            displayName: string;
                            email: string;
                        };
                        relationship: "parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other";
                        scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                        effectiveScopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                        restricted: boolean;
                        inForce: boolean;
                        /** Format: date-time */
                        startsAt: string;
                        endsAt: string | null;
                        /** @description display name of who granted it */
                        grantedBy: string | null;
                        reason: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postInvitationsRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    displayName: string;
                    password: string;
                    locale?: "en" | "es";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        grant: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            proxy: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                                email: string;
                            };
                            relationship: "parent" | "guardian" | "spouse" | "child" | "caregiver" | "legal_representative" | "other";
                            scopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            effectiveScopes: ("appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records")[];
                            restricted: boolean;
                            inForce: boolean;
                            /** Format: date-time */
                            startsAt: string;
                            endsAt: string | null;
                            /** @description display name of who granted it */
                            grantedBy: string | null;
                            reason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        csrfToken: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getLocations: {
        parameters: {
            query?: {
                includeInactive?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        locations: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            address: unknown;
                            phone: string | null;
                            timeZone: string;
                            hours: {
                                weekday: number;
                                /** @description HH:MM, 24-hour */
                                open: string;
                                /** @description HH:MM, 24-hour */
                                close: string;
                            }[];
                            active: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postLocations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    address: {
                        line1: string;
                        line2?: string;
                        city: string;
                        /** @description state or province */
                        region: string;
                        postalCode: string;
                        /** @description ISO 3166-1 alpha-2, e.g. US */
                        country: string;
                    };
                    /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                    phone?: string;
                    /** @description IANA time zone, e.g. America/Chicago */
                    timeZone: string;
                    hours: {
                        weekday: number;
                        /** @description HH:MM, 24-hour */
                        open: string;
                        /** @description HH:MM, 24-hour */
                        close: string;
                    }[];
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        address: unknown;
                        phone: string | null;
                        timeZone: string;
                        hours: {
                            weekday: number;
                            /** @description HH:MM, 24-hour */
                            open: string;
                            /** @description HH:MM, 24-hour */
                            close: string;
                        }[];
                        active: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProviders: {
        parameters: {
            query?: {
                /** @description snake_case specialty, e.g. family_medicine, cardiology */
                specialty?: string;
                locationId?: string;
                includeInactive?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        providers: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            specialty: string;
                            acceptingNewPatients: boolean;
                            active: boolean;
                            locationIds: string[];
                            userId: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postProviders: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    /** @description snake_case specialty, e.g. family_medicine, cardiology */
                    specialty: string;
                    locationIds: string[];
                    acceptingNewPatients?: boolean;
                    userId?: string | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        displayName: string;
                        specialty: string;
                        acceptingNewPatients: boolean;
                        active: boolean;
                        locationIds: string[];
                        userId: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPharmacies: {
        parameters: {
            query?: {
                includeInactive?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pharmacies: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            address: unknown;
                            phone: string | null;
                            fax: string | null;
                            ncpdpId: string | null;
                            active: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPharmacies: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    address: {
                        line1: string;
                        line2?: string;
                        city: string;
                        /** @description state or province */
                        region: string;
                        postalCode: string;
                        /** @description ISO 3166-1 alpha-2, e.g. US */
                        country: string;
                    };
                    /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                    phone?: string;
                    /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                    fax?: string;
                    /** @description 7-digit NCPDP provider id */
                    ncpdpId?: string;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        address: unknown;
                        phone: string | null;
                        fax: string | null;
                        ncpdpId: string | null;
                        active: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchLocationsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    address?: {
                        line1: string;
                        line2?: string;
                        city: string;
                        /** @description state or province */
                        region: string;
                        postalCode: string;
                        /** @description ISO 3166-1 alpha-2, e.g. US */
                        country: string;
                    };
                    /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                    phone?: string;
                    /** @description IANA time zone, e.g. America/Chicago */
                    timeZone?: string;
                    hours?: {
                        weekday: number;
                        /** @description HH:MM, 24-hour */
                        open: string;
                        /** @description HH:MM, 24-hour */
                        close: string;
                    }[];
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        address: unknown;
                        phone: string | null;
                        timeZone: string;
                        hours: {
                            weekday: number;
                            /** @description HH:MM, 24-hour */
                            open: string;
                            /** @description HH:MM, 24-hour */
                            close: string;
                        }[];
                        active: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchProvidersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    /** @description snake_case specialty, e.g. family_medicine, cardiology */
                    specialty?: string;
                    locationIds?: string[];
                    acceptingNewPatients?: boolean;
                    userId?: string | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        displayName: string;
                        specialty: string;
                        acceptingNewPatients: boolean;
                        active: boolean;
                        locationIds: string[];
                        userId: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchPharmaciesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    address?: {
                        line1: string;
                        line2?: string;
                        city: string;
                        /** @description state or province */
                        region: string;
                        postalCode: string;
                        /** @description ISO 3166-1 alpha-2, e.g. US */
                        country: string;
                    };
                    /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                    phone?: string;
                    /** @description digits with optional spaces, dashes, dots, parentheses and a leading + */
                    fax?: string;
                    /** @description 7-digit NCPDP provider id */
                    ncpdpId?: string;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        address: unknown;
                        phone: string | null;
                        fax: string | null;
                        ncpdpId: string | null;
                        active: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAdminStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                            roles: ("front_desk" | "nurse" | "physician" | "admin")[];
                            status: "active" | "disabled" | "invited";
                            mfaEnabled: boolean;
                            lastLoginAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            locationIds: string[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAdminStaff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    displayName: string;
                    roles: ("front_desk" | "nurse" | "physician" | "admin")[];
                    locale?: "en" | "es";
                    locationIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        displayName: string;
                        roles: ("front_desk" | "nurse" | "physician" | "admin")[];
                        status: "active" | "disabled" | "invited";
                        mfaEnabled: boolean;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        locationIds: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchAdminStaffById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles?: ("front_desk" | "nurse" | "physician" | "admin")[];
                    status?: "active" | "disabled";
                    displayName?: string;
                    locationIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        displayName: string;
                        roles: ("front_desk" | "nurse" | "physician" | "admin")[];
                        status: "active" | "disabled" | "invited";
                        mfaEnabled: boolean;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        locationIds: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postStaffInvitationsAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkQueueCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queues: {
                            /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                            queue: "refills" | "messages" | "referrals" | "health_updates";
                            open: number;
                            overdue: number;
                            mine: number;
                            unassigned: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postWorkQueueItemsByIdClaim: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                        queue: "refills" | "messages" | "referrals" | "health_updates";
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        subject: {
                            type: string;
                            /** Format: uuid */
                            id: string;
                        };
                        status: "open" | "claimed" | "done" | "cancelled";
                        assignee: {
                            /** Format: uuid */
                            userId: string;
                            displayName: string;
                        } | null;
                        /** Format: date-time */
                        dueAt: string;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        completedAt: string | null;
                        abilities: {
                            canClaim: boolean;
                            canRelease: boolean;
                            canAssign: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postWorkQueueItemsByIdRelease: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                        queue: "refills" | "messages" | "referrals" | "health_updates";
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        subject: {
                            type: string;
                            /** Format: uuid */
                            id: string;
                        };
                        status: "open" | "claimed" | "done" | "cancelled";
                        assignee: {
                            /** Format: uuid */
                            userId: string;
                            displayName: string;
                        } | null;
                        /** Format: date-time */
                        dueAt: string;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        completedAt: string | null;
                        abilities: {
                            canClaim: boolean;
                            canRelease: boolean;
                            canAssign: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkQueueItemsByIdAssignees: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            /** Format: uuid */
                            id: string;
                            /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                            queue: "refills" | "messages" | "referrals" | "health_updates";
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            subject: {
                                type: string;
                                /** Format: uuid */
                                id: string;
                            };
                            status: "open" | "claimed" | "done" | "cancelled";
                            assignee: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            } | null;
                            /** Format: date-time */
                            dueAt: string;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                            abilities: {
                                canClaim: boolean;
                                canRelease: boolean;
                                canAssign: boolean;
                            };
                        };
                        assignees: {
                            /** Format: uuid */
                            userId: string;
                            displayName: string;
                            roles: ("front_desk" | "nurse" | "physician" | "admin")[];
                            current: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postWorkQueueItemsByIdAssign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    userId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                        queue: "refills" | "messages" | "referrals" | "health_updates";
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        subject: {
                            type: string;
                            /** Format: uuid */
                            id: string;
                        };
                        status: "open" | "claimed" | "done" | "cancelled";
                        assignee: {
                            /** Format: uuid */
                            userId: string;
                            displayName: string;
                        } | null;
                        /** Format: date-time */
                        dueAt: string;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        completedAt: string | null;
                        abilities: {
                            canClaim: boolean;
                            canRelease: boolean;
                            canAssign: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdLabResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        results: {
                            /** Format: uuid */
                            id: string;
                            labCode: string;
                            labName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            resultedOn: string;
                            value: string | null;
                            recordedBy: string | null;
                            /** Format: date-time */
                            recordedAt: string;
                        }[];
                        tests: {
                            labCode: string;
                            labName: string;
                            maxAgeDays: number;
                        }[];
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        today: string;
                        abilities: {
                            canRecord: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdLabResults: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    labCode: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    resultedOn: string;
                    value?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        labCode: string;
                        labName: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        resultedOn: string;
                        value: string | null;
                        recordedBy: string | null;
                        /** Format: date-time */
                        recordedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdMedications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        medications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            name: string;
                            rxnormCode: string | null;
                            purpose: string | null;
                            dose: string;
                            directions: string;
                            quantity: number;
                            daysSupply: number;
                            refillsRemaining: number;
                            lastFilledOn: string | null;
                            prescriber: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            } | null;
                            /** @description DEA controlled-substance schedule; none for ordinary medicines */
                            controlledSchedule: "none" | "II" | "III" | "IV" | "V";
                            status: "active" | "stopped";
                            protocolClass: {
                                code: string;
                                label: string;
                            } | null;
                            confidential: boolean;
                            stoppedOn: string | null;
                            stopReason: string | null;
                            pendingRefillRequestId: string | null;
                            refillPossibleFrom: string | null;
                            history: {
                                /** Format: date-time */
                                at: string;
                                /** @description prescribed: added to the list; changed: fields edited (see changes); stopped; refill_sent: a refill from remaining refills went to the pharmacy; renewed: a new prescription (quantity, refills) was approved; refill_denied */
                                event: "prescribed" | "changed" | "stopped" | "refill_sent" | "renewed" | "refill_denied";
                                by: string | null;
                                changes: {
                                    field: string;
                                    from: string;
                                    to: string;
                                }[];
                                reason: string | null;
                            }[];
                            abilities: {
                                canRequestRefill: boolean;
                                canEdit: boolean;
                            };
                        }[];
                        preferredPharmacy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        abilities: {
                            canRequestRefills: boolean;
                            canAddMedication: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdMedications: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    rxnormCode?: string | null;
                    purpose?: string | null;
                    dose: string;
                    directions: string;
                    quantity: number;
                    daysSupply: number;
                    refillsRemaining: number;
                    lastFilledOn?: string | null;
                    /** Format: uuid */
                    prescriberId: string;
                    /** @description DEA controlled-substance schedule; none for ordinary medicines */
                    controlledSchedule: "none" | "II" | "III" | "IV" | "V";
                    protocolClass?: string | null;
                    confidential?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        name: string;
                        rxnormCode: string | null;
                        purpose: string | null;
                        dose: string;
                        directions: string;
                        quantity: number;
                        daysSupply: number;
                        refillsRemaining: number;
                        lastFilledOn: string | null;
                        prescriber: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        /** @description DEA controlled-substance schedule; none for ordinary medicines */
                        controlledSchedule: "none" | "II" | "III" | "IV" | "V";
                        status: "active" | "stopped";
                        protocolClass: {
                            code: string;
                            label: string;
                        } | null;
                        confidential: boolean;
                        stoppedOn: string | null;
                        stopReason: string | null;
                        pendingRefillRequestId: string | null;
                        refillPossibleFrom: string | null;
                        history: {
                            /** Format: date-time */
                            at: string;
                            /** @description prescribed: added to the list; changed: fields edited (see changes); stopped; refill_sent: a refill from remaining refills went to the pharmacy; renewed: a new prescription (quantity, refills) was approved; refill_denied */
                            event: "prescribed" | "changed" | "stopped" | "refill_sent" | "renewed" | "refill_denied";
                            by: string | null;
                            changes: {
                                field: string;
                                from: string;
                                to: string;
                            }[];
                            reason: string | null;
                        }[];
                        abilities: {
                            canRequestRefill: boolean;
                            canEdit: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdMedicationsByMedicationId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                medicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        name: string;
                        rxnormCode: string | null;
                        purpose: string | null;
                        dose: string;
                        directions: string;
                        quantity: number;
                        daysSupply: number;
                        refillsRemaining: number;
                        lastFilledOn: string | null;
                        prescriber: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        /** @description DEA controlled-substance schedule; none for ordinary medicines */
                        controlledSchedule: "none" | "II" | "III" | "IV" | "V";
                        status: "active" | "stopped";
                        protocolClass: {
                            code: string;
                            label: string;
                        } | null;
                        confidential: boolean;
                        stoppedOn: string | null;
                        stopReason: string | null;
                        pendingRefillRequestId: string | null;
                        refillPossibleFrom: string | null;
                        history: {
                            /** Format: date-time */
                            at: string;
                            /** @description prescribed: added to the list; changed: fields edited (see changes); stopped; refill_sent: a refill from remaining refills went to the pharmacy; renewed: a new prescription (quantity, refills) was approved; refill_denied */
                            event: "prescribed" | "changed" | "stopped" | "refill_sent" | "renewed" | "refill_denied";
                            by: string | null;
                            changes: {
                                field: string;
                                from: string;
                                to: string;
                            }[];
                            reason: string | null;
                        }[];
                        abilities: {
                            canRequestRefill: boolean;
                            canEdit: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchPatientsByPatientIdMedicationsByMedicationId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                medicationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    rxnormCode?: string | null;
                    purpose?: string | null;
                    dose?: string;
                    directions?: string;
                    quantity?: number;
                    daysSupply?: number;
                    refillsRemaining?: number;
                    lastFilledOn?: string | null;
                    /** Format: uuid */
                    prescriberId?: string;
                    /** @description DEA controlled-substance schedule; none for ordinary medicines */
                    controlledSchedule?: "none" | "II" | "III" | "IV" | "V";
                    protocolClass?: string | null;
                    confidential?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        name: string;
                        rxnormCode: string | null;
                        purpose: string | null;
                        dose: string;
                        directions: string;
                        quantity: number;
                        daysSupply: number;
                        refillsRemaining: number;
                        lastFilledOn: string | null;
                        prescriber: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        /** @description DEA controlled-substance schedule; none for ordinary medicines */
                        controlledSchedule: "none" | "II" | "III" | "IV" | "V";
                        status: "active" | "stopped";
                        protocolClass: {
                            code: string;
                            label: string;
                        } | null;
                        confidential: boolean;
                        stoppedOn: string | null;
                        stopReason: string | null;
                        pendingRefillRequestId: string | null;
                        refillPossibleFrom: string | null;
                        history: {
                            /** Format: date-time */
                            at: string;
                            /** @description prescribed: added to the list; changed: fields edited (see changes); stopped; refill_sent: a refill from remaining refills went to the pharmacy; renewed: a new prescription (quantity, refills) was approved; refill_denied */
                            event: "prescribed" | "changed" | "stopped" | "refill_sent" | "renewed" | "refill_denied";
                            by: string | null;
                            changes: {
                                field: string;
                                from: string;
                                to: string;
                            }[];
                            reason: string | null;
                        }[];
                        abilities: {
                            canRequestRefill: boolean;
                            canEdit: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdMedicationsByMedicationIdStop: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                medicationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        name: string;
                        rxnormCode: string | null;
                        purpose: string | null;
                        dose: string;
                        directions: string;
                        quantity: number;
                        daysSupply: number;
                        refillsRemaining: number;
                        lastFilledOn: string | null;
                        prescriber: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        /** @description DEA controlled-substance schedule; none for ordinary medicines */
                        controlledSchedule: "none" | "II" | "III" | "IV" | "V";
                        status: "active" | "stopped";
                        protocolClass: {
                            code: string;
                            label: string;
                        } | null;
                        confidential: boolean;
                        stoppedOn: string | null;
                        stopReason: string | null;
                        pendingRefillRequestId: string | null;
                        refillPossibleFrom: string | null;
                        history: {
                            /** Format: date-time */
                            at: string;
                            /** @description prescribed: added to the list; changed: fields edited (see changes); stopped; refill_sent: a refill from remaining refills went to the pharmacy; renewed: a new prescription (quantity, refills) was approved; refill_denied */
                            event: "prescribed" | "changed" | "stopped" | "refill_sent" | "renewed" | "refill_denied";
                            by: string | null;
                            changes: {
                                field: string;
                                from: string;
                                to: string;
                            }[];
                            reason: string | null;
                        }[];
                        abilities: {
                            canRequestRefill: boolean;
                            canEdit: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdRefillRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        requests: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            /** Format: date-time */
                            createdAt: string;
                            pharmacy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            requestedBy: {
                                displayName: string;
                                isProxy: boolean;
                            };
                            status: "open" | "closed";
                            items: {
                                /** Format: uuid */
                                id: string;
                                medication: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                status: "queued" | "approved" | "denied";
                                decision: {
                                    outcome: "approved" | "queued";
                                    /** @description refill_from_remaining: refills left and not early → approved; renewal_under_protocol: no refills left, every protocol condition met → approved; controlled_substance: schedule II–V → queued; too_early: less than the protocol's fraction of days' supply has passed → queued; renewal_needs_prescriber: no refills left and a protocol condition unmet → queued */
                                    rule: "refill_from_remaining" | "renewal_under_protocol" | "controlled_substance" | "too_early" | "renewal_needs_prescriber";
                                    protocolVersion: number;
                                    possibleFrom: string | null;
                                    reasons: {
                                        code: "controlled_substance" | "too_early" | "no_protocol_class" | "class_not_covered" | "no_recent_visit" | "lab_missing" | "lab_too_old" | "no_prescriber";
                                        detail: string;
                                    }[];
                                };
                                review: {
                                    by: string;
                                    /** Format: date-time */
                                    at: string;
                                    quantity: number | null;
                                    refills: number | null;
                                    denialReason: string | null;
                                } | null;
                                delivery: {
                                    /** @description pending: waiting to be sent (or retrying); sent: the pharmacy has it; failed: gave up after retries */
                                    status: "pending" | "sent" | "failed";
                                    sentAt: string | null;
                                    attempts: number;
                                } | null;
                                timeline: {
                                    /** Format: date-time */
                                    at: string;
                                    event: "requested" | "approved" | "queued" | "denied" | "sent_to_pharmacy" | "delivery_failed";
                                    automatic: boolean;
                                }[];
                            }[];
                        }[];
                        abilities: {
                            canRequestRefills: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdRefillRequests: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    medicationIds: string[];
                    /** Format: uuid */
                    pharmacyId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        /** Format: date-time */
                        createdAt: string;
                        pharmacy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        requestedBy: {
                            displayName: string;
                            isProxy: boolean;
                        };
                        status: "open" | "closed";
                        items: {
                            /** Format: uuid */
                            id: string;
                            medication: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            status: "queued" | "approved" | "denied";
                            decision: {
                                outcome: "approved" | "queued";
                                /** @description refill_from_remaining: refills left and not early → approved; renewal_under_protocol: no refills left, every protocol condition met → approved; controlled_substance: schedule II–V → queued; too_early: less than the protocol's fraction of days' supply has passed → queued; renewal_needs_prescriber: no refills left and a protocol condition unmet → queued */
                                rule: "refill_from_remaining" | "renewal_under_protocol" | "controlled_substance" | "too_early" | "renewal_needs_prescriber";
                                protocolVersion: number;
                                possibleFrom: string | null;
                                reasons: {
                                    code: "controlled_substance" | "too_early" | "no_protocol_class" | "class_not_covered" | "no_recent_visit" | "lab_missing" | "lab_too_old" | "no_prescriber";
                                    detail: string;
                                }[];
                            };
                            review: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                quantity: number | null;
                                refills: number | null;
                                denialReason: string | null;
                            } | null;
                            delivery: {
                                /** @description pending: waiting to be sent (or retrying); sent: the pharmacy has it; failed: gave up after retries */
                                status: "pending" | "sent" | "failed";
                                sentAt: string | null;
                                attempts: number;
                            } | null;
                            timeline: {
                                /** Format: date-time */
                                at: string;
                                event: "requested" | "approved" | "queued" | "denied" | "sent_to_pharmacy" | "delivery_failed";
                                automatic: boolean;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdRefillRequestsByRequestId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        patientId: string;
                        /** Format: date-time */
                        createdAt: string;
                        pharmacy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        requestedBy: {
                            displayName: string;
                            isProxy: boolean;
                        };
                        status: "open" | "closed";
                        items: {
                            /** Format: uuid */
                            id: string;
                            medication: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            status: "queued" | "approved" | "denied";
                            decision: {
                                outcome: "approved" | "queued";
                                /** @description refill_from_remaining: refills left and not early → approved; renewal_under_protocol: no refills left, every protocol condition met → approved; controlled_substance: schedule II–V → queued; too_early: less than the protocol's fraction of days' supply has passed → queued; renewal_needs_prescriber: no refills left and a protocol condition unmet → queued */
                                rule: "refill_from_remaining" | "renewal_under_protocol" | "controlled_substance" | "too_early" | "renewal_needs_prescriber";
                                protocolVersion: number;
                                possibleFrom: string | null;
                                reasons: {
                                    code: "controlled_substance" | "too_early" | "no_protocol_class" | "class_not_covered" | "no_recent_visit" | "lab_missing" | "lab_too_old" | "no_prescriber";
                                    detail: string;
                                }[];
                            };
                            review: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                quantity: number | null;
                                refills: number | null;
                                denialReason: string | null;
                            } | null;
                            delivery: {
                                /** @description pending: waiting to be sent (or retrying); sent: the pharmacy has it; failed: gave up after retries */
                                status: "pending" | "sent" | "failed";
                                sentAt: string | null;
                                attempts: number;
                            } | null;
                            timeline: {
                                /** Format: date-time */
                                at: string;
                                event: "requested" | "approved" | "queued" | "denied" | "sent_to_pharmacy" | "delivery_failed";
                                automatic: boolean;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRefillQueue: {
        parameters: {
            query?: {
                prescriberId?: string;
                status?: "queued" | "approved" | "denied";
                minAgeHours?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            requestId: string;
                            /** Format: date-time */
                            requestedAt: string;
                            ageHours: number;
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth: string;
                            };
                            pharmacy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            medication: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                patientId: string;
                                name: string;
                                rxnormCode: string | null;
                                purpose: string | null;
                                dose: string;
                                directions: string;
                                quantity: number;
                                daysSupply: number;
                                refillsRemaining: number;
                                lastFilledOn: string | null;
                                prescriber: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                } | null;
                                /** @description DEA controlled-substance schedule; none for ordinary medicines */
                                controlledSchedule: "none" | "II" | "III" | "IV" | "V";
                                status: "active" | "stopped";
                                protocolClass: {
                                    code: string;
                                    label: string;
                                } | null;
                                confidential: boolean;
                                stoppedOn: string | null;
                                stopReason: string | null;
                                pendingRefillRequestId: string | null;
                                refillPossibleFrom: string | null;
                                history: {
                                    /** Format: date-time */
                                    at: string;
                                    /** @description prescribed: added to the list; changed: fields edited (see changes); stopped; refill_sent: a refill from remaining refills went to the pharmacy; renewed: a new prescription (quantity, refills) was approved; refill_denied */
                                    event: "prescribed" | "changed" | "stopped" | "refill_sent" | "renewed" | "refill_denied";
                                    by: string | null;
                                    changes: {
                                        field: string;
                                        from: string;
                                        to: string;
                                    }[];
                                    reason: string | null;
                                }[];
                                abilities: {
                                    canRequestRefill: boolean;
                                    canEdit: boolean;
                                };
                            };
                            status: "queued" | "approved" | "denied";
                            decision: {
                                outcome: "approved" | "queued";
                                /** @description refill_from_remaining: refills left and not early → approved; renewal_under_protocol: no refills left, every protocol condition met → approved; controlled_substance: schedule II–V → queued; too_early: less than the protocol's fraction of days' supply has passed → queued; renewal_needs_prescriber: no refills left and a protocol condition unmet → queued */
                                rule: "refill_from_remaining" | "renewal_under_protocol" | "controlled_substance" | "too_early" | "renewal_needs_prescriber";
                                protocolVersion: number;
                                possibleFrom: string | null;
                                reasons: {
                                    code: "controlled_substance" | "too_early" | "no_protocol_class" | "class_not_covered" | "no_recent_visit" | "lab_missing" | "lab_too_old" | "no_prescriber";
                                    detail: string;
                                }[];
                            };
                            review: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                quantity: number | null;
                                refills: number | null;
                                denialReason: string | null;
                            } | null;
                            delivery: {
                                /** @description pending: waiting to be sent (or retrying); sent: the pharmacy has it; failed: gave up after retries */
                                status: "pending" | "sent" | "failed";
                                sentAt: string | null;
                                attempts: number;
                            } | null;
                            suggested: {
                                quantity: number;
                                refills: number;
                            };
                            workItem: {
                                /** Format: uuid */
                                id: string;
                                /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                                queue: "refills" | "messages" | "referrals" | "health_updates";
                                patient: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                };
                                subject: {
                                    type: string;
                                    /** Format: uuid */
                                    id: string;
                                };
                                status: "open" | "claimed" | "done" | "cancelled";
                                assignee: {
                                    /** Format: uuid */
                                    userId: string;
                                    displayName: string;
                                } | null;
                                /** Format: date-time */
                                dueAt: string;
                                overdue: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                completedAt: string | null;
                                abilities: {
                                    canClaim: boolean;
                                    canRelease: boolean;
                                    canAssign: boolean;
                                };
                            } | null;
                            labs: {
                                labCode: string;
                                labName: string;
                                maxAgeDays: number;
                                latestOn: string | null;
                                ageDays: number | null;
                                recentEnough: boolean;
                            }[];
                            abilities: {
                                canApprove: boolean;
                                canDeny: boolean;
                                canBulkApprove: boolean;
                            };
                        }[];
                        prescribers: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postRefillQueueByItemIdApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity: number;
                    refills: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        requestId: string;
                        /** Format: date-time */
                        requestedAt: string;
                        ageHours: number;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                        };
                        pharmacy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        medication: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            name: string;
                            rxnormCode: string | null;
                            purpose: string | null;
                            dose: string;
                            directions: string;
                            quantity: number;
                            daysSupply: number;
                            refillsRemaining: number;
                            lastFilledOn: string | null;
                            prescriber: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            } | null;
                            /** @description DEA controlled-substance schedule; none for ordinary medicines */
                            controlledSchedule: "none" | "II" | "III" | "IV" | "V";
                            status: "active" | "stopped";
                            protocolClass: {
                                code: string;
                                label: string;
                            } | null;
                            confidential: boolean;
                            stoppedOn: string | null;
                            stopReason: string | null;
                            pendingRefillRequestId: string | null;
                            refillPossibleFrom: string | null;
                            history: {
                                /** Format: date-time */
                                at: string;
                                /** @description prescribed: added to the list; changed: fields edited (see changes); stopped; refill_sent: a refill from remaining refills went to the pharmacy; renewed: a new prescription (quantity, refills) was approved; refill_denied */
                                event: "prescribed" | "changed" | "stopped" | "refill_sent" | "renewed" | "refill_denied";
                                by: string | null;
                                changes: {
                                    field: string;
                                    from: string;
                                    to: string;
                                }[];
                                reason: string | null;
                            }[];
                            abilities: {
                                canRequestRefill: boolean;
                                canEdit: boolean;
                            };
                        };
                        status: "queued" | "approved" | "denied";
                        decision: {
                            outcome: "approved" | "queued";
                            /** @description refill_from_remaining: refills left and not early → approved; renewal_under_protocol: no refills left, every protocol condition met → approved; controlled_substance: schedule II–V → queued; too_early: less than the protocol's fraction of days' supply has passed → queued; renewal_needs_prescriber: no refills left and a protocol condition unmet → queued */
                            rule: "refill_from_remaining" | "renewal_under_protocol" | "controlled_substance" | "too_early" | "renewal_needs_prescriber";
                            protocolVersion: number;
                            possibleFrom: string | null;
                            reasons: {
                                code: "controlled_substance" | "too_early" | "no_protocol_class" | "class_not_covered" | "no_recent_visit" | "lab_missing" | "lab_too_old" | "no_prescriber";
                                detail: string;
                            }[];
                        };
                        review: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                            quantity: number | null;
                            refills: number | null;
                            denialReason: string | null;
                        } | null;
                        delivery: {
                            /** @description pending: waiting to be sent (or retrying); sent: the pharmacy has it; failed: gave up after retries */
                            status: "pending" | "sent" | "failed";
                            sentAt: string | null;
                            attempts: number;
                        } | null;
                        suggested: {
                            quantity: number;
                            refills: number;
                        };
                        workItem: {
                            /** Format: uuid */
                            id: string;
                            /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                            queue: "refills" | "messages" | "referrals" | "health_updates";
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            subject: {
                                type: string;
                                /** Format: uuid */
                                id: string;
                            };
                            status: "open" | "claimed" | "done" | "cancelled";
                            assignee: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            } | null;
                            /** Format: date-time */
                            dueAt: string;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                            abilities: {
                                canClaim: boolean;
                                canRelease: boolean;
                                canAssign: boolean;
                            };
                        } | null;
                        labs: {
                            labCode: string;
                            labName: string;
                            maxAgeDays: number;
                            latestOn: string | null;
                            ageDays: number | null;
                            recentEnough: boolean;
                        }[];
                        abilities: {
                            canApprove: boolean;
                            canDeny: boolean;
                            canBulkApprove: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postRefillQueueByItemIdDeny: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        requestId: string;
                        /** Format: date-time */
                        requestedAt: string;
                        ageHours: number;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                        };
                        pharmacy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        medication: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            name: string;
                            rxnormCode: string | null;
                            purpose: string | null;
                            dose: string;
                            directions: string;
                            quantity: number;
                            daysSupply: number;
                            refillsRemaining: number;
                            lastFilledOn: string | null;
                            prescriber: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            } | null;
                            /** @description DEA controlled-substance schedule; none for ordinary medicines */
                            controlledSchedule: "none" | "II" | "III" | "IV" | "V";
                            status: "active" | "stopped";
                            protocolClass: {
                                code: string;
                                label: string;
                            } | null;
                            confidential: boolean;
                            stoppedOn: string | null;
                            stopReason: string | null;
                            pendingRefillRequestId: string | null;
                            refillPossibleFrom: string | null;
                            history: {
                                /** Format: date-time */
                                at: string;
                                /** @description prescribed: added to the list; changed: fields edited (see changes); stopped; refill_sent: a refill from remaining refills went to the pharmacy; renewed: a new prescription (quantity, refills) was approved; refill_denied */
                                event: "prescribed" | "changed" | "stopped" | "refill_sent" | "renewed" | "refill_denied";
                                by: string | null;
                                changes: {
                                    field: string;
                                    from: string;
                                    to: string;
                                }[];
                                reason: string | null;
                            }[];
                            abilities: {
                                canRequestRefill: boolean;
                                canEdit: boolean;
                            };
                        };
                        status: "queued" | "approved" | "denied";
                        decision: {
                            outcome: "approved" | "queued";
                            /** @description refill_from_remaining: refills left and not early → approved; renewal_under_protocol: no refills left, every protocol condition met → approved; controlled_substance: schedule II–V → queued; too_early: less than the protocol's fraction of days' supply has passed → queued; renewal_needs_prescriber: no refills left and a protocol condition unmet → queued */
                            rule: "refill_from_remaining" | "renewal_under_protocol" | "controlled_substance" | "too_early" | "renewal_needs_prescriber";
                            protocolVersion: number;
                            possibleFrom: string | null;
                            reasons: {
                                code: "controlled_substance" | "too_early" | "no_protocol_class" | "class_not_covered" | "no_recent_visit" | "lab_missing" | "lab_too_old" | "no_prescriber";
                                detail: string;
                            }[];
                        };
                        review: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                            quantity: number | null;
                            refills: number | null;
                            denialReason: string | null;
                        } | null;
                        delivery: {
                            /** @description pending: waiting to be sent (or retrying); sent: the pharmacy has it; failed: gave up after retries */
                            status: "pending" | "sent" | "failed";
                            sentAt: string | null;
                            attempts: number;
                        } | null;
                        suggested: {
                            quantity: number;
                            refills: number;
                        };
                        workItem: {
                            /** Format: uuid */
                            id: string;
                            /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                            queue: "refills" | "messages" | "referrals" | "health_updates";
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            subject: {
                                type: string;
                                /** Format: uuid */
                                id: string;
                            };
                            status: "open" | "claimed" | "done" | "cancelled";
                            assignee: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            } | null;
                            /** Format: date-time */
                            dueAt: string;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                            abilities: {
                                canClaim: boolean;
                                canRelease: boolean;
                                canAssign: boolean;
                            };
                        } | null;
                        labs: {
                            labCode: string;
                            labName: string;
                            maxAgeDays: number;
                            latestOn: string | null;
                            ageDays: number | null;
                            recentEnough: boolean;
                        }[];
                        abilities: {
                            canApprove: boolean;
                            canDeny: boolean;
                            canBulkApprove: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postRefillQueueBulkApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    itemIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approved: string[];
                        skipped: {
                            /** Format: uuid */
                            id: string;
                            reason: "not_found" | "not_bulk_approvable";
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRefillProtocol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        current: {
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            classes: {
                                code: string;
                                label: string;
                            }[];
                            visitWindowDays: number;
                            labRequirements: {
                                classCode: string;
                                labCode: string;
                                labName: string;
                                maxAgeDays: number;
                            }[];
                            earlyRefillFraction: number;
                        };
                        versions: {
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                        }[];
                        abilities: {
                            canEdit: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putRefillProtocol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    classes: {
                        code: string;
                        label: string;
                    }[];
                    visitWindowDays: number;
                    labRequirements: {
                        classCode: string;
                        labCode: string;
                        labName: string;
                        maxAgeDays: number;
                    }[];
                    earlyRefillFraction: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        classes: {
                            code: string;
                            label: string;
                        }[];
                        visitWindowDays: number;
                        labRequirements: {
                            classCode: string;
                            labCode: string;
                            labName: string;
                            maxAgeDays: number;
                        }[];
                        earlyRefillFraction: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRefillProtocolVersionsByVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        classes: {
                            code: string;
                            label: string;
                        }[];
                        visitWindowDays: number;
                        labRequirements: {
                            classCode: string;
                            labCode: string;
                            labName: string;
                            maxAgeDays: number;
                        }[];
                        earlyRefillFraction: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdMessagesTopics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        topics: {
                            /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                            topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                            pool: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                readersDescription: string;
                                responseTargetBusinessHours: number;
                            };
                            physician: {
                                displayName: string;
                            } | null;
                            /** Format: date-time */
                            expectAnswerBy: string;
                            coverage: {
                                reason: "outside_office_hours" | "out_of_office";
                                physicianBackAt: string | null;
                            } | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdMessagesRouting: {
        parameters: {
            query: {
                /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                        topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                        pool: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            responseTargetBusinessHours: number;
                        };
                        physician: {
                            displayName: string;
                        } | null;
                        /** Format: date-time */
                        expectAnswerBy: string;
                        coverage: {
                            reason: "outside_office_hours" | "out_of_office";
                            physicianBackAt: string | null;
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdMessagesThreads: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        threads: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                            topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                            subject: string;
                            status: "waiting" | "answered" | "closed";
                            pool: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                readersDescription?: string;
                            };
                            unreadCount: number;
                            /** Format: date-time */
                            lastMessageAt: string;
                            preview: string;
                            dueAt: string | null;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        totalUnread: number;
                        abilities: {
                            canStartThread: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdMessagesThreads: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                    topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                    subject: string;
                    /** @description plain text (shown as text, never as HTML), 1–5000 characters */
                    body: string;
                    attachmentIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                        topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                        subject: string;
                        status: "waiting" | "answered" | "closed";
                        pool: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            responseTargetBusinessHours: number;
                        };
                        dueAt: string | null;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        closedAt: string | null;
                        messages: {
                            /** Format: uuid */
                            id: string;
                            kind: "message" | "auto_reply" | "internal_note";
                            author: {
                                /** @description system: the automatic reply about office hours */
                                kind: "patient" | "proxy" | "staff" | "system";
                                userId: string | null;
                                displayName: string;
                                role: string | null;
                                isMe: boolean;
                            };
                            body: string;
                            autoReply: {
                                reason: "outside_office_hours" | "out_of_office";
                                physicianName: string;
                                /** Format: date-time */
                                expectAnswerBy: string;
                                poolName: string;
                            } | null;
                            attachments: {
                                /** Format: uuid */
                                id: string;
                                contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                                sizeBytes: number;
                                fileName: string;
                                downloadPath: string;
                            }[];
                            /** Format: date-time */
                            sentAt: string;
                            readByOtherSide: boolean;
                            readByMe: boolean;
                        }[];
                        abilities: {
                            canReply: boolean;
                            canAttach: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdMessagesThreadsByThreadId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                threadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                        topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                        subject: string;
                        status: "waiting" | "answered" | "closed";
                        pool: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            responseTargetBusinessHours: number;
                        };
                        dueAt: string | null;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        closedAt: string | null;
                        messages: {
                            /** Format: uuid */
                            id: string;
                            kind: "message" | "auto_reply" | "internal_note";
                            author: {
                                /** @description system: the automatic reply about office hours */
                                kind: "patient" | "proxy" | "staff" | "system";
                                userId: string | null;
                                displayName: string;
                                role: string | null;
                                isMe: boolean;
                            };
                            body: string;
                            autoReply: {
                                reason: "outside_office_hours" | "out_of_office";
                                physicianName: string;
                                /** Format: date-time */
                                expectAnswerBy: string;
                                poolName: string;
                            } | null;
                            attachments: {
                                /** Format: uuid */
                                id: string;
                                contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                                sizeBytes: number;
                                fileName: string;
                                downloadPath: string;
                            }[];
                            /** Format: date-time */
                            sentAt: string;
                            readByOtherSide: boolean;
                            readByMe: boolean;
                        }[];
                        abilities: {
                            canReply: boolean;
                            canAttach: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdMessagesThreadsByThreadIdMessages: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                threadId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description plain text (shown as text, never as HTML), 1–5000 characters */
                    body: string;
                    attachmentIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                        topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                        subject: string;
                        status: "waiting" | "answered" | "closed";
                        pool: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            responseTargetBusinessHours: number;
                        };
                        dueAt: string | null;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        closedAt: string | null;
                        messages: {
                            /** Format: uuid */
                            id: string;
                            kind: "message" | "auto_reply" | "internal_note";
                            author: {
                                /** @description system: the automatic reply about office hours */
                                kind: "patient" | "proxy" | "staff" | "system";
                                userId: string | null;
                                displayName: string;
                                role: string | null;
                                isMe: boolean;
                            };
                            body: string;
                            autoReply: {
                                reason: "outside_office_hours" | "out_of_office";
                                physicianName: string;
                                /** Format: date-time */
                                expectAnswerBy: string;
                                poolName: string;
                            } | null;
                            attachments: {
                                /** Format: uuid */
                                id: string;
                                contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                                sizeBytes: number;
                                fileName: string;
                                downloadPath: string;
                            }[];
                            /** Format: date-time */
                            sentAt: string;
                            readByOtherSide: boolean;
                            readByMe: boolean;
                        }[];
                        abilities: {
                            canReply: boolean;
                            canAttach: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdMessagesThreadsByThreadIdAttachmentsByAttachmentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                threadId: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success (the body is not described) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdMessagesAttachments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                        sizeBytes: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMessagesThreadsByIdAttachments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                        sizeBytes: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMessagesInbox: {
        parameters: {
            query?: {
                /** @description pool: the threads of one pool (poolId) or of every pool the caller belongs to; mine: waiting threads claimed by or assigned to the caller */
                view?: "pool" | "mine";
                poolId?: string;
                status?: "active" | "waiting" | "answered" | "closed" | "all";
                patientId?: string;
                q?: string;
                limit?: number;
                /** @description an inbox page's `next` */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pools: {
                            /** Format: uuid */
                            poolId: string;
                            name: string;
                            waiting: number;
                            overdue: number;
                            unassigned: number;
                            unread: number;
                        }[];
                        mine: {
                            waiting: number;
                            overdue: number;
                        };
                        threads: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            patientId: string;
                            /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                            topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                            subject: string;
                            status: "waiting" | "answered" | "closed";
                            pool: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                readersDescription?: string;
                            };
                            unreadCount: number;
                            /** Format: date-time */
                            lastMessageAt: string;
                            preview: string;
                            dueAt: string | null;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth: string;
                            };
                            physician: {
                                /** Format: uuid */
                                providerId: string;
                                displayName: string;
                            } | null;
                            workItem: {
                                /** Format: uuid */
                                id: string;
                                /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                                queue: "refills" | "messages" | "referrals" | "health_updates";
                                patient: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                };
                                subject: {
                                    type: string;
                                    /** Format: uuid */
                                    id: string;
                                };
                                status: "open" | "claimed" | "done" | "cancelled";
                                assignee: {
                                    /** Format: uuid */
                                    userId: string;
                                    displayName: string;
                                } | null;
                                /** Format: date-time */
                                dueAt: string;
                                overdue: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                completedAt: string | null;
                                abilities: {
                                    canClaim: boolean;
                                    canRelease: boolean;
                                    canAssign: boolean;
                                };
                            } | null;
                        }[];
                        next: string | null;
                        abilities: {
                            canManagePools: boolean;
                            canSetOfficeHours: boolean;
                            canSetDigest: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMessagesThreadsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                        };
                        /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                        topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                        subject: string;
                        status: "waiting" | "answered" | "closed";
                        pool: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            responseTargetBusinessHours: number;
                        };
                        physician: {
                            /** Format: uuid */
                            providerId: string;
                            displayName: string;
                        } | null;
                        dueAt: string | null;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        closedAt: string | null;
                        firstResponseAt: string | null;
                        messages: {
                            /** Format: uuid */
                            id: string;
                            kind: "message" | "auto_reply" | "internal_note";
                            author: {
                                /** @description system: the automatic reply about office hours */
                                kind: "patient" | "proxy" | "staff" | "system";
                                userId: string | null;
                                displayName: string;
                                role: string | null;
                                isMe: boolean;
                            };
                            body: string;
                            autoReply: {
                                reason: "outside_office_hours" | "out_of_office";
                                physicianName: string;
                                /** Format: date-time */
                                expectAnswerBy: string;
                                poolName: string;
                            } | null;
                            attachments: {
                                /** Format: uuid */
                                id: string;
                                contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                                sizeBytes: number;
                                fileName: string;
                                downloadPath: string;
                            }[];
                            /** Format: date-time */
                            sentAt: string;
                            readByOtherSide: boolean;
                            readByMe: boolean;
                        }[];
                        workItem: {
                            /** Format: uuid */
                            id: string;
                            /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                            queue: "refills" | "messages" | "referrals" | "health_updates";
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            subject: {
                                type: string;
                                /** Format: uuid */
                                id: string;
                            };
                            status: "open" | "claimed" | "done" | "cancelled";
                            assignee: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            } | null;
                            /** Format: date-time */
                            dueAt: string;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                            abilities: {
                                canClaim: boolean;
                                canRelease: boolean;
                                canAssign: boolean;
                            };
                        } | null;
                        quickReplies: {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            body: string;
                        }[];
                        abilities: {
                            canReply: boolean;
                            canAddNote: boolean;
                            canClose: boolean;
                            canReopen: boolean;
                            canBookAppointment: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMessagesThreadsByIdMessages: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description plain text (shown as text, never as HTML), 1–5000 characters */
                    body: string;
                    /** Format: uuid */
                    quickReplyId?: string;
                    attachmentIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                        };
                        /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                        topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                        subject: string;
                        status: "waiting" | "answered" | "closed";
                        pool: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            responseTargetBusinessHours: number;
                        };
                        physician: {
                            /** Format: uuid */
                            providerId: string;
                            displayName: string;
                        } | null;
                        dueAt: string | null;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        closedAt: string | null;
                        firstResponseAt: string | null;
                        messages: {
                            /** Format: uuid */
                            id: string;
                            kind: "message" | "auto_reply" | "internal_note";
                            author: {
                                /** @description system: the automatic reply about office hours */
                                kind: "patient" | "proxy" | "staff" | "system";
                                userId: string | null;
                                displayName: string;
                                role: string | null;
                                isMe: boolean;
                            };
                            body: string;
                            autoReply: {
                                reason: "outside_office_hours" | "out_of_office";
                                physicianName: string;
                                /** Format: date-time */
                                expectAnswerBy: string;
                                poolName: string;
                            } | null;
                            attachments: {
                                /** Format: uuid */
                                id: string;
                                contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                                sizeBytes: number;
                                fileName: string;
                                downloadPath: string;
                            }[];
                            /** Format: date-time */
                            sentAt: string;
                            readByOtherSide: boolean;
                            readByMe: boolean;
                        }[];
                        workItem: {
                            /** Format: uuid */
                            id: string;
                            /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                            queue: "refills" | "messages" | "referrals" | "health_updates";
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            subject: {
                                type: string;
                                /** Format: uuid */
                                id: string;
                            };
                            status: "open" | "claimed" | "done" | "cancelled";
                            assignee: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            } | null;
                            /** Format: date-time */
                            dueAt: string;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                            abilities: {
                                canClaim: boolean;
                                canRelease: boolean;
                                canAssign: boolean;
                            };
                        } | null;
                        quickReplies: {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            body: string;
                        }[];
                        abilities: {
                            canReply: boolean;
                            canAddNote: boolean;
                            canClose: boolean;
                            canReopen: boolean;
                            canBookAppointment: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMessagesThreadsByIdNotes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description plain text (shown as text, never as HTML), 1–5000 characters */
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                        };
                        /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                        topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                        subject: string;
                        status: "waiting" | "answered" | "closed";
                        pool: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            responseTargetBusinessHours: number;
                        };
                        physician: {
                            /** Format: uuid */
                            providerId: string;
                            displayName: string;
                        } | null;
                        dueAt: string | null;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        closedAt: string | null;
                        firstResponseAt: string | null;
                        messages: {
                            /** Format: uuid */
                            id: string;
                            kind: "message" | "auto_reply" | "internal_note";
                            author: {
                                /** @description system: the automatic reply about office hours */
                                kind: "patient" | "proxy" | "staff" | "system";
                                userId: string | null;
                                displayName: string;
                                role: string | null;
                                isMe: boolean;
                            };
                            body: string;
                            autoReply: {
                                reason: "outside_office_hours" | "out_of_office";
                                physicianName: string;
                                /** Format: date-time */
                                expectAnswerBy: string;
                                poolName: string;
                            } | null;
                            attachments: {
                                /** Format: uuid */
                                id: string;
                                contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                                sizeBytes: number;
                                fileName: string;
                                downloadPath: string;
                            }[];
                            /** Format: date-time */
                            sentAt: string;
                            readByOtherSide: boolean;
                            readByMe: boolean;
                        }[];
                        workItem: {
                            /** Format: uuid */
                            id: string;
                            /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                            queue: "refills" | "messages" | "referrals" | "health_updates";
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            subject: {
                                type: string;
                                /** Format: uuid */
                                id: string;
                            };
                            status: "open" | "claimed" | "done" | "cancelled";
                            assignee: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            } | null;
                            /** Format: date-time */
                            dueAt: string;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                            abilities: {
                                canClaim: boolean;
                                canRelease: boolean;
                                canAssign: boolean;
                            };
                        } | null;
                        quickReplies: {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            body: string;
                        }[];
                        abilities: {
                            canReply: boolean;
                            canAddNote: boolean;
                            canClose: boolean;
                            canReopen: boolean;
                            canBookAppointment: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMessagesThreadsByIdClose: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                        };
                        /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                        topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                        subject: string;
                        status: "waiting" | "answered" | "closed";
                        pool: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            responseTargetBusinessHours: number;
                        };
                        physician: {
                            /** Format: uuid */
                            providerId: string;
                            displayName: string;
                        } | null;
                        dueAt: string | null;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        closedAt: string | null;
                        firstResponseAt: string | null;
                        messages: {
                            /** Format: uuid */
                            id: string;
                            kind: "message" | "auto_reply" | "internal_note";
                            author: {
                                /** @description system: the automatic reply about office hours */
                                kind: "patient" | "proxy" | "staff" | "system";
                                userId: string | null;
                                displayName: string;
                                role: string | null;
                                isMe: boolean;
                            };
                            body: string;
                            autoReply: {
                                reason: "outside_office_hours" | "out_of_office";
                                physicianName: string;
                                /** Format: date-time */
                                expectAnswerBy: string;
                                poolName: string;
                            } | null;
                            attachments: {
                                /** Format: uuid */
                                id: string;
                                contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                                sizeBytes: number;
                                fileName: string;
                                downloadPath: string;
                            }[];
                            /** Format: date-time */
                            sentAt: string;
                            readByOtherSide: boolean;
                            readByMe: boolean;
                        }[];
                        workItem: {
                            /** Format: uuid */
                            id: string;
                            /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                            queue: "refills" | "messages" | "referrals" | "health_updates";
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            subject: {
                                type: string;
                                /** Format: uuid */
                                id: string;
                            };
                            status: "open" | "claimed" | "done" | "cancelled";
                            assignee: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            } | null;
                            /** Format: date-time */
                            dueAt: string;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                            abilities: {
                                canClaim: boolean;
                                canRelease: boolean;
                                canAssign: boolean;
                            };
                        } | null;
                        quickReplies: {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            body: string;
                        }[];
                        abilities: {
                            canReply: boolean;
                            canAddNote: boolean;
                            canClose: boolean;
                            canReopen: boolean;
                            canBookAppointment: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMessagesThreadsByIdReopen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                        };
                        /** @description what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours) */
                        topic: "medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other";
                        subject: string;
                        status: "waiting" | "answered" | "closed";
                        pool: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            responseTargetBusinessHours: number;
                        };
                        physician: {
                            /** Format: uuid */
                            providerId: string;
                            displayName: string;
                        } | null;
                        dueAt: string | null;
                        overdue: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        closedAt: string | null;
                        firstResponseAt: string | null;
                        messages: {
                            /** Format: uuid */
                            id: string;
                            kind: "message" | "auto_reply" | "internal_note";
                            author: {
                                /** @description system: the automatic reply about office hours */
                                kind: "patient" | "proxy" | "staff" | "system";
                                userId: string | null;
                                displayName: string;
                                role: string | null;
                                isMe: boolean;
                            };
                            body: string;
                            autoReply: {
                                reason: "outside_office_hours" | "out_of_office";
                                physicianName: string;
                                /** Format: date-time */
                                expectAnswerBy: string;
                                poolName: string;
                            } | null;
                            attachments: {
                                /** Format: uuid */
                                id: string;
                                contentType: "image/jpeg" | "image/png" | "image/heic" | "application/pdf";
                                sizeBytes: number;
                                fileName: string;
                                downloadPath: string;
                            }[];
                            /** Format: date-time */
                            sentAt: string;
                            readByOtherSide: boolean;
                            readByMe: boolean;
                        }[];
                        workItem: {
                            /** Format: uuid */
                            id: string;
                            /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                            queue: "refills" | "messages" | "referrals" | "health_updates";
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            subject: {
                                type: string;
                                /** Format: uuid */
                                id: string;
                            };
                            status: "open" | "claimed" | "done" | "cancelled";
                            assignee: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            } | null;
                            /** Format: date-time */
                            dueAt: string;
                            overdue: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                            abilities: {
                                canClaim: boolean;
                                canRelease: boolean;
                                canAssign: boolean;
                            };
                        } | null;
                        quickReplies: {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            body: string;
                        }[];
                        abilities: {
                            canReply: boolean;
                            canAddNote: boolean;
                            canClose: boolean;
                            canReopen: boolean;
                            canBookAppointment: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMessagesThreadsByIdAttachmentsByAttachmentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success (the body is not described) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMessagesPoolsByPoolIdQuickReplies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                poolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        quickReplies: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            poolId: string;
                            title: string;
                            body: string;
                        }[];
                        canEdit: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMessagesPoolsByPoolIdQuickReplies: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                poolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description plain text (shown as text, never as HTML), 1–5000 characters */
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        poolId: string;
                        title: string;
                        body: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putMessagesPoolsByPoolIdQuickRepliesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                poolId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description plain text (shown as text, never as HTML), 1–5000 characters */
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        poolId: string;
                        title: string;
                        body: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteMessagesPoolsByPoolIdQuickRepliesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                poolId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMessagesOfficeHours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        timeZone: string;
                        hours: {
                            weekday: number;
                            /** @description HH:MM, 24-hour */
                            start: string;
                            /** @description HH:MM, 24-hour */
                            end: string;
                        }[];
                        coveringPoolId: string | null;
                        outOfOffice: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            until: string;
                            delegateUserId: string | null;
                        } | null;
                        availableNow: boolean;
                        choices: {
                            pools: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            delegates: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putMessagesOfficeHours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    timeZone: string;
                    hours: {
                        weekday: number;
                        /** @description HH:MM, 24-hour */
                        start: string;
                        /** @description HH:MM, 24-hour */
                        end: string;
                    }[];
                    coveringPoolId: string | null;
                    outOfOffice: {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        until: string;
                        delegateUserId: string | null;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        timeZone: string;
                        hours: {
                            weekday: number;
                            /** @description HH:MM, 24-hour */
                            start: string;
                            /** @description HH:MM, 24-hour */
                            end: string;
                        }[];
                        coveringPoolId: string | null;
                        outOfOffice: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            until: string;
                            delegateUserId: string | null;
                        } | null;
                        availableNow: boolean;
                        choices: {
                            pools: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            delegates: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMessagesDigestPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        times: string[];
                        timeZone: string;
                        nextDigestAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putMessagesDigestPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                    times: string[];
                    timeZone: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        times: string[];
                        timeZone: string;
                        nextDigestAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAdminMessagePools: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pools: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            readersDescription: string;
                            readersDescriptionEs: string;
                            location: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                timeZone: string;
                            };
                            responseTargetBusinessHours: number;
                            members: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                                roles: string[];
                            }[];
                            topics: ("medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other")[];
                            active: boolean;
                        }[];
                        choices: {
                            locations: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                timeZone: string;
                                hours: {
                                    weekday: number;
                                    open: string;
                                    close: string;
                                }[];
                            }[];
                            clinicians: {
                                /** Format: uuid */
                                userId: string;
                                displayName: string;
                                roles: string[];
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAdminMessagePools: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    readersDescription: string;
                    readersDescriptionEs: string;
                    /** Format: uuid */
                    locationId: string;
                    responseTargetBusinessHours: number;
                    memberUserIds: string[];
                    topics: ("medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other")[];
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        readersDescription: string;
                        readersDescriptionEs: string;
                        location: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                        };
                        responseTargetBusinessHours: number;
                        members: {
                            /** Format: uuid */
                            userId: string;
                            displayName: string;
                            roles: string[];
                        }[];
                        topics: ("medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other")[];
                        active: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putAdminMessagePoolsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    readersDescription: string;
                    readersDescriptionEs: string;
                    /** Format: uuid */
                    locationId: string;
                    responseTargetBusinessHours: number;
                    memberUserIds: string[];
                    topics: ("medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other")[];
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        readersDescription: string;
                        readersDescriptionEs: string;
                        location: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                        };
                        responseTargetBusinessHours: number;
                        members: {
                            /** Format: uuid */
                            userId: string;
                            displayName: string;
                            roles: string[];
                        }[];
                        topics: ("medical_question" | "medication" | "test_result" | "appointment" | "referral" | "billing" | "other")[];
                        active: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAdminLocationsByIdHolidays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        holidays: {
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            date: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putAdminLocationsByIdHolidays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    holidays: {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        date: string;
                        name: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        holidays: {
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            date: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdReferrals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        referrals: {
                            /** Format: uuid */
                            id: string;
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                            status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                            specialty: string;
                            reason: string;
                            /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                            urgency: "routine" | "soon" | "urgent";
                            preferredProvider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                specialty: string;
                            } | null;
                            preferredLocation: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            pcp: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            } | null;
                            requestedBy: {
                                displayName: string;
                                kind: "patient" | "proxy" | "staff";
                            };
                            /** Format: date-time */
                            createdAt: string;
                            decision: {
                                provider: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                    specialty: string;
                                } | null;
                                specialty: string;
                                visitsAllowed: number;
                                visitsUsed: number;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                expiresOn: string;
                                decidedBy: string;
                                /** Format: date-time */
                                decidedAt: string;
                            } | null;
                            denialReason: string | null;
                            visitRequest: {
                                visitType: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                note: string | null;
                            } | null;
                            bookableVisitTypes: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** Format: uuid */
                                providerId: string;
                            }[];
                            appointments: {
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                startsAt: string;
                                /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                                status: string;
                                provider: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                };
                                visitType: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                            }[];
                            history: {
                                /** Format: date-time */
                                at: string;
                                event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                                by: string | null;
                                /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                                status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                            }[];
                            abilities: {
                                canApprove: boolean;
                                canDeny: boolean;
                                canAskForVisit: boolean;
                                canCancel: boolean;
                                canBook: boolean;
                            };
                        }[];
                        abilities: {
                            canRequest: boolean;
                            canCreateOnBehalf: boolean;
                        };
                        specialties: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdReferrals: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description snake_case specialty, e.g. family_medicine, cardiology */
                    specialty: string;
                    reason: string;
                    preferredProviderId?: string | null;
                    preferredLocationId?: string | null;
                    /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                    urgency: "routine" | "soon" | "urgent";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                        status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        specialty: string;
                        reason: string;
                        /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                        urgency: "routine" | "soon" | "urgent";
                        preferredProvider: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            specialty: string;
                        } | null;
                        preferredLocation: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        requestedBy: {
                            displayName: string;
                            kind: "patient" | "proxy" | "staff";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        decision: {
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                specialty: string;
                            } | null;
                            specialty: string;
                            visitsAllowed: number;
                            visitsUsed: number;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            expiresOn: string;
                            decidedBy: string;
                            /** Format: date-time */
                            decidedAt: string;
                        } | null;
                        denialReason: string | null;
                        visitRequest: {
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            note: string | null;
                        } | null;
                        bookableVisitTypes: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            providerId: string;
                        }[];
                        appointments: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                            status: string;
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                        }[];
                        history: {
                            /** Format: date-time */
                            at: string;
                            event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                            by: string | null;
                            /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                            status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        }[];
                        abilities: {
                            canApprove: boolean;
                            canDeny: boolean;
                            canAskForVisit: boolean;
                            canCancel: boolean;
                            canBook: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdReferralsByReferralId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                referralId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                        status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        specialty: string;
                        reason: string;
                        /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                        urgency: "routine" | "soon" | "urgent";
                        preferredProvider: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            specialty: string;
                        } | null;
                        preferredLocation: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        requestedBy: {
                            displayName: string;
                            kind: "patient" | "proxy" | "staff";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        decision: {
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                specialty: string;
                            } | null;
                            specialty: string;
                            visitsAllowed: number;
                            visitsUsed: number;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            expiresOn: string;
                            decidedBy: string;
                            /** Format: date-time */
                            decidedAt: string;
                        } | null;
                        denialReason: string | null;
                        visitRequest: {
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            note: string | null;
                        } | null;
                        bookableVisitTypes: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            providerId: string;
                        }[];
                        appointments: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                            status: string;
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                        }[];
                        history: {
                            /** Format: date-time */
                            at: string;
                            event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                            by: string | null;
                            /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                            status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        }[];
                        abilities: {
                            canApprove: boolean;
                            canDeny: boolean;
                            canAskForVisit: boolean;
                            canCancel: boolean;
                            canBook: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdReferralsStaff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description snake_case specialty, e.g. family_medicine, cardiology */
                    specialty: string;
                    reason: string;
                    preferredProviderId?: string | null;
                    preferredLocationId?: string | null;
                    /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                    urgency: "routine" | "soon" | "urgent";
                    approve?: {
                        providerId?: string | null;
                        visits: number;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        expiresOn: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                        status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        specialty: string;
                        reason: string;
                        /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                        urgency: "routine" | "soon" | "urgent";
                        preferredProvider: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            specialty: string;
                        } | null;
                        preferredLocation: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        requestedBy: {
                            displayName: string;
                            kind: "patient" | "proxy" | "staff";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        decision: {
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                specialty: string;
                            } | null;
                            specialty: string;
                            visitsAllowed: number;
                            visitsUsed: number;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            expiresOn: string;
                            decidedBy: string;
                            /** Format: date-time */
                            decidedAt: string;
                        } | null;
                        denialReason: string | null;
                        visitRequest: {
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            note: string | null;
                        } | null;
                        bookableVisitTypes: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            providerId: string;
                        }[];
                        appointments: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                            status: string;
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                        }[];
                        history: {
                            /** Format: date-time */
                            at: string;
                            event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                            by: string | null;
                            /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                            status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        }[];
                        abilities: {
                            canApprove: boolean;
                            canDeny: boolean;
                            canAskForVisit: boolean;
                            canCancel: boolean;
                            canBook: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdReferralsByReferralIdCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
                referralId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                        status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        specialty: string;
                        reason: string;
                        /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                        urgency: "routine" | "soon" | "urgent";
                        preferredProvider: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            specialty: string;
                        } | null;
                        preferredLocation: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        requestedBy: {
                            displayName: string;
                            kind: "patient" | "proxy" | "staff";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        decision: {
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                specialty: string;
                            } | null;
                            specialty: string;
                            visitsAllowed: number;
                            visitsUsed: number;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            expiresOn: string;
                            decidedBy: string;
                            /** Format: date-time */
                            decidedAt: string;
                        } | null;
                        denialReason: string | null;
                        visitRequest: {
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            note: string | null;
                        } | null;
                        bookableVisitTypes: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            providerId: string;
                        }[];
                        appointments: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                            status: string;
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                        }[];
                        history: {
                            /** Format: date-time */
                            at: string;
                            event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                            by: string | null;
                            /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                            status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        }[];
                        abilities: {
                            canApprove: boolean;
                            canDeny: boolean;
                            canAskForVisit: boolean;
                            canCancel: boolean;
                            canBook: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReferralQueue: {
        parameters: {
            query?: {
                /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                status?: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            referral: {
                                /** Format: uuid */
                                id: string;
                                patient: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                };
                                /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                                status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                                specialty: string;
                                reason: string;
                                /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                                urgency: "routine" | "soon" | "urgent";
                                preferredProvider: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                    specialty: string;
                                } | null;
                                preferredLocation: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                pcp: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                } | null;
                                requestedBy: {
                                    displayName: string;
                                    kind: "patient" | "proxy" | "staff";
                                };
                                /** Format: date-time */
                                createdAt: string;
                                decision: {
                                    provider: {
                                        /** Format: uuid */
                                        id: string;
                                        displayName: string;
                                        specialty: string;
                                    } | null;
                                    specialty: string;
                                    visitsAllowed: number;
                                    visitsUsed: number;
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD
                                     */
                                    expiresOn: string;
                                    decidedBy: string;
                                    /** Format: date-time */
                                    decidedAt: string;
                                } | null;
                                denialReason: string | null;
                                visitRequest: {
                                    visitType: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    note: string | null;
                                } | null;
                                bookableVisitTypes: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** Format: uuid */
                                    providerId: string;
                                }[];
                                appointments: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: date-time */
                                    startsAt: string;
                                    /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                                    status: string;
                                    provider: {
                                        /** Format: uuid */
                                        id: string;
                                        displayName: string;
                                    };
                                    visitType: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                }[];
                                history: {
                                    /** Format: date-time */
                                    at: string;
                                    event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                                    by: string | null;
                                    /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                                    status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                                }[];
                                abilities: {
                                    canApprove: boolean;
                                    canDeny: boolean;
                                    canAskForVisit: boolean;
                                    canCancel: boolean;
                                    canBook: boolean;
                                };
                            };
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth: string;
                            };
                            ageHours: number;
                            workItem: {
                                /** Format: uuid */
                                id: string;
                                /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                                queue: "refills" | "messages" | "referrals" | "health_updates";
                                patient: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                };
                                subject: {
                                    type: string;
                                    /** Format: uuid */
                                    id: string;
                                };
                                status: "open" | "claimed" | "done" | "cancelled";
                                assignee: {
                                    /** Format: uuid */
                                    userId: string;
                                    displayName: string;
                                } | null;
                                /** Format: date-time */
                                dueAt: string;
                                overdue: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                completedAt: string | null;
                                abilities: {
                                    canClaim: boolean;
                                    canRelease: boolean;
                                    canAssign: boolean;
                                };
                            } | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralQueueByReferralIdApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                referralId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    providerId?: string | null;
                    /** @description snake_case specialty, e.g. family_medicine, cardiology */
                    specialty: string;
                    visits: number;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    expiresOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                        status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        specialty: string;
                        reason: string;
                        /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                        urgency: "routine" | "soon" | "urgent";
                        preferredProvider: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            specialty: string;
                        } | null;
                        preferredLocation: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        requestedBy: {
                            displayName: string;
                            kind: "patient" | "proxy" | "staff";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        decision: {
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                specialty: string;
                            } | null;
                            specialty: string;
                            visitsAllowed: number;
                            visitsUsed: number;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            expiresOn: string;
                            decidedBy: string;
                            /** Format: date-time */
                            decidedAt: string;
                        } | null;
                        denialReason: string | null;
                        visitRequest: {
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            note: string | null;
                        } | null;
                        bookableVisitTypes: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            providerId: string;
                        }[];
                        appointments: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                            status: string;
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                        }[];
                        history: {
                            /** Format: date-time */
                            at: string;
                            event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                            by: string | null;
                            /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                            status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        }[];
                        abilities: {
                            canApprove: boolean;
                            canDeny: boolean;
                            canAskForVisit: boolean;
                            canCancel: boolean;
                            canBook: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralQueueByReferralIdDeny: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                referralId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                        status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        specialty: string;
                        reason: string;
                        /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                        urgency: "routine" | "soon" | "urgent";
                        preferredProvider: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            specialty: string;
                        } | null;
                        preferredLocation: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        requestedBy: {
                            displayName: string;
                            kind: "patient" | "proxy" | "staff";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        decision: {
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                specialty: string;
                            } | null;
                            specialty: string;
                            visitsAllowed: number;
                            visitsUsed: number;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            expiresOn: string;
                            decidedBy: string;
                            /** Format: date-time */
                            decidedAt: string;
                        } | null;
                        denialReason: string | null;
                        visitRequest: {
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            note: string | null;
                        } | null;
                        bookableVisitTypes: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            providerId: string;
                        }[];
                        appointments: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                            status: string;
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                        }[];
                        history: {
                            /** Format: date-time */
                            at: string;
                            event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                            by: string | null;
                            /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                            status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        }[];
                        abilities: {
                            canApprove: boolean;
                            canDeny: boolean;
                            canAskForVisit: boolean;
                            canCancel: boolean;
                            canBook: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralQueueByReferralIdAskForVisit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                referralId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    visitTypeId?: string | null;
                    note?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                        status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        specialty: string;
                        reason: string;
                        /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                        urgency: "routine" | "soon" | "urgent";
                        preferredProvider: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            specialty: string;
                        } | null;
                        preferredLocation: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        pcp: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        } | null;
                        requestedBy: {
                            displayName: string;
                            kind: "patient" | "proxy" | "staff";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        decision: {
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                specialty: string;
                            } | null;
                            specialty: string;
                            visitsAllowed: number;
                            visitsUsed: number;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            expiresOn: string;
                            decidedBy: string;
                            /** Format: date-time */
                            decidedAt: string;
                        } | null;
                        denialReason: string | null;
                        visitRequest: {
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            note: string | null;
                        } | null;
                        bookableVisitTypes: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            providerId: string;
                        }[];
                        appointments: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                            status: string;
                            provider: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            visitType: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                        }[];
                        history: {
                            /** Format: date-time */
                            at: string;
                            event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                            by: string | null;
                            /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                            status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                        }[];
                        abilities: {
                            canApprove: boolean;
                            canDeny: boolean;
                            canAskForVisit: boolean;
                            canCancel: boolean;
                            canBook: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReferralsIncoming: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            referral: {
                                /** Format: uuid */
                                id: string;
                                patient: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                };
                                /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                                status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                                specialty: string;
                                reason: string;
                                /** @description routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency) */
                                urgency: "routine" | "soon" | "urgent";
                                preferredProvider: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                    specialty: string;
                                } | null;
                                preferredLocation: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                pcp: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                } | null;
                                requestedBy: {
                                    displayName: string;
                                    kind: "patient" | "proxy" | "staff";
                                };
                                /** Format: date-time */
                                createdAt: string;
                                decision: {
                                    provider: {
                                        /** Format: uuid */
                                        id: string;
                                        displayName: string;
                                        specialty: string;
                                    } | null;
                                    specialty: string;
                                    visitsAllowed: number;
                                    visitsUsed: number;
                                    /**
                                     * Format: date
                                     * @description YYYY-MM-DD
                                     */
                                    expiresOn: string;
                                    decidedBy: string;
                                    /** Format: date-time */
                                    decidedAt: string;
                                } | null;
                                denialReason: string | null;
                                visitRequest: {
                                    visitType: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    note: string | null;
                                } | null;
                                bookableVisitTypes: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** Format: uuid */
                                    providerId: string;
                                }[];
                                appointments: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: date-time */
                                    startsAt: string;
                                    /** @description the appointment's status (booked, checked_in, completed, cancelled, …) */
                                    status: string;
                                    provider: {
                                        /** Format: uuid */
                                        id: string;
                                        displayName: string;
                                    };
                                    visitType: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                }[];
                                history: {
                                    /** Format: date-time */
                                    at: string;
                                    event: "requested" | "created_by_staff" | "approved" | "denied" | "visit_requested" | "visit_booked" | "visit_cancelled" | "visit_completed" | "expiry_reminder_sent" | "expired" | "cancelled";
                                    by: string | null;
                                    /** @description requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff */
                                    status: "requested" | "approved" | "denied" | "visit_requested" | "scheduled" | "completed" | "expired" | "cancelled";
                                }[];
                                abilities: {
                                    canApprove: boolean;
                                    canDeny: boolean;
                                    canAskForVisit: boolean;
                                    canCancel: boolean;
                                    canBook: boolean;
                                };
                            };
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth: string;
                            };
                            ageHours: number;
                            workItem: {
                                /** Format: uuid */
                                id: string;
                                /** @description refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team */
                                queue: "refills" | "messages" | "referrals" | "health_updates";
                                patient: {
                                    /** Format: uuid */
                                    id: string;
                                    displayName: string;
                                };
                                subject: {
                                    type: string;
                                    /** Format: uuid */
                                    id: string;
                                };
                                status: "open" | "claimed" | "done" | "cancelled";
                                assignee: {
                                    /** Format: uuid */
                                    userId: string;
                                    displayName: string;
                                } | null;
                                /** Format: date-time */
                                dueAt: string;
                                overdue: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                completedAt: string | null;
                                abilities: {
                                    canClaim: boolean;
                                    canRelease: boolean;
                                    canAssign: boolean;
                                };
                            } | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdHealthUpdates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                        };
                        readerIsPatient: boolean;
                        abilities: {
                            canSend: boolean;
                        };
                        readings: {
                            /** Format: uuid */
                            id: string;
                            measure: "blood_pressure" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2";
                            /** Format: date-time */
                            takenAt: string;
                            entered: {
                                unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                value: number | null;
                                systolic: number | null;
                                diastolic: number | null;
                            };
                            canonical: {
                                unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                value: number | null;
                                systolic: number | null;
                                diastolic: number | null;
                            };
                            flag: "urgent" | "attention" | "normal";
                            flagReasons: string[];
                            note: string | null;
                            enteredBy: {
                                kind: "patient" | "proxy" | "staff" | "system";
                                displayName: string | null;
                            };
                        }[];
                        trends: {
                            measure: "blood_pressure" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2";
                            unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                            points: {
                                /** Format: uuid */
                                readingId: string;
                                /** Format: date-time */
                                takenAt: string;
                                value: number;
                                value2: number | null;
                                flag: "urgent" | "attention" | "normal";
                            }[];
                            summary: {
                                count: number;
                                latest: {
                                    value: number;
                                    value2: number | null;
                                    /** Format: date-time */
                                    takenAt: string;
                                };
                                min: number;
                                max: number;
                                min2: number | null;
                                max2: number | null;
                                trend: "rising" | "falling" | "steady" | "single";
                                flagged: number;
                            };
                        }[];
                        questionnaires: {
                            /** Format: uuid */
                            id: string;
                            kind: "phq9" | "gad7";
                            answers: number[];
                            score: number;
                            maxScore: number;
                            severity: "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";
                            flag: "urgent" | "attention" | "normal";
                            flagReasons: string[];
                            /** Format: date-time */
                            createdAt: string;
                            enteredBy: {
                                kind: "patient" | "proxy" | "staff" | "system";
                                displayName: string | null;
                            };
                            intakeFor: {
                                /** Format: uuid */
                                appointmentId: string;
                                /** Format: date-time */
                                start: string;
                                timeZone: string;
                            } | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdHealthUpdatesReadings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    measure: "blood_pressure" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2";
                    unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                    value?: number;
                    systolic?: number;
                    diastolic?: number;
                    /** Format: date-time */
                    takenAt?: string;
                    /** @description the patient's note (sealed) */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reading: {
                            /** Format: uuid */
                            id: string;
                            measure: "blood_pressure" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2";
                            /** Format: date-time */
                            takenAt: string;
                            entered: {
                                unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                value: number | null;
                                systolic: number | null;
                                diastolic: number | null;
                            };
                            canonical: {
                                unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                value: number | null;
                                systolic: number | null;
                                diastolic: number | null;
                            };
                            flag: "urgent" | "attention" | "normal";
                            flagReasons: string[];
                            note: string | null;
                            enteredBy: {
                                kind: "patient" | "proxy" | "staff" | "system";
                                displayName: string | null;
                            };
                        };
                        guidance: "emergency" | "crisis" | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPatientsByPatientIdHealthUpdatesQuestionnaires: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "phq9" | "gad7";
                    answers: (number | null)[];
                    /** Format: uuid */
                    appointmentId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        response: {
                            /** Format: uuid */
                            id: string;
                            kind: "phq9" | "gad7";
                            answers: number[];
                            score: number;
                            maxScore: number;
                            severity: "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";
                            flag: "urgent" | "attention" | "normal";
                            flagReasons: string[];
                            /** Format: date-time */
                            createdAt: string;
                            enteredBy: {
                                kind: "patient" | "proxy" | "staff" | "system";
                                displayName: string | null;
                            };
                            intakeFor: {
                                /** Format: uuid */
                                appointmentId: string;
                                /** Format: date-time */
                                start: string;
                                timeZone: string;
                            } | null;
                        };
                        guidance: "emergency" | "crisis" | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getHealthFlags: {
        parameters: {
            query?: {
                status?: "active" | "resolved";
                patientId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            level: "urgent" | "attention";
                            status: "open" | "acknowledged" | "resolved";
                            /** Format: date-time */
                            createdAt: string;
                            dueAt: string | null;
                            overdue: boolean;
                            patient: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                /**
                                 * Format: date
                                 * @description YYYY-MM-DD
                                 */
                                dateOfBirth: string;
                            };
                            reading: {
                                /** Format: uuid */
                                id: string;
                                measure: "blood_pressure" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2";
                                /** Format: date-time */
                                takenAt: string;
                                entered: {
                                    unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                    value: number | null;
                                    systolic: number | null;
                                    diastolic: number | null;
                                };
                                canonical: {
                                    unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                    value: number | null;
                                    systolic: number | null;
                                    diastolic: number | null;
                                };
                                flag: "urgent" | "attention" | "normal";
                                flagReasons: string[];
                                note: string | null;
                                enteredBy: {
                                    kind: "patient" | "proxy" | "staff" | "system";
                                    displayName: string | null;
                                };
                            } | null;
                            questionnaire: {
                                /** Format: uuid */
                                id: string;
                                kind: "phq9" | "gad7";
                                answers: number[];
                                score: number;
                                maxScore: number;
                                severity: "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";
                                flag: "urgent" | "attention" | "normal";
                                flagReasons: string[];
                                /** Format: date-time */
                                createdAt: string;
                                enteredBy: {
                                    kind: "patient" | "proxy" | "staff" | "system";
                                    displayName: string | null;
                                };
                                intakeFor: {
                                    /** Format: uuid */
                                    appointmentId: string;
                                    /** Format: date-time */
                                    start: string;
                                    timeZone: string;
                                } | null;
                            } | null;
                            acknowledged: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                            } | null;
                            resolved: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                            } | null;
                            workItemId: string | null;
                            abilities: {
                                canAcknowledge: boolean;
                                canResolve: boolean;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postHealthFlagsByFlagIdAcknowledge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                flagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        level: "urgent" | "attention";
                        status: "open" | "acknowledged" | "resolved";
                        /** Format: date-time */
                        createdAt: string;
                        dueAt: string | null;
                        overdue: boolean;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                        };
                        reading: {
                            /** Format: uuid */
                            id: string;
                            measure: "blood_pressure" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2";
                            /** Format: date-time */
                            takenAt: string;
                            entered: {
                                unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                value: number | null;
                                systolic: number | null;
                                diastolic: number | null;
                            };
                            canonical: {
                                unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                value: number | null;
                                systolic: number | null;
                                diastolic: number | null;
                            };
                            flag: "urgent" | "attention" | "normal";
                            flagReasons: string[];
                            note: string | null;
                            enteredBy: {
                                kind: "patient" | "proxy" | "staff" | "system";
                                displayName: string | null;
                            };
                        } | null;
                        questionnaire: {
                            /** Format: uuid */
                            id: string;
                            kind: "phq9" | "gad7";
                            answers: number[];
                            score: number;
                            maxScore: number;
                            severity: "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";
                            flag: "urgent" | "attention" | "normal";
                            flagReasons: string[];
                            /** Format: date-time */
                            createdAt: string;
                            enteredBy: {
                                kind: "patient" | "proxy" | "staff" | "system";
                                displayName: string | null;
                            };
                            intakeFor: {
                                /** Format: uuid */
                                appointmentId: string;
                                /** Format: date-time */
                                start: string;
                                timeZone: string;
                            } | null;
                        } | null;
                        acknowledged: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                        } | null;
                        resolved: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                        } | null;
                        workItemId: string | null;
                        abilities: {
                            canAcknowledge: boolean;
                            canResolve: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postHealthFlagsByFlagIdResolve: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                flagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        level: "urgent" | "attention";
                        status: "open" | "acknowledged" | "resolved";
                        /** Format: date-time */
                        createdAt: string;
                        dueAt: string | null;
                        overdue: boolean;
                        patient: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            dateOfBirth: string;
                        };
                        reading: {
                            /** Format: uuid */
                            id: string;
                            measure: "blood_pressure" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2";
                            /** Format: date-time */
                            takenAt: string;
                            entered: {
                                unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                value: number | null;
                                systolic: number | null;
                                diastolic: number | null;
                            };
                            canonical: {
                                unit: "mmHg" | "bpm" | "kg" | "lb" | "mg/dL" | "mmol/L" | "C" | "F" | "%";
                                value: number | null;
                                systolic: number | null;
                                diastolic: number | null;
                            };
                            flag: "urgent" | "attention" | "normal";
                            flagReasons: string[];
                            note: string | null;
                            enteredBy: {
                                kind: "patient" | "proxy" | "staff" | "system";
                                displayName: string | null;
                            };
                        } | null;
                        questionnaire: {
                            /** Format: uuid */
                            id: string;
                            kind: "phq9" | "gad7";
                            answers: number[];
                            score: number;
                            maxScore: number;
                            severity: "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";
                            flag: "urgent" | "attention" | "normal";
                            flagReasons: string[];
                            /** Format: date-time */
                            createdAt: string;
                            enteredBy: {
                                kind: "patient" | "proxy" | "staff" | "system";
                                displayName: string | null;
                            };
                            intakeFor: {
                                /** Format: uuid */
                                appointmentId: string;
                                /** Format: date-time */
                                start: string;
                                timeZone: string;
                            } | null;
                        } | null;
                        acknowledged: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                        } | null;
                        resolved: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                        } | null;
                        workItemId: string | null;
                        abilities: {
                            canAcknowledge: boolean;
                            canResolve: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getHealthFlagRanges: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ranges: {
                            key: "systolic" | "diastolic" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2" | "phq9" | "gad7";
                            unit: string;
                            urgentBelow: number | null;
                            attentionBelow: number | null;
                            attentionAtOrAbove: number | null;
                            urgentAtOrAbove: number | null;
                        }[];
                        updatedAt: string | null;
                        updatedBy: string | null;
                        abilities: {
                            canEdit: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putHealthFlagRanges: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ranges: {
                        key: "systolic" | "diastolic" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2" | "phq9" | "gad7";
                        urgentBelow: number | null;
                        attentionBelow: number | null;
                        attentionAtOrAbove: number | null;
                        urgentAtOrAbove: number | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ranges: {
                            key: "systolic" | "diastolic" | "heart_rate" | "weight" | "glucose" | "temperature" | "spo2" | "phq9" | "gad7";
                            unit: string;
                            urgentBelow: number | null;
                            attentionBelow: number | null;
                            attentionAtOrAbove: number | null;
                            urgentAtOrAbove: number | null;
                        }[];
                        updatedAt: string | null;
                        updatedBy: string | null;
                        abilities: {
                            canEdit: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postSurveysOpen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "open";
                        clinicName: string;
                        /** Format: date-time */
                        expiresAt: string;
                        language: "en" | "es";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postSurveysAnswer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** @description 0–10: how likely to recommend the clinic */
                    score: number;
                    /** @description plain text, line breaks kept, no hidden formatting characters */
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "answered";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSurveysResults: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD */
                from?: string;
                /** @description YYYY-MM-DD */
                to?: string;
                locationId?: string;
                providerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        to: string;
                        timeZone: string;
                        overall: {
                            sent: number;
                            answered: number;
                            averageScore: number | null;
                            netPromoterScore: number | null;
                            promoters: number;
                            passives: number;
                            detractors: number;
                            comments: number;
                        };
                        byProvider: ({
                            /** Format: uuid */
                            providerId: string;
                            providerName: string;
                        } & {
                            sent: number;
                            answered: number;
                            averageScore: number | null;
                            netPromoterScore: number | null;
                            promoters: number;
                            passives: number;
                            detractors: number;
                            comments: number;
                        })[];
                        byLocation: ({
                            /** Format: uuid */
                            locationId: string;
                            locationName: string;
                        } & {
                            sent: number;
                            answered: number;
                            averageScore: number | null;
                            netPromoterScore: number | null;
                            promoters: number;
                            passives: number;
                            detractors: number;
                            comments: number;
                        })[];
                        locations: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        providers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdRecord: {
        parameters: {
            query?: {
                format?: "json" | "fhir";
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success (the body is not described) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPatientsByPatientIdRecordContents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sections: string[];
                        withheld: string[];
                        restricted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSmartAuthorizationsByUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        uid: string;
                        app: {
                            clientId: string;
                            name: string;
                        };
                        requestedTypes: string[];
                        offline: boolean;
                        patients: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            self: boolean;
                            types: string[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postSmartAuthorizationsByUidAllow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    patientId: string;
                    types: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redirectTo: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postSmartAuthorizationsByUidDeny: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redirectTo: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSmartConnectedApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apps: {
                            grantId: string;
                            app: {
                                clientId: string;
                                name: string;
                            };
                            patient: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            grantedBy: string;
                            types: string[];
                            offline: boolean;
                            /** Format: date-time */
                            grantedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postSmartConnectedAppsByGrantIdRevoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSmartClients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clients: {
                            clientId: string;
                            name: string;
                            confidential: boolean;
                            redirectUris: string[];
                            /** Format: date-time */
                            createdAt: string;
                            disabled: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postSmartClients: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    confidential: boolean;
                    redirectUris: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client: {
                            clientId: string;
                            name: string;
                            confidential: boolean;
                            redirectUris: string[];
                            /** Format: date-time */
                            createdAt: string;
                            disabled: boolean;
                        };
                        clientSecret: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postSmartClientsByClientIdDisable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice. */
                "idempotency-key"?: string;
            };
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clientId: string;
                        name: string;
                        confidential: boolean;
                        redirectUris: string[];
                        /** Format: date-time */
                        createdAt: string;
                        disabled: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOperations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        timeZone: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        to: string;
                        figures: ("third-next-available" | "lead-time" | "attendance" | "message-response" | "refill-turnaround" | "referral-turnaround" | "arrival-wait" | "portal-adoption" | "survey-score")[];
                        locations: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        providers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOperationsFiguresByFigure: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD */
                from?: string;
                /** @description YYYY-MM-DD */
                to?: string;
                locationId?: string;
                providerId?: string;
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                figure: "third-next-available" | "lead-time" | "attendance" | "message-response" | "refill-turnaround" | "referral-turnaround" | "arrival-wait" | "portal-adoption" | "survey-score";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        figure: "third-next-available" | "lead-time" | "attendance" | "message-response" | "refill-turnaround" | "referral-turnaround" | "arrival-wait" | "portal-adoption" | "survey-score";
                        timeZone: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        to: string;
                        /** Format: date-time */
                        asOf: string;
                        filters: {
                            locationId: string | null;
                            providerId: string | null;
                        };
                        applies: {
                            dateRange: boolean;
                            location: boolean;
                            provider: boolean;
                        };
                        columns: {
                            key: string;
                            unit: "text" | "count" | "percent" | "days" | "hours" | "minutes" | "score";
                        }[];
                        rows: {
                            [key: string]: number | string | null;
                        }[];
                        total: {
                            [key: string]: number | string | null;
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
