import { defineTemplate } from "../../platform/mail/templates.ts";

/**
 * The email at each step of a referral the patient should know about. It says only that the
 * referral has news — never the specialty, the reason, the specialist or why it was denied (no
 * health information, SPEC §4) — and, to a caregiver, whose referral it is (the patient's first
 * name; "" when the reader is the patient). The details are in the portal behind sign-in.
 */
export const referralUpdate = defineTemplate("referral.update", {
  params: {
    kind: { oneOf: ["approved", "denied", "visit_requested", "expiring", "expired"] },
    forName: "firstName",
    referralsUrl: "url",
  },
  en: {
    subject: (p) => {
      const whose = p.forName ? `${p.forName}'s referral` : "Your referral";
      if (p.kind === "expiring") return `${whose} expires soon`;
      if (p.kind === "expired") return `${whose} has expired`;
      return `${whose} request has an answer`;
    },
    text: (p, ctx) => {
      const whose = p.forName ? `${p.forName}'s referral` : "Your referral";
      const what = {
        approved: "request has been approved. You can now book the visit online.",
        denied: "request was not approved. Sign in to see the reason and what to do next.",
        visit_requested: "request needs a visit with the primary care doctor first. Sign in to book it.",
        expiring: "expires in a few days. Book the visit before then, or ask for a new referral.",
        expired: "has expired. If you still need it, you can ask for a new referral.",
      }[p.kind];
      return `${whose} at ${ctx.clinicName} ${what}\n\nSign in to the portal to see the details. Questions: ${ctx.clinicPhone}.`;
    },
    action: (p) => ({
      label: p.forName ? `See ${p.forName}'s referrals` : "See your referrals",
      url: p.referralsUrl,
    }),
  },
  es: {
    subject: (p) => {
      const whose = p.forName ? `La remisión de ${p.forName}` : "Su remisión";
      if (p.kind === "expiring") return `${whose} vence pronto`;
      if (p.kind === "expired") return `${whose} ha vencido`;
      return p.forName
        ? `La solicitud de remisión de ${p.forName} tiene respuesta`
        : "Su solicitud de remisión tiene respuesta";
    },
    text: (p, ctx) => {
      const whose = p.forName ? `de ${p.forName}` : "suya";
      const what = {
        approved: `La solicitud de remisión ${whose} fue aprobada. Ya puede reservar la cita en línea.`,
        denied: `La solicitud de remisión ${whose} no fue aprobada. Inicie sesión para ver el motivo y qué hacer a continuación.`,
        visit_requested: `La solicitud de remisión ${whose} necesita primero una cita con el médico de cabecera. Inicie sesión para reservarla.`,
        expiring: `La remisión ${whose} vence en unos días. Reserve la cita antes, o pida una nueva remisión.`,
        expired: `La remisión ${whose} ha vencido. Si todavía la necesita, puede pedir una nueva.`,
      }[p.kind];
      return `${what} (${ctx.clinicName})\n\nInicie sesión en el portal para ver los detalles. Preguntas: ${ctx.clinicPhone}.`;
    },
    action: (p) => ({
      label: p.forName ? `Ver las remisiones de ${p.forName}` : "Ver sus remisiones",
      url: p.referralsUrl,
    }),
  },
});
