import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/measure';
import { en } from './en';
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

// Resources are bundled: initialise synchronously so the first render already has its labels.
void i18n.use(initReactI18next).init({
  initAsync: false,
  resources: { vi: { translation: vi }, en: { translation: en } },
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

export function setLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
}

export { i18n };
