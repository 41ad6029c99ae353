/** The vocabulary of target measures (binhdang.plan/1) and how a person reads one. */

export const MEASURE_UNITS = ['%', 'times', 'per100', 'per1000', 'per100000', 'count', 'milestone'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

export const COMPARATORS = ['>=', '>', '<=', '<', '=', '~'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const MEASURE_PERIODS = ['quarter', 'month', 'year'] as const;
export type MeasurePeriod = (typeof MEASURE_PERIODS)[number];

export interface Measure {
  label?: string | null;
  value: number;
  unit: MeasureUnit;
  comparator: Comparator;
  year: number | null;
  baseline: { value: number; year: number | null } | null;
  per: MeasurePeriod | null;
}

export type Locale = 'vi' | 'en';

export const COMPARATOR_SYMBOL: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  '~': '≈',
};

export const PER_TEXT: Record<Locale, Record<MeasurePeriod, string>> = {
  vi: { quarter: 'mỗi quý', month: 'mỗi tháng', year: 'mỗi năm' },
  en: { quarter: 'per quarter', month: 'per month', year: 'per year' },
};

/** Rounds for reading: two decimals below 10 ("1,88 lần"), one above ("56,8%"). */
export function roundForReading(value: number): number {
  const digits = Math.abs(value) < 10 ? 2 : 1;
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/** Formats a number the way the locale writes it (Vietnamese: "1,4", "100.000"). */
// Made once: building an Intl.NumberFormat costs far more than formatting with it (a plan's progress formats
// hundreds of numbers).
const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }),
};

export function formatNumber(value: number, locale: Locale): string {
  return NUMBER_FORMATS[locale].format(value);
}

/** A value with its unit: "75%", "1,4 lần", "109/100", "42/100.000", "4". */
export function formatQuantity(value: number, unit: MeasureUnit, locale: Locale): string {
  const n = formatNumber(value, locale);
  switch (unit) {
    case '%':
      return `${n}%`;
    case 'times':
      return locale === 'vi' ? `${n} lần` : `${n}×`;
    case 'per100':
      return `${n}/${formatNumber(100, locale)}`;
    case 'per1000':
      return `${n}/${formatNumber(1000, locale)}`;
    case 'per100000':
      return `${n}/${formatNumber(100000, locale)}`;
    case 'count':
      return n;
    case 'milestone':
      return formatMilestone(value, locale);
  }
}

const MILESTONE_WORDS: Record<Locale, [string, string, string]> = {
  vi: ['chưa thực hiện', 'đang thực hiện', 'hoàn thành'],
  en: ['not started', 'in progress', 'done'],
};

/** A milestone figure as a person says it: 0 not started, between 0 and 1 in progress, 1 done. */
export function formatMilestone(value: number, locale: Locale): string {
  const [none, some, done] = MILESTONE_WORDS[locale];
  return value >= 1 ? done : value > 0 ? some : none;
}

/**
 * One measure as a person reads it: "≥ 75% vào năm 2030", "≥ 4 mỗi quý vào năm 2030",
 * "< 18/1.000 vào năm 2030 (từ 18/1.000)", "Mốc: hoàn thành vào năm 2030".
 */
export function formatMeasure(m: Measure, locale: Locale): string {
  const parts: string[] = [];
  if (m.unit === 'milestone') {
    parts.push(locale === 'vi' ? 'Mốc: hoàn thành' : 'Milestone: done');
  } else {
    parts.push(`${COMPARATOR_SYMBOL[m.comparator]} ${formatQuantity(m.value, m.unit, locale)}`);
    if (m.per) parts.push(PER_TEXT[locale][m.per]);
  }
  if (m.year !== null) parts.push(locale === 'vi' ? `vào năm ${m.year}` : `by ${m.year}`);
  let text = parts.join(' ');
  if (m.baseline && m.unit !== 'milestone') {
    const from = formatQuantity(m.baseline.value, m.unit, locale);
    const year =
      m.baseline.year === null ? '' : locale === 'vi' ? ` năm ${m.baseline.year}` : ` in ${m.baseline.year}`;
    text += locale === 'vi' ? ` (từ ${from}${year})` : ` (from ${from}${year})`;
  }
  return text;
}

/**
 * Whether a target's text commits for each sex ("tỷ lệ trẻ em trai và trẻ em gái … đạt trên 99%", "nam và nữ"):
 * then each sex is assessed and the target takes the worse status (docs/DOMAIN.md §5). Read from the document's
 * own words, as the plan format has no field for it.
 */
export function commitsForEachSex(targetText: string): boolean {
  return /(trai|nam)\s+và\s+(trẻ em\s+|các em\s+)?(gái|nữ)|(gái|nữ)\s+và\s+(trẻ em\s+|các em\s+)?(trai|nam)/iu.test(
    targetText,
  );
}
