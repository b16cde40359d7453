import type {
  ControlledSchedule,
  LabRequirement,
  RefillDecision,
  RefillLabCheck,
  RefillReason,
} from "@portico/contracts";

/**
 * The refill protocol engine (SPEC §2.4): decides one medication of a refill request from
 * facts gathered by the caller. Pure — no database, no clock — so every rule and boundary is
 * table-tested (protocol-engine.test.ts).
 *
 * 1. a controlled substance (schedule II–V) is never approved on its own → the prescriber;
 * 2. refills remaining and not early → approved (`refill_from_remaining`);
 * 3. no refills left → a renewal, approved (`renewal_under_protocol`) only when the protocol
 *    covers the medication's class, the patient had a completed visit with the prescriber
 *    within the window, each lab the class requires is recent enough, and it is not early;
 * 4. anything else → the prescriber's queue; an early request says the day it becomes possible.
 */

export interface ProtocolRules {
  version: number;
  classes: readonly { code: string; label: string }[];
  visitWindowDays: number;
  labRequirements: readonly LabRequirement[];
  /** the fraction of days' supply that must have passed since the last fill */
  earlyRefillFraction: number;
}

export interface MedicationFacts {
  refillsRemaining: number;
  daysSupply: number;
  /** "YYYY-MM-DD"; null when never filled (never early) */
  lastFilledOn: string | null;
  controlledSchedule: ControlledSchedule;
  protocolClass: string | null;
  prescriberId: string | null;
}

export interface PatientFactsForRefill {
  /** the day of the latest completed visit with the medication's prescriber, "YYYY-MM-DD" */
  lastVisitWithPrescriberOn: string | null;
  /** the day of the latest result of each lab test, by lab code */
  latestLabOn: Readonly<Record<string, string>>;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The days that must pass after the last fill: the fraction of the supply, rounded up to a
 * whole day. Rounded to 6 decimals first, so 2/3 of 30 days is exactly 20 and not 20.000000000000004.
 */
export function daysBeforeRefill(daysSupply: number, fraction: number): number {
  return Math.ceil(Number((daysSupply * fraction).toFixed(6)));
}

/** The first day a refill is not early; null when the medication was never filled. */
export function refillPossibleFrom(
  medication: Pick<MedicationFacts, "daysSupply" | "lastFilledOn">,
  fraction: number,
): string | null {
  if (!medication.lastFilledOn) return null;
  return addDays(medication.lastFilledOn, daysBeforeRefill(medication.daysSupply, fraction));
}

/**
 * The protocol's lab rule for a medication's class: each required lab, its latest result and
 * whether it is recent enough (at most `maxAgeDays` old).
 * The decision below and the refill queue's "labs" both read it.
 */
export function labChecks(
  protocolClass: string | null,
  latestLabOn: Readonly<Record<string, string>>,
  protocol: Pick<ProtocolRules, "labRequirements">,
  today: string,
): RefillLabCheck[] {
  if (!protocolClass) return [];
  return protocol.labRequirements
    .filter((l) => l.classCode === protocolClass)
    .map((lab) => {
      const on = latestLabOn[lab.labCode] ?? null;
      const ageDays = on === null ? null : daysBetween(on, today);
      return {
        labCode: lab.labCode,
        labName: lab.labName,
        maxAgeDays: lab.maxAgeDays,
        latestOn: on,
        ageDays,
        recentEnough: ageDays !== null && ageDays <= lab.maxAgeDays,
      };
    });
}

export function decideRefill(
  medication: MedicationFacts,
  patient: PatientFactsForRefill,
  protocol: ProtocolRules,
  today: string,
): RefillDecision {
  const possibleFrom = refillPossibleFrom(medication, protocol.earlyRefillFraction);
  const early = possibleFrom !== null && daysBetween(today, possibleFrom) > 0;
  const earlyReason: RefillReason[] = early
    ? [
        {
          code: "too_early",
          detail: `Less than ${Math.round(protocol.earlyRefillFraction * 100)}% of the ${medication.daysSupply}-day supply has passed since the last fill; possible from ${possibleFrom}.`,
        },
      ]
    : [];
  const decision = (
    outcome: RefillDecision["outcome"],
    rule: RefillDecision["rule"],
    reasons: RefillReason[],
  ): RefillDecision => ({
    outcome,
    rule,
    protocolVersion: protocol.version,
    possibleFrom: early ? possibleFrom : null,
    reasons,
  });

  if (medication.controlledSchedule !== "none") {
    return decision("queued", "controlled_substance", [
      {
        code: "controlled_substance",
        detail: `A schedule ${medication.controlledSchedule} controlled substance is never refilled without the prescriber.`,
      },
      ...earlyReason,
    ]);
  }

  if (medication.refillsRemaining > 0) {
    return early ? decision("queued", "too_early", earlyReason) : decision("approved", "refill_from_remaining", []);
  }

  // a renewal: every protocol condition, each unmet one recorded
  const reasons: RefillReason[] = [];
  const covered = medication.protocolClass
    ? protocol.classes.find((c) => c.code === medication.protocolClass)
    : undefined;
  if (!medication.protocolClass) {
    reasons.push({ code: "no_protocol_class", detail: "The medication has no protocol class." });
  } else if (!covered) {
    reasons.push({
      code: "class_not_covered",
      detail: `The protocol does not cover the class "${medication.protocolClass}".`,
    });
  }
  if (!medication.prescriberId) {
    reasons.push({ code: "no_prescriber", detail: "The medication has no prescriber on record." });
  } else {
    const visit = patient.lastVisitWithPrescriberOn;
    const age = visit === null ? null : daysBetween(visit, today);
    if (age === null || age < 0 || age > protocol.visitWindowDays) {
      reasons.push({
        code: "no_recent_visit",
        detail:
          visit === null
            ? `No completed visit with the prescriber in the last ${protocol.visitWindowDays} days.`
            : `The last completed visit with the prescriber was ${age} days ago (the window is ${protocol.visitWindowDays} days).`,
      });
    }
  }
  for (const lab of labChecks(medication.protocolClass, patient.latestLabOn, protocol, today)) {
    if (lab.latestOn === null) {
      reasons.push({ code: "lab_missing", detail: `No ${lab.labName} result on record.` });
    } else if (!lab.recentEnough) {
      reasons.push({
        code: "lab_too_old",
        detail: `The last ${lab.labName} was ${lab.ageDays} days ago (at most ${lab.maxAgeDays}).`,
      });
    }
  }
  if (reasons.length === 0) {
    return early ? decision("queued", "too_early", earlyReason) : decision("approved", "renewal_under_protocol", []);
  }
  return decision("queued", "renewal_needs_prescriber", [...reasons, ...earlyReason]);
}
