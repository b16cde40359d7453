import type { ReferralStatus } from "@portico/contracts";
import { describe, expect, it } from "vitest";
import { type ReferralAction, type TransitionFacts, transition } from "./state-machine.ts";

const STATUSES: readonly ReferralStatus[] = [
  "requested",
  "approved",
  "denied",
  "visit_requested",
  "scheduled",
  "completed",
  "expired",
  "cancelled",
];
const ACTIONS: readonly ReferralAction[] = [
  "approve",
  "deny",
  "ask_for_visit",
  "cancel",
  "book",
  "release",
  "complete",
  "expire",
];

/** Every allowed move: [from, action, facts, to]. Anything not listed is refused. */
const ALLOWED: [ReferralStatus, ReferralAction, TransitionFacts, ReferralStatus][] = [
  ["requested", "approve", {}, "approved"],
  ["visit_requested", "approve", {}, "approved"],
  ["requested", "deny", {}, "denied"],
  ["visit_requested", "deny", {}, "denied"],
  ["requested", "ask_for_visit", {}, "visit_requested"],
  ["requested", "cancel", {}, "cancelled"],
  ["visit_requested", "cancel", {}, "cancelled"],
  ["approved", "cancel", { hasBookedVisits: false }, "cancelled"],
  ["approved", "book", { lastVisit: false }, "approved"],
  ["approved", "book", { lastVisit: true }, "scheduled"],
  ["approved", "release", {}, "approved"],
  ["scheduled", "release", {}, "approved"],
  ["scheduled", "release", { expired: true }, "expired"],
  ["expired", "release", {}, "expired"],
  ["approved", "complete", { lastVisit: false }, "approved"],
  ["approved", "complete", { lastVisit: true }, "completed"],
  ["scheduled", "complete", { lastVisit: false }, "scheduled"],
  ["scheduled", "complete", { lastVisit: true }, "completed"],
  ["approved", "expire", {}, "expired"],
];

describe("the referral state machine", () => {
  it.each(ALLOWED)("%s --%s %j--> %s", (from, action, facts, to) => {
    expect(transition(from, action, facts)).toEqual({ ok: true, to });
  });

  it("refuses every other move, whatever the facts", () => {
    const factSets: TransitionFacts[] = [
      {},
      { lastVisit: true },
      { hasBookedVisits: true },
      { expired: true },
      { lastVisit: false, hasBookedVisits: false },
    ];
    const allowed = new Set(ALLOWED.map(([from, action]) => `${from}:${action}`));
    let refused = 0;
    for (const from of STATUSES) {
      for (const action of ACTIONS) {
        if (allowed.has(`${from}:${action}`)) continue;
        for (const facts of factSets) {
          expect(transition(from, action, facts), `${from} ${action} ${JSON.stringify(facts)}`).toEqual({ ok: false });
          refused += 1;
        }
      }
    }
    expect(refused).toBeGreaterThan(40 * factSets.length);
  });

  it("keeps an approved referral with a booked visit from being withdrawn", () => {
    expect(transition("approved", "cancel", { hasBookedVisits: true })).toEqual({ ok: false });
  });

  it("ends in denied, completed, expired and cancelled: no action leaves them except a cancelled visit's release", () => {
    for (const from of ["denied", "completed", "cancelled"] as const) {
      for (const action of ACTIONS) expect(transition(from, action).ok, `${from} ${action}`).toBe(false);
    }
  });
});
