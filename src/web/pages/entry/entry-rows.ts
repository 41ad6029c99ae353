/** The rows of the data-entry form: which figures an indicator asks for, and how typed values compare. */
import { parseLocaleNumber } from '../../../domain/locale-number';
import { formatNumber, type Locale, type MeasureUnit } from '../../../domain/measure';
import type { ApiIssue, IndicatorView, ObservationView } from '../../api';

export const SEXES = ['total', 'female', 'male'] as const;
export type Sex = (typeof SEXES)[number];
export type Field = 'numerator' | 'denominator' | 'value';
export const FIELDS: readonly string[] = ['numerator', 'denominator', 'value'] satisfies Field[];

export interface RowDef {
  key: string;
  indicator: IndicatorView;
  period: string;
  sex: Sex;
}
export type RowValues = Record<Field, string>;
/** Messages by row key, then by field ("row" for the row as a whole: period, sex, unit, indicator). */
export type Messages = Record<string, Partial<Record<Field | 'row', string[]>>>;

export const EMPTY: RowValues = { numerator: '', denominator: '', value: '' };

export function hasParts(indicator: IndicatorView): boolean {
  return indicator.numeratorVi !== null && indicator.denominatorVi !== null && indicator.multiplier !== null;
}

/** The periods of one reporting year for an indicator: 2025, or 2025-Q1 … 2025-Q4. */
export function periodsOf(indicator: IndicatorView, year: number): string[] {
  switch (indicator.periodType) {
    case 'year':
      return [String(year)];
    case 'half':
      return [`${year}-H1`, `${year}-H2`];
    case 'quarter':
      return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
    case 'month':
      return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  }
}

export function rowsOf(indicator: IndicatorView, year: number): RowDef[] {
  const sexes: readonly Sex[] = indicator.disaggregations.includes('sex') ? SEXES : ['total'];
  return periodsOf(indicator, year).flatMap((period) =>
    sexes.map((sex) => ({ key: `${indicator.code}|${period}|${sex}`, indicator, period, sex })),
  );
}

/** Test id of a row: entry-row-BDG-03-total, or entry-row-BDG-22-total-Q1 for a part of the year. */
export function rowTestId(row: RowDef): string {
  const part = row.period.includes('-') ? `-${row.period.split('-')[1]}` : '';
  return `entry-row-${row.indicator.code}-${row.sex}${part}`;
}

export const byCode = (a: IndicatorView, b: IndicatorView) =>
  a.code.localeCompare(b.code, 'en', { numeric: true });

/** The stored figure of each row (the whole group: no age group, ethnicity or area), by row key. */
export function storedByRow(
  rows: readonly RowDef[],
  stored: readonly ObservationView[],
): Map<string, ObservationView> {
  const found = new Map<string, ObservationView>();
  for (const row of rows) {
    const o = stored.find(
      (s) =>
        s.indicator === row.indicator.code &&
        s.period === row.period &&
        s.sex === row.sex &&
        s.ageGroup === '' &&
        s.ethnicity === '' &&
        s.area === '',
    );
    if (o) found.set(row.key, o);
  }
  return found;
}

/** A stored figure as the text a person would type in the UI's language: its parts when it has them. */
export function toRowValues(
  indicator: IndicatorView,
  o: { value: number; numerator: number | null; denominator: number | null },
  locale: Locale,
): RowValues {
  if (hasParts(indicator) && o.numerator !== null && o.denominator !== null)
    return {
      numerator: formatNumber(o.numerator, locale),
      denominator: formatNumber(o.denominator, locale),
      value: '',
    };
  return { numerator: '', denominator: '', value: formatNumber(o.value, locale) };
}

/** Figures already stored, as the text a person would type in the UI's language. */
export function initialValues(
  rows: readonly RowDef[],
  stored: ReadonlyMap<string, ObservationView>,
  locale: Locale,
) {
  const values: Record<string, RowValues> = {};
  for (const row of rows) {
    const o = stored.get(row.key);
    values[row.key] = o ? toRowValues(row.indicator, o, locale) : EMPTY;
  }
  return values;
}

/** The current figure a 409 answer carries for a row someone else changed meanwhile. */
export interface Current {
  value: number;
  numerator: number | null;
  denominator: number | null;
  version: number;
}

export function isCurrent(value: unknown): value is Current {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { value?: unknown }).value === 'number' &&
    typeof (value as { version?: unknown }).version === 'number'
  );
}

export interface Conflict {
  key: string;
  mine: RowValues;
  current: Current;
}

/** A province-level figure that the agency providing it may report: the province itself or that agency. */
export interface Provider {
  code: string;
  name: string;
}

export const partsActive = (v: RowValues) => v.numerator.trim() !== '' || v.denominator.trim() !== '';
export const filled = (v: RowValues) => partsActive(v) || v.value.trim() !== '';
export function changed(a: RowValues, b: RowValues): boolean {
  if (partsActive(a) || partsActive(b))
    return a.numerator.trim() !== b.numerator.trim() || a.denominator.trim() !== b.denominator.trim();
  return a.value.trim() !== b.value.trim();
}

/** value = numerator / denominator × multiplier, as the server computes it; null until both parse. */
export function computedValue(indicator: IndicatorView, v: RowValues, locale: Locale): string {
  const n = parseLocaleNumber(v.numerator, locale);
  const d = parseLocaleNumber(v.denominator, locale);
  if (n === null || d === null || d <= 0 || indicator.multiplier === null) return '';
  return formatNumber(Math.round((n / d) * indicator.multiplier * 1000) / 1000, locale);
}

export function unitSuffix(unit: MeasureUnit, times: string, locale: Locale): string {
  switch (unit) {
    case '%':
      return '%';
    case 'times':
      return times;
    case 'per100':
      return `/${formatNumber(100, locale)}`;
    case 'per1000':
      return `/${formatNumber(1000, locale)}`;
    case 'per100000':
      return `/${formatNumber(100000, locale)}`;
    default:
      return '';
  }
}

export function isMeasureUnit(unit: string): unit is MeasureUnit {
  return ['%', 'times', 'per100', 'per1000', 'per100000', 'count', 'milestone'].includes(unit);
}

export function groupIssues(
  issues: readonly ApiIssue[],
  sent: readonly string[],
): { byRow: Messages; loose: string[] } {
  const byRow: Messages = {};
  const loose: string[] = [];
  for (const issue of issues) {
    const key = issue.line !== undefined ? sent[issue.line - 1] : undefined;
    if (!key) {
      loose.push(issue.message);
      continue;
    }
    const field = issue.column && FIELDS.includes(issue.column) ? (issue.column as Field) : 'row';
    const row = (byRow[key] ??= {});
    (row[field] ??= []).push(issue.message);
  }
  return { byRow, loose };
}
