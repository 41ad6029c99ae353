import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/measure';
import { vi, type Messages } from './vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LOCALES: readonly Locale[] = ['vi', 'en'];
const STORAGE_KEY = 'binhdang.lang';

function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'vi';
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to Vietnamese.
    return 'vi';
  }
}

function applyLocale(locale: string): void {
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisting the choice is acceptable.
  }
}

i18n.on('languageChanged', applyLocale);

/** English is its own chunk, fetched when it is first chosen (or was chosen before this visit). */
const loadLanguage = resourcesToBackend(async (lng: string) =>
  lng === 'en' ? (await import('./en')).en : undefined,
);

// Vietnamese is bundled and initialised synchronously: the first render already has its labels.
void i18n
  .use(initReactI18next)
  .use(loadLanguage)
  .init({
    initAsync: false,
    resources: { vi: { translation: vi } },
    partialBundledLanguages: true,
    lng: storedLocale(),
    fallbackLng: 'vi',
    supportedLngs: LOCALES,
    interpolation: { escapeValue: false },
  });

applyLocale(i18n.resolvedLanguage ?? 'vi');

function localeOf(instance: typeof i18n): Locale {
  const lang = instance.resolvedLanguage ?? instance.language;
  return isLocale(lang) ? lang : 'vi';
}

/** The current UI language as the domain formatters expect it. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return localeOf(instance);
}

/** The labels and the language they are in, for a component that both labels and formats numbers or dates. */
export function useLocalized() {
  const { t, i18n: instance } = useTranslation();
  return { t, locale: localeOf(instance) };
}

/**
 * Calls `render` once the labels of the current language are there: at once in Vietnamese, after the English
 * chunk has arrived for a visitor who chose English before (the page never shows one language, then the other).
 */
export function whenLabelsReady(render: () => void): void {
  if (i18n.hasLoadedNamespace('translation')) render();
  // Settles when the load ends, also when it failed: the page then shows the Vietnamese fallback.
  else void i18n.loadNamespaces('translation').then(render);
}

export function setLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
}

export { i18n };
