import { defineTemplate, type MailLocale } from "../../platform/mail/templates.ts";

/**
 * Appointment emails. They say WHEN and WHERE (the clinic), never WHAT: no type of visit, no
 * provider or specialty, no reason for the visit (SPEC §2.3, UX "Emails"). Details are in the
 * portal behind sign-in.
 */

/** "Tuesday, March 3, 2026 at 9:30 AM (Eastern Time)" / "martes, 3 de marzo de 2026, 9:30 a.m. (hora del este)" */
export function appointmentTime(iso: string, locale: MailLocale, timeZone: string): string {
  const tag = locale === "es" ? "es-US" : "en-US";
  const when = new Intl.DateTimeFormat(tag, {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));
  const zone = new Intl.DateTimeFormat(tag, { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(new Date(iso))
    .find((p) => p.type === "timeZoneName")?.value;
  return zone ? `${when} (${zone})` : when;
}

export const appointmentBooked = defineTemplate("appointment.booked", {
  params: { start: "datetime", timeZone: "timeZone", change: { oneOf: ["booked", "moved"] }, manageUrl: "url" },
  en: {
    subject: (p) => (p.change === "moved" ? "Your appointment has been moved" : "Your appointment is booked"),
    text: (p, ctx) =>
      `${p.change === "moved" ? "Your appointment has been moved. It is now" : "You have an appointment"} on ${appointmentTime(p.start, "en", p.timeZone)} at ${ctx.clinicName}.\n\n` +
      "We will send you a reminder before the visit. To see the details, change or cancel, sign in to the portal.",
    action: (p) => ({ label: "See your appointment", url: p.manageUrl }),
  },
  es: {
    subject: (p) => (p.change === "moved" ? "Su cita cambió de fecha" : "Su cita está reservada"),
    text: (p, ctx) =>
      `${p.change === "moved" ? "Su cita cambió de fecha. Ahora es el" : "Tiene una cita el"} ${appointmentTime(p.start, "es", p.timeZone)} en ${ctx.clinicName}.\n\n` +
      "Le enviaremos un recordatorio antes de la visita. Para ver los detalles, cambiarla o cancelarla, inicie sesión en el portal.",
    action: (p) => ({ label: "Ver su cita", url: p.manageUrl }),
  },
});

export const appointmentCancelled = defineTemplate("appointment.cancelled", {
  params: { start: "datetime", timeZone: "timeZone", bookUrl: "url" },
  en: {
    subject: "Your appointment has been cancelled",
    text: (p, ctx) =>
      `Your appointment on ${appointmentTime(p.start, "en", p.timeZone)} at ${ctx.clinicName} has been cancelled.\n\n` +
      `If you did not expect this, or you would like a new time, sign in to book again or call us at ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Book a new appointment", url: p.bookUrl }),
  },
  es: {
    subject: "Su cita fue cancelada",
    text: (p, ctx) =>
      `Su cita del ${appointmentTime(p.start, "es", p.timeZone)} en ${ctx.clinicName} fue cancelada.\n\n` +
      `Si no lo esperaba, o si quiere otra fecha, inicie sesión para reservar de nuevo o llámenos al ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Reservar una cita nueva", url: p.bookUrl }),
  },
});

export const appointmentReminder = defineTemplate("appointment.reminder", {
  params: { start: "datetime", timeZone: "timeZone", confirmUrl: "url", manageUrl: "url" },
  en: {
    subject: "Reminder: you have an appointment coming up",
    text: (p, ctx) =>
      `This is a reminder that you have an appointment on ${appointmentTime(p.start, "en", p.timeZone)} at ${ctx.clinicName}. ` +
      "The attached calendar file adds it to your calendar.\n\n" +
      "Please confirm that you will come with the button below.\n\n" +
      `If you need to change or cancel, sign in to the portal: ${p.manageUrl}\nor call us at ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Confirm I will come", url: p.confirmUrl }),
  },
  es: {
    subject: "Recordatorio: tiene una cita próximamente",
    text: (p, ctx) =>
      `Le recordamos que tiene una cita el ${appointmentTime(p.start, "es", p.timeZone)} en ${ctx.clinicName}. ` +
      "El archivo de calendario adjunto la agrega a su calendario.\n\n" +
      "Por favor, confirme su asistencia con el botón de abajo.\n\n" +
      `Si necesita cambiarla o cancelarla, inicie sesión en el portal: ${p.manageUrl}\no llámenos al ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Confirmar que asistiré", url: p.confirmUrl }),
  },
});

export const waitlistOffer = defineTemplate("waitlist.offer", {
  params: { expiresAt: "datetime", timeZone: "timeZone", offersUrl: "url" },
  en: {
    subject: "An earlier appointment is available",
    text: (p, ctx) =>
      `You asked ${ctx.clinicName} to tell you if an earlier appointment became available. One just did.\n\n` +
      `Sign in to see the new time and accept it before ${appointmentTime(p.expiresAt, "en", p.timeZone)}. ` +
      "Other patients may be offered the same time: the first to accept gets it. If you do nothing, you keep your current appointment.",
    action: (p) => ({ label: "Sign in to accept", url: p.offersUrl }),
  },
  es: {
    subject: "Hay una cita más pronto disponible",
    text: (p, ctx) =>
      `Pidió a ${ctx.clinicName} que le avisara si se liberaba una cita más pronto. Acaba de liberarse una.\n\n` +
      `Inicie sesión para ver la nueva hora y aceptarla antes del ${appointmentTime(p.expiresAt, "es", p.timeZone)}. ` +
      "Es posible que se ofrezca la misma hora a otros pacientes: la obtiene quien acepte primero. Si no hace nada, conserva su cita actual.",
    action: (p) => ({ label: "Iniciar sesión para aceptar", url: p.offersUrl }),
  },
});

export const waitlistOfferGone = defineTemplate("waitlist.offer_gone", {
  params: { appointmentsUrl: "url" },
  en: {
    subject: "The earlier appointment is no longer available",
    text: (_p, ctx) =>
      `The earlier appointment time ${ctx.clinicName} offered you has been taken by another patient.\n\n` +
      "You keep your current appointment, and you stay on the list: we will email you if another earlier time opens up.",
    action: (p) => ({ label: "See your appointments", url: p.appointmentsUrl }),
  },
  es: {
    subject: "La cita más pronto ya no está disponible",
    text: (_p, ctx) =>
      `Otro paciente tomó la hora más pronto que ${ctx.clinicName} le ofreció.\n\n` +
      "Conserva su cita actual y sigue en la lista: le escribiremos si se libera otra hora más pronto.",
    action: (p) => ({ label: "Ver sus citas", url: p.appointmentsUrl }),
  },
});
