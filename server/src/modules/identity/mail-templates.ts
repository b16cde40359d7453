import { defineTemplate } from "../../platform/mail/templates.ts";

/**
 * Identity's own email. Password reset and security notices (password, email or two-step
 * sign-in changed, sessions ended) use the shared `password_reset` and `security_notice`
 * templates of platform/mail. No names, no health information, one link.
 */

/** "Your account is ready": `created` says what was made, in each language; the rest is the same for every new login. */
function accountReady(name: string, created: { en: string; es: string }) {
  return defineTemplate(name, {
    params: { link: "url" },
    en: {
      subject: (_p, ctx) => `Your ${ctx.clinicName} portal account is ready`,
      text: (_p, ctx) =>
        `${created.en} From now on, sign in with this email address and the password you chose.\n\n` +
        `If you did not create this account, call us at ${ctx.clinicPhone}.`,
      action: (p) => ({ label: "Sign in to the portal", url: p.link }),
    },
    es: {
      subject: (_p, ctx) => `Su cuenta del portal de ${ctx.clinicName} está lista`,
      text: (_p, ctx) =>
        `${created.es} A partir de ahora, inicie sesión con este correo electrónico y la contraseña que eligió.\n\n` +
        `Si no creó esta cuenta, llámenos al ${ctx.clinicPhone}.`,
      action: (p) => ({ label: "Iniciar sesión en el portal", url: p.link }),
    },
  });
}

/** A login activated for a patient's record, and linked to it. */
export const accountActivated = accountReady("account_activated", {
  en: "Your patient portal account was created and linked to your record.",
  es: "Se creó su cuenta del portal del paciente y se vinculó a su expediente.",
});

/** A login created from an emailed link (a caregiver invitation): not linked to a record. */
export const accountCreated = accountReady("account_created", {
  en: "Your portal account was created.",
  es: "Se creó su cuenta del portal.",
});
