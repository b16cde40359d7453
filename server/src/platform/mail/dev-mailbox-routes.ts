import type { FastifyReply, FastifyRequest } from "fastify";
import { type Static, Type } from "typebox";
import type { App } from "../../app.ts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { sessionCookie } from "../auth/cookie.ts";
import { readSessionToken } from "../auth/plugin.ts";
import type { SessionStore } from "../auth/sessions.ts";
import { escapeHtml } from "./layout.ts";
import type { MailAttachment } from "./mailer.ts";

/**
 * The dev mailbox: where email goes when no SMTP server is configured. Only in development and
 * the demo, and only without SMTP_URL (everywhere else these routes do not exist and answer 404). Plain server-rendered
 * pages: no scripts, and a small style sheet served from here because the CSP blocks inline style.
 *
 * It holds working password-reset, activation and invitation links, so it is shown only to a
 * request from this machine (a loopback address, not forwarded by a proxy) or to a signed-in
 * administrator; anyone else gets 403.
 */
export function devMailboxEnabled(config: Pick<Config, "demo" | "env" | "smtpUrl">): boolean {
  // with SMTP configured nothing lands in the mailbox, so there is nothing to show
  return (config.demo || config.env === "development") && !config.smtpUrl;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address);
}

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip"];

/**
 * Did the request come from this machine? The connection's own address decides (never
 * X-Forwarded-For, which a client can write), and a request a proxy forwarded does not count
 * even when the proxy runs here: it may be relaying anyone.
 */
export function isLocalRequest(request: FastifyRequest): boolean {
  if (FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  return isLoopbackAddress(request.raw.socket?.remoteAddress);
}

const NOT_HERE =
  "The dev mailbox is shown only on the machine Portico runs on (open it at http://localhost) or to a signed-in administrator.";

const MessageId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
const AttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
  index: Type.Integer({ minimum: 0, maximum: 50 }),
});
const ListQuery = Type.Object({
  to: Type.Optional(Type.String({ maxLength: 254 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

const DevMail = Type.Object({
  id: Type.Integer(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.Union([Type.String(), Type.Null()]),
  links: Type.Array(Type.String(), { description: "every http(s) link in the text body, in order" }),
  attachments: Type.Array(
    Type.Object({ filename: Type.String(), contentType: Type.String(), size: Type.Integer(), url: Type.String() }),
  ),
  createdAt: Type.String({ format: "date-time" }),
});
const DevMailList = Type.Object({ messages: Type.Array(DevMail) });

const LINK = /https?:\/\/[^\s<>"')]+/g;

interface MailRow {
  id: number;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: unknown;
  created_at: Date;
}

const attachmentsOf = (row: MailRow): MailAttachment[] =>
  Array.isArray(row.attachments) ? (row.attachments as MailAttachment[]) : [];

function present(row: MailRow): Static<typeof DevMail> {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    links: row.text_body.match(LINK) ?? [],
    attachments: attachmentsOf(row).map((a, index) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: Buffer.byteLength(a.content, "base64"),
      url: `/dev/mailbox/${row.id}/attachments/${index}`,
    })),
    createdAt: row.created_at.toISOString(),
  };
}

const STYLE = `body{font-family:system-ui,Arial,sans-serif;margin:0;padding:16px;max-width:960px;color:#1f2933;line-height:1.5}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:8px;border-bottom:1px solid #d9dee3;vertical-align:top}
pre{white-space:pre-wrap;word-break:break-word;background:#f4f6f8;padding:12px;border-radius:6px}a{color:#0b5cad}
.meta{color:#52606d}.empty{padding:24px;background:#f4f6f8;border-radius:6px}`;

function page(reply: FastifyReply, title: string, body: string) {
  return reply
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/dev/mailbox/style.css"></head>` +
        `<body><main>${body}</main></body></html>`,
    );
}

const linkify = (text: string) =>
  escapeHtml(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);

export async function registerDevMailboxRoutes(
  app: App,
  deps: { config: Config; db: Database; sessions: SessionStore },
): Promise<void> {
  if (!devMailboxEnabled(deps.config)) return;
  const { db, sessions } = deps;
  const cookie = sessionCookie(deps.config);

  /** every dev mailbox route: this machine, or an administrator who finished signing in */
  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    if (isLocalRequest(request)) return;
    const token = readSessionToken(request, cookie);
    const session = token ? await sessions.authenticate(token) : undefined;
    if (session?.state === "active" && session.actor.roles.includes("admin")) return;
    if (request.url.startsWith("/api/")) {
      return reply.status(403).send({ error: { code: "forbidden", message: NOT_HERE } });
    }
    return page(reply.status(403), "Dev mailbox", `<h1>Dev mailbox</h1><p class="empty">${escapeHtml(NOT_HERE)}</p>`);
  };
  const hidden = { hide: true, tags: ["dev"] };
  const notFound = (reply: FastifyReply) =>
    reply.status(404).send({ error: { code: "not_found", message: "That message was not found." } });
  const find = (id: number) => db.selectFrom("dev_mailbox").selectAll().where("id", "=", id).executeTakeFirst();

  app.get(
    "/api/dev/mailbox",
    {
      // development and demo only, where browser tests read the mail they caused; the session
      // (an administrator elsewhere) is checked by `onRequest`
      config: { auth: "public" },
      onRequest,
      schema: {
        tags: ["dev"],
        summary: "Mail kept by the dev mailbox, newest first (development and demo only)",
        querystring: ListQuery,
        response: { 200: DevMailList },
      },
    },
    async (request) => {
      const { to, limit } = request.query as Static<typeof ListQuery>;
      let query = db
        .selectFrom("dev_mailbox")
        .selectAll()
        .orderBy("id", "desc")
        .limit(limit ?? 50);
      if (to) query = query.where("to_address", "=", to);
      return { messages: (await query.execute()).map(present) };
    },
  );

  app.get("/dev/mailbox/style.css", { schema: hidden, onRequest }, async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "no-cache").send(STYLE),
  );

  app.get("/dev/mailbox", { schema: hidden, onRequest }, async (_request, reply) => {
    const rows = await db.selectFrom("dev_mailbox").selectAll().orderBy("id", "desc").limit(200).execute();
    const list =
      rows.length === 0
        ? `<p class="empty">No mail yet. Email that Portico sends while no SMTP server is configured appears here.</p>`
        : `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows
            .map(
              (r) =>
                `<tr><td class="meta">${escapeHtml(r.created_at.toISOString().replace("T", " ").slice(0, 19))} UTC</td>` +
                `<td>${escapeHtml(r.to_address)}</td><td><a href="/dev/mailbox/${r.id}">${escapeHtml(r.subject)}</a></td></tr>`,
            )
            .join("")}</tbody></table>`;
    return page(
      reply,
      "Dev mailbox",
      `<h1>Dev mailbox</h1><p class="meta">Newest first. Only in development and the demo.</p>${list}`,
    );
  });

  app.get("/dev/mailbox/:id", { schema: { ...hidden, params: MessageId }, onRequest }, async (request, reply) => {
    const row = await find((request.params as Static<typeof MessageId>).id);
    if (!row) return notFound(reply);
    const files = attachmentsOf(row);
    const attachments = files.length
      ? `<h2>Attachments</h2><ul>${files
          .map(
            (a, index) =>
              `<li><a href="/dev/mailbox/${row.id}/attachments/${index}" download>${escapeHtml(a.filename)}</a> <span class="meta">(${escapeHtml(a.contentType)})</span></li>`,
          )
          .join("")}</ul>`
      : "";
    return page(
      reply,
      row.subject,
      `<p><a href="/dev/mailbox">← All mail</a></p><h1>${escapeHtml(row.subject)}</h1>` +
        `<p class="meta">To ${escapeHtml(row.to_address)} · ${escapeHtml(row.created_at.toISOString())}` +
        (row.html_body ? ` · <a href="/dev/mailbox/${row.id}/html">HTML version</a>` : "") +
        `</p><pre>${linkify(row.text_body)}</pre>${attachments}`,
    );
  });

  app.get("/dev/mailbox/:id/html", { schema: { ...hidden, params: MessageId }, onRequest }, async (request, reply) => {
    const row = await find((request.params as Static<typeof MessageId>).id);
    if (!row?.html_body) return notFound(reply);
    // email HTML needs inline style; nothing else may run or load
    return reply
      .type("text/html; charset=utf-8")
      .header(
        "content-security-policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      )
      .send(row.html_body);
  });

  app.get(
    "/dev/mailbox/:id/attachments/:index",
    { schema: { ...hidden, params: AttachmentParams }, onRequest },
    async (request, reply) => {
      const { id, index } = request.params as Static<typeof AttachmentParams>;
      const row = await find(id);
      const file = row ? attachmentsOf(row)[index] : undefined;
      if (!file) return notFound(reply);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename.replaceAll('"', "")}"`)
        .send(Buffer.from(file.content, "base64"));
    },
  );
}
