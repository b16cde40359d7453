import type { MailAction, MailLocale, RenderContext } from "./templates.ts";

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const words: Record<MailLocale, { greeting: string; footer: (ctx: RenderContext) => string[] }> = {
  en: {
    greeting: "Hello,",
    footer: (ctx) => [
      `This message was sent by ${ctx.clinicName} through its patient portal.`,
      "Please do not reply to this email, and never send health information by email. " +
        `To reach your care team, sign in to the portal or call ${ctx.clinicPhone}.`,
      "In an emergency, call 911.",
    ],
  },
  es: {
    greeting: "Hola:",
    footer: (ctx) => [
      `Este mensaje lo envió ${ctx.clinicName} a través de su portal del paciente.`,
      "No responda a este correo y nunca envíe información de salud por correo electrónico. " +
        `Para comunicarse con su equipo de atención, inicie sesión en el portal o llame al ${ctx.clinicPhone}.`,
      "En caso de emergencia, llame al 911.",
    ],
  },
};

export interface RenderedBody {
  text: string;
  html: string;
}

/**
 * The shared, branded frame of every email: clinic name, a generic greeting (never a name),
 * the template's paragraphs, one clear button, and a footer that asks people not to reply
 * with health information. Inline styles only: mail clients ignore style sheets.
 */
export function renderLayout(
  ctx: RenderContext,
  subject: string,
  bodyText: string,
  action: MailAction | undefined,
): RenderedBody {
  const w = words[ctx.locale];
  const paragraphs = bodyText
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  const footer = w.footer(ctx);

  const text = [
    ctx.clinicName,
    "",
    w.greeting,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    "--",
    ...footer,
    "",
  ].join("\n");

  const font = "font-family:Arial,Helvetica,sans-serif;";
  const para = (p: string) =>
    `<p style="${font}font-size:16px;line-height:1.5;color:#1f2933;margin:0 0 16px">${escapeHtml(p).replaceAll("\n", "<br>")}</p>`;
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="${font}display:inline-block;background:#0b5cad;color:#ffffff;font-size:16px;font-weight:bold;text-decoration:none;padding:12px 24px;border-radius:6px">${escapeHtml(action.label)}</a></p>` +
      `<p style="${font}font-size:13px;color:#52606d;margin:0 0 16px;word-break:break-all">${escapeHtml(action.url)}</p>`
    : "";
  const html = `<!doctype html>
<html lang="${ctx.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f8">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f8"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px">
<tr><td style="${font}padding:20px 24px;border-bottom:4px solid #0b5cad;font-size:20px;font-weight:bold;color:#0b5cad">${escapeHtml(ctx.clinicName)}</td></tr>
<tr><td style="padding:24px">
${para(w.greeting)}
${paragraphs.map(para).join("\n")}
${button}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e4e7eb">
${footer.map((line) => `<p style="${font}font-size:13px;line-height:1.4;color:#52606d;margin:0 0 8px">${escapeHtml(line)}</p>`).join("\n")}
</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
  return { text, html };
}
