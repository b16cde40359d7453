import { defineTemplate } from "../../platform/mail/templates.ts";

/** How long a caregiver invitation link works: the one place this is decided. */
export const INVITATION_DAYS = 7;

/** The caregiver invitation: no patient name, no health information — only the link. */
export const proxyInvitation = defineTemplate("proxy.invitation", {
  params: { acceptUrl: "url" },
  en: {
    subject: (_p, ctx) => `You have been invited to help manage someone's care at ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `Someone has invited you to help manage their care at ${ctx.clinicName}.\n\nOpen the link to see who invited you and accept. You will sign in to your own account, or create one. The link works once and expires in ${INVITATION_DAYS} days.\n\nIf you did not expect this, you can ignore this email. Questions: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "See the invitation", url: p.acceptUrl }),
  },
  es: {
    subject: (_p, ctx) => `Le invitaron a ayudar a gestionar la atención de alguien en ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `Alguien le invitó a ayudar a gestionar su atención en ${ctx.clinicName}.\n\nAbra el enlace para ver quién le invitó y aceptar. Iniciará sesión en su propia cuenta o creará una. El enlace sirve una vez y vence en ${INVITATION_DAYS} días.\n\nSi no esperaba esto, puede ignorar este correo. Preguntas: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Ver la invitación", url: p.acceptUrl }),
  },
});

/**
 * The front desk gave access to someone without an account: the link creates their caregiver
 * login. No patient name, no health information.
 */
export const proxyStaffInvitation = defineTemplate("proxy.staff_invitation", {
  params: { acceptUrl: "url" },
  en: {
    subject: (_p, ctx) => `Set up your caregiver account at ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `The front desk at ${ctx.clinicName} has given you access to help manage a family member's care, as you asked.\n\nOpen the link to create your caregiver account (your name and a password) or to sign in if you already have one. Your access starts as soon as you do. The link works once and expires in ${INVITATION_DAYS} days.\n\nIf you did not ask for this, you can ignore this email. Questions: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Create your account", url: p.acceptUrl }),
  },
  es: {
    subject: (_p, ctx) => `Cree su cuenta de cuidador en ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `La recepción de ${ctx.clinicName} le dio acceso para ayudar a gestionar la atención de un familiar, como usted pidió.\n\nAbra el enlace para crear su cuenta de cuidador (su nombre y una contraseña) o para iniciar sesión si ya tiene una. Su acceso empieza en cuanto lo haga. El enlace sirve una vez y vence en ${INVITATION_DAYS} días.\n\nSi usted no pidió esto, puede ignorar este correo. Preguntas: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Crear su cuenta", url: p.acceptUrl }),
  },
});
