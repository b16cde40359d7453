import nodemailer from "nodemailer";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { MailAttachment } from "./mailer.ts";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  messageId: string;
}

export interface MailTransport {
  kind: "smtp" | "dev-mailbox";
  send(mail: OutgoingMail): Promise<void>;
}

/** SMTP when SMTP_URL is set (smtp:// upgrades with STARTTLS when offered; smtps:// is TLS). */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: "smtp",
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { "Auto-Submitted": "auto-generated" },
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
          encoding: "base64",
        })),
      });
    },
  };
}

/** Without SMTP (development, the demo): mail is kept in `dev_mailbox`, shown at /dev/mailbox. */
export function devMailboxTransport(db: Database): MailTransport {
  return {
    kind: "dev-mailbox",
    async send(mail) {
      await db
        .insertInto("dev_mailbox")
        .values({
          to_address: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
          attachments: JSON.stringify(mail.attachments),
        })
        .execute();
    },
  };
}

export function createTransport(config: Pick<Config, "smtpUrl">, db: Database): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : devMailboxTransport(db);
}
