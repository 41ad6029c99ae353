import type { Clock } from '../../core/clock.js';
import { fromNumeric, type Database } from '../../db/connection.js';
import { SEXES, type Sex } from '../../domain/indicator.js';
import { parseLocaleNumber, type NumberLocale } from '../../domain/locale-number.js';
import {
  checkSexTotals,
  OBSERVATION_TEXT_LIMITS,
  sexGroupKey,
  validateObservation,
  type FieldError,
  type ObservationField,
  type ObservationInput,
} from '../../domain/observation-rules.js';
import { canonicalDisaggregation } from '../../domain/disaggregation-vocabulary.js';
import { outlierWarnings, type OutlierWarning } from '../../domain/outlier.js';
import { formatPeriod } from '../../domain/period.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../../core/actor.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.repository.js';
import type { OrgUnitRecord } from '../org-units/org-units.repository.js';
import { checkLocks, checkOwedIndicators } from './observations.access.js';
import { findIndicatorsByCodes, rulesOf, type IndicatorRow } from '../indicators/indicators.repository.js';
import { findOrgUnitsByCodes } from '../org-units/org-units.repository.js';
import {
  findIndicatorYears,
  findObservationsOfPairs,
  keyOf,
  lockObservations,
  upsertObservations,
  type ObservationRow,
  type ObservationWrite,
} from './observations.repository.js';

/** The 409 of a batch in which some figures were changed by someone else since the user opened them. */
function staleConflict(
  rows: readonly { line: number; expectedVersion: number | null; existing: ObservationRow }[],
): AppError {
  return new AppError(
    'CONFLICT',
    'Số liệu đã được người khác sửa sau khi bạn mở: xem giá trị hiện tại và chọn giữ bản nào',
    rows.map(({ line, expectedVersion, existing }) => ({
      path: `line ${line}, column version`,
      line,
      column: 'version',
      code: 'stale_version',
      message: `Giá trị hiện tại ${Number(existing.value)} (phiên bản ${existing.version}); bạn sửa từ phiên bản ${expectedVersion ?? 0}`,
      current: {
        value: Number(existing.value),
        numerator: fromNumeric(existing.numerator),
        denominator: fromNumeric(existing.denominator),
        version: existing.version,
      },
    })),
  );
}

/** Stable text key of one figure, used in the audit trail and its history view. */
export function observationKey(
  indicatorCode: string,
  o: { orgUnitCode: string; period: string; sex: string; ageGroup: string; ethnicity: string; area: string },
): string {
  return [indicatorCode, o.orgUnitCode, o.period, o.sex, o.ageGroup, o.ethnicity, o.area].join('|');
}

/** A province-level figure may be reported by the agency the indicator names as its provider in that province. */
function providesFor(reporting: OrgUnitRecord, unit: OrgUnitRecord, indicator: IndicatorRow): boolean {
  return (
    reporting.kind === 'agency' &&
    reporting.parentCode === unit.code &&
    indicator.providerAbbr !== null &&
    reporting.abbreviation === indicator.providerAbbr
  );
}

/** Figures may go back this many years before a plan starts: the baseline that progress is measured from. */
export const BASELINE_YEARS = 5;

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

export interface RowProblem {
  line: number;
  column: ObservationField | 'reporting_unit' | 'source' | 'note' | 'version';
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
  /** Who writes: reporters are held to the indicators their unit owes; null for the system (demo data). */
  actor?: Actor | null;
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
  deps: { db: Database; now: Clock },
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
        // Reporting units too: a provider agency is looked up here like the unit it reports for.
        raws.flatMap((r) => [r.orgUnit.trim(), ...(r.reportingUnit?.trim() ? [r.reportingUnit.trim()] : [])]),
      )
    ).map((u) => [u.code, u]),
  );
  const years = await findIndicatorYears(
    deps.db,
    indicatorRows.map((i) => i.id),
  );

  interface Candidate {
    line: number;
    expectedVersion: number | null;
    indicator: IndicatorRow;
    input: ObservationInput;
    write: ObservationWrite;
  }
  if (raws.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Không có dòng số liệu nào / no rows', [
      { path: '$.rows', message: 'Không có dòng số liệu nào', code: 'no_rows' },
    ]);
  }
  const candidates: Candidate[] = [];
  for (const raw of raws) {
    const tooLong = textTooLong(raw);
    if (tooLong.length > 0) {
      problems.push(...tooLong);
      continue;
    }
    const errs: FieldError[] = [];
    const indicator = indicatorByCode.get(raw.indicator.trim());
    if (!indicator)
      errs.push({ field: 'indicator', code: 'unknown', message: `Chỉ số "${raw.indicator}" không tồn tại` });
    else if (indicator.computation) {
      errs.push({
        field: 'indicator',
        code: 'computed',
        message: `Chỉ số ${indicator.code} được tính tự động từ sổ đăng ký hoặc nhật ký hoạt động, không nhập trực tiếp`,
      });
    }
    const unit = units.get(raw.orgUnit.trim());
    if (!unit)
      errs.push({ field: 'org_unit', code: 'unknown', message: `Đơn vị "${raw.orgUnit}" không tồn tại` });
    const reporting = raw.reportingUnit?.trim() ? units.get(raw.reportingUnit.trim()) : unit;
    if (raw.reportingUnit?.trim() && !reporting) {
      errs.push({
        field: 'reporting_unit',
        code: 'unknown',
        message: `Đơn vị báo cáo "${raw.reportingUnit}" không tồn tại`,
      });
    } else if (
      reporting &&
      unit &&
      indicator &&
      reporting.code !== unit.code &&
      !providesFor(reporting, unit, indicator)
    ) {
      errs.push({
        field: 'reporting_unit',
        code: 'not_provider',
        message: `Đơn vị báo cáo: ${reporting.name} không phải cơ quan cung cấp chỉ số ${indicator.code} cho ${unit.name}`,
      });
    }
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
      ageGroup: canonicalDisaggregation('age_group', raw.ageGroup ?? ''),
      ethnicity: canonicalDisaggregation('ethnicity', raw.ethnicity ?? ''),
      area: canonicalDisaggregation('area', raw.area ?? ''),
      value: readNumber(raw.value, options.locale, 'value', errs),
      numerator: readNumber(raw.numerator, options.locale, 'numerator', errs),
      denominator: readNumber(raw.denominator, options.locale, 'denominator', errs),
    };
    if (errs.length > 0 || !indicator || !unit || !reporting) {
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
      expectedVersion: raw.version ?? null,
      write: {
        indicatorId: indicator.id,
        orgUnitCode: unit.code,
        reportingUnitCode: reporting.code,
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

  const badLines = new Set<number>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const bySex = new Map<Sex, { value: number; numerator: number | null; denominator: number | null }>();
    for (const s of storedBySexGroup.get(candidateKey(first, false)) ?? []) {
      bySex.set(s.sex, {
        value: Number(s.value),
        numerator: fromNumeric(s.numerator),
        denominator: fromNumeric(s.denominator),
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
  if (options.actor) await checkOwedIndicators(deps.db, options.actor, valid);
  const now = deps.now();
  const count = await deps.db.transaction(async (tx) => {
    // Optimistic concurrency, checked inside the transaction that writes: the stored figures are locked first,
    // so their versions cannot move between this check and the write.
    const current = new Map(
      (
        await lockObservations(
          tx,
          valid.map((c) => c.write),
        )
      ).map((s) => [keyOf(s), s]),
    );
    const existingOf = (c: Candidate) => current.get(keyOf(c.write));
    // A replaced figure stays under the lock of the unit answerable for it so far, also when another unit (its
    // provider agency) now reports it.
    const previousOwners = valid.flatMap((c) => {
      const s = existingOf(c);
      return s && s.reportingUnitCode !== c.write.reportingUnitCode
        ? [{ ...c, write: { ...c.write, reportingUnitCode: s.reportingUnitCode } }]
        : [];
    });
    await checkLocks(tx, [...valid, ...previousOwners]);
    const stale = valid.filter((c) => {
      const existing = existingOf(c);
      return c.expectedVersion !== null && existing !== undefined && existing.version !== c.expectedVersion;
    });
    if (stale.length > 0) throw staleConflict(stale.map((c) => ({ ...c, existing: existingOf(c)! })));
    const writtenKeys = new Set(
      await upsertObservations(
        tx,
        valid.map((c) => c.write),
        now,
        valid.map((c) => existingOf(c)?.version ?? 0),
      ),
    );
    // A figure that was new when locked but that someone else created meanwhile: not overwritten unseen.
    const raced = valid.filter((c) => !writtenKeys.has(keyOf(c.write)));
    if (raced.length > 0) {
      const latest = new Map(
        (
          await lockObservations(
            tx,
            raced.map((c) => c.write),
          )
        ).map((s) => [keyOf(s), s]),
      );
      throw staleConflict(
        raced.flatMap((c) =>
          latest.has(keyOf(c.write)) ? [{ ...c, existing: latest.get(keyOf(c.write))! }] : [],
        ),
      );
    }
    const written = writtenKeys.size;
    const replaced = valid.flatMap((c) => {
      const s = existingOf(c);
      return s
        ? [
            {
              key: observationKey(c.indicator.code, c.write),
              value: Number(s.value),
              numerator: fromNumeric(s.numerator),
              denominator: fromNumeric(s.denominator),
              version: s.version,
            },
          ]
        : [];
    });
    const units = [...new Set(valid.map((c) => c.write.reportingUnitCode))];
    const periods = [...new Set(valid.map((c) => c.write.period))];
    await recordAudit(
      tx,
      options.actor ?? SYSTEM_ACTOR,
      {
        action: 'observation.record',
        entity: 'observation',
        entityId: valid.length === 1 ? observationKey(valid[0]!.indicator.code, valid[0]!.write) : null,
        orgUnitCode: units.length === 1 ? units[0]! : null,
        period: periods.length === 1 ? periods[0]! : null,
        before: replaced,
        after: valid.map((c) => ({
          key: observationKey(c.indicator.code, c.write),
          reportingUnit: c.write.reportingUnitCode,
          value: c.write.value,
          numerator: c.write.numerator,
          denominator: c.write.denominator,
        })),
      },
      now,
    );
    return written;
  });
  return { stored: count, rejected: problems, warnings };
}
