import net from "node:net";
import { SMTPServer } from "smtp-server";

/** For tests: a real SMTP receiver on a local port, and a small MIME decoder for what it got. */
export interface ReceivedMail {
  from: string;
  to: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  /**
   * A slow server: it has each message in full (in `received`) at once but answers "250 OK"
   * only this long after, as a busy relay does. May be changed while running.
   */
  replyDelayMs: number;
  readonly #server: SMTPServer;

  constructor(options: { replyDelayMs?: number } = {}) {
    this.replyDelayMs = options.replyDelayMs ?? 0;
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const mail = decodeMessage(Buffer.concat(chunks).toString("latin1"));
          this.received.push({
            ...mail,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          if (this.replyDelayMs > 0) setTimeout(callback, this.replyDelayMs);
          else callback();
        });
      },
    });
    this.#server.on("error", () => {});
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve) => this.#server.listen(port, "127.0.0.1", () => resolve()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf("\r\n\r\n");
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? "" : raw.slice(end + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(decodeQuotedPrintable(text.replaceAll("_", " ")), "latin1").toString("utf8"),
    );
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  if (encoding?.toLowerCase() === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64");
  if (encoding?.toLowerCase() === "quoted-printable") return Buffer.from(decodeQuotedPrintable(body), "latin1");
  return Buffer.from(body, "latin1");
}

function decodeMessage(raw: string): Omit<ReceivedMail, "from" | "to"> {
  const { headers, body } = splitHeaders(raw);
  const mail: Omit<ReceivedMail, "from" | "to"> = {
    headers,
    subject: decodeWords(headers.get("subject") ?? ""),
    text: "",
    html: "",
    attachments: [],
  };
  const walk = (partHeaders: Map<string, string>, partBody: string) => {
    const type = partHeaders.get("content-type") ?? "text/plain";
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith("multipart/") && boundary) {
      for (const part of partBody.split(`--${boundary}`).slice(1)) {
        if (part.startsWith("--")) break;
        const parsed = splitHeaders(part.replace(/^\r\n/, ""));
        walk(parsed.headers, parsed.body.replace(/\r\n$/, ""));
      }
      return;
    }
    const content = decodeBody(partBody, partHeaders.get("content-transfer-encoding"));
    const disposition = partHeaders.get("content-disposition") ?? "";
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    if (filename) {
      mail.attachments.push({ filename: decodeWords(filename), contentType: type, content });
    } else if (type.toLowerCase().startsWith("text/html")) {
      mail.html = content.toString("utf8");
    } else {
      mail.text = content.toString("utf8");
    }
  };
  walk(headers, body);
  return mail;
}
