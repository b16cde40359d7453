import { type Static, Type } from "typebox";
import { IsoDate, IsoDateTime, Literals, NamedRef, Nullable, Uuid, VISIBLE_TEXT_PATTERN } from "./common.ts";

/**
 * Post-visit surveys (SPEC §2.8). A completed visit's patient (or the caregiver told for a
 * child without an address) gets a single-use link by email; the public page opens it with
 * `POST /api/surveys/open` and answers with `POST /api/surveys/answer` — no sign-in. Neither
 * says anything about the visit (a forwarded link reveals nothing). Admins read results per
 * provider and location: counts and scores, never the comments' words.
 */

export const SURVEY_COMMENT_MAX = 2000;

export const SurveyToken = Type.String({ minLength: 20, maxLength: 200, pattern: "^[A-Za-z0-9_-]+$" });

export const OpenSurveyRequest = Type.Object({ token: SurveyToken }, { additionalProperties: false });
export type OpenSurveyRequest = Static<typeof OpenSurveyRequest>;

export const OpenSurvey = Type.Object({
  status: Type.Literal("open"),
  /** the clinic asked about (its name only) */
  clinicName: Type.String(),
  expiresAt: IsoDateTime,
  /** the language of the person the link was sent to */
  language: Literals(["en", "es"]),
});
export type OpenSurvey = Static<typeof OpenSurvey>;

export const AnswerSurveyRequest = Type.Object(
  {
    token: SurveyToken,
    score: Type.Integer({ minimum: 0, maximum: 10, description: "0–10: how likely to recommend the clinic" }),
    comment: Type.Optional(
      Type.String({
        maxLength: SURVEY_COMMENT_MAX,
        pattern: VISIBLE_TEXT_PATTERN,
        description: "plain text, line breaks kept, no hidden formatting characters",
      }),
    ),
  },
  { additionalProperties: false },
);
export type AnswerSurveyRequest = Static<typeof AnswerSurveyRequest>;

export const AnswerSurveyResult = Type.Object({ status: Type.Literal("answered") });
export type AnswerSurveyResult = Static<typeof AnswerSurveyResult>;

export const SurveyResultsQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    locationId: Type.Optional(Uuid),
    providerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type SurveyResultsQuery = Static<typeof SurveyResultsQuery>;

/** Figures for one group of answered surveys (a provider, a location, or everything). */
export const SurveyFigures = Type.Object({
  sent: Type.Integer(),
  answered: Type.Integer(),
  /** mean score 0–10, one decimal; null when none answered */
  averageScore: Nullable(Type.Number()),
  /** net promoter score −100…100 (9–10 promoters minus 0–6 detractors, as % of answers); null when none */
  netPromoterScore: Nullable(Type.Integer()),
  promoters: Type.Integer(),
  passives: Type.Integer(),
  detractors: Type.Integer(),
  /** how many answers carry a comment (their words stay sealed) */
  comments: Type.Integer(),
});
export type SurveyFigures = Static<typeof SurveyFigures>;

export const SurveyResults = Type.Object({
  from: IsoDate,
  to: IsoDate,
  timeZone: Type.String(),
  overall: SurveyFigures,
  byProvider: Type.Array(
    Type.Intersect([Type.Object({ providerId: Uuid, providerName: Type.String() }), SurveyFigures]),
  ),
  byLocation: Type.Array(
    Type.Intersect([Type.Object({ locationId: Uuid, locationName: Type.String() }), SurveyFigures]),
  ),
  locations: Type.Array(NamedRef),
  providers: Type.Array(NamedRef),
});
export type SurveyResults = Static<typeof SurveyResults>;
