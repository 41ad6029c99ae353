/** Reporting periods: a year, a half-year, a quarter or a month, written "2024", "2024-H1", "2024-Q3", "2024-07". */

export const PERIOD_TYPES = ['year', 'half', 'quarter', 'month'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  type: PeriodType;
  year: number;
  /** 1 for a year, 1–2 for a half, 1–4 for a quarter, 1–12 for a month. */
  index: number;
}

/** How many periods of a type a year holds. */
export const PARTS: Record<PeriodType, number> = { year: 1, half: 2, quarter: 4, month: 12 };

const PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$/;

export function parsePeriod(text: string): Period | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2];
  if (!part) return { type: 'year', year, index: 1 };
  if (part.startsWith('H')) return { type: 'half', year, index: Number(part.slice(1)) };
  if (part.startsWith('Q')) return { type: 'quarter', year, index: Number(part.slice(1)) };
  return { type: 'month', year, index: Number(part) };
}

export function formatPeriod(p: Period): string {
  switch (p.type) {
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.year}-H${p.index}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
  }
}

/** Time of the period's midpoint in years, such that a whole year Y is exactly Y. */
export function periodTime(p: Period): number {
  const n = PARTS[p.type];
  return p.year + (p.index - 0.5) / n - 0.5;
}

/** First and last day (ISO) of the period. */
export function periodBounds(p: Period): { start: string; end: string } {
  const monthsPer = 12 / PARTS[p.type];
  const firstMonth = (p.index - 1) * monthsPer + 1;
  const lastMonth = firstMonth + monthsPer - 1;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${p.year}-${pad(firstMonth)}-01`, end: `${p.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "năm 2024", "6 tháng đầu năm 2024", "quý III/2024", "tháng 7/2024" (or English). */
export function periodLabel(p: Period, locale: 'vi' | 'en'): string {
  if (locale === 'en') {
    switch (p.type) {
      case 'year':
        return String(p.year);
      case 'half':
        return `${p.index === 1 ? 'first' : 'second'} half of ${p.year}`;
      case 'quarter':
        return `Q${p.index} ${p.year}`;
      case 'month':
        return `${new Date(Date.UTC(p.year, p.index - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${p.year}`;
    }
  }
  switch (p.type) {
    case 'year':
      return `năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'quarter':
      return `quý ${ROMAN[p.index - 1]}/${p.year}`;
    case 'month':
      return `tháng ${p.index}/${p.year}`;
  }
}

/** True when the period lies within the years [from, to]. */
export function periodWithinYears(p: Period, from: number, to: number): boolean {
  return p.year >= from && p.year <= to;
}

/** Orders periods by time (then the coarser first when they share a midpoint). */
export function comparePeriods(a: Period, b: Period): number {
  return periodTime(a) - periodTime(b) || PARTS[a.type] - PARTS[b.type];
}

/** A stored period as people say it ("năm 2025", "quý IV/2025"); the raw text when it is not a period. */
export function periodWords(period: string, locale: 'vi' | 'en'): string {
  const p = parsePeriod(period);
  return p ? periodLabel(p, locale) : period;
}
