import type { Aggregation } from './indicator.js';

export interface Figure {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/**
 * A parent's figure from its children by the indicator's rule: ratio = Σ numerators / Σ denominators ×
 * multiplier (never an average of percentages); sum of counts; min or max over units. Null when the rule
 * cannot be applied (no children, "none", or a ratio child without its parts).
 */
export function rollUp(
  aggregation: Aggregation,
  multiplier: number | null,
  children: readonly Figure[],
): Figure | null {
  if (children.length === 0) return null;
  switch (aggregation) {
    case 'ratio': {
      if (multiplier === null || children.some((c) => c.numerator === null || c.denominator === null))
        return null;
      const numerator = children.reduce((s, c) => s + c.numerator!, 0);
      const denominator = children.reduce((s, c) => s + c.denominator!, 0);
      if (denominator === 0) return null;
      return { value: (numerator / denominator) * multiplier, numerator, denominator };
    }
    case 'sum':
      return { value: children.reduce((s, c) => s + c.value, 0), numerator: null, denominator: null };
    case 'min':
      return { value: Math.min(...children.map((c) => c.value)), numerator: null, denominator: null };
    case 'max':
      return { value: Math.max(...children.map((c) => c.value)), numerator: null, denominator: null };
    case 'none':
      return null;
  }
}

/** A figure of one org unit for one period and sex. */
export interface UnitFigure extends Figure {
  period: string;
  sex: string;
  isScope: boolean;
  /** Not yet accepted by the province (shown only when pending figures are asked for). */
  pending?: boolean;
  /** Computed from registers or the activity log rather than entered. */
  fromRecords?: boolean;
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
}

/**
 * The unit's series for every period and sex: a figure entered for the unit itself takes precedence (survey
 * figures from the statistics office); otherwise its children's figures are rolled up by the rule.
 */
export function seriesForScope(
  aggregation: Aggregation,
  multiplier: number | null,
  figures: readonly UnitFigure[],
): SeriesPoint[] {
  const groups = new Map<string, UnitFigure[]>();
  for (const f of figures) {
    const key = `${f.period}\u0000${f.sex}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: SeriesPoint[] = [];
  for (const group of groups.values()) {
    const own = group.find((f) => f.isScope);
    const { period, sex } = group[0]!;
    if (own) {
      out.push({
        period,
        sex,
        value: own.value,
        numerator: own.numerator,
        denominator: own.denominator,
        origin: 'entered',
        contributors: 0,
        pending: own.pending ?? false,
        fromRecords: own.fromRecords ?? false,
      });
      continue;
    }
    const children = group.filter((f) => !f.isScope);
    const rolled = rollUp(aggregation, multiplier, children);
    if (rolled) {
      const pending = children.some((c) => c.pending ?? false);
      const fromRecords = children.some((c) => c.fromRecords ?? false);
      out.push({
        period,
        sex,
        ...rolled,
        origin: 'computed',
        contributors: children.length,
        pending,
        fromRecords,
      });
    }
  }
  return out;
}
