import { baseUrl } from "./browser.ts";

/** One email captured by the server's dev mailbox (used when no SMTP server is configured). */
export interface MailboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** every http(s) link in the text body, in order */
  links: string[];
  createdAt: string;
}

/** What is in the dev mailbox (`GET /api/dev/mailbox`), optionally only mail to one address. */
export async function readMailbox(to?: string): Promise<MailboxMessage[]> {
  const query = to ? `?to=${encodeURIComponent(to)}` : "";
  const response = await fetch(`${baseUrl()}/api/dev/mailbox${query}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET /api/dev/mailbox answered ${response.status}`);
  const body = (await response.json()) as { messages: MailboxMessage[] };
  return body.messages;
}

/** Waits for a new email to `to` whose subject matches (mail already seen in `ignore` doesn't count). */
export async function waitForEmail(
  to: string,
  subject: RegExp,
  options: { timeoutMs?: number; ignore?: MailboxMessage[] } = {},
): Promise<MailboxMessage> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const seen = new Set((options.ignore ?? []).map((m) => m.id));
  for (;;) {
    const found = (await readMailbox(to)).find(
      (m) => m.to.toLowerCase().includes(to.toLowerCase()) && subject.test(m.subject) && !seen.has(m.id),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${subject} arrived in the dev mailbox`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The first link in an email that points into the app. */
export function firstAppLink(message: MailboxMessage): URL {
  const link = message.links.find((l) => l.startsWith(baseUrl()));
  if (!link)
    throw new Error(`no link to ${baseUrl()} in the email "${message.subject}" (links: ${message.links.join(", ")})`);
  return new URL(link);
}
