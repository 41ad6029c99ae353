/** A date as precise as a document states it: "2026-04-26", "2026-04" or "2026". */
export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

export type DatePrecision = 'day' | 'month' | 'year';

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses an ISO partial date; returns null for anything that is not a real calendar date. */
export function parsePartialDate(text: string): PartialDate | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && month !== null) {
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return null;
  }
  return { year, month, day };
}

export function precisionOf(d: PartialDate): DatePrecision {
  if (d.day !== null) return 'day';
  if (d.month !== null) return 'month';
  return 'year';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO text of a partial date, as precise as it is. */
export function formatPartialDate(d: PartialDate): string {
  if (d.month === null) return String(d.year);
  if (d.day === null) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Storage form: the first day the partial date covers, and its precision. */
export function toStoredDate(d: PartialDate): { firstDay: string; precision: DatePrecision } {
  return { firstDay: `${d.year}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`, precision: precisionOf(d) };
}

/** Inverse of `toStoredDate`. */
export function fromStoredDate(firstDay: string, precision: DatePrecision): PartialDate {
  const [y, m, d] = firstDay.split('-').map(Number) as [number, number, number];
  return {
    year: y,
    month: precision === 'year' ? null : m,
    day: precision === 'day' ? d : null,
  };
}

/** Vietnamese reading: "ngày 26/4/2026", "tháng 4/2026", "năm 2026". */
export function formatPartialDateVi(d: PartialDate): string {
  if (d.month === null) return `năm ${d.year}`;
  if (d.day === null) return `tháng ${d.month}/${d.year}`;
  return `ngày ${d.day}/${d.month}/${d.year}`;
}

/** An ISO day as Vietnamese text writes it: "2026-12-01" → "01/12/2026". */
export function formatDayVi(isoDay: string): string {
  return isoDay.slice(0, 10).split('-').reverse().join('/');
}
