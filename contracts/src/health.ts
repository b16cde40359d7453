import { type Static, Type } from "typebox";
import { IsoDateTime, Literals, NamedPerson, Nullable, QueuePatient, ShortText, Uuid } from "./common.ts";

/**
 * Health updates from patients (SPEC §2.7): readings (blood pressure, heart rate, weight,
 * glucose, temperature, SpO2) and questionnaires (PHQ-9, GAD-7), flagged against the clinic's
 * ranges; flagged ones go to the care team's queue; trends per measure.
 */

const MEASURE_VALUES = ["blood_pressure", "heart_rate", "weight", "glucose", "temperature", "spo2"] as const;
export const Measure = Literals(MEASURE_VALUES);
export type Measure = Static<typeof Measure>;
export const MEASURES: readonly Measure[] = MEASURE_VALUES;

export const ReadingUnit = Literals(["mmHg", "bpm", "kg", "lb", "mg/dL", "mmol/L", "C", "F", "%"]);
export type ReadingUnit = Static<typeof ReadingUnit>;

/** The units each measure may be sent in; the first is the one the server stores it in (canonical). */
export const MEASURE_UNITS: Record<Measure, readonly ReadingUnit[]> = {
  blood_pressure: ["mmHg"],
  heart_rate: ["bpm"],
  weight: ["kg", "lb"],
  glucose: ["mg/dL", "mmol/L"],
  temperature: ["C", "F"],
  spo2: ["%"],
};

export const FlagLevel = Literals(["urgent", "attention", "normal"]);
export type FlagLevel = Static<typeof FlagLevel>;

/**
 * What the patient should be told at once: `emergency` (call 911: blood pressure ≥ 180/120 or
 * another urgent reading), `crisis` (call or text 988: PHQ-9 item 9 above 0). The update is
 * saved either way.
 */
export const Guidance = Type.Union([Type.Literal("emergency"), Type.Literal("crisis"), Type.Null()]);
export type Guidance = Static<typeof Guidance>;

/** POST /api/patients/:patientId/health-updates/readings */
export const SendReadingRequest = Type.Object(
  {
    measure: Measure,
    unit: ReadingUnit,
    /** every measure but blood pressure */
    value: Type.Optional(Type.Number()),
    /** blood pressure only, mmHg */
    systolic: Type.Optional(Type.Integer()),
    diastolic: Type.Optional(Type.Integer()),
    /** when it was measured; defaults to now; never in the future */
    takenAt: Type.Optional(IsoDateTime),
    note: Type.Optional(ShortText(500, { allowEmpty: true, description: "the patient's note (sealed)" })),
  },
  { additionalProperties: false },
);
export type SendReadingRequest = Static<typeof SendReadingRequest>;

export const EnteredBy = Type.Object({
  kind: Literals(["patient", "proxy", "staff", "system"]),
  displayName: Nullable(Type.String()),
});

export const Reading = Type.Object({
  id: Uuid,
  measure: Measure,
  takenAt: IsoDateTime,
  /** as the person entered it */
  entered: Type.Object({
    unit: ReadingUnit,
    value: Nullable(Type.Number()),
    systolic: Nullable(Type.Integer()),
    diastolic: Nullable(Type.Integer()),
  }),
  /** in the measure's canonical unit (mmHg, bpm, kg, mg/dL, °C, %) */
  canonical: Type.Object({
    unit: ReadingUnit,
    value: Nullable(Type.Number()),
    systolic: Nullable(Type.Integer()),
    diastolic: Nullable(Type.Integer()),
  }),
  flag: FlagLevel,
  /** which limits it crossed: "systolic_high", "spo2_low", … */
  flagReasons: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  enteredBy: EnteredBy,
});
export type Reading = Static<typeof Reading>;

export const SentReading = Type.Object({ reading: Reading, guidance: Guidance });
export type SentReading = Static<typeof SentReading>;

export const QuestionnaireKind = Literals(["phq9", "gad7"]);
export type QuestionnaireKind = Static<typeof QuestionnaireKind>;
export const QUESTIONNAIRE_ITEMS: Record<QuestionnaireKind, number> = { phq9: 9, gad7: 7 };

export const Severity = Literals(["minimal", "mild", "moderate", "moderately_severe", "severe"]);
export type Severity = Static<typeof Severity>;

/** POST /api/patients/:patientId/health-updates/questionnaires: every item answered 0–3 (null = not answered: 400) */
export const SendQuestionnaireRequest = Type.Object(
  {
    kind: QuestionnaireKind,
    answers: Type.Array(Nullable(Type.Integer({ minimum: 0, maximum: 3 })), { maxItems: 9 }),
    /** sent as the intake for this upcoming visit of the patient (its visit type must ask for `kind`) */
    appointmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type SendQuestionnaireRequest = Static<typeof SendQuestionnaireRequest>;

export const QuestionnaireResponse = Type.Object({
  id: Uuid,
  kind: QuestionnaireKind,
  answers: Type.Array(Type.Integer({ minimum: 0, maximum: 3 })),
  score: Type.Integer({ minimum: 0 }),
  maxScore: Type.Integer({ minimum: 0 }),
  severity: Severity,
  flag: FlagLevel,
  flagReasons: Type.Array(Type.String()),
  createdAt: IsoDateTime,
  enteredBy: EnteredBy,
  /** the visit this response was the intake for: its start and the zone to show it in */
  intakeFor: Type.Union([
    Type.Object({ appointmentId: Uuid, start: IsoDateTime, timeZone: Type.String() }),
    Type.Null(),
  ]),
});
export type QuestionnaireResponse = Static<typeof QuestionnaireResponse>;

export const SentQuestionnaire = Type.Object({ response: QuestionnaireResponse, guidance: Guidance });
export type SentQuestionnaire = Static<typeof SentQuestionnaire>;

/** One measure's trend: the facts the text summary is worded from (the web words them). */
export const MeasureTrend = Type.Object({
  measure: Measure,
  /** the unit the points and summary are shown in: the one of the latest reading */
  unit: ReadingUnit,
  /** oldest first, in `unit` (blood pressure: systolic as value, diastolic as value2) */
  points: Type.Array(
    Type.Object({
      readingId: Uuid,
      takenAt: IsoDateTime,
      value: Type.Number(),
      value2: Nullable(Type.Number()),
      flag: FlagLevel,
    }),
  ),
  summary: Type.Object({
    count: Type.Integer({ minimum: 0 }),
    latest: Type.Object({
      value: Type.Number(),
      value2: Nullable(Type.Number()),
      takenAt: IsoDateTime,
    }),
    min: Type.Number(),
    max: Type.Number(),
    /** blood pressure: diastolic range */
    min2: Nullable(Type.Number()),
    max2: Nullable(Type.Number()),
    /** the last readings compared with the first of the period (beyond 5% either way) */
    trend: Literals(["rising", "falling", "steady", "single"]),
    flagged: Type.Integer({ minimum: 0 }),
  }),
});
export type MeasureTrend = Static<typeof MeasureTrend>;

/** GET /api/patients/:patientId/health-updates */
export const HealthUpdates = Type.Object({
  patient: NamedPerson,
  /** the reader is this patient (else pages name the patient) */
  readerIsPatient: Type.Boolean(),
  abilities: Type.Object({ canSend: Type.Boolean() }),
  /** newest first, the last 365 days */
  readings: Type.Array(Reading),
  /** one per measure that has readings */
  trends: Type.Array(MeasureTrend),
  questionnaires: Type.Array(QuestionnaireResponse),
});
export type HealthUpdates = Static<typeof HealthUpdates>;

// ---- the care team's flagged-updates queue ----

export const HealthFlagStatus = Literals(["open", "acknowledged", "resolved"]);
export type HealthFlagStatus = Static<typeof HealthFlagStatus>;

/** who moved a flag on (their display name), and when */
const DoneBy = Type.Object({ by: Type.String(), at: IsoDateTime });

export const HealthFlagItem = Type.Object({
  id: Uuid,
  level: Literals(["urgent", "attention"]),
  status: HealthFlagStatus,
  createdAt: IsoDateTime,
  dueAt: Nullable(IsoDateTime),
  overdue: Type.Boolean(),
  patient: QueuePatient,
  reading: Nullable(Reading),
  questionnaire: Nullable(QuestionnaireResponse),
  acknowledged: Nullable(DoneBy),
  resolved: Nullable(DoneBy),
  workItemId: Nullable(Uuid),
  abilities: Type.Object({ canAcknowledge: Type.Boolean(), canResolve: Type.Boolean() }),
});
export type HealthFlagItem = Static<typeof HealthFlagItem>;

export const HealthFlagQuery = Type.Object(
  {
    status: Type.Optional(Literals(["active", "resolved"])),
    patientId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type HealthFlagQuery = Static<typeof HealthFlagQuery>;

/** GET /api/health-flags: urgent first, then oldest first */
export const HealthFlagQueue = Type.Object({ items: Type.Array(HealthFlagItem) });
export type HealthFlagQueue = Static<typeof HealthFlagQueue>;

export const HealthFlagParams = Type.Object({ flagId: Uuid });

// ---- the clinic's flag ranges ----

const RANGE_KEY_VALUES = [
  "systolic",
  "diastolic",
  "heart_rate",
  "weight",
  "glucose",
  "temperature",
  "spo2",
  "phq9",
  "gad7",
] as const;
export const RangeKey = Literals(RANGE_KEY_VALUES);
export type RangeKey = Static<typeof RangeKey>;
export const RANGE_KEYS: readonly RangeKey[] = RANGE_KEY_VALUES;

const Limit = Nullable(Type.Number({ minimum: 0, maximum: 1000 }));

/**
 * One range, in the canonical unit: below `urgentBelow` or at/above `urgentAtOrAbove` →
 * urgent; else below `attentionBelow` or at/above `attentionAtOrAbove` → attention. Null: no
 * such limit.
 */
export const FlagRange = Type.Object(
  {
    key: RangeKey,
    urgentBelow: Limit,
    attentionBelow: Limit,
    attentionAtOrAbove: Limit,
    urgentAtOrAbove: Limit,
  },
  { additionalProperties: false },
);
export type FlagRange = Static<typeof FlagRange>;

export const FlagRanges = Type.Object({
  ranges: Type.Array(
    Type.Object({
      key: RangeKey,
      unit: Type.String(),
      urgentBelow: Limit,
      attentionBelow: Limit,
      attentionAtOrAbove: Limit,
      urgentAtOrAbove: Limit,
    }),
  ),
  updatedAt: Nullable(IsoDateTime),
  updatedBy: Nullable(Type.String()),
  abilities: Type.Object({ canEdit: Type.Boolean() }),
});
export type FlagRanges = Static<typeof FlagRanges>;

/** PUT /api/health-flag-ranges (admins): every range, each limit in order */
export const SaveFlagRangesRequest = Type.Object(
  { ranges: Type.Array(FlagRange, { minItems: 1, maxItems: 9 }) },
  { additionalProperties: false },
);
export type SaveFlagRangesRequest = Static<typeof SaveFlagRangesRequest>;
