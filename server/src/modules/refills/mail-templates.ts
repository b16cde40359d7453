import { defineTemplate } from "../../platform/mail/templates.ts";

/**
 * The email on each refill decision. It says only that a refill request has an answer —
 * never which medication, the outcome's reason or the pharmacy (no health information, SPEC
 * §4); a caregiver is told it is about someone they help care for. The answer is in the
 * portal behind sign-in.
 */
export const refillDecided = defineTemplate("refill.decided", {
  params: {
    outcome: { oneOf: ["approved", "denied", "mixed"] },
    reader: { oneOf: ["patient", "caregiver"] },
    refillsUrl: "url",
  },
  en: {
    subject: (p) =>
      p.reader === "caregiver"
        ? "A refill request for someone you care for has an answer"
        : "Your refill request has an answer",
    text: (p, ctx) => {
      const whose = p.reader === "caregiver" ? "A refill request for someone you help care for" : "Your refill request";
      const what =
        p.outcome === "approved"
          ? "has been approved and sent to the pharmacy."
          : p.outcome === "denied"
            ? "was not approved. Sign in to see the reason and what to do next."
            : "has been answered: some medications were approved and some were not.";
      return `${whose} at ${ctx.clinicName} ${what}\n\nSign in to the portal to see the details. Questions: ${ctx.clinicPhone}.`;
    },
    action: (p) => ({ label: "See the refill request", url: p.refillsUrl }),
  },
  es: {
    subject: (p) =>
      p.reader === "caregiver"
        ? "Una solicitud de resurtido de alguien a quien usted cuida tiene respuesta"
        : "Su solicitud de resurtido tiene respuesta",
    text: (p, ctx) => {
      const whose =
        p.reader === "caregiver"
          ? "Una solicitud de resurtido de alguien a quien usted ayuda a cuidar"
          : "Su solicitud de resurtido";
      const what =
        p.outcome === "approved"
          ? "fue aprobada y enviada a la farmacia."
          : p.outcome === "denied"
            ? "no fue aprobada. Inicie sesión para ver el motivo y qué hacer a continuación."
            : "tiene respuesta: algunos medicamentos fueron aprobados y otros no.";
      return `${whose} en ${ctx.clinicName} ${what}\n\nInicie sesión en el portal para ver los detalles. Preguntas: ${ctx.clinicPhone}.`;
    },
    action: (p) => ({ label: "Ver la solicitud de resurtido", url: p.refillsUrl }),
  },
});
