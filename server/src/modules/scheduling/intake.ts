import type { IntakeItem, QuestionnaireKind } from "@portico/contracts";
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
  completed(patientId: string, appointmentIds: readonly string[]): Promise<IntakeResponse[]>;
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
      access.patientId,
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
