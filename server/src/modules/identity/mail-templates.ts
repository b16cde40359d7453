import { defineTemplate } from "../../platform/mail/templates.ts";

/**
 * Identity's own email. Password reset and security notices (password, email or two-step
 * sign-in changed, sessions ended) use the shared `password_reset` and `security_notice`
 * templates of platform/mail. No names, no health information, one link.
 */
export const accountActivated = defineTemplate("account_activated", {
  params: { link: "url" },
  en: {
    subject: (_p, ctx) => `Your ${ctx.clinicName} portal account is ready`,
    text: (_p, ctx) =>
      "Your patient portal account was created and linked to your record. From now on, sign in with this email address and the password you chose.\n\n" +
      `If you did not create this account, call us at ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Sign in to the portal", url: p.link }),
  },
  es: {
    subject: (_p, ctx) => `Su cuenta del portal de ${ctx.clinicName} está lista`,
    text: (_p, ctx) =>
      "Se creó su cuenta del portal del paciente y se vinculó a su expediente. A partir de ahora, inicie sesión con este correo electrónico y la contraseña que eligió.\n\n" +
      `Si no creó esta cuenta, llámenos al ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Iniciar sesión en el portal", url: p.link }),
  },
});

/** A login created from an emailed link (a caregiver invitation): not linked to a record. */
export const accountCreated = defineTemplate("account_created", {
  params: { link: "url" },
  en: {
    subject: (_p, ctx) => `Your ${ctx.clinicName} portal account is ready`,
    text: (_p, ctx) =>
      "Your portal account was created. From now on, sign in with this email address and the password you chose.\n\n" +
      `If you did not create this account, call us at ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Sign in to the portal", url: p.link }),
  },
  es: {
    subject: (_p, ctx) => `Su cuenta del portal de ${ctx.clinicName} está lista`,
    text: (_p, ctx) =>
      "Se creó su cuenta del portal. A partir de ahora, inicie sesión con este correo electrónico y la contraseña que eligió.\n\n" +
      `Si no creó esta cuenta, llámenos al ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Iniciar sesión en el portal", url: p.link }),
  },
});
