import { defineTemplate } from "../../platform/mail/templates.ts";

/**
 * The email to the patient (and caregivers with the `messages` scope) when the care team
 * answers: it says only that there is a new message — never the topic, subject, words or who
 * wrote it (SPEC §2.5, §4). To a caregiver it names the patient by first name.
 */
export const messageReceived = defineTemplate("messages.reply", {
  params: { forName: "firstName", messagesUrl: "url" },
  en: {
    subject: (p) => (p.forName ? `${p.forName} has a new message from the care team` : "You have a new message"),
    text: (p, ctx) =>
      `${p.forName ? `${p.forName} has` : "You have"} a new message from the care team at ${ctx.clinicName}.\n\nSign in to the portal to read it. Questions: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Read the message", url: p.messagesUrl }),
  },
  es: {
    subject: (p) =>
      p.forName ? `${p.forName} tiene un mensaje nuevo del equipo de atención` : "Tiene un mensaje nuevo",
    text: (p, ctx) =>
      `${p.forName ? `${p.forName} tiene` : "Tiene"} un mensaje nuevo del equipo de atención de ${ctx.clinicName}.\n\nInicie sesión en el portal para leerlo. Preguntas: ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Leer el mensaje", url: p.messagesUrl }),
  },
});

/** The staff digest of new message work, at the times each person chose: counts only. */
export const messageDigest = defineTemplate("messages.digest", {
  params: { newCount: "integer", waitingCount: "integer", overdueCount: "integer", inboxUrl: "url" },
  en: {
    subject: (p) => `${p.newCount} new patient ${p.newCount === 1 ? "message" : "messages"} to answer`,
    text: (p, ctx) =>
      `Since your last digest, ${p.newCount} new patient ${p.newCount === 1 ? "conversation needs" : "conversations need"} an answer in your message pools at ${ctx.clinicName}.\n\nWaiting now: ${p.waitingCount}. Overdue: ${p.overdueCount}.\n\nSign in to the portal to work your In Basket.`,
    action: (p) => ({ label: "Open the In Basket", url: p.inboxUrl }),
  },
  es: {
    subject: (p) =>
      `${p.newCount} ${p.newCount === 1 ? "mensaje nuevo" : "mensajes nuevos"} de pacientes por responder`,
    text: (p, ctx) =>
      `Desde su último resumen, ${p.newCount} ${p.newCount === 1 ? "conversación nueva necesita" : "conversaciones nuevas necesitan"} respuesta en sus grupos de mensajes de ${ctx.clinicName}.\n\nEn espera ahora: ${p.waitingCount}. Atrasadas: ${p.overdueCount}.\n\nInicie sesión en el portal para atender su bandeja.`,
    action: (p) => ({ label: "Abrir la bandeja", url: p.inboxUrl }),
  },
});
