import type { ReferralStatus } from "@portico/contracts";

/**
 * The referral's status flow (SPEC §2.6) as one pure function: which action may move a
 * referral from which status, and to what. Everything that changes a referral's status asks
 * here first; a refused move is a 409 and changes nothing.
 *
 *   requested ──approve──▶ approved ──book (last visit)──▶ scheduled ──complete (last visit)──▶ completed
 *       │  └──deny──▶ denied      ▲  └──expire──▶ expired      │
 *       └──ask_for_visit──▶ visit_requested ──approve/deny──┘   └──release (a cancelled visit)──▶ approved
 *   requested, visit_requested, approved (nothing booked) ──cancel──▶ cancelled
 */
export type ReferralAction =
  | "approve"
  | "deny"
  | "ask_for_visit"
  | "cancel"
  /** a visit was booked with the ticket; `lastVisit`: it used the last one */
  | "book"
  /** a booked visit was cancelled and gave its visit back */
  | "release"
  /** a booked visit took place; `lastVisit`: every allowed visit is now done */
  | "complete"
  | "expire";

export interface TransitionFacts {
  /** book: this booking uses the last allowed visit; complete: every allowed visit is done */
  lastVisit?: boolean;
  /** cancel: some visit is booked with the ticket */
  hasBookedVisits?: boolean;
  /** release: the ticket's expiry has passed (the visit is given back but cannot be used) */
  expired?: boolean;
}

export type TransitionResult = { ok: true; to: ReferralStatus } | { ok: false };

export function transition(
  from: ReferralStatus,
  action: ReferralAction,
  facts: TransitionFacts = {},
): TransitionResult {
  const to = (status: ReferralStatus): TransitionResult => ({ ok: true, to: status });
  switch (action) {
    case "approve":
    case "deny":
      return from === "requested" || from === "visit_requested"
        ? to(action === "approve" ? "approved" : "denied")
        : { ok: false };
    case "ask_for_visit":
      return from === "requested" ? to("visit_requested") : { ok: false };
    case "cancel":
      if (from === "requested" || from === "visit_requested") return to("cancelled");
      return from === "approved" && !facts.hasBookedVisits ? to("cancelled") : { ok: false };
    case "book":
      return from === "approved" ? to(facts.lastVisit ? "scheduled" : "approved") : { ok: false };
    case "release":
      if (from !== "approved" && from !== "scheduled" && from !== "expired") return { ok: false };
      return to(from === "expired" || facts.expired ? "expired" : "approved");
    case "complete":
      if (from !== "approved" && from !== "scheduled") return { ok: false };
      return to(facts.lastVisit ? "completed" : from);
    case "expire":
      return from === "approved" ? to("expired") : { ok: false };
  }
}

/** The statuses in which the referral is a usable ticket (still subject to expiry and visits left). */
export const TICKET_STATUSES: readonly ReferralStatus[] = ["approved"];
/** The statuses the PCP's queue shows by default. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ["requested", "visit_requested"];
