import { defineTemplate } from "../../platform/mail/templates.ts";

/**
 * The email on each refill decision. It says only that a refill request has an answer —
 * never which medication, the reason or the pharmacy (no health information, SPEC §4) — and,
 * to a caregiver, whose request it is (the patient's first name; "" when the reader is the
 * patient). The answer is in the portal behind sign-in.
 */
export const refillDecided = defineTemplate("refill.decided", {
  params: {
    outcome: { oneOf: ["approved", "denied"] },
    forName: "firstName",
    refillsUrl: "url",
  },
  en: {
    subject: (p) => (p.forName ? `${p.forName}'s refill request has an answer` : "Your refill request has an answer"),
    text: (p, ctx) => {
      const whose = p.forName ? `${p.forName}'s refill request` : "Your refill request";
      const what =
        p.outcome === "approved"
          ? "has been approved and sent to the pharmacy."
          : "was not approved. Sign in to see the reason and what to do next.";
      return `${whose} at ${ctx.clinicName} ${what}\n\nSign in to the portal to see the details. Questions: ${ctx.clinicPhone}.`;
    },
    action: (p) => ({
      label: p.forName ? `See ${p.forName}'s refill request` : "See your refill request",
      url: p.refillsUrl,
    }),
  },
  es: {
    subject: (p) =>
      p.forName
        ? `La solicitud de resurtido de ${p.forName} tiene respuesta`
        : "Su solicitud de resurtido tiene respuesta",
    text: (p, ctx) => {
      const whose = p.forName ? `La solicitud de resurtido de ${p.forName}` : "Su solicitud de resurtido";
      const what =
        p.outcome === "approved"
          ? "fue aprobada y enviada a la farmacia."
          : "no fue aprobada. Inicie sesión para ver el motivo y qué hacer a continuación.";
      return `${whose} en ${ctx.clinicName} ${what}\n\nInicie sesión en el portal para ver los detalles. Preguntas: ${ctx.clinicPhone}.`;
    },
    action: (p) => ({
      label: p.forName ? `Ver la solicitud de resurtido de ${p.forName}` : "Ver su solicitud de resurtido",
      url: p.refillsUrl,
    }),
  },
});
