import { Worker } from "node:worker_threads";
import { DomainError } from "../errors.ts";
import type { JudgeAnswer, JudgeRequest } from "./password-judge-worker.ts";

/** zxcvbn's score: 0–2 are guessable with an online or offline attack worth mounting. */
const MINIMUM_SCORE = 3;

/** how long the estimator's thread stays after its last check */
const IDLE_MS = 60_000;

/**
 * zxcvbn in a thread of its own (`password-judge-worker.ts`), started by the first check and
 * closed a minute after the last: passwords are judged at registration, on a reset and on a
 * change, rarely enough that keeping its dictionaries loaded all day would cost the server
 * about 40 MB for nothing, and a check no longer holds up other requests while it runs.
 */
class PasswordJudge {
  #worker: Worker | undefined;
  #pending = new Map<number, { resolve: (answer: JudgeAnswer) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #idle: NodeJS.Timeout | undefined;

  check(password: string, words: string[]): Promise<JudgeAnswer> {
    const worker = this.#start();
    clearTimeout(this.#idle);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, password, words } satisfies JudgeRequest);
    });
  }

  /** whether the estimator's thread is running (for tests) */
  get running(): boolean {
    return this.#worker !== undefined;
  }

  /** closes the thread now (tests; the server lets the idle timer do it) */
  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const worker = this.#worker;
    this.#worker = undefined;
    this.#rejectAll(new Error("the password estimator was closed"));
    await worker?.terminate();
  }

  #rejectAll(error: Error): void {
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL("./password-judge-worker.ts", import.meta.url));
    // the thread never keeps the process alive: a server shutting down does not wait for it
    worker.unref();
    worker.on("message", (answer: JudgeAnswer) => {
      const waiting = this.#pending.get(answer.id);
      this.#pending.delete(answer.id);
      waiting?.resolve(answer);
      if (this.#pending.size === 0) {
        this.#idle = setTimeout(() => void this.close(), IDLE_MS);
        this.#idle.unref();
      }
    });
    const fail = (error: Error) => {
      // a thread closed on purpose has nothing left waiting on it
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#rejectAll(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the password estimator stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }
}

export const passwordJudge = new PasswordJudge();

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

export async function judgePassword(password: string, context: PasswordContext = {}): Promise<PasswordVerdict> {
  const { score, warning, suggestions } = await passwordJudge.check(password.slice(0, 128), contextWords(context));
  return { acceptable: score >= MINIMUM_SCORE, score, warning, suggestions };
}

/**
 * SPEC §4: 8–128 characters, no composition rules, refused when common or easy to guess
 * (dictionary words, keyboard walks, the product's or the user's own name with a year…).
 */
export async function assertStrongPassword(password: string, context: PasswordContext = {}): Promise<void> {
  if (password.length < 8 || password.length > 128) {
    throw new DomainError("validation_failed", "Choose a password between 8 and 128 characters long.", [
      { field: "password", problem: "must be 8 to 128 characters" },
    ]);
  }
  const verdict = await judgePassword(password, context);
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
