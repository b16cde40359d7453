import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { AppLocale } from "../lib/format";
import accessLogEn from "./accessLog.en.json";
import appointmentsEn from "./appointments.en.json";
import caregiversEn from "./caregivers.en.json";
import clinicAdminEn from "./clinicAdmin.en.json";
import en from "./en.json";
import healthEn from "./health.en.json";
import inBasketEn from "./inBasket.en.json";
import messagesEn from "./messages.en.json";
import operationsEn from "./operations.en.json";
import referralsEn from "./referrals.en.json";
import refillsEn from "./refills.en.json";
import recordsEn from "./records.en.json";
import registrationEn from "./registration.en.json";
import surveysEn from "./surveys.en.json";

/** Feature namespaces (useTranslation("<name>")): English is bundled, Spanish loads with the rest of Spanish. */
const FEATURE_EN: Record<string, object> = {
  appointments: appointmentsEn,
  registration: registrationEn,
  caregivers: caregiversEn,
  clinicAdmin: clinicAdminEn,
  accessLog: accessLogEn,
  surveys: surveysEn,
  records: recordsEn,
  refills: refillsEn,
  inBasket: inBasketEn,
  messages: messagesEn,
  referrals: referralsEn,
  health: healthEn,
  operations: operationsEn,
};
const FEATURE_ES: Record<string, () => Promise<{ default: object }>> = {
  appointments: () => import("./appointments.es.json"),
  registration: () => import("./registration.es.json"),
  caregivers: () => import("./caregivers.es.json"),
  clinicAdmin: () => import("./clinicAdmin.es.json"),
  accessLog: () => import("./accessLog.es.json"),
  surveys: () => import("./surveys.es.json"),
  records: () => import("./records.es.json"),
  refills: () => import("./refills.es.json"),
  inBasket: () => import("./inBasket.es.json"),
  messages: () => import("./messages.es.json"),
  referrals: () => import("./referrals.es.json"),
  health: () => import("./health.es.json"),
  operations: () => import("./operations.es.json"),
};

const STORAGE_KEY = "portico.locale";
export const LOCALES: AppLocale[] = ["en", "es"];

function isLocale(value: unknown): value is AppLocale {
  return value === "en" || value === "es";
}

/** The remembered choice, else the browser's preference, else English. */
export function initialLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage may be blocked; fall through
  }
  const preferred = navigator.languages?.find(
    (l) => l.toLowerCase().startsWith("es") || l.toLowerCase().startsWith("en"),
  );
  return preferred?.toLowerCase().startsWith("es") ? "es" : "en";
}

async function loadResources(locale: AppLocale): Promise<void> {
  if (i18next.hasResourceBundle(locale, "translation")) return;
  // Spanish is fetched only when someone needs it, keeping the first load small.
  const bundle = locale === "es" ? (await import("./es.json")).default : en;
  i18next.addResourceBundle(locale, "translation", bundle, true, true);
  if (locale === "es") {
    await Promise.all(
      Object.entries(FEATURE_ES).map(async ([ns, load]) =>
        i18next.addResourceBundle("es", ns, (await load()).default, true, true),
      ),
    );
  }
}

export async function initI18n(): Promise<void> {
  const locale = initialLocale();
  await i18next.use(initReactI18next).init({
    lng: "en",
    fallbackLng: "en",
    resources: { en: { translation: en, ...FEATURE_EN } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (locale !== "en") await changeLocale(locale);
  else applyDocumentLanguage("en");
}

/** Switches the interface language, remembers it on this device, and updates `<html lang>`. */
export async function changeLocale(locale: AppLocale): Promise<void> {
  await loadResources(locale);
  await i18next.changeLanguage(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not fatal: the choice just won't be remembered
  }
  applyDocumentLanguage(locale);
}

function applyDocumentLanguage(locale: AppLocale) {
  document.documentElement.lang = locale;
}

export function currentLocale(): AppLocale {
  return isLocale(i18next.language) ? i18next.language : "en";
}

export { i18next };
