/** Dates, periods and server errors as the work pages show them. */
import type { Locale } from '../../../domain/measure';
import { periodBounds, type Period } from '../../../domain/period';
import { ApiError } from '../../api';
import type { Occasion } from '../../api/work';

const EN_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "10/12/2025" in Vietnamese, "10 Dec 2025" in English; text that is not an ISO day is shown as stored. */
export function formatDay(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  if (locale === 'en') return EN_DAY.format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Today as an ISO day in the user's time zone (what "today" means to the person typing). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isIsoDay = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * The fixed date an activity on this day most likely belongs to (docs/DOMAIN.md §4): 8/3, 28/6, 20/10, 9/11,
 * the Action Month 15/11–15/12, else June's action month on domestic violence; null on an ordinary day.
 */
export function occasionOf(iso: string): Occasion | null {
  if (!isIsoDay(iso)) return null;
  const md = iso.slice(5);
  if (md === '03-08') return '8-3';
  if (md === '06-28') return '28-6';
  if (md === '10-20') return '20-10';
  if (md === '11-09') return '9-11';
  if (md >= '11-15' && md <= '12-15') return 'action-month';
  if (md.startsWith('06-')) return 'june-action-month';
  return null;
}

/** The four quarters of a year with their first and last day. */
export function quartersOf(year: number): (Period & { start: string; end: string })[] {
  return [1, 2, 3, 4].map((index) => {
    const p: Period = { type: 'quarter', year, index };
    return { ...p, ...periodBounds(p) };
  });
}

/** A field of the body a server issue points at ("$.body.fromDate" → "fromDate"). */
export function issueField(path: string): string | null {
  const m = /^\$\.body\.([A-Za-z]+)/.exec(path);
  return m ? m[1]! : null;
}

/**
 * The server's messages by field, for the fields a form shows; `fallback` names a field in Vietnamese when the
 * server's message is a generic schema message. Anything else goes to `general`.
 */
export function fieldErrors(
  error: unknown,
  fields: readonly string[],
  fallback: (field: string) => string,
): { byField: Record<string, string>; general: string | null } {
  if (!(error instanceof ApiError)) return { byField: {}, general: null };
  const byField: Record<string, string> = {};
  let unplaced = false;
  for (const issue of error.issues) {
    const field = issueField(issue.path);
    if (field && fields.includes(field)) {
      // Schema messages come in English ("Invalid URL"): name the field in the UI's words instead.
      byField[field] ??= error.message.startsWith('Dữ liệu gửi lên không hợp lệ')
        ? fallback(field)
        : issue.message;
    } else unplaced = true;
  }
  const general = unplaced || Object.keys(byField).length === 0 ? error.message : null;
  return { byField, general };
}

/** "10/12/2025" from an ISO day: how a day is typed and shown in the forms, whatever the browser's language. */
export function dayText(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * The ISO day a person typed as day/month/year ("10/12/2025", "1-7-2025", "01.07.2025"), or pasted as ISO;
 * null when it is not a real day.
 */
export function parseDay(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +m - 1 || date.getUTCDate() !== +d) return null;
  return date.toISOString().slice(0, 10);
}
