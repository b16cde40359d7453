import { baseUrl } from "./browser.ts";

/** One email captured by the server's dev mailbox (no SMTP configured). */
export interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  createdAt?: string;
}

type Raw = Record<string, unknown>;

function normalise(raw: Raw): MailboxMessage {
  const pick = (...names: string[]) => {
    for (const name of names) if (typeof raw[name] === "string") return raw[name] as string;
    return undefined;
  };
  return {
    to: pick("to", "toAddress", "to_address") ?? "",
    subject: pick("subject") ?? "",
    text: pick("text", "textBody", "text_body", "body") ?? "",
    html: pick("html", "htmlBody", "html_body"),
    createdAt: pick("createdAt", "created_at", "sentAt"),
  };
}

/** Everything in the dev mailbox (`GET /api/dev/mailbox`), newest first. */
export async function readMailbox(): Promise<MailboxMessage[]> {
  const response = await fetch(`${baseUrl()}/api/dev/mailbox`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET /api/dev/mailbox answered ${response.status}`);
  const body = (await response.json()) as Raw[] | { messages?: Raw[]; items?: Raw[] };
  const list = Array.isArray(body) ? body : (body.messages ?? body.items ?? []);
  return list.map(normalise).sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
}

/** Waits for an email to `to` whose subject matches, sent after `since` messages were there. */
export async function waitForEmail(
  to: string,
  subject: RegExp,
  options: { timeoutMs?: number; ignore?: MailboxMessage[] } = {},
): Promise<MailboxMessage> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const seen = new Set((options.ignore ?? []).map((m) => `${m.to}|${m.subject}|${m.createdAt}|${m.text}`));
  for (;;) {
    const found = (await readMailbox()).find(
      (m) =>
        m.to.toLowerCase().includes(to.toLowerCase()) &&
        subject.test(m.subject) &&
        !seen.has(`${m.to}|${m.subject}|${m.createdAt}|${m.text}`),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${subject} arrived in the dev mailbox`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The first link in an email's text that points into the app. */
export function firstAppLink(message: MailboxMessage): URL {
  const links = `${message.text}\n${message.html ?? ""}`.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
  const link = links.find((l) => l.startsWith(baseUrl()));
  if (!link) throw new Error(`no link to ${baseUrl()} in the email "${message.subject}"`);
  return new URL(link.replace(/&amp;/g, "&"));
}
