import { defineTemplate } from "./templates.ts";

/**
 * Generic templates any module may send. Each says only that something happened and links to
 * the portal, where the person signs in to see what it is.
 */

export const testMessage = defineTemplate("test_message", {
  params: {},
  en: {
    subject: (_p, ctx) => `Test message from ${ctx.clinicName}`,
    text: () => "This is a test message from the patient portal. If you can read it, email delivery is working.",
    action: (_p, ctx) => ({ label: "Open the patient portal", url: ctx.publicUrl }),
  },
  es: {
    subject: (_p, ctx) => `Mensaje de prueba de ${ctx.clinicName}`,
    text: () => "Este es un mensaje de prueba del portal del paciente. Si puede leerlo, el envío de correos funciona.",
    action: (_p, ctx) => ({ label: "Abrir el portal del paciente", url: ctx.publicUrl }),
  },
});

const SECURITY_EVENTS = [
  "password_changed",
  "email_changed",
  "mfa_enabled",
  "mfa_disabled",
  "recovery_codes_regenerated",
  "new_sign_in",
  "sessions_ended",
] as const;

const securityEventEn: Record<(typeof SECURITY_EVENTS)[number], string> = {
  password_changed: "The password of your portal account was changed.",
  email_changed: "The email address of your portal account was changed.",
  mfa_enabled: "Two-step sign-in was turned on for your portal account.",
  mfa_disabled: "Two-step sign-in was turned off for your portal account.",
  recovery_codes_regenerated: "New recovery codes were created for your portal account.",
  new_sign_in: "Someone signed in to your portal account from a new device.",
  sessions_ended: "All sign-ins to your portal account were ended.",
};

const securityEventEs: Record<(typeof SECURITY_EVENTS)[number], string> = {
  password_changed: "Se cambió la contraseña de su cuenta del portal.",
  email_changed: "Se cambió el correo electrónico de su cuenta del portal.",
  mfa_enabled: "Se activó el inicio de sesión en dos pasos en su cuenta del portal.",
  mfa_disabled: "Se desactivó el inicio de sesión en dos pasos en su cuenta del portal.",
  recovery_codes_regenerated: "Se crearon nuevos códigos de recuperación para su cuenta del portal.",
  new_sign_in: "Alguien inició sesión en su cuenta del portal desde un dispositivo nuevo.",
  sessions_ended: "Se cerraron todas las sesiones de su cuenta del portal.",
};

export const securityNotice = defineTemplate("security_notice", {
  params: { event: { oneOf: SECURITY_EVENTS }, link: "url" },
  en: {
    subject: "A change to your portal account",
    text: (p, ctx) =>
      `${securityEventEn[p.event]}\n\nIf this was you, there is nothing more to do. ` +
      `If it was not, sign in and change your password now, or call us at ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Review your account security", url: p.link }),
  },
  es: {
    subject: "Un cambio en su cuenta del portal",
    text: (p, ctx) =>
      `${securityEventEs[p.event]}\n\nSi fue usted, no tiene que hacer nada más. ` +
      `Si no fue usted, inicie sesión y cambie su contraseña ahora, o llámenos al ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Revisar la seguridad de su cuenta", url: p.link }),
  },
});

const ACTIVITY_KINDS = [
  "message",
  "appointment",
  "refill",
  "referral",
  "document",
  "questionnaire",
  "health_update",
] as const;

const activityEn: Record<(typeof ACTIVITY_KINDS)[number], string> = {
  message: "You have a new message in the patient portal.",
  appointment: "There is an update about an appointment in the patient portal.",
  refill: "There is an update about a prescription refill request in the patient portal.",
  referral: "There is an update about a referral in the patient portal.",
  document: "A new document is ready in the patient portal.",
  questionnaire: "A questionnaire is waiting for you in the patient portal.",
  health_update: "There is an update about a health reading you sent in the patient portal.",
};

const activityEs: Record<(typeof ACTIVITY_KINDS)[number], string> = {
  message: "Tiene un mensaje nuevo en el portal del paciente.",
  appointment: "Hay novedades sobre una cita en el portal del paciente.",
  refill: "Hay novedades sobre una solicitud de resurtido de receta en el portal del paciente.",
  referral: "Hay novedades sobre una remisión en el portal del paciente.",
  document: "Hay un documento nuevo en el portal del paciente.",
  questionnaire: "Tiene un cuestionario pendiente en el portal del paciente.",
  health_update: "Hay novedades sobre una medición de salud que envió en el portal del paciente.",
};

export const newActivity = defineTemplate("new_activity", {
  params: { kind: { oneOf: ACTIVITY_KINDS }, link: "url" },
  en: {
    subject: "Something new in your patient portal",
    text: (p) => `${activityEn[p.kind]}\n\nFor your privacy, sign in to see it.`,
    action: (p) => ({ label: "Sign in to see it", url: p.link }),
  },
  es: {
    subject: "Hay algo nuevo en su portal del paciente",
    text: (p) => `${activityEs[p.kind]}\n\nPor su privacidad, inicie sesión para verlo.`,
    action: (p) => ({ label: "Iniciar sesión para verlo", url: p.link }),
  },
});

export const passwordReset = defineTemplate("password_reset", {
  params: { link: "url", expiresInMinutes: "integer" },
  en: {
    subject: "Reset your portal password",
    text: (p) =>
      `Someone asked to reset the password of your portal account. The link below works once, for ${p.expiresInMinutes} minutes.\n\n` +
      "If you did not ask for this, you can ignore this email: your password stays the same.",
    action: (p) => ({ label: "Choose a new password", url: p.link }),
  },
  es: {
    subject: "Restablezca la contraseña del portal",
    text: (p) =>
      `Alguien pidió restablecer la contraseña de su cuenta del portal. El enlace funciona una sola vez, durante ${p.expiresInMinutes} minutos.\n\n` +
      "Si no lo pidió usted, puede ignorar este correo: su contraseña no cambia.",
    action: (p) => ({ label: "Elegir una contraseña nueva", url: p.link }),
  },
});

export const invitation = defineTemplate("invitation", {
  params: { role: { oneOf: ["patient", "caregiver", "staff"] }, link: "url", expiresInDays: "integer" },
  en: {
    subject: (_p, ctx) => `You are invited to the ${ctx.clinicName} patient portal`,
    text: (p, ctx) =>
      (p.role === "caregiver"
        ? `A patient of ${ctx.clinicName} invited you to help with their care in the patient portal.`
        : p.role === "staff"
          ? `${ctx.clinicName} created a staff account for you in the patient portal.`
          : `${ctx.clinicName} invites you to use its patient portal.`) +
      `\n\nThe invitation is valid for ${p.expiresInDays} days.`,
    action: (p) => ({ label: "Accept the invitation", url: p.link }),
  },
  es: {
    subject: (_p, ctx) => `Lo invitan al portal del paciente de ${ctx.clinicName}`,
    text: (p, ctx) =>
      (p.role === "caregiver"
        ? `Un paciente de ${ctx.clinicName} lo invitó a ayudar con su atención en el portal del paciente.`
        : p.role === "staff"
          ? `${ctx.clinicName} le creó una cuenta de personal en el portal del paciente.`
          : `${ctx.clinicName} lo invita a usar su portal del paciente.`) +
      `\n\nLa invitación es válida durante ${p.expiresInDays} días.`,
    action: (p) => ({ label: "Aceptar la invitación", url: p.link }),
  },
});
