import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { Job, JobQueue, QueuedJob } from "../jobs/job-queue.ts";
import { PermanentJobError } from "../jobs/retry.ts";
import type { Logger } from "../logging.ts";
import "./builtin-templates.ts";
import { renderLayout } from "./layout.ts";
import {
  findTemplate,
  MAIL_LOCALES,
  type MailLocale,
  MailParamsError,
  type MailTemplate,
  type ParamSpec,
  type ParamsOf,
  type RenderContext,
  resolveLinks,
  storedLinks,
  validateParams,
} from "./templates.ts";
import { createTransport, type MailTransport, type OutgoingMail } from "./transport.ts";

export const MAIL_QUEUE = "mail.send";

export interface MailAttachment {
  filename: string;
  /** e.g. "text/calendar; method=REQUEST" */
  contentType: string;
  /** base64 */
  content: string;
}

interface Common {
  to: string;
  locale: MailLocale;
  attachments?: MailAttachment[];
  /** sends at most one email per key (e.g. `appointment-reminder:<id>:3d`) */
  dedupeKey?: string;
}

/** A template object: its parameters are checked when compiling and again when sending. */
export type SendTemplateMail<S extends ParamSpec> = Common & {
  template: MailTemplate<S>;
  params: NoInfer<ParamsOf<S>>;
};
/** A template by name: its parameters are checked when sending. */
export type SendNamedMail = Common & { template: string; params: Record<string, string | number> };

/** What a `mail.send` job carries: the address, the template and its declared parameters. */
interface MailJobPayload {
  to: string;
  template: string;
  locale: MailLocale;
  params: Record<string, unknown>;
  attachments: MailAttachment[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const EMAIL = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/;
const FILENAME = /^[\w][\w .()-]{0,99}$/;
const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+(;\s?[\w-]+=[\w.-]+)*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_ATTACHMENTS_BASE64 = 7_000_000;

export interface MailerDeps {
  config: Pick<Config, "clinicName" | "clinicPhone" | "publicUrl" | "smtpUrl" | "mailFrom">;
  db: Database;
  jobs: JobQueue;
  logger: Logger;
  /** defaults to SMTP when SMTP_URL is set, else the dev mailbox table */
  transport?: MailTransport;
}

/**
 * Sends email through the job queue: `send` only enqueues (in the caller's transaction), so an
 * SMTP outage delays mail but never fails the person's action or loses the email.
 */
export class Mailer {
  readonly #config: MailerDeps["config"];
  readonly #jobs: JobQueue;
  readonly #transport: MailTransport;
  readonly #logger: Logger;

  constructor(deps: MailerDeps) {
    this.#config = deps.config;
    this.#jobs = deps.jobs;
    this.#logger = deps.logger;
    this.#transport = deps.transport ?? createTransport(deps.config, deps.db);
    deps.jobs.register<MailJobPayload>(MAIL_QUEUE, (payload, job) => this.#deliver(payload, job));
  }

  /** Where mail goes: "smtp" or "dev-mailbox". */
  get transportKind(): MailTransport["kind"] {
    return this.#transport.kind;
  }

  /**
   * Queues an email in the caller's transaction. Throws `MailParamsError` (a programming error)
   * for an unknown template, a parameter it does not declare, or a bad address or attachment.
   */
  send<S extends ParamSpec>(mail: SendTemplateMail<S>): Promise<void>;
  send(mail: SendNamedMail): Promise<void>;
  async send(mail: SendTemplateMail<ParamSpec> | SendNamedMail): Promise<void> {
    await this.#jobs.enqueueAll([this.queued(mail as SendNamedMail)]);
  }

  /**
   * The job that `send` would add, checked as `send` checks it, for a caller that queues it
   * with other jobs in one statement (`JobQueue.enqueueAll`).
   */
  queued<S extends ParamSpec>(mail: SendTemplateMail<S>): QueuedJob;
  queued(mail: SendNamedMail): QueuedJob;
  queued(mail: SendTemplateMail<ParamSpec> | SendNamedMail): QueuedJob {
    const name = typeof mail.template === "string" ? mail.template : mail.template.name;
    const template = findTemplate(name);
    if (!template) throw new MailParamsError(`there is no mail template ${name}`);
    if (!MAIL_LOCALES.includes(mail.locale)) throw new MailParamsError(`mail locale must be one of ${MAIL_LOCALES}`);
    if (typeof mail.to !== "string" || mail.to.length > 254 || !EMAIL.test(mail.to)) {
      throw new MailParamsError("the recipient is not a valid email address");
    }
    // links are kept as paths: the email gets the portal's address when it is sent
    const params = storedLinks(
      template,
      validateParams(template, mail.params, this.#config.publicUrl),
      this.#config.publicUrl,
    );
    const attachments = validateAttachments(mail.attachments ?? []);
    const payload: MailJobPayload = { to: mail.to, template: name, locale: mail.locale, params, attachments };
    return { queue: MAIL_QUEUE, payload, options: { dedupeKey: mail.dedupeKey && `mail:${mail.dedupeKey}` } };
  }

  /**
   * Subject, text and HTML of a template, as the recipient would see them, with links on the
   * portal's current address (PUBLIC_URL now, not when the email was queued).
   */
  render(templateName: string, locale: MailLocale, stored: Record<string, unknown>): RenderedMail {
    const template = findTemplate(templateName);
    if (!template) throw new MailParamsError(`there is no mail template ${templateName}`);
    validateParams(template, stored, this.#config.publicUrl, { stored: true });
    const params = resolveLinks(template, stored, this.#config.publicUrl);
    const ctx: RenderContext = {
      locale,
      clinicName: this.#config.clinicName,
      clinicPhone: this.#config.clinicPhone,
      publicUrl: this.#config.publicUrl,
    };
    const content = template[locale];
    const subject = typeof content.subject === "string" ? content.subject : content.subject(params as never, ctx);
    const body = renderLayout(ctx, subject, content.text(params as never, ctx), content.action?.(params as never, ctx));
    return { subject, ...body };
  }

  async #deliver(payload: MailJobPayload, job: Job): Promise<void> {
    let rendered: RenderedMail;
    try {
      rendered = this.render(payload.template, payload.locale, payload.params);
    } catch (error) {
      // a template removed or changed since the job was queued: retrying cannot help
      throw new PermanentJobError((error as Error).message);
    }
    const mail: OutgoingMail = {
      from: this.#config.mailFrom,
      to: payload.to,
      ...rendered,
      attachments: payload.attachments ?? [],
      // the same id on every attempt (whatever PUBLIC_URL is then) lets mail systems drop a repeat
      messageId: `<portico-job-${job.id}@${mailDomain(this.#config.mailFrom)}>`,
    };
    await this.#transport.send(mail);
    this.#logger.info({ jobId: job.id, template: payload.template, transport: this.#transport.kind }, "mail sent");
  }
}

/** The domain of MAIL_FROM ("Portico <no-reply@clinic.example>" → "clinic.example"). */
function mailDomain(mailFrom: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? "portico.invalid";
}

function validateAttachments(attachments: MailAttachment[]): MailAttachment[] {
  if (!Array.isArray(attachments) || attachments.length > 5) throw new MailParamsError("at most 5 attachments");
  let total = 0;
  for (const a of attachments) {
    if (!FILENAME.test(a.filename ?? "")) throw new MailParamsError("attachment file name is not valid");
    if (!CONTENT_TYPE.test(a.contentType ?? "")) throw new MailParamsError("attachment content type is not valid");
    if (typeof a.content !== "string" || !BASE64.test(a.content)) {
      throw new MailParamsError("attachment content must be base64");
    }
    total += a.content.length;
  }
  if (total > MAX_ATTACHMENTS_BASE64) throw new MailParamsError("attachments are too large (5 MB at most)");
  return attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content }));
}
