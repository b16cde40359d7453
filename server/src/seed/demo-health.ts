import { randomUUID } from "node:crypto";
import type { FlagLevel, Measure, ReadingUnit } from "@portico/contracts";
import { DEFAULT_RANGES, flagReading, rangeMap, scoreQuestionnaire } from "../modules/health-updates/flagging.ts";
import { HEALTH_FLAG_SUBJECT, HEALTH_QUEUE, URGENT_DUE_MS } from "../modules/health-updates/health-rows.ts";
import { checkReading } from "../modules/health-updates/measures.ts";
import { readingNoteSeal } from "../modules/health-updates/seals.ts";
import { addBusinessDays } from "../platform/work-queue/work-queue.ts";
import type { DemoSeedContext } from "./demo-clinic.ts";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface DemoReading {
  patient: string;
  /** entered by this user key (a caregiver), else the patient's own login */
  by?: string;
  measure: Measure;
  unit: ReadingUnit;
  value?: number;
  systolic?: number;
  diastolic?: number;
  /** hours before now */
  hoursAgo: number;
  note?: string;
}

/** a morning reading `daysAgo` days back, at about 08:00 New York time */
const morning = (daysAgo: number) => daysAgo * 24 + 2;

/**
 * Health updates for the demo (SPEC §7): six weeks of blood pressure and weight for Alex Rivera
 * (improving), a month of Sam's blood pressure rising to an urgent 184/112 yesterday — flagged
 * in Dr. Okafor's team's queue, where the nurse sees it — heart rate and glucose for Sam,
 * temperatures Sam sent for Jamie, and questionnaires: Alex's PHQ-9 (mild) and Morgan's GAD-7.
 */
export async function seedDemoHealth(ctx: DemoSeedContext): Promise<void> {
  const { trx, now, ids, cipher } = ctx;
  const ranges = rangeMap(DEFAULT_RANGES);
  const readings: DemoReading[] = [];
  // Alex: blood pressure every three days for six weeks, coming down from stage 1 to normal
  for (let i = 0; i < 15; i++) {
    const daysAgo = 42 - i * 3;
    const systolic = Math.round(146 - i * 1.6 + (i % 3 === 0 ? 3 : i % 3 === 1 ? -2 : 0));
    const diastolic = Math.round(93 - i * 0.9 + (i % 2 === 0 ? 1 : -1));
    readings.push({
      patient: "alex",
      measure: "blood_pressure",
      unit: "mmHg",
      systolic,
      diastolic,
      hoursAgo: morning(daysAgo),
    });
  }
  readings[readings.length - 1] = {
    ...(readings[readings.length - 1] as DemoReading),
    note: "Walking 30 minutes a day now.",
  };
  // Alex: weight every week, in pounds
  for (let i = 0; i < 7; i++) {
    readings.push({
      patient: "alex",
      measure: "weight",
      unit: "lb",
      value: 171.4 - i * 0.9,
      hoursAgo: morning(42 - i * 7) + 1,
    });
  }
  // Sam: blood pressure rising over four weeks, then urgent yesterday
  const samBp: [number, number][] = [
    [128, 82],
    [131, 84],
    [129, 83],
    [134, 86],
    [138, 88],
    [141, 90],
    [143, 91],
    [147, 94],
    [152, 96],
    [158, 99],
  ];
  samBp.forEach(([systolic, diastolic], i) => {
    readings.push({
      patient: "sam",
      measure: "blood_pressure",
      unit: "mmHg",
      systolic,
      diastolic,
      hoursAgo: morning(30 - i * 3),
    });
  });
  readings.push({
    patient: "sam",
    measure: "blood_pressure",
    unit: "mmHg",
    systolic: 184,
    diastolic: 112,
    hoursAgo: 20,
    note: "Headache since this morning.",
  });
  for (let i = 0; i < 6; i++) {
    readings.push({
      patient: "sam",
      measure: "heart_rate",
      unit: "bpm",
      value: 72 + (i % 3) * 4 + i,
      hoursAgo: morning(30 - i * 6),
    });
    readings.push({
      patient: "sam",
      measure: "glucose",
      unit: "mg/dL",
      value: 104 + i * 3 - (i % 2) * 5,
      hoursAgo: morning(29 - i * 6),
    });
  }
  // Jamie (8): a fever last week, sent by Sam
  [38.6, 38.9, 38.1, 37.4, 36.9].forEach((value, i) => {
    readings.push({
      patient: "jamie",
      by: "user:sam",
      measure: "temperature",
      unit: "C",
      value,
      hoursAgo: 8 * 24 - i * 12,
    });
  });

  const userOf = async (patientKey: string): Promise<string | null> => {
    const row = await trx
      .selectFrom("patients")
      .select("user_id")
      .where("id", "=", ids[`patient:${patientKey}`] as string)
      .executeTakeFirst();
    return row?.user_id ?? null;
  };

  for (const r of readings) {
    const patientId = ids[`patient:${r.patient}`];
    if (!patientId) continue;
    const checked = checkReading({
      measure: r.measure,
      unit: r.unit,
      ...(r.value !== undefined ? { value: Math.round(r.value * 10) / 10 } : {}),
      ...(r.systolic !== undefined ? { systolic: r.systolic, diastolic: r.diastolic } : {}),
    });
    if ("problems" in checked) throw new Error(`demo reading refused: ${JSON.stringify(checked.problems)}`);
    const flagged = flagReading(checked, ranges);
    const id = randomUUID();
    const takenAt = new Date(now.getTime() - r.hoursAgo * HOUR_MS);
    const byUser = r.by ? (ids[r.by] ?? null) : await userOf(r.patient);
    await trx
      .insertInto("health_readings")
      .values({
        id,
        patient_id: patientId,
        measure: checked.measure,
        unit: checked.unit,
        value_entered: checked.valueEntered,
        value: checked.value,
        systolic: checked.systolic,
        diastolic: checked.diastolic,
        taken_at: takenAt,
        note_sealed: r.note ? cipher.seal(r.note, readingNoteSeal(id)) : null,
        flag: flagged.flag,
        flag_reasons: flagged.reasons,
        entered_by: byUser,
        entered_by_kind: r.by ? "proxy" : "patient",
        via_proxy_grant_id: null,
        created_at: takenAt,
      })
      .execute();
    // only the urgent one still waits: the nurse has resolved the others
    if (flagged.flag !== "normal") {
      await flag(ctx, patientId, flagged.flag, { reading_id: id }, takenAt, flagged.flag !== "urgent");
    }
  }

  const questionnaires: { patient: string; kind: "phq9" | "gad7"; answers: number[]; daysAgo: number }[] = [
    { patient: "alex", kind: "phq9", answers: [1, 1, 1, 0, 1, 0, 1, 1, 0], daysAgo: 21 },
    { patient: "alex", kind: "phq9", answers: [1, 0, 1, 0, 1, 0, 0, 1, 0], daysAgo: 3 },
    { patient: "morgan", kind: "gad7", answers: [2, 1, 2, 1, 1, 1, 1], daysAgo: 5 },
  ];
  for (const q of questionnaires) {
    const patientId = ids[`patient:${q.patient}`];
    if (!patientId) continue;
    const scored = scoreQuestionnaire(q.kind, q.answers, ranges);
    if ("problems" in scored) throw new Error("demo questionnaire refused");
    const at = new Date(now.getTime() - q.daysAgo * DAY_MS);
    const id = randomUUID();
    await trx
      .insertInto("questionnaire_responses")
      .values({
        id,
        patient_id: patientId,
        kind: scored.kind,
        answers: scored.answers,
        score: scored.score,
        severity: scored.severity,
        flag: scored.flag,
        flag_reasons: scored.reasons,
        entered_by: await userOf(q.patient),
        entered_by_kind: "patient",
        via_proxy_grant_id: null,
        created_at: at,
      })
      .execute();
    if (scored.flag !== "normal") await flag(ctx, patientId, scored.flag, { questionnaire_response_id: id }, at, false);
  }
  ctx.notes.push("Sam Rivera's blood pressure of 184/112 yesterday waits, flagged urgent, in the nurse's In Basket.");
}

async function flag(
  ctx: DemoSeedContext,
  patientId: string,
  level: FlagLevel,
  subject: { reading_id: string } | { questionnaire_response_id: string },
  at: Date,
  resolved: boolean,
): Promise<void> {
  if (level === "normal") return;
  const { trx, ids } = ctx;
  const nurse = ids["user:nurse"] ?? null;
  const patient = await trx
    .selectFrom("patients")
    .select("pcp_provider_id")
    .where("id", "=", patientId)
    .executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto("health_flags")
    .values({
      patient_id: patientId,
      reading_id: null,
      questionnaire_response_id: null,
      ...subject,
      level,
      created_at: at,
      ...(resolved
        ? {
            status: "resolved" as const,
            acknowledged_by: nurse,
            acknowledged_at: new Date(at.getTime() + HOUR_MS / 2),
            resolved_by: nurse,
            resolved_at: new Date(at.getTime() + 3 * HOUR_MS),
          }
        : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("work_items")
    .values({
      queue: HEALTH_QUEUE,
      patient_id: patientId,
      subject_type: HEALTH_FLAG_SUBJECT,
      subject_id: id,
      provider_id: patient.pcp_provider_id,
      due_at: level === "urgent" ? new Date(at.getTime() + URGENT_DUE_MS) : addBusinessDays(at, 1),
      created_at: at,
      ...(resolved
        ? { status: "done" as const, completed_at: new Date(at.getTime() + 3 * HOUR_MS), completed_by: nurse }
        : {}),
    })
    .execute();
}
