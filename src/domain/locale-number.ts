/** Numbers as people type them: Vietnamese "1.234,5" or English "1,234.5". */

export type NumberLocale = 'vi' | 'en';

const GROUPED: Record<NumberLocale, RegExp> = {
  vi: /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/,
  en: /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/,
};
const PLAIN: Record<NumberLocale, RegExp> = {
  vi: /^[+-]?\d+(,\d+)?$/,
  en: /^[+-]?\d+(\.\d+)?$/,
};

/**
 * Parses a number written in the locale; null when the text is not such a number. A plain "12.5" is
 * also read in Vietnamese, since spreadsheets export it that way, but "1.234" there means 1234.
 */
export function parseLocaleNumber(text: string, locale: NumberLocale): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  const [group, decimal] = locale === 'vi' ? ['.', ','] : [',', '.'];
  if (GROUPED[locale].test(s)) return Number(s.replaceAll(group, '').replace(decimal, '.'));
  if (PLAIN[locale].test(s)) return Number(s.replace(decimal, '.'));
  if (locale === 'vi' && /^[+-]?\d+\.\d{1,2}$|^[+-]?\d+\.\d{4,}$/.test(s)) return Number(s);
  return null;
}
