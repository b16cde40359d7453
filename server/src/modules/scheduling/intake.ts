import type {
  IntakeItem,
  QuestionnaireKind,
  QuestionnaireResponse,
  VisitIntakeItem,
  VisitIntakeStatus,
} from "@portico/contracts";
import type { AccessService, PatientAccess } from "../../platform/access/patient-access.ts";

const DAY = 24 * 60 * 60_000;
const ORDER: readonly QuestionnaireKind[] = ["phq9", "gad7"];
const OPEN_STATUSES = ["booked", "confirmed", "checked_in"];

/** A questionnaire response sent as the intake for a visit (health updates answers these). */
export interface IntakeResponse {
  appointmentId: string;
  kind: QuestionnaireKind;
  completedAt: Date;
}

/** Where the responses live: the health-updates module plugs itself in once its services are built. */
export interface IntakeResponses {
  /** which of these visits of the access's patient had their questionnaires answered, and when (no results) */
  completed(access: PatientAccess, appointmentIds: readonly string[]): Promise<IntakeResponse[]>;
  /** which of these visits' questionnaires were answered (visits on a board or schedule the reader works; no results) */
  completedForVisits(appointmentIds: readonly string[]): Promise<IntakeResponse[]>;
  /** the responses sent as this visit's intake, newest first, with answers (an access for `health_updates` read) */
  answers(access: PatientAccess, appointmentId: string): Promise<QuestionnaireResponse[]>;
}

/** A visit on a board or schedule the reader works (the caller checked the board or schedule). */
export interface StaffIntakeVisit {
  id: string;
  patientId: string;
  intakeQuestionnaires: readonly string[] | null;
}

/** Why a clinician looks at a visit's intake results: the visit they work (audited with the look). */
const visitReason = (appointmentId: string) => ({ queue: "arrivals", itemId: appointmentId });

const FLAG_RANK = { normal: 0, attention: 1, urgent: 2 } as const;

/**
 * The staff view of one visit's intake: done or not per questionnaire asked for; scores and
 * flags from `answers` (the latest response of each kind) only when given (results shown).
 */
export function staffIntake(
  asked: readonly QuestionnaireKind[],
  done: ReadonlyMap<string, Date>,
  answers: readonly QuestionnaireResponse[] | null,
  canOpenAnswers: boolean,
): VisitIntakeStatus {
  const items = asked.map((kind): VisitIntakeItem => {
    const at = done.get(kind) ?? null;
    const latest = answers?.filter((r) => r.kind === kind).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    return {
      questionnaire: kind,
      done: at !== null,
      completedAt: at?.toISOString() ?? null,
      score: latest?.score ?? null,
      maxScore: latest?.maxScore ?? null,
      severity: latest?.severity ?? null,
      flag: latest?.flag ?? null,
    };
  });
  const doneCount = items.filter((i) => i.done).length;
  let worst: "normal" | "attention" | "urgent" = "normal";
  for (const item of items) if (item.flag && FLAG_RANK[item.flag] > FLAG_RANK[worst]) worst = item.flag;
  return {
    status: doneCount === 0 ? "not_done" : doneCount === items.length ? "done" : "partly_done",
    items,
    resultsShown: answers !== null,
    flagged: answers !== null && worst !== "normal" ? worst : null,
    canOpenAnswers,
  };
}

export interface IntakeVisit {
  id: string;
  startsAt: Date;
  status: string;
  intakeQuestionnaires: readonly string[] | null;
}

/**
 * What a visit asks to be done before it, as data for the page: each scored questionnaire its
 * visit type asks for is `due` from the eCheck-in window until the visit starts (while it is
 * still booked), and `done` once a response was sent as its intake (shown whenever).
 */
export function intakeItems(
  visit: IntakeVisit,
  done: ReadonlyMap<string, Date>,
  now: Date,
  opensDays: number,
): IntakeItem[] {
  const asked = ORDER.filter((kind) => visit.intakeQuestionnaires?.includes(kind));
  const open =
    now.getTime() >= visit.startsAt.getTime() - opensDays * DAY &&
    now < visit.startsAt &&
    OPEN_STATUSES.includes(visit.status);
  return asked.flatMap((kind): IntakeItem[] => {
    const at = done.get(kind);
    if (at) return [{ questionnaire: kind, status: "done", completedAt: at.toISOString() }];
    return open ? [{ questionnaire: kind, status: "due", completedAt: null }] : [];
  });
}

/**
 * The intake of a patient's visits for the reader: only the patient, and a caregiver whose
 * access covers sending health updates (the access policy decides: never a restricted parent
 * of an adolescent), see what is due; anyone else gets none.
 */
export class SchedulingIntake {
  readonly #access: AccessService;
  readonly #opensDays: number;
  #responses: IntakeResponses | undefined;

  constructor(deps: { access: AccessService; opensDays: number }) {
    this.#access = deps.access;
    this.#opensDays = deps.opensDays;
  }

  use(responses: IntakeResponses): void {
    this.#responses = responses;
  }

  /**
   * The intake of the visits on a board or schedule (the caller checked that the reader works
   * them). Done or not for every reader; scores and flags only where the access rules let the
   * reader read the patient's health updates for the visit they work (a nurse or physician:
   * care team or the arrivals queue reason; never the front desk), each look audited as reading
   * the patient's health updates, and only when something was answered.
   */
  async forStaff(visits: readonly StaffIntakeVisit[]): Promise<Map<string, VisitIntakeStatus>> {
    const result = new Map<string, VisitIntakeStatus>();
    const asking = visits.filter((v) => (v.intakeQuestionnaires?.length ?? 0) > 0);
    if (!asking.length) return result;
    const responses = this.#responses;
    const completed = responses ? await responses.completedForVisits(asking.map((v) => v.id)) : [];
    for (const visit of asking) {
      const asked = ORDER.filter((kind) => visit.intakeQuestionnaires?.includes(kind));
      const done = new Map<string, Date>();
      for (const r of completed) {
        if (r.appointmentId !== visit.id) continue;
        const seen = done.get(r.kind);
        if (!seen || r.completedAt > seen) done.set(r.kind, r.completedAt);
      }
      const reason = visitReason(visit.id);
      const mayRead = await this.#access.can(visit.patientId, { scope: "health_updates", action: "read", reason });
      let answers: QuestionnaireResponse[] | null = null;
      if (mayRead && responses) {
        answers = [];
        if (done.size > 0) {
          const access = await this.#access.authorizePatient(visit.patientId, {
            scope: "health_updates",
            action: "read",
            resourceType: "health_update",
            reason,
          });
          answers = await responses.answers(access, visit.id);
        }
      }
      result.set(visit.id, staffIntake(asked, done, answers, mayRead && Boolean(responses)));
    }
    return result;
  }

  /**
   * A clinician opens the answers sent as a visit's intake (the caller checked they work the
   * visit): the patient check with the visit as the reason (404 when refused), audited.
   */
  async answersFor(visit: StaffIntakeVisit): Promise<{ items: VisitIntakeItem[]; responses: QuestionnaireResponse[] }> {
    const access = await this.#access.authorizePatient(visit.patientId, {
      scope: "health_updates",
      action: "read",
      resourceType: "health_update",
      reason: visitReason(visit.id),
    });
    const responses = this.#responses ? await this.#responses.answers(access, visit.id) : [];
    const asked = ORDER.filter((kind) => visit.intakeQuestionnaires?.includes(kind));
    const done = new Map<string, Date>();
    for (const r of responses) {
      const at = new Date(r.createdAt);
      const seen = done.get(r.kind);
      if (!seen || at > seen) done.set(r.kind, at);
    }
    return { items: staffIntake(asked, done, responses, true).items, responses };
  }

  async forVisits(
    access: PatientAccess,
    visits: readonly IntakeVisit[],
    now: Date,
  ): Promise<Map<string, IntakeItem[]>> {
    const result = new Map<string, IntakeItem[]>();
    const asking = visits.filter((v) => (v.intakeQuestionnaires?.length ?? 0) > 0);
    if (!asking.length || !this.#responses) return result;
    if (access.basis !== "patient" && access.basis !== "proxy") return result;
    if (!(await this.#access.can(access.patientId, { scope: "health_updates", action: "write" }))) return result;
    const responses = await this.#responses.completed(
      access,
      asking.map((v) => v.id),
    );
    for (const visit of asking) {
      const done = new Map<string, Date>();
      for (const r of responses) {
        if (r.appointmentId !== visit.id) continue;
        const seen = done.get(r.kind);
        if (!seen || r.completedAt > seen) done.set(r.kind, r.completedAt);
      }
      result.set(visit.id, intakeItems(visit, done, now, this.#opensDays));
    }
    return result;
  }
}
