/** How the reporting pages write days, cycles and sizes. */
import type { TFunction } from 'i18next';
import type { Locale } from '../../../domain/measure';
import type { ReportKind } from '../../api/reporting';

const EN_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** An ISO day ("2026-06-05") as "05/06/2026" in Vietnamese, "5 Jun 2026" in English. */
export function formatDay(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  if (locale === 'vi') return `${m[3]}/${m[2]}/${m[1]}`;
  return EN_DAY.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** "15/11/2026 – 15/12/2026", or one day when the span is a single day. */
export function formatDayRange(start: string, end: string, locale: Locale): string {
  return start === end ? formatDay(start, locale) : `${formatDay(start, locale)} – ${formatDay(end, locale)}`;
}

/** The day of an instant in Vietnam (UTC+7, no daylight saving), as an ISO day. */
export function vietnamDay(instant: string | Date): string {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + 7 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** An instant as "27/11/2026 08:30" (Vietnam time) or "27 Nov 2026, 08:30". */
export function formatInstant(instant: string, locale: Locale): string {
  const local = new Date(Date.parse(instant) + 7 * 3_600_000).toISOString();
  return `${formatDay(local, locale)}${locale === 'vi' ? ' ' : ', '}${local.slice(11, 16)}`;
}

/** Whole days from `from` to `to` (ISO days); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "Báo cáo 6 tháng đầu năm 2026", "Báo cáo sơ kết giữa kỳ năm 2028" … */
export function cycleName(t: TFunction, cycle: { kind: ReportKind; year: number }): string {
  return t(`reporting.cycleName.${cycle.kind}`, { year: cycle.year });
}

/** "còn 4 ngày", "hạn hôm nay", "đã qua 3 ngày" for a deadline seen from `today`. */
export function dueText(t: TFunction, due: string, today: string): string {
  const left = daysBetween(today, due);
  if (left === 0) return t('reporting.due.today');
  return left > 0
    ? t('reporting.due.daysLeft', { count: left })
    : t('reporting.due.passed', { count: -left });
}

/** "1,2 MB", "830 KB". */
export function formatSize(bytes: number, locale: Locale): string {
  const number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${number.format(bytes / 1024 / 1024)} MB`;
  return `${number.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
