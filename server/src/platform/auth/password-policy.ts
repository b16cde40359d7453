import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { DomainError } from "../errors.ts";

/** zxcvbn's score: 0–2 are guessable with an online or offline attack worth mounting. */
const MINIMUM_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  // built on first use: loading the dictionaries takes a few hundred milliseconds
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // fuzzy matching costs ~0.5 s per check and adds little over l33t/reverse matching
    useLevenshteinDistance: false,
  });
  return factory;
}

/** Words a guesser would try first for this account: the product, the clinic, the user. */
function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>(["portico", "patient", "portal", "clinic", "health"]);
  const add = (value: string | undefined) => {
    if (!value) return;
    const lower = value.toLowerCase();
    words.add(lower);
    for (const part of lower.split(/[^a-z0-9]+/)) if (part.length >= 3) words.add(part);
  };
  add(context.email);
  add(context.email?.split("@")[0]);
  add(context.displayName);
  add(context.clinicName);
  return [...words];
}

export interface PasswordContext {
  email?: string;
  displayName?: string;
  clinicName?: string;
}

export interface PasswordVerdict {
  acceptable: boolean;
  score: number;
  warning: string | undefined;
  suggestions: string[];
}

export function judgePassword(password: string, context: PasswordContext = {}): PasswordVerdict {
  const result = estimator().check(password.slice(0, 128), contextWords(context));
  return {
    acceptable: result.score >= MINIMUM_SCORE,
    score: result.score,
    warning: result.feedback.warning ?? undefined,
    suggestions: result.feedback.suggestions,
  };
}

/**
 * SPEC §4: 8–128 characters, no composition rules, refused when common or easy to guess
 * (dictionary words, keyboard walks, the product's or the user's own name with a year…).
 */
export function assertStrongPassword(password: string, context: PasswordContext = {}): void {
  if (password.length < 8 || password.length > 128) {
    throw new DomainError("validation_failed", "Choose a password between 8 and 128 characters long.", [
      { field: "password", problem: "must be 8 to 128 characters" },
    ]);
  }
  const verdict = judgePassword(password, context);
  if (verdict.acceptable) return;
  const suggestions = [
    ...verdict.suggestions,
    "A few unrelated words together, such as a short phrase only you would think of, are easy to remember and hard to guess.",
  ];
  throw new DomainError(
    "weak_password",
    `That password is too easy to guess${verdict.warning ? `: ${verdict.warning.replace(/\.$/, "").toLowerCase()}` : ""}. Please choose a different one.`,
    { score: verdict.score, suggestions },
  );
}
