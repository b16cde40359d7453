import { defineTemplate } from "../../platform/mail/templates.ts";

/**
 * The post-visit survey invitation. It names no provider, place, date or reason for the
 * visit (no health information, SPEC §4): only that the clinic asks how the visit went, and
 * the single-use link. To a caregiver it says whose visit it was (first name only).
 */
export const surveyInvitation = defineTemplate("survey.invitation", {
  params: { forName: "firstName", surveyUrl: "url" },
  en: {
    subject: (p) => (p.forName ? `How was ${p.forName}'s visit?` : "How was your visit?"),
    text: (p, ctx) =>
      `${ctx.clinicName} would like to know how ${p.forName ? `${p.forName}'s` : "your"} recent visit went. ` +
      "It takes less than a minute: one question from 0 to 10 and, if you like, a comment.\n\n" +
      "The link works once and expires in 14 days. No sign-in is needed.",
    action: (p) => ({ label: "Answer the survey", url: p.surveyUrl }),
  },
  es: {
    subject: (p) => (p.forName ? `¿Cómo fue la cita de ${p.forName}?` : "¿Cómo fue su cita?"),
    text: (p, ctx) =>
      `${ctx.clinicName} quiere saber cómo fue ${p.forName ? `la cita reciente de ${p.forName}` : "su cita reciente"}. ` +
      "Tarda menos de un minuto: una pregunta del 0 al 10 y, si quiere, un comentario.\n\n" +
      "El enlace funciona una sola vez y vence en 14 días. No hace falta iniciar sesión.",
    action: (p) => ({ label: "Responder la encuesta", url: p.surveyUrl }),
  },
});
