import { SEXES, type Sex } from '../../domain/indicator.js';
import { parseLocaleNumber, type NumberLocale } from '../../domain/locale-number.js';
import {
  OBSERVATION_TEXT_LIMITS,
  type FieldError,
  type ObservationField,
  type ObservationInput,
} from '../../domain/observation-rules.js';
import { canonicalDisaggregation } from '../../domain/disaggregation-vocabulary.js';
import { AppError, type ErrorCode } from '../../core/errors.js';

/** A figure as it arrives from a form, the API or a CSV line: numbers may still be text in the user's locale. */
export interface RawObservation {
  /** Where the row came from: its CSV line, or its position in a JSON batch (1-based). */
  line: number;
  indicator: string;
  orgUnit: string;
  /** The unit answerable for the figure when it is not the unit described (a provider agency). */
  reportingUnit?: string | null;
  period: string;
  sex?: string | null;
  ageGroup?: string | null;
  ethnicity?: string | null;
  area?: string | null;
  value?: string | number | null;
  numerator?: string | number | null;
  denominator?: string | number | null;
  source?: string | null;
  note?: string | null;
  /** The version the user edited; a newer stored version makes the write a conflict. */
  version?: number | null;
}

/** What is wrong with one row, by line and column. */
export interface RowProblem {
  line: number;
  column: ObservationField | 'reporting_unit' | 'source' | 'note' | 'version';
  code: string;
  message: string;
}

/** A row's problem or warning as an error issue: its path names the line and column. */
export function rowIssue<I extends { line: number; column: string; code: string; message: string }>(
  issue: I,
) {
  return { path: `line ${issue.line}, column ${issue.column}`, ...issue };
}

/** Refuses a whole write when any row has a problem: one issue per such row, naming its line and column. */
export function refuseRows<R extends { line: number }>(
  code: ErrorCode,
  message: string,
  rows: readonly R[],
  issue: (row: R) => { column: string; code: string; message: string },
): void {
  if (rows.length > 0) {
    throw new AppError(
      code,
      message,
      rows.map((r) => rowIssue({ line: r.line, ...issue(r) })),
    );
  }
}

/**
 * A row read: its sex word, disaggregation and numbers as values, and what could not be read (the sex word,
 * numbers in the user's locale), or only the texts that are too long, when it is not worth reading at all.
 */
export type ParsedRow =
  | { raw: RawObservation; tooLong: RowProblem[] }
  | { raw: RawObservation; input: ObservationInput; errors: FieldError[] };

const SEX_WORDS: Record<string, Sex> = {
  total: 'total',
  female: 'female',
  male: 'male',
  tong: 'total',
  tổng: 'total',
  'tổng số': 'total',
  chung: 'total',
  nữ: 'female',
  nu: 'female',
  nam: 'male',
};

function readNumber(
  raw: string | number | null | undefined,
  locale: NumberLocale,
  column: 'value' | 'numerator' | 'denominator',
  problems: FieldError[],
): number | null {
  if (raw === null || raw === undefined) return null;
  // Non-finite or huge numbers go on to validation, which refuses them naming the field.
  if (typeof raw === 'number') return raw;
  if (raw.trim() === '') return null;
  const n = parseLocaleNumber(raw, locale);
  if (n === null) {
    const label = { value: 'Giá trị', numerator: 'Tử số', denominator: 'Mẫu số' }[column];
    const example = locale === 'vi' ? '1.234,5' : '1,234.5';
    problems.push({
      field: column,
      code: 'number_invalid',
      message: `${label}: "${raw}" không phải là số (ví dụ ${example})`,
    });
  }
  return n;
}

const TEXT_COLUMNS: [RowProblem['column'], keyof RawObservation][] = [
  ['indicator', 'indicator'],
  ['org_unit', 'orgUnit'],
  ['reporting_unit', 'reportingUnit'],
  ['period', 'period'],
  ['sex', 'sex'],
  ['age_group', 'ageGroup'],
  ['ethnicity', 'ethnicity'],
  ['area', 'area'],
  ['value', 'value'],
  ['numerator', 'numerator'],
  ['denominator', 'denominator'],
  ['source', 'source'],
  ['note', 'note'],
];

/** Texts longer than their column's limit (OBSERVATION_TEXT_LIMITS), one problem each. */
function textTooLong(raw: RawObservation): RowProblem[] {
  return TEXT_COLUMNS.flatMap(([column, key]) => {
    const v = raw[key];
    const max = OBSERVATION_TEXT_LIMITS[column as keyof typeof OBSERVATION_TEXT_LIMITS];
    return typeof v === 'string' && v.length > max
      ? [
          {
            line: raw.line,
            column,
            code: 'text_too_long',
            message: `Cột ${column}: dài ${v.length} ký tự, tối đa ${max}`,
          },
        ]
      : [];
  });
}

/** Reads one row's words and numbers; which indicator and units it names is checked against the database later. */
export function parseRow(raw: RawObservation, locale: NumberLocale): ParsedRow {
  const tooLong = textTooLong(raw);
  if (tooLong.length > 0) return { raw, tooLong };
  const errors: FieldError[] = [];
  const sexWord = (raw.sex ?? '').trim().toLowerCase();
  const sex: Sex | undefined = sexWord === '' ? 'total' : SEX_WORDS[sexWord];
  if (!sex) {
    errors.push({
      field: 'sex',
      code: 'sex_invalid',
      message: `Giới tính "${raw.sex}": nhập ${SEXES.join(', ')} (hoặc tổng, nữ, nam)`,
    });
  }
  const input: ObservationInput = {
    period: raw.period.trim(),
    sex: sex ?? 'total',
    ageGroup: canonicalDisaggregation('age_group', raw.ageGroup ?? ''),
    ethnicity: canonicalDisaggregation('ethnicity', raw.ethnicity ?? ''),
    area: canonicalDisaggregation('area', raw.area ?? ''),
    value: readNumber(raw.value, locale, 'value', errors),
    numerator: readNumber(raw.numerator, locale, 'numerator', errors),
    denominator: readNumber(raw.denominator, locale, 'denominator', errors),
  };
  return { raw, input, errors };
}
