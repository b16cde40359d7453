import { type Static, Type } from "typebox";
import { IsoDate, IsoDateTime, ShortText, Uuid } from "./common.ts";

/**
 * Health updates from patients (SPEC §2.7): readings (blood pressure, heart rate, weight,
 * glucose, temperature, SpO2) and questionnaires (PHQ-9, GAD-7), flagged against the clinic's
 * ranges; flagged ones go to the care team's queue; trends per measure.
 */

export const Measure = Type.Union([
  Type.Literal("blood_pressure"),
  Type.Literal("heart_rate"),
  Type.Literal("weight"),
  Type.Literal("glucose"),
  Type.Literal("temperature"),
  Type.Literal("spo2"),
]);
export type Measure = Static<typeof Measure>;
export const MEASURES: readonly Measure[] = [
  "blood_pressure",
  "heart_rate",
  "weight",
  "glucose",
  "temperature",
  "spo2",
];

export const ReadingUnit = Type.Union([
  Type.Literal("mmHg"),
  Type.Literal("bpm"),
  Type.Literal("kg"),
  Type.Literal("lb"),
  Type.Literal("mg/dL"),
  Type.Literal("mmol/L"),
  Type.Literal("C"),
  Type.Literal("F"),
  Type.Literal("%"),
]);
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

export const FlagLevel = Type.Union([Type.Literal("urgent"), Type.Literal("attention"), Type.Literal("normal")]);
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
  kind: Type.Union([Type.Literal("patient"), Type.Literal("proxy"), Type.Literal("staff"), Type.Literal("system")]),
  displayName: Type.Union([Type.String(), Type.Null()]),
});

export const Reading = Type.Object({
  id: Uuid,
  measure: Measure,
  takenAt: IsoDateTime,
  /** as the person entered it */
  entered: Type.Object({
    unit: ReadingUnit,
    value: Type.Union([Type.Number(), Type.Null()]),
    systolic: Type.Union([Type.Integer(), Type.Null()]),
    diastolic: Type.Union([Type.Integer(), Type.Null()]),
  }),
  /** in the measure's canonical unit (mmHg, bpm, kg, mg/dL, °C, %) */
  canonical: Type.Object({
    unit: ReadingUnit,
    value: Type.Union([Type.Number(), Type.Null()]),
    systolic: Type.Union([Type.Integer(), Type.Null()]),
    diastolic: Type.Union([Type.Integer(), Type.Null()]),
  }),
  flag: FlagLevel,
  /** which limits it crossed: "systolic_high", "spo2_low", … */
  flagReasons: Type.Array(Type.String()),
  note: Type.Union([Type.String(), Type.Null()]),
  enteredBy: EnteredBy,
});
export type Reading = Static<typeof Reading>;

export const SentReading = Type.Object({ reading: Reading, guidance: Guidance });
export type SentReading = Static<typeof SentReading>;

export const QuestionnaireKind = Type.Union([Type.Literal("phq9"), Type.Literal("gad7")]);
export type QuestionnaireKind = Static<typeof QuestionnaireKind>;
export const QUESTIONNAIRE_ITEMS: Record<QuestionnaireKind, number> = { phq9: 9, gad7: 7 };

export const Severity = Type.Union([
  Type.Literal("minimal"),
  Type.Literal("mild"),
  Type.Literal("moderate"),
  Type.Literal("moderately_severe"),
  Type.Literal("severe"),
]);
export type Severity = Static<typeof Severity>;

/** POST /api/patients/:patientId/health-updates/questionnaires: every item answered 0–3 (null = not answered: 400) */
export const SendQuestionnaireRequest = Type.Object(
  {
    kind: QuestionnaireKind,
    answers: Type.Array(Type.Union([Type.Integer({ minimum: 0, maximum: 3 }), Type.Null()]), { maxItems: 9 }),
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
      value2: Type.Union([Type.Number(), Type.Null()]),
      flag: FlagLevel,
    }),
  ),
  summary: Type.Object({
    count: Type.Integer({ minimum: 0 }),
    latest: Type.Object({
      value: Type.Number(),
      value2: Type.Union([Type.Number(), Type.Null()]),
      takenAt: IsoDateTime,
    }),
    min: Type.Number(),
    max: Type.Number(),
    /** blood pressure: diastolic range */
    min2: Type.Union([Type.Number(), Type.Null()]),
    max2: Type.Union([Type.Number(), Type.Null()]),
    /** the last readings compared with the first of the period (beyond 5% either way) */
    trend: Type.Union([
      Type.Literal("rising"),
      Type.Literal("falling"),
      Type.Literal("steady"),
      Type.Literal("single"),
    ]),
    flagged: Type.Integer({ minimum: 0 }),
  }),
});
export type MeasureTrend = Static<typeof MeasureTrend>;

/** GET /api/patients/:patientId/health-updates */
export const HealthUpdates = Type.Object({
  patient: Type.Object({ id: Uuid, displayName: Type.String() }),
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

export const HealthFlagStatus = Type.Union([
  Type.Literal("open"),
  Type.Literal("acknowledged"),
  Type.Literal("resolved"),
]);
export type HealthFlagStatus = Static<typeof HealthFlagStatus>;

export const HealthFlagItem = Type.Object({
  id: Uuid,
  level: Type.Union([Type.Literal("urgent"), Type.Literal("attention")]),
  status: HealthFlagStatus,
  createdAt: IsoDateTime,
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  overdue: Type.Boolean(),
  patient: Type.Object({ id: Uuid, displayName: Type.String(), dateOfBirth: IsoDate }),
  reading: Type.Union([Reading, Type.Null()]),
  questionnaire: Type.Union([QuestionnaireResponse, Type.Null()]),
  acknowledged: Type.Union([Type.Object({ by: Type.String(), at: IsoDateTime }), Type.Null()]),
  resolved: Type.Union([Type.Object({ by: Type.String(), at: IsoDateTime }), Type.Null()]),
  workItemId: Type.Union([Uuid, Type.Null()]),
  abilities: Type.Object({ canAcknowledge: Type.Boolean(), canResolve: Type.Boolean() }),
});
export type HealthFlagItem = Static<typeof HealthFlagItem>;

export const HealthFlagQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal("active"), Type.Literal("resolved")])),
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

export const RangeKey = Type.Union([
  Type.Literal("systolic"),
  Type.Literal("diastolic"),
  Type.Literal("heart_rate"),
  Type.Literal("weight"),
  Type.Literal("glucose"),
  Type.Literal("temperature"),
  Type.Literal("spo2"),
  Type.Literal("phq9"),
  Type.Literal("gad7"),
]);
export type RangeKey = Static<typeof RangeKey>;
export const RANGE_KEYS: readonly RangeKey[] = [
  "systolic",
  "diastolic",
  "heart_rate",
  "weight",
  "glucose",
  "temperature",
  "spo2",
  "phq9",
  "gad7",
];

const Limit = Type.Union([Type.Number({ minimum: 0, maximum: 1000 }), Type.Null()]);

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
  updatedAt: Type.Union([IsoDateTime, Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  abilities: Type.Object({ canEdit: Type.Boolean() }),
});
export type FlagRanges = Static<typeof FlagRanges>;

/** PUT /api/health-flag-ranges (admins): every range, each limit in order */
export const SaveFlagRangesRequest = Type.Object(
  { ranges: Type.Array(FlagRange, { minItems: 1, maxItems: 9 }) },
  { additionalProperties: false },
);
export type SaveFlagRangesRequest = Static<typeof SaveFlagRangesRequest>;
