import {
  AnswerSurveyRequest,
  AnswerSurveyResult,
  OpenSurvey,
  OpenSurveyRequest,
  SurveyResults,
  SurveyResultsQuery,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import { created, ok } from "../../platform/route-responses.ts";
import type { SurveyService } from "./survey-service.ts";

const tags = ["surveys"];
// the link's token travels in the body, never in a URL the server logs
const publicLink = { auth: "public", rateLimit: { max: 30, timeWindow: 60_000 } } as const;

/** HTTP only: the public survey link (open, answer) and the admins' results. */
export async function surveyRoutes(app: App, surveys: SurveyService): Promise<void> {
  app.post(
    "/api/surveys/open",
    {
      config: publicLink,
      schema: {
        tags,
        summary: "Check a post-visit survey link from its email (no sign-in); says nothing about the visit",
        body: OpenSurveyRequest,
        response: ok(OpenSurvey),
      },
    },
    async (request) => surveys.open(request.body.token),
  );
  app.post(
    "/api/surveys/answer",
    {
      config: publicLink,
      schema: {
        tags,
        summary: "Answer a post-visit survey once: 0–10 and an optional comment (no sign-in)",
        body: AnswerSurveyRequest,
        response: created(AnswerSurveyResult),
      },
    },
    async (request, reply) => reply.status(201).send(await surveys.answer(request.body)),
  );
  app.get(
    "/api/surveys/results",
    {
      schema: {
        tags,
        summary: "Survey figures per provider and per location over a date range (administrators)",
        querystring: SurveyResultsQuery,
        response: ok(SurveyResults),
      },
    },
    async (request) => surveys.results(request.query),
  );
}
