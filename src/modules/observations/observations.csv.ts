import { parse } from 'csv-parse/sync';
import type { NumberLocale } from '../../domain/locale-number.js';
import { ENTRY_ROW_LIMIT } from '../../domain/input-limits.js';
import { AppError } from '../../core/errors.js';
import type { RawObservation } from './observations.parse.js';

/** Columns of the observation CSV (the first line names them; order is free). */
export const CSV_COLUMNS = [
  'indicator',
  'org_unit',
  'reporting_unit',
  'period',
  'sex',
  'age_group',
  'ethnicity',
  'area',
  'value',
  'numerator',
  'denominator',
  'source',
  'note',
] as const;
const REQUIRED = ['indicator', 'org_unit', 'period'] as const;

/**
 * Reads an observation CSV. The delimiter is "," or ";" (Vietnamese spreadsheets write ";" with decimal
 * commas), and the number locale follows it unless given. Each row keeps its line number for error reports.
 */
export function parseObservationCsv(
  text: string,
  locale?: NumberLocale,
): { rows: RawObservation[]; locale: NumberLocale } {
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'Tệp CSV rỗng / empty CSV', [
      {
        path: '$.body',
        message: 'Tệp CSV rỗng: cần dòng tiêu đề và ít nhất một dòng số liệu',
        code: 'csv_empty',
      },
    ]);
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse<{ record: Record<string, string>; info: { lines: number } }>(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: false,
    });
  } catch (err) {
    const e = err as { message: string; lines?: number };
    throw new AppError('VALIDATION_FAILED', `Tệp CSV không đọc được: ${e.message}`, [
      {
        path: `line ${e.lines ?? 1}`,
        message: e.message,
        ...(e.lines ? { line: e.lines } : {}),
        code: 'csv_syntax',
      },
    ]);
  }
  const header = firstLine.split(delimiter).map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''));
  const issues = [
    ...REQUIRED.filter((c) => !header.includes(c)).map((c) => ({
      path: `line 1, column ${c}`,
      line: 1,
      column: c,
      code: 'column_missing',
      message: `Thiếu cột "${c}"`,
    })),
    ...header
      .filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
      .map((h) => ({
        path: `line 1, column ${h}`,
        line: 1,
        column: h,
        code: 'column_unknown',
        message: `Cột "${h}" không được hỗ trợ (các cột: ${CSV_COLUMNS.join(', ')})`,
      })),
  ];
  if (!header.includes('value') && !header.includes('numerator')) {
    issues.push({
      path: 'line 1, column value',
      line: 1,
      column: 'value',
      code: 'column_missing',
      message: 'Thiếu cột "value" (hoặc "numerator" và "denominator")',
    });
  }
  if (issues.length > 0)
    throw new AppError('VALIDATION_FAILED', 'Dòng tiêu đề của tệp CSV không hợp lệ', issues);
  if (records.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Tệp CSV không có dòng số liệu nào / no data rows', [
      {
        path: 'line 2',
        line: 2,
        message: 'Tệp CSV chỉ có dòng tiêu đề, không có dòng số liệu',
        code: 'csv_empty',
      },
    ]);
  }
  if (records.length > ENTRY_ROW_LIMIT) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Tệp CSV có ${records.length} dòng số liệu, tối đa ${ENTRY_ROW_LIMIT}`,
      [
        {
          path: `line ${records[ENTRY_ROW_LIMIT]!.info.lines}`,
          line: records[ENTRY_ROW_LIMIT]!.info.lines,
          message: `Tối đa ${ENTRY_ROW_LIMIT.toLocaleString('vi-VN')} dòng số liệu mỗi lần nhập; hãy chia tệp`,
          code: 'too_many_rows',
        },
      ],
    );
  }
  const get = (r: Record<string, string>, c: string) => r[c] ?? null;
  const rows = records.map(({ record, info }) => ({
    line: info.lines,
    indicator: record.indicator ?? '',
    orgUnit: record.org_unit ?? '',
    reportingUnit: get(record, 'reporting_unit'),
    period: record.period ?? '',
    sex: get(record, 'sex'),
    ageGroup: get(record, 'age_group'),
    ethnicity: get(record, 'ethnicity'),
    area: get(record, 'area'),
    value: get(record, 'value'),
    numerator: get(record, 'numerator'),
    denominator: get(record, 'denominator'),
    source: get(record, 'source'),
    note: get(record, 'note'),
  }));
  return { rows, locale: locale ?? (delimiter === ';' ? 'vi' : 'en') };
}
