import type { Aggregation } from './indicator.js';

export interface Figure {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/**
 * What a roll-up needs of the children's figures of one period and sex, however they were gathered: summed in SQL
 * (progress at national scale) or from figures in memory (computed indicators, tests).
 */
export interface ChildrenAggregate {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Σ numerators and Σ denominators; null when any child lacks its parts (a ratio cannot be rolled up then). */
  numerator: number | null;
  denominator: number | null;
  /** Rests on at least one figure not yet accepted. */
  pending: boolean;
  /** Computed from registers or the activity log. */
  fromRecords: boolean;
  /** The children that count as having reported (coverage), by code. */
  reported: string[];
}

/** The aggregate of figures in memory (a child without `unitCode` counts as one unit of its own). */
export function aggregateChildren(children: readonly (Figure & Partial<UnitFigure>)[]): ChildrenAggregate {
  const values = children.map((c) => c.value);
  const withParts = children.every((c) => c.numerator !== null && c.denominator !== null);
  return {
    count: children.length,
    sum: values.reduce((s, v) => s + v, 0),
    min: Math.min(...values),
    max: Math.max(...values),
    numerator: withParts ? children.reduce((s, c) => s + c.numerator!, 0) : null,
    denominator: withParts ? children.reduce((s, c) => s + c.denominator!, 0) : null,
    pending: children.some((c) => c.pending ?? false),
    fromRecords: children.some((c) => c.fromRecords ?? false),
    reported: children.filter((c) => c.recorded !== false).map((c, i) => c.unitCode ?? `#${i}`),
  };
}

/**
 * A parent's figure from its children's aggregate by the indicator's rule: ratio = Σ numerators / Σ denominators ×
 * multiplier (never an average of percentages); sum of counts; min or max over units. Null when the rule cannot be
 * applied (no children, "none", or a ratio child without its parts).
 */
export function rollUpAggregate(
  aggregation: Aggregation,
  multiplier: number | null,
  children: ChildrenAggregate,
): Figure | null {
  if (children.count === 0) return null;
  switch (aggregation) {
    case 'ratio': {
      const { numerator, denominator } = children;
      if (multiplier === null || numerator === null || denominator === null || denominator === 0) return null;
      return { value: (numerator / denominator) * multiplier, numerator, denominator };
    }
    case 'sum':
      return { value: children.sum, numerator: null, denominator: null };
    case 'min':
      return { value: children.min, numerator: null, denominator: null };
    case 'max':
      return { value: children.max, numerator: null, denominator: null };
    case 'none':
      return null;
  }
}

/** A parent's figure from its children's figures (see rollUpAggregate). */
export function rollUp(
  aggregation: Aggregation,
  multiplier: number | null,
  children: readonly Figure[],
): Figure | null {
  return rollUpAggregate(aggregation, multiplier, aggregateChildren(children));
}

/** Share of the owed units that must have reported before a roll-up stands for the whole (docs/DOMAIN.md §6). */
export const DEFAULT_COVERAGE_THRESHOLD = 0.8;

/** A figure of one org unit for one period and sex. */
export interface UnitFigure extends Figure {
  period: string;
  sex: string;
  isScope: boolean;
  /** The unit the figure belongs to (children of the scope; coverage counts them). */
  unitCode?: string;
  /** Not yet accepted by the province (shown only when pending figures are asked for). */
  pending?: boolean;
  /** Computed from registers or the activity log rather than entered. */
  fromRecords?: boolean;
  /**
   * False for a figure computed as 0 because the unit recorded nothing in the period: it counts in the value
   * (the records say 0) but not as a unit that has reported.
   */
  recorded?: boolean;
}

/** How much of the population a rolled-up figure rests on. */
export interface Coverage {
  /** Units that owe the figure for the period (those that reported without owing it included). */
  owed: number;
  /** Units whose figure is counted (accepted, or pending when pending figures are asked for). */
  reported: number;
  /** Owed units that have not reported, by code. */
  missing: string[];
}

export interface SeriesPoint extends Figure {
  period: string;
  sex: string;
  /** Entered for the unit itself, or computed from its children. */
  origin: 'entered' | 'computed';
  /** How many children a computed figure rests on. */
  contributors: number;
  /** Rests on at least one figure not yet accepted. */
  pending: boolean;
  /** Computed from registers or the activity log (labelled "computed" to users). */
  fromRecords: boolean;
  /** Who a computed figure covers; null for a figure entered for the unit itself (complete by definition). */
  coverage: Coverage | null;
  /**
   * The figure stands for the whole: entered for the unit itself, or rolled up from at least the threshold
   * share of the owed units. Only complete points count for status, trend and projection.
   */
  complete: boolean;
}

/** Which units owe a scope's roll-up, and the share of them that makes it complete. */
export interface CoverageRule {
  owed: readonly string[];
  threshold: number;
}

/** Whether `reported` units of a population of `population` reach the threshold share. */
export function isComplete(population: number, reported: number, threshold: number): boolean {
  return population > 0 && reported / population >= threshold - 1e-12;
}

/** Coverage of a roll-up from the codes of the units that reported. */
export function coverageOf(
  rule: CoverageRule,
  reportedCodes: Iterable<string>,
): Coverage & { share: number; complete: boolean } {
  const reported = new Set(reportedCodes);
  const population = new Set([...rule.owed, ...reported]);
  const missing = rule.owed.filter((code) => !reported.has(code));
  const share = population.size === 0 ? 0 : reported.size / population.size;
  return {
    owed: population.size,
    reported: reported.size,
    missing,
    share,
    complete: isComplete(population.size, reported.size, rule.threshold),
  };
}

/** One period and sex at a unit: the figure entered for the unit itself, and its children's aggregate. */
export interface FigureGroup {
  period: string;
  sex: string;
  own: (Figure & { pending: boolean; fromRecords: boolean }) | null;
  children: ChildrenAggregate | null;
}

/**
 * The unit's series from its groups: a figure entered for the unit itself takes precedence (survey figures from the
 * statistics office); otherwise its children's aggregate is rolled up by the rule, with the coverage of the owed
 * units.
 */
export function seriesFromGroups(
  aggregation: Aggregation,
  multiplier: number | null,
  groups: Iterable<FigureGroup>,
  rule: CoverageRule = { owed: [], threshold: DEFAULT_COVERAGE_THRESHOLD },
): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (const { period, sex, own, children } of groups) {
    if (own) {
      out.push({
        period,
        sex,
        value: own.value,
        numerator: own.numerator,
        denominator: own.denominator,
        origin: 'entered',
        contributors: 0,
        pending: own.pending,
        fromRecords: own.fromRecords,
        coverage: null,
        complete: true,
      });
      continue;
    }
    const rolled = children ? rollUpAggregate(aggregation, multiplier, children) : null;
    if (!children || !rolled) continue;
    const { share: _share, complete, ...coverage } = coverageOf(rule, children.reported);
    out.push({
      period,
      sex,
      ...rolled,
      origin: 'computed',
      contributors: children.count,
      pending: children.pending,
      fromRecords: children.fromRecords,
      coverage,
      complete,
    });
  }
  return out;
}

/** The groups of figures in memory, by period and sex, in the order they first appear. */
export function groupFigures(figures: readonly UnitFigure[]): FigureGroup[] {
  const byKey = new Map<string, UnitFigure[]>();
  for (const f of figures) {
    const key = `${f.period}\u0000${f.sex}`;
    const group = byKey.get(key);
    if (group) group.push(f);
    else byKey.set(key, [f]);
  }
  return [...byKey.values()].map((group) => {
    const own = group.find((f) => f.isScope);
    const children = group.filter((f) => !f.isScope);
    return {
      period: group[0]!.period,
      sex: group[0]!.sex,
      own: own ? { ...own, pending: own.pending ?? false, fromRecords: own.fromRecords ?? false } : null,
      children: children.length > 0 ? aggregateChildren(children) : null,
    };
  });
}

/**
 * The unit's series for every period and sex from its figures in memory (a child without `unitCode` counts as one
 * unit of its own); see seriesFromGroups.
 */
export function seriesForScope(
  aggregation: Aggregation,
  multiplier: number | null,
  figures: readonly UnitFigure[],
  rule: CoverageRule = { owed: [], threshold: DEFAULT_COVERAGE_THRESHOLD },
): SeriesPoint[] {
  return seriesFromGroups(aggregation, multiplier, groupFigures(figures), rule);
}
