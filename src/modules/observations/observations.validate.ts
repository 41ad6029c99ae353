import type { Database } from '../../db/connection.js';
import type { NumberLocale } from '../../domain/locale-number.js';
import {
  BASELINE_YEARS,
  sexGroupKey,
  validateObservation,
  type FieldError,
  type ObservationInput,
} from '../../domain/observation-rules.js';
import { formatPeriod } from '../../domain/period.js';
import { findIndicatorsByCodes, rulesOf, type IndicatorRow } from '../indicators/indicators.repository.js';
import { findOrgUnitsByCodes, type OrgUnitRecord } from '../org-units/org-units.repository.js';
import {
  checkTotalsWithStored,
  outliersAgainstHistory,
  type RowWarning,
} from './observations.consistency.js';
import { parseRow, type RawObservation, type RowProblem } from './observations.parse.js';
import {
  findHistoryStats,
  findIndicatorYears,
  findSexGroupFigures,
  keyOf,
  type ObservationWrite,
} from './observations.repository.js';

/** A row that passed every check of its own: the figure to write and the version its writer saw. */
export interface Candidate {
  line: number;
  expectedVersion: number | null;
  indicator: IndicatorRow;
  input: ObservationInput;
  write: ObservationWrite;
  /**
   * Whether a figure with this key was stored when the batch was validated. Only those are locked and checked
   * before the write; one created since is caught by the write itself (its version is not the one expected).
   */
  storedWhenRead?: boolean;
}

/** A batch after validation: what may be written, what is wrong (by line) and what to look at again. */
export interface ValidatedBatch {
  valid: Candidate[];
  problems: RowProblem[];
  warnings: RowWarning[];
}

/** The indicators and units a batch names, and the years each indicator's figures are accepted for. */
interface References {
  indicators: Map<string, IndicatorRow>;
  units: Map<string, OrgUnitRecord>;
  years: Map<string, { from: number; to: number }>;
}

async function loadReferences(db: Database, raws: readonly RawObservation[]): Promise<References> {
  const indicatorRows = await findIndicatorsByCodes(
    db,
    raws.map((r) => r.indicator.trim()),
  );
  const units = await findOrgUnitsByCodes(
    db,
    // Reporting units too: a provider agency is looked up here like the unit it reports for.
    raws.flatMap((r) => [r.orgUnit.trim(), ...(r.reportingUnit?.trim() ? [r.reportingUnit.trim()] : [])]),
  );
  return {
    indicators: new Map(indicatorRows.map((i) => [i.code, i])),
    units: new Map(units.map((u) => [u.code, u])),
    years: await findIndicatorYears(
      db,
      indicatorRows.map((i) => i.id),
    ),
  };
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

/** The indicator, unit and reporting unit a row names, and what is wrong with them. */
function resolveReferences(raw: RawObservation, refs: References) {
  const errors: FieldError[] = [];
  const indicator = refs.indicators.get(raw.indicator.trim());
  if (!indicator)
    errors.push({ field: 'indicator', code: 'unknown', message: `Chỉ số "${raw.indicator}" không tồn tại` });
  else if (indicator.computation) {
    errors.push({
      field: 'indicator',
      code: 'computed',
      message: `Chỉ số ${indicator.code} được tính tự động từ sổ đăng ký hoặc nhật ký hoạt động, không nhập trực tiếp`,
    });
  }
  const unit = refs.units.get(raw.orgUnit.trim());
  if (!unit)
    errors.push({ field: 'org_unit', code: 'unknown', message: `Đơn vị "${raw.orgUnit}" không tồn tại` });
  const reporting = raw.reportingUnit?.trim() ? refs.units.get(raw.reportingUnit.trim()) : unit;
  if (raw.reportingUnit?.trim() && !reporting) {
    errors.push({
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
    errors.push({
      field: 'reporting_unit',
      code: 'not_provider',
      message: `Đơn vị báo cáo: ${reporting.name} không phải cơ quan cung cấp chỉ số ${indicator.code} cho ${unit.name}`,
    });
  }
  return { indicator, unit, reporting, errors };
}

/** One read row checked against what it names and the indicator's rules: the figure to write, or its errors. */
function checkRow(
  raw: RawObservation,
  input: ObservationInput,
  readErrors: FieldError[],
  refs: References,
  isDemo: boolean,
): Candidate | FieldError[] {
  const { indicator, unit, reporting, errors } = resolveReferences(raw, refs);
  errors.push(...readErrors);
  if (errors.length > 0 || !indicator || !unit || !reporting) return errors;
  const window = refs.years.get(indicator.id);
  const checked = validateObservation(rulesOf(indicator), input, {
    orgUnitKind: unit.kind,
    years: window ? { from: window.from - BASELINE_YEARS, to: window.to } : null,
  });
  if (checked.errors.length > 0 || !checked.period || checked.value === null) return checked.errors;
  return {
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
      isDemo,
    },
  };
}

/** The same figure twice in one batch: the later line is an error, not a silent overwrite. */
function withoutDuplicates(candidates: readonly Candidate[], problems: RowProblem[]): Candidate[] {
  const seen = new Map<string, number>();
  return candidates.filter((c) => {
    const key = `${sexGroupKey(c.indicator.code, c.write.orgUnitCode, c.input)}\u0000${c.input.sex}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, c.line);
      return true;
    }
    problems.push({
      line: c.line,
      column: 'period',
      code: 'duplicate',
      message: `Trùng số liệu với dòng ${first}`,
    });
    return false;
  });
}

/**
 * Validates a batch: each row read (parse) and checked against the indicators, units and rules it names, then the
 * batch as a whole (duplicates, female + male = total with stored figures) and outliers against stored history.
 * Reads only, in a fixed number of queries whatever the batch's size (the history as statistics computed in SQL,
 * never its rows); nothing is locked, so the write re-checks what can change meanwhile (versions, approval locks).
 */
export async function validateObservations(
  db: Database,
  raws: readonly RawObservation[],
  options: { locale: NumberLocale; isDemo: boolean },
): Promise<ValidatedBatch> {
  const refs = await loadReferences(db, raws);
  const problems: RowProblem[] = [];
  const candidates: Candidate[] = [];
  for (const row of raws.map((raw) => parseRow(raw, options.locale))) {
    if ('tooLong' in row) {
      problems.push(...row.tooLong);
      continue;
    }
    const checked = checkRow(row.raw, row.input, row.errors, refs, options.isDemo);
    if (Array.isArray(checked)) {
      checked.forEach((e) =>
        problems.push({ line: row.raw.line, column: e.field, code: e.code, message: e.message }),
      );
    } else candidates.push(checked);
  }
  const unique = withoutDuplicates(candidates, problems);
  // Both reads at once: the history of a figure the totals check refuses is read but not used.
  const [stored, history] = await Promise.all([
    findSexGroupFigures(
      db,
      unique.map((c) => c.write),
    ),
    findHistoryStats(
      db,
      unique.map((c) => c.write),
    ),
  ]);
  const valid = checkTotalsWithStored(unique, stored, problems);
  const storedKeys = new Set(stored.map(keyOf));
  for (const c of valid) c.storedWhenRead = storedKeys.size > 0 && storedKeys.has(keyOf(c.write));
  const warnings = outliersAgainstHistory(valid, history);
  problems.sort((a, b) => a.line - b.line);
  return { valid, problems, warnings };
}
