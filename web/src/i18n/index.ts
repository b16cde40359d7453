import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { AppLocale } from "../lib/format";
import en from "./en.json";

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
}

export async function initI18n(): Promise<void> {
  const locale = initialLocale();
  await i18next.use(initReactI18next).init({
    lng: "en",
    fallbackLng: "en",
    resources: { en: { translation: en } },
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
