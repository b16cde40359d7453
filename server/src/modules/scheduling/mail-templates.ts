import { defineTemplate, type MailLocale } from "../../platform/mail/templates.ts";
import { dateTimeFormat } from "../../platform/time-zones.ts";

/**
 * Appointment emails. They say WHEN (in the zone the visit is shown in: the location's for an
 * in-person visit, the patient's own for a video visit), WHERE (the location's name and address,
 * or that it is a video visit) and, to a caregiver, WHOSE (the patient's first name) — never
 * WHAT: no type of visit, no provider or specialty, no reason for the visit (SPEC §2.3, §4, UX
 * "Emails"). Details are in the portal behind sign-in.
 */

/** "Tuesday, March 3, 2026 at 9:30 AM (Eastern Time)" / "martes, 3 de marzo de 2026, 9:30 a.m. (hora del este)" */
export function appointmentTime(iso: string, locale: MailLocale, timeZone: string): string {
  const tag = locale === "es" ? "es-US" : "en-US";
  const when = dateTimeFormat(tag, timeZone, "weekday-date-time", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
  const zone = dateTimeFormat(tag, timeZone, "zone-long-generic", { timeZoneName: "longGeneric" })
    .formatToParts(new Date(iso))
    .find((p) => p.type === "timeZoneName")?.value;
  return zone ? `${when} (${zone})` : when;
}

/**
 * The parameters every appointment email takes: when (in the zone the visit is shown in), whose
 * (a caregiver is told the patient's first name; "" when the reader is the patient) and where
 * (the location's name and address for an in-person visit; a video visit says so).
 */
const visitParams = {
  start: "datetime",
  timeZone: "timeZone",
  forName: "firstName",
  visit: { oneOf: ["in_person", "video"] },
  locationName: "place",
  locationAddress: "place",
} as const;

interface VisitWords {
  forName: string;
  visit: string;
  locationName: string;
  locationAddress: string;
}

/** "Where: Brooklyn Family Health, 42 Maple Street, Brooklyn, NY 11201" or the video visit's sentence. */
function where(p: VisitWords, locale: MailLocale, clinicName: string): string {
  if (p.visit === "video") {
    return locale === "es"
      ? `Es una visita por video con ${clinicName}: inicie sesión en el portal unos minutos antes para entrar.`
      : `It is a video visit with ${clinicName}: sign in to the portal a few minutes before it starts to join.`;
  }
  const place = [p.locationName, p.locationAddress].filter(Boolean).join(", ") || clinicName;
  return locale === "es" ? `Lugar: ${place}.` : `Where: ${place}.`;
}

export const appointmentBooked = defineTemplate("appointment.booked", {
  params: { ...visitParams, change: { oneOf: ["booked", "moved"] }, manageUrl: "url" },
  en: {
    subject: (p) =>
      p.forName
        ? p.change === "moved"
          ? `${p.forName}'s appointment has been moved`
          : `${p.forName}'s appointment is booked`
        : p.change === "moved"
          ? "Your appointment has been moved"
          : "Your appointment is booked",
    text: (p, ctx) =>
      `${
        p.change === "moved"
          ? `${p.forName ? `${p.forName}'s` : "Your"} appointment has been moved. It is now on`
          : `${p.forName ? `${p.forName} has` : "You have"} an appointment on`
      } ${appointmentTime(p.start, "en", p.timeZone)}.\n\n` +
      `${where(p, "en", ctx.clinicName)}\n\n` +
      "We will send a reminder before the visit. To see the details, change or cancel, sign in to the portal.",
    action: (p) => ({ label: p.forName ? `See ${p.forName}'s appointment` : "See your appointment", url: p.manageUrl }),
  },
  es: {
    subject: (p) =>
      p.forName
        ? p.change === "moved"
          ? `La cita de ${p.forName} cambió de fecha`
          : `La cita de ${p.forName} está reservada`
        : p.change === "moved"
          ? "Su cita cambió de fecha"
          : "Su cita está reservada",
    text: (p, ctx) =>
      `${
        p.change === "moved"
          ? `${p.forName ? `La cita de ${p.forName}` : "Su cita"} cambió de fecha. Ahora es el`
          : `${p.forName ? `${p.forName} tiene` : "Tiene"} una cita el`
      } ${appointmentTime(p.start, "es", p.timeZone)}.\n\n` +
      `${where(p, "es", ctx.clinicName)}\n\n` +
      "Enviaremos un recordatorio antes de la visita. Para ver los detalles, cambiarla o cancelarla, inicie sesión en el portal.",
    action: (p) => ({ label: p.forName ? `Ver la cita de ${p.forName}` : "Ver su cita", url: p.manageUrl }),
  },
});

export const appointmentCancelled = defineTemplate("appointment.cancelled", {
  params: { ...visitParams, bookUrl: "url" },
  en: {
    subject: (p) =>
      p.forName ? `${p.forName}'s appointment has been cancelled` : "Your appointment has been cancelled",
    text: (p, ctx) =>
      `${p.forName ? `${p.forName}'s` : "Your"} appointment on ${appointmentTime(p.start, "en", p.timeZone)} has been cancelled.\n\n` +
      `${where(p, "en", ctx.clinicName).replace(/^It is/, "It was")}\n\n` +
      `If you did not expect this, or you would like a new time, sign in to book again or call us at ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Book a new appointment", url: p.bookUrl }),
  },
  es: {
    subject: (p) => (p.forName ? `La cita de ${p.forName} fue cancelada` : "Su cita fue cancelada"),
    text: (p, ctx) =>
      `${p.forName ? `La cita de ${p.forName}` : "Su cita"} del ${appointmentTime(p.start, "es", p.timeZone)} fue cancelada.\n\n` +
      `${where(p, "es", ctx.clinicName).replace(/^Es una/, "Era una")}\n\n` +
      `Si no lo esperaba, o si quiere otra fecha, inicie sesión para reservar de nuevo o llámenos al ${ctx.clinicPhone}.`,
    action: (p) => ({ label: "Reservar una cita nueva", url: p.bookUrl }),
  },
});

export const appointmentReminder = defineTemplate("appointment.reminder", {
  params: { ...visitParams, confirmUrl: "url", manageUrl: "url" },
  en: {
    subject: (p) =>
      p.forName ? `Reminder: ${p.forName} has an appointment coming up` : "Reminder: you have an appointment coming up",
    text: (p, ctx) =>
      `This is a reminder that ${p.forName ? `${p.forName} has` : "you have"} an appointment on ${appointmentTime(p.start, "en", p.timeZone)}. ` +
      "The attached calendar file adds it to your calendar.\n\n" +
      `${where(p, "en", ctx.clinicName)}\n\n` +
      `Please confirm that ${p.forName ? `${p.forName} will` : "you will"} come with the button below.\n\n` +
      `If you need to change or cancel, sign in to the portal: ${p.manageUrl}\nor call us at ${ctx.clinicPhone}.`,
    action: (p) => ({ label: p.forName ? `Confirm ${p.forName} will come` : "Confirm I will come", url: p.confirmUrl }),
  },
  es: {
    subject: (p) =>
      p.forName
        ? `Recordatorio: ${p.forName} tiene una cita próximamente`
        : "Recordatorio: tiene una cita próximamente",
    text: (p, ctx) =>
      `Le recordamos que ${p.forName ? `${p.forName} tiene` : "tiene"} una cita el ${appointmentTime(p.start, "es", p.timeZone)}. ` +
      "El archivo de calendario adjunto la agrega a su calendario.\n\n" +
      `${where(p, "es", ctx.clinicName)}\n\n` +
      `Por favor, confirme ${p.forName ? `que ${p.forName} asistirá` : "su asistencia"} con el botón de abajo.\n\n` +
      `Si necesita cambiarla o cancelarla, inicie sesión en el portal: ${p.manageUrl}\no llámenos al ${ctx.clinicPhone}.`,
    action: (p) => ({
      label: p.forName ? `Confirmar que ${p.forName} asistirá` : "Confirmar que asistiré",
      url: p.confirmUrl,
    }),
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

/** The clinic cancelled the visit because the provider is unavailable; new times are offered in the portal. */
export const appointmentProviderUnavailable = defineTemplate("appointment.provider_unavailable", {
  params: { start: "datetime", timeZone: "timeZone", offers: "integer", offersUrl: "url" },
  en: {
    subject: "Your appointment has been cancelled: please choose a new time",
    text: (p, ctx) =>
      `We are sorry: your appointment on ${appointmentTime(p.start, "en", p.timeZone)} at ${ctx.clinicName} has been cancelled because the provider is unavailable.\n\n` +
      (p.offers > 0
        ? `We are offering you ${p.offers === 1 ? "a new time" : `${p.offers} new times`} close to it. Sign in to choose one; other patients may be offered the same times, so please choose soon. ` +
          `You can also call us at ${ctx.clinicPhone}.`
        : `We could not find a free time close to it. Please sign in to book a new appointment or call us at ${ctx.clinicPhone}.`),
    action: (p) => ({ label: "Choose a new time", url: p.offersUrl }),
  },
  es: {
    subject: "Su cita fue cancelada: elija una nueva hora",
    text: (p, ctx) =>
      `Lo sentimos: su cita del ${appointmentTime(p.start, "es", p.timeZone)} en ${ctx.clinicName} fue cancelada porque el profesional no está disponible.\n\n` +
      (p.offers > 0
        ? `Le ofrecemos ${p.offers === 1 ? "una nueva hora" : `${p.offers} nuevas horas`} cercanas. Inicie sesión para elegir una; es posible que se ofrezcan las mismas horas a otros pacientes, así que elija pronto. ` +
          `También puede llamarnos al ${ctx.clinicPhone}.`
        : `No encontramos una hora libre cercana. Inicie sesión para reservar una cita nueva o llámenos al ${ctx.clinicPhone}.`),
    action: (p) => ({ label: "Elegir una nueva hora", url: p.offersUrl }),
  },
});
