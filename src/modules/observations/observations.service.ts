import type { Database } from '../../db/connection.js';
import { SEXES, type Sex } from '../../domain/indicator.js';
import { parseLocaleNumber, type NumberLocale } from '../../domain/locale-number.js';
import {
  checkSexTotals,
  sexGroupKey,
  validateObservation,
  type FieldError,
  type ObservationField,
  type ObservationInput,
} from '../../domain/observation-rules.js';
import { outlierWarnings, type OutlierWarning } from '../../domain/outlier.js';
import { formatPeriod } from '../../domain/period.js';
import { AppError } from '../../server/errors.js';
import { findIndicatorsByCodes, rulesOf, type IndicatorRow } from '../indicators/indicators.repository.js';
import { findOrgUnitsByCodes } from '../org-units/org-units.repository.js';
import {
  findIndicatorYears,
  findObservationsOfPairs,
  upsertObservations,
  type ObservationWrite,
} from './observations.repository.js';

/** Figures may go back this many years before a plan starts: the baseline that progress is measured from. */
export const BASELINE_YEARS = 5;

/** A figure as it arrives from a form, the API or a CSV line: numbers may still be text in the user's locale. */
export interface RawObservation {
  /** Where the row came from: its CSV line, or its position in a JSON batch (1-based). */
  line: number;
  indicator: string;
  orgUnit: string;
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
}

export interface RowProblem {
  line: number;
  column: ObservationField | 'source' | 'note';
  code: string;
  message: string;
}

export interface RowWarning {
  line: number;
  column: 'value';
  code: string;
  message: string;
}

export interface RecordOptions {
  locale: NumberLocale;
  /** "all": any bad row stores nothing; "valid-only": store the good rows, report the bad ones. */
  mode: 'all' | 'valid-only';
  acknowledgeWarnings: boolean;
  isDemo?: boolean;
}

export interface RecordResult {
  stored: number;
  rejected: RowProblem[];
  warnings: RowWarning[];
}

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
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
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

function warningMessage(w: OutlierWarning): { code: string; message: string } {
  switch (w.kind) {
    case 'below_min':
      return {
        code: 'below_min',
        message: `Giá trị thấp hơn mức tối thiểu cấu hình (${w.min}): kiểm tra lại trước khi lưu`,
      };
    case 'above_max':
      return {
        code: 'above_max',
        message: `Giá trị cao hơn mức tối đa cấu hình (${w.max}): kiểm tra lại trước khi lưu`,
      };
    case 'z_score':
      return {
        code: 'outlier',
        message: `Giá trị khác xa các kỳ trước của đơn vị (trung vị ${Math.round(w.median * 100) / 100}, điểm z hiệu chỉnh ${Math.round(w.score * 10) / 10}): kiểm tra lại trước khi lưu`,
      };
  }
}

/**
 * Validates and stores figures. Every problem is reported with its line and column. In mode "all" one bad
 * row stores nothing; warnings (outliers) must be acknowledged before anything is stored. One transaction.
 */
export async function recordObservations(
  deps: { db: Database },
  raws: readonly RawObservation[],
  options: RecordOptions,
): Promise<RecordResult> {
  const problems: RowProblem[] = [];
  const add = (line: number, errs: FieldError[]) =>
    errs.forEach((e) => problems.push({ line, column: e.field, code: e.code, message: e.message }));

  const indicatorRows = await findIndicatorsByCodes(
    deps.db,
    raws.map((r) => r.indicator.trim()),
  );
  const indicatorByCode = new Map(indicatorRows.map((i) => [i.code, i]));
  const units = new Map(
    (
      await findOrgUnitsByCodes(
        deps.db,
        raws.map((r) => r.orgUnit.trim()),
      )
    ).map((u) => [u.code, u]),
  );
  const years = await findIndicatorYears(
    deps.db,
    indicatorRows.map((i) => i.id),
  );

  interface Candidate {
    line: number;
    indicator: IndicatorRow;
    input: ObservationInput;
    write: ObservationWrite;
  }
  const candidates: Candidate[] = [];
  for (const raw of raws) {
    const errs: FieldError[] = [];
    const indicator = indicatorByCode.get(raw.indicator.trim());
    if (!indicator)
      errs.push({ field: 'indicator', code: 'unknown', message: `Chỉ số "${raw.indicator}" không tồn tại` });
    const unit = units.get(raw.orgUnit.trim());
    if (!unit)
      errs.push({ field: 'org_unit', code: 'unknown', message: `Đơn vị "${raw.orgUnit}" không tồn tại` });
    const sexWord = (raw.sex ?? '').trim().toLowerCase();
    const sex: Sex | undefined = sexWord === '' ? 'total' : SEX_WORDS[sexWord];
    if (!sex) {
      errs.push({
        field: 'sex',
        code: 'sex_invalid',
        message: `Giới tính "${raw.sex}": nhập ${SEXES.join(', ')} (hoặc tổng, nữ, nam)`,
      });
    }
    const input: ObservationInput = {
      period: raw.period.trim(),
      sex: sex ?? 'total',
      ageGroup: (raw.ageGroup ?? '').trim(),
      ethnicity: (raw.ethnicity ?? '').trim(),
      area: (raw.area ?? '').trim(),
      value: readNumber(raw.value, options.locale, 'value', errs),
      numerator: readNumber(raw.numerator, options.locale, 'numerator', errs),
      denominator: readNumber(raw.denominator, options.locale, 'denominator', errs),
    };
    if (errs.length > 0 || !indicator || !unit) {
      add(raw.line, errs);
      continue;
    }
    const window = years.get(indicator.id);
    const checked = validateObservation(rulesOf(indicator), input, {
      orgUnitKind: unit.kind,
      years: window ? { from: window.from - BASELINE_YEARS, to: window.to } : null,
    });
    if (checked.errors.length > 0 || !checked.period || checked.value === null) {
      add(raw.line, checked.errors);
      continue;
    }
    candidates.push({
      line: raw.line,
      indicator,
      input,
      write: {
        indicatorId: indicator.id,
        orgUnitCode: unit.code,
        period: formatPeriod(checked.period),
        periodType: checked.period.type,
        sex: input.sex,
        ageGroup: input.ageGroup,
        ethnicity: input.ethnicity,
        area: input.area,
        value: checked.value,
        numerator: input.numerator,
        denominator: input.denominator,
        source: raw.source?.trim() || null,
        note: raw.note?.trim() || null,
        isDemo: options.isDemo ?? false,
      },
    });
  }

  // The same figure twice in one batch: the later line is an error, not a silent overwrite.
  const seen = new Map<string, number>();
  const unique: Candidate[] = [];
  for (const c of candidates) {
    const key = `${sexGroupKey(c.indicator.code, c.write.orgUnitCode, c.input)}\u0000${c.input.sex}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        line: c.line,
        column: 'period',
        code: 'duplicate',
        message: `Trùng số liệu với dòng ${first}`,
      });
    } else {
      seen.set(key, c.line);
      unique.push(c);
    }
  }

  // Female + male = total, counting figures already stored for the same key.
  const stored = await findObservationsOfPairs(
    deps.db,
    unique.map((c) => ({ indicatorId: c.indicator.id, orgUnitCode: c.write.orgUnitCode })),
  );
  const groups = new Map<string, Candidate[]>();
  for (const c of unique) {
    const key = sexGroupKey(c.indicator.code, c.write.orgUnitCode, c.input);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  // Stored figures by their key without sex, and by their key with sex (for history).
  const storedKey = (s: (typeof stored)[number], withSex: boolean) =>
    [
      s.indicatorId,
      s.orgUnitCode,
      withSex ? s.sex : '',
      s.ageGroup,
      s.ethnicity,
      s.area,
      withSex ? '' : s.period,
    ].join('\u0000');
  const candidateKey = (c: Candidate, withSex: boolean) =>
    [
      c.indicator.id,
      c.write.orgUnitCode,
      withSex ? c.write.sex : '',
      c.input.ageGroup,
      c.input.ethnicity,
      c.input.area,
      withSex ? '' : c.write.period,
    ].join('\u0000');
  const storedBySexGroup = new Map<string, typeof stored>();
  const storedHistory = new Map<string, typeof stored>();
  for (const s of stored) {
    for (const [map, withSex] of [
      [storedBySexGroup, false],
      [storedHistory, true],
    ] as const) {
      const k = storedKey(s, withSex);
      map.set(k, [...(map.get(k) ?? []), s]);
    }
  }
  const num = (v: string | null) => (v === null ? null : Number(v));

  const badLines = new Set<number>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const bySex = new Map<Sex, { value: number; numerator: number | null; denominator: number | null }>();
    for (const s of storedBySexGroup.get(candidateKey(first, false)) ?? []) {
      bySex.set(s.sex, {
        value: Number(s.value),
        numerator: num(s.numerator),
        denominator: num(s.denominator),
      });
    }
    for (const c of group) {
      bySex.set(c.input.sex, {
        value: c.write.value,
        numerator: c.write.numerator,
        denominator: c.write.denominator,
      });
    }
    const errs = checkSexTotals(
      rulesOf(first.indicator),
      [...bySex.entries()].map(([sex, f]) => ({ sex, ...f })),
    );
    if (errs.length > 0) {
      const blamed = group.find((c) => c.input.sex === 'total') ?? group.at(-1)!;
      add(blamed.line, errs);
      group.forEach((c) => badLines.add(c.line));
    }
  }
  const valid = unique.filter((c) => !badLines.has(c.line));

  const warnings: RowWarning[] = [];
  for (const c of valid) {
    const history = (storedHistory.get(candidateKey(c, true)) ?? [])
      .filter((s) => s.period !== c.write.period)
      .map((s) => Number(s.value));
    const rules = rulesOf(c.indicator);
    for (const w of outlierWarnings(c.write.value, history, { min: rules.minValue, max: rules.maxValue })) {
      warnings.push({ line: c.line, column: 'value', ...warningMessage(w) });
    }
  }

  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0 && (options.mode === 'all' || valid.length === 0)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Có ${new Set(problems.map((p) => p.line)).size} dòng không hợp lệ; chưa lưu số liệu nào`,
      problems.map((p) => ({ path: `line ${p.line}, column ${p.column}`, ...p })),
    );
  }
  if (warnings.length > 0 && !options.acknowledgeWarnings) {
    throw new AppError(
      'WARNINGS_UNACKNOWLEDGED',
      'Có giá trị bất thường cần xác nhận trước khi lưu (acknowledgeWarnings)',
      warnings.map((w) => ({ path: `line ${w.line}, column ${w.column}`, ...w })),
    );
  }
  const count = await deps.db.transaction(async (tx) =>
    upsertObservations(
      tx,
      valid.map((c) => c.write),
    ),
  );
  return { stored: count, rejected: problems, warnings };
}
