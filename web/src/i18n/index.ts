import { LOCALE_COOKIE } from "@portico/contracts/first-pages";
import i18next, { type BackendModule, type ReadCallback } from "i18next";
import { initReactI18next } from "react-i18next";
import type { AppLocale } from "../lib/format";
import en from "./en.json";

type Strings = () => Promise<{ default: object }>;

/**
 * Feature namespaces (useTranslation("<name>")), one line each. Only the common strings
 * (en.json) are in the first download; a namespace's strings load, in the reader's language,
 * when a page first uses it (useTranslation waits for them); every namespace loads before any
 * page other than the landing and sign-in pages (boot.tsx), for pages that borrow a key from
 * another namespace ("registration:tiles.search").
 */
const NAMESPACES: Record<string, Record<AppLocale, Strings>> = {
  appointments: { en: () => import("./appointments.en.json"), es: () => import("./appointments.es.json") },
  registration: { en: () => import("./registration.en.json"), es: () => import("./registration.es.json") },
  caregivers: { en: () => import("./caregivers.en.json"), es: () => import("./caregivers.es.json") },
  clinicAdmin: { en: () => import("./clinicAdmin.en.json"), es: () => import("./clinicAdmin.es.json") },
  accessLog: { en: () => import("./accessLog.en.json"), es: () => import("./accessLog.es.json") },
  surveys: { en: () => import("./surveys.en.json"), es: () => import("./surveys.es.json") },
  records: { en: () => import("./records.en.json"), es: () => import("./records.es.json") },
  refills: { en: () => import("./refills.en.json"), es: () => import("./refills.es.json") },
  inBasket: { en: () => import("./inBasket.en.json"), es: () => import("./inBasket.es.json") },
  messages: { en: () => import("./messages.en.json"), es: () => import("./messages.es.json") },
  referrals: { en: () => import("./referrals.en.json"), es: () => import("./referrals.es.json") },
  health: { en: () => import("./health.en.json"), es: () => import("./health.es.json") },
  operations: { en: () => import("./operations.en.json"), es: () => import("./operations.es.json") },
  connectedApps: { en: () => import("./connectedApps.en.json"), es: () => import("./connectedApps.es.json") },
};

/** The common strings: English is bundled, Spanish is fetched only when someone needs it. */
const COMMON: Record<AppLocale, Strings> = {
  en: async () => ({ default: en }),
  es: () => import("./es.json"),
};

/** Hands i18next each (language, namespace) as a lazily loaded chunk. */
const lazyStrings: BackendModule = {
  type: "backend",
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const locale = isLocale(language) ? language : "en";
    const load = namespace === "translation" ? COMMON[locale] : NAMESPACES[namespace]?.[locale];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (strings) => callback(null, strings.default as Record<string, unknown>),
      (error: unknown) => callback(error as Error, false),
    );
  },
};

const STORAGE_KEY = "portico.locale";
export const LOCALES: AppLocale[] = ["en", "es"];

function isLocale(value: unknown): value is AppLocale {
  return value === "en" || value === "es";
}

/** The remembered choice, else the browser's preference, else English. */
export function initialLocale(): AppLocale {
  const saved = savedLocale();
  if (saved) return saved;
  const preferred = navigator.languages?.find(
    (l) => l.toLowerCase().startsWith("es") || l.toLowerCase().startsWith("en"),
  );
  return preferred?.toLowerCase().startsWith("es") ? "es" : "en";
}

/**
 * The language chosen on this device, also kept in a cookie so that the server can send the
 * landing and sign-in pages already written in it (web/vite.config.ts prerenders both languages).
 */
function rememberForServer(locale: AppLocale): void {
  try {
    if (document.cookie.split("; ").includes(`${LOCALE_COOKIE}=${locale}`)) return;
    // 400 days, the longest a browser keeps a cookie
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers Portico supports
    document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=34560000; SameSite=Lax`;
  } catch {
    // cookies may be blocked: the server then goes by the browser's languages
  }
}

function savedLocale(): AppLocale | undefined {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts i18next in `locale` (the reader's, by default). The prerender (prerender.tsx) passes
 * the language it writes a page in, and touches neither storage nor the document.
 */
export async function initI18n(locale: AppLocale = initialLocale()): Promise<void> {
  await i18next
    .use(lazyStrings)
    .use(initReactI18next)
    .init({
      lng: "en",
      fallbackLng: "en",
      ns: ["translation"],
      defaultNS: "translation",
      resources: { en: { translation: en } },
      // the English common strings are bundled; everything else comes from `lazyStrings`
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      returnNull: false,
      // pages re-render when strings they borrow from another namespace arrive
      react: { bindI18n: "languageChanged loaded", bindI18nStore: "added" },
    });
  if (typeof document === "undefined") {
    if (locale !== "en") await i18next.changeLanguage(locale);
    return;
  }
  // a choice made before the cookie existed still reaches the server
  const saved = savedLocale();
  if (saved) rememberForServer(saved);
  if (locale !== "en") await changeLocale(locale);
  else applyDocumentLanguage("en");
}

/**
 * Every feature namespace in the current language, for pages that borrow keys across
 * namespaces; boot.tsx calls it for any page but the landing and sign-in pages.
 */
export function loadAllStrings(): Promise<void> {
  return i18next.loadNamespaces(Object.keys(NAMESPACES));
}

/** Switches the interface language, remembers it on this device, and updates `<html lang>`. */
export async function changeLocale(locale: AppLocale): Promise<void> {
  // loads the common strings and every namespace already in use, in that language
  await i18next.changeLanguage(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not fatal: the choice just won't be remembered
  }
  rememberForServer(locale);
  applyDocumentLanguage(locale);
}

function applyDocumentLanguage(locale: AppLocale) {
  document.documentElement.lang = locale;
}

export function currentLocale(): AppLocale {
  return isLocale(i18next.language) ? i18next.language : "en";
}

export { i18next };
