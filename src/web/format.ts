/** How the web app writes document identities and dates in the current language. */
import type { TFunction } from 'i18next';
import type { Locale } from '../domain/measure';
import { formatPartialDateVi, parsePartialDate } from '../domain/partial-date';
import { vi, type Messages } from './i18n/vi';

type DocumentType = keyof Messages['document']['types'];

function isDocumentType(type: string): type is DocumentType {
  return Object.hasOwn(vi.document.types, type);
}

/** "Kế hoạch", "Nghị định" …; an unknown type code is shown as stored. */
export function documentTypeLabel(t: TFunction, type: string | null): string | null {
  if (type === null) return null;
  return isDocumentType(type) ? t(`document.types.${type}`) : type;
}

/** "158/KH-UBND", or "…/KH-UBND" for a draft whose number is still blank. */
export function documentNumber(t: TFunction, number: string | null, symbol: string | null): string {
  const n = number ?? t('document.unnumbered');
  return symbol ? `${n}/${symbol}` : n;
}

/** "Số: …/KH-UBND" / "No. …/KH-UBND". */
export function documentIdentity(t: TFunction, number: string | null, symbol: string | null): string {
  return t('document.number', { number: documentNumber(t, number, symbol) });
}

const EN_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const EN_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * A date as precise as the document states it: "ngày 26/4/2026", "tháng 4/2026", "năm 2026"
 * (English: "26 April 2026", "April 2026", "2026"). Unparseable text is shown as stored.
 */
export function formatDocumentDate(date: string, locale: Locale): string {
  const d = parsePartialDate(date);
  if (!d) return date;
  if (locale === 'vi') return formatPartialDateVi(d);
  if (d.month === null) return String(d.year);
  const utc = new Date(Date.UTC(d.year, d.month - 1, d.day ?? 1));
  return d.day === null ? EN_MONTH.format(utc) : EN_DAY.format(utc);
}

export function formatPeriod(t: TFunction, period: { from: number; to: number }): string {
  return period.from === period.to
    ? t('document.year', { year: period.from })
    : t('document.period', { from: period.from, to: period.to });
}

/**
 * A referenced document as the Căn cứ lines write it: the citation, then the title unless the title
 * already names the document ("Luật Bình đẳng giới số 73/2006/QH11 của Quốc hội").
 */
export function referenceText(
  t: TFunction,
  locale: Locale,
  ref: Parameters<typeof documentCitation>[2] & { title: string | null },
): { citation: string; title: string | null } {
  const typeVi = ref.type !== null && isDocumentType(ref.type) ? vi.document.types[ref.type] : null;
  if (
    ref.title &&
    typeVi &&
    ref.title.toLocaleLowerCase('vi').startsWith(`${typeVi.toLocaleLowerCase('vi')} `)
  ) {
    const rest = documentCitation(t, locale, { ...ref, type: null });
    return { citation: rest ? `${ref.title} ${rest}` : ref.title, title: null };
  }
  return { citation: documentCitation(t, locale, ref), title: ref.title };
}

/**
 * The citation of a document, as the Căn cứ lines of a plan write it:
 * "Nghị định số 48/2009/NĐ-CP ngày 19/5/2009 của Chính phủ".
 */
export function documentCitation(
  t: TFunction,
  locale: Locale,
  doc: {
    type: string | null;
    number: string | null;
    symbol: string | null;
    date: string | null;
    issuer: string | null;
  },
): string {
  const parts: string[] = [];
  const type = documentTypeLabel(t, doc.type);
  if (type) parts.push(type);
  if (doc.number !== null || doc.symbol !== null) {
    parts.push(t('document.refNumber', { number: documentNumber(t, doc.number, doc.symbol) }));
  }
  if (doc.date) parts.push(t('document.refDate', { date: formatDocumentDate(doc.date, locale) }));
  if (doc.issuer) parts.push(t('document.refOf', { issuer: doc.issuer }));
  return parts.join(' ');
}

/** Target texts start in lower case ("tăng tỷ lệ …") because a plan continues a sentence; a card starts one. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
