import { defineTemplate } from "../../platform/mail/templates.ts";

/**
 * Self-registration emails: no names, no health information, at most one link. The first says
 * the request was received and will be checked; the next says the account is ready, or why
 * the registration was not accepted (a reason from a fixed list, so it reads in the
 * applicant's language and no free text reaches the email).
 */
export const registrationReceived = defineTemplate("registration.received", {
  params: {},
  en: {
    subject: (_p, ctx) => `We received your registration at ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `Thank you for registering. Our front desk will check your details, usually within one business day.\n\nWe will email you again when your account is ready to use. Questions: ${ctx.clinicPhone}.`,
  },
  es: {
    subject: (_p, ctx) => `Recibimos su registro en ${ctx.clinicName}`,
    text: (_p, ctx) =>
      `Gracias por registrarse. Nuestra recepción revisará sus datos, normalmente en un día hábil.\n\nLe escribiremos de nuevo cuando su cuenta esté lista para usar. Preguntas: ${ctx.clinicPhone}.`,
  },
});

export const registrationVerified = defineTemplate("registration.verified", {
  params: { signInUrl: "url" },
  en: {
    subject: (_p, ctx) => `Your ${ctx.clinicName} account is ready`,
    text: (_p, ctx) =>
      `Our front desk has checked your registration and your account is ready.\n\nSign in with this email address and the password you chose when you registered. If you have forgotten it, choose "Forgot your password?" on the sign-in page. Questions: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Sign in", url: p.signInUrl }),
  },
  es: {
    subject: (_p, ctx) => `Su cuenta de ${ctx.clinicName} está lista`,
    text: (_p, ctx) =>
      `Nuestra recepción revisó su registro y su cuenta está lista.\n\nInicie sesión con este correo electrónico y la contraseña que eligió al registrarse. Si la olvidó, elija "¿Olvidó su contraseña?" en la página de inicio de sesión. Preguntas: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Iniciar sesión", url: p.signInUrl }),
  },
});

export const REJECTION_REASONS = [
  "duplicate_record",
  "details_not_confirmed",
  "not_accepting_patients",
  "other",
] as const;

const REASON_TEXT: Record<"en" | "es", Record<(typeof REJECTION_REASONS)[number], string>> = {
  en: {
    duplicate_record:
      "It looks like you already have a record with us. Please call us and we will help you sign in to it.",
    details_not_confirmed: "We could not confirm the details you gave. Please call us to finish registering.",
    not_accepting_patients: "We are not able to take on new patients at the moment.",
    other: "Please call us and we will explain.",
  },
  es: {
    duplicate_record:
      "Parece que usted ya tiene un expediente con nosotros. Llámenos y le ayudaremos a iniciar sesión en él.",
    details_not_confirmed: "No pudimos confirmar los datos que nos dio. Llámenos para terminar su registro.",
    not_accepting_patients: "En este momento no podemos aceptar pacientes nuevos.",
    other: "Llámenos y se lo explicaremos.",
  },
};

export const registrationRejected = defineTemplate("registration.rejected", {
  params: { reason: { oneOf: REJECTION_REASONS } },
  en: {
    subject: (_p, ctx) => `Your registration at ${ctx.clinicName} was not accepted`,
    text: (p, ctx) =>
      `Our front desk checked your registration and could not accept it.\n\n${REASON_TEXT.en[p.reason]}\n\nYour sign-in for this registration has been closed. Questions: ${ctx.clinicPhone}.`,
  },
  es: {
    subject: (_p, ctx) => `No pudimos aceptar su registro en ${ctx.clinicName}`,
    text: (p, ctx) =>
      `Nuestra recepción revisó su registro y no pudo aceptarlo.\n\n${REASON_TEXT.es[p.reason]}\n\nEl acceso creado con este registro se ha cerrado. Preguntas: ${ctx.clinicPhone}.`,
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
