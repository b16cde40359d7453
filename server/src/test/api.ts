import { sql } from "kysely";
import type { TSchema } from "typebox";
import { Value } from "typebox/value";
import { expect } from "vitest";
import type { DB } from "../db/schema.ts";
import type { TestContext } from "./app.ts";
import type { SignedInClient } from "./factories.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One request through the app as a signed-in client (or with no session for `null`), answering
 * the raw injected response (`statusCode`, `json()`, `headers`, `body`).
 */
export function send(
  t: TestContext,
  client: Pick<SignedInClient, "headers"> | null,
  method: Method,
  url: string,
  payload?: unknown,
) {
  return t.app.inject({
    method,
    url,
    headers: client?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** An API answer reduced to what most tests check: the status and the parsed body (null when empty). */
export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read into bodies of every shape
  body: any;
  /** the body as sent, for a failed expectation's message */
  text: string;
}

/**
 * `call(client, method, url, payload?)` for a test file: one request as that client (none for
 * `null`), answering `{ status, body }`.
 */
export function apiCaller(t: TestContext) {
  return async (
    client: Pick<SignedInClient, "headers"> | null,
    method: string,
    url: string,
    payload?: unknown,
  ): Promise<ApiAnswer> => {
    const response = await send(t, client, method as Method, url, payload);
    return { status: response.statusCode, body: response.body ? response.json() : null, text: response.body };
  };
}

/** How many rows a table holds now. */
export async function countRows(t: TestContext, table: keyof DB): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An email waiting on the mail queue, as the mailer will send it. */
export interface QueuedMail {
  to: string;
  template: string;
  params: Record<string, string>;
  locale: string;
}

/** Every email on the mail queue, oldest first (as inserted). */
export async function queuedMails(t: TestContext): Promise<QueuedMail[]> {
  const rows = await t.database.db.selectFrom("jobs").select("payload").where("queue", "=", "mail.send").execute();
  return rows.map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as QueuedMail);
}

/** The payload of the email queued last. */
export async function lastQueuedMail(t: TestContext): Promise<unknown> {
  const job = await t.database.db
    .selectFrom("jobs")
    .select("payload")
    .where("queue", "=", "mail.send")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return job.payload;
}

/** The token in the link of the email queued last (an invitation's), or an error when it has none. */
export async function lastMailedToken(t: TestContext): Promise<string> {
  const token = /token=([A-Za-z0-9_-]+)/.exec(JSON.stringify(await lastQueuedMail(t)))?.[1];
  if (!token) throw new Error("the email queued last carries no link");
  return token;
}

/** A password sign-in attempt through the API (the first step only: no MFA code). */
export function passwordLogin(t: TestContext, email: string | undefined, password: string) {
  return send(t, null, "POST", "/api/auth/login", { email, password });
}

/** The mail-queue jobs (their payloads) of one email template. */
export function mailJobs(t: TestContext, template: string) {
  return t.database.db
    .selectFrom("jobs")
    .select("payload")
    .where("queue", "=", "mail.send")
    .where(sql<boolean>`payload->>'template' = ${template}`)
    .execute();
}

/**
 * A body written by `writeAsBuilt` (platform/route-responses.ts) holds nothing that the route's
 * schema would have dropped: the same text after the schema cleans it.
 */
export function expectOnlyContractFields(schema: TSchema, text: string): void {
  expect(text).toBe(JSON.stringify(Value.Clean(schema, JSON.parse(text))));
}
