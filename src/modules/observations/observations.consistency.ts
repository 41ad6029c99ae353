import { fromNumeric } from '../../db/connection.js';
import type { Sex } from '../../domain/indicator.js';
import { checkSexTotals, sexGroupKey } from '../../domain/observation-rules.js';
import { outlierWarningsOf, type HistoryStats, type OutlierWarning } from '../../domain/outlier.js';
import { rulesOf } from '../indicators/indicators.repository.js';
import type { RowProblem } from './observations.parse.js';
import { keyOf, type ObservationKey, type ObservationRow } from './observations.repository.js';
import type { Candidate } from './observations.validate.js';

/** A value to look at again before it is stored (an outlier); acknowledging it lets the batch through. */
export interface RowWarning {
  line: number;
  column: 'value';
  code: string;
  message: string;
}

/** A figure's key without its sex: the figures that must add up. */
const sexGroupOf = (f: ObservationKey): string => keyOf({ ...f, sex: 'total' });

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Female + male = total, counting the figures already stored for the same group (findSexGroupFigures). The total's line (or the group's
 * last) is blamed; every line of a group that does not add up is left out. Returns the candidates that pass.
 */
export function checkTotalsWithStored(
  candidates: readonly Candidate[],
  stored: readonly ObservationRow[],
  problems: RowProblem[],
): Candidate[] {
  const storedBySexGroup = groupBy(stored, (s) => sexGroupOf(s));
  const badLines = new Set<number>();
  for (const group of groupBy(candidates, (c) =>
    sexGroupKey(c.indicator.code, c.write.orgUnitCode, c.input),
  ).values()) {
    const first = group[0]!;
    const bySex = new Map<Sex, { value: number; numerator: number | null; denominator: number | null }>();
    for (const s of storedBySexGroup.get(sexGroupOf(first.write)) ?? []) {
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

/**
 * Values far from the unit's other periods of the same figure (their statistics, by the figure's key, from
 * findHistoryStats), or outside the indicator's configured range.
 */
export function outliersAgainstHistory(
  candidates: readonly Candidate[],
  history: ReadonlyMap<string, HistoryStats>,
): RowWarning[] {
  return candidates.flatMap((c) => {
    const rules = rulesOf(c.indicator);
    return outlierWarningsOf(c.write.value, history.get(keyOf(c.write)) ?? null, {
      min: rules.minValue,
      max: rules.maxValue,
    }).map((w) => ({
      line: c.line,
      column: 'value' as const,
      ...warningMessage(w),
    }));
  });
}
