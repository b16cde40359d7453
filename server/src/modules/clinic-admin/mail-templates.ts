import { defineTemplate } from "../../platform/mail/templates.ts";

export const staffInvitation = defineTemplate("staff.invitation", {
  params: { acceptUrl: "url" },
  en: {
    subject: (_p, ctx) => `Your ${ctx.clinicName} staff account`,
    text: (_p, ctx) =>
      `An administrator at ${ctx.clinicName} has created a staff account for you in the patient portal.\n\nOpen the link to choose your password; you will then set up two-step verification. The link works once and expires in 7 days.`,
    action: (p) => ({ label: "Choose a password", url: p.acceptUrl }),
  },
  es: {
    subject: (_p, ctx) => `Su cuenta de personal en ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `Un administrador de ${ctx.clinicName} creó una cuenta de personal para usted en el portal de pacientes.\n\nAbra el enlace para elegir su contraseña; luego configurará la verificación en dos pasos. El enlace sirve una vez y vence en 7 días.`,
    action: (p) => ({ label: "Elegir contraseña", url: p.acceptUrl }),
  },
});
