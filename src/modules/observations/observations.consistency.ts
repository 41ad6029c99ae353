import { fromNumeric } from '../../db/connection.js';
import type { Sex } from '../../domain/indicator.js';
import { checkSexTotals, sexGroupKey } from '../../domain/observation-rules.js';
import { outlierWarnings, type OutlierWarning } from '../../domain/outlier.js';
import { rulesOf } from '../indicators/indicators.repository.js';
import type { RowProblem } from './observations.parse.js';
import type { ObservationKey, ObservationRow } from './observations.repository.js';
import type { Candidate } from './observations.validate.js';

/** A value to look at again before it is stored (an outlier); acknowledging it lets the batch through. */
export interface RowWarning {
  line: number;
  column: 'value';
  code: string;
  message: string;
}

/** A figure's key without its sex (the figures that must add up), or without its period (its history). */
function figureKey(f: ObservationKey, without: 'sex' | 'period'): string {
  return [
    f.indicatorId,
    f.orgUnitCode,
    without === 'sex' ? '' : f.sex,
    f.ageGroup,
    f.ethnicity,
    f.area,
    without === 'period' ? '' : f.period,
  ].join('\u0000');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * Female + male = total, counting the figures already stored for the same key. The total's line (or the group's
 * last) is blamed; every line of a group that does not add up is left out. Returns the candidates that pass.
 */
export function checkTotalsWithStored(
  candidates: readonly Candidate[],
  stored: readonly ObservationRow[],
  problems: RowProblem[],
): Candidate[] {
  const storedBySexGroup = groupBy(stored, (s) => figureKey(s, 'sex'));
  const badLines = new Set<number>();
  for (const group of groupBy(candidates, (c) =>
    sexGroupKey(c.indicator.code, c.write.orgUnitCode, c.input),
  ).values()) {
    const first = group[0]!;
    const bySex = new Map<Sex, { value: number; numerator: number | null; denominator: number | null }>();
    for (const s of storedBySexGroup.get(figureKey(first.write, 'sex')) ?? []) {
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
      errs.forEach((e) =>
        problems.push({ line: blamed.line, column: e.field, code: e.code, message: e.message }),
      );
      group.forEach((c) => badLines.add(c.line));
    }
  }
  return candidates.filter((c) => !badLines.has(c.line));
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

/** Values far from the unit's other periods of the same figure, or outside the indicator's configured range. */
export function outliersAgainstStored(
  candidates: readonly Candidate[],
  stored: readonly ObservationRow[],
): RowWarning[] {
  const storedHistory = groupBy(stored, (s) => figureKey(s, 'period'));
  return candidates.flatMap((c) => {
    const history = (storedHistory.get(figureKey(c.write, 'period')) ?? [])
      .filter((s) => s.period !== c.write.period)
      .map((s) => Number(s.value));
    const rules = rulesOf(c.indicator);
    return outlierWarnings(c.write.value, history, { min: rules.minValue, max: rules.maxValue }).map((w) => ({
      line: c.line,
      column: 'value' as const,
      ...warningMessage(w),
    }));
  });
}
