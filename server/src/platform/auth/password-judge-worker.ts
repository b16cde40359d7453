/**
 * The password-strength estimator, in its own thread (`password-policy.ts` starts it on demand
 * and closes it when idle). zxcvbn's dictionaries take about 40 MB of memory once loaded, and a
 * check runs for 20–60 ms: here neither stays in the server's heap nor holds up its requests.
 */
import { parentPort } from "node:worker_threads";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

export interface JudgeRequest {
  id: number;
  password: string;
  words: string[];
}

export interface JudgeAnswer {
  id: number;
  score: number;
  warning: string | undefined;
  suggestions: string[];
}

const factory = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  // fuzzy matching costs ~0.5 s per check and adds little over l33t/reverse matching
  useLevenshteinDistance: false,
});

parentPort?.on("message", ({ id, password, words }: JudgeRequest) => {
  const result = factory.check(password, words);
  const answer: JudgeAnswer = {
    id,
    score: result.score,
    warning: result.feedback.warning ?? undefined,
    suggestions: result.feedback.suggestions,
  };
  parentPort?.postMessage(answer);
});
