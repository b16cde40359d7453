import { defineTemplate } from "../../platform/mail/templates.ts";

/** Self-registration emails: no names, no health information, one link. */
export const registrationReceived = defineTemplate("registration.received", {
  params: { signInUrl: "url" },
  en: {
    subject: (_p, ctx) => `Your registration at ${ctx.clinicName} was received`,
    text: (_p, ctx) =>
      `Thank you for registering. Our front desk will check your details, usually within one business day.\n\nYou can sign in now; some features open once your registration is verified. Questions: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Sign in", url: p.signInUrl }),
  },
  es: {
    subject: (_p, ctx) => `Recibimos su registro en ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `Gracias por registrarse. Nuestra recepción revisará sus datos, normalmente en un día hábil.\n\nYa puede iniciar sesión; algunas funciones se activan cuando se verifique su registro. Preguntas: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Iniciar sesión", url: p.signInUrl }),
  },
});

export const registrationExistingAccount = defineTemplate("registration.existing_account", {
  params: { signInUrl: "url" },
  en: {
    subject: (_p, ctx) => `You already have an account at ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `Someone tried to register with this email address, which already has an account. If it was you, sign in instead, or reset your password from the sign-in page.\n\nIf it was not you, you can ignore this email. Questions: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Sign in", url: p.signInUrl }),
  },
  es: {
    subject: (_p, ctx) => `Ya tiene una cuenta en ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `Alguien intentó registrarse con este correo, que ya tiene una cuenta. Si fue usted, inicie sesión o restablezca su contraseña desde la página de inicio de sesión.\n\nSi no fue usted, puede ignorar este correo. Preguntas: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Iniciar sesión", url: p.signInUrl }),
  },
});
