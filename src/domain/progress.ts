import type { Comparator } from './measure.js';

/**
 * Progress against a target, by the method of Open SDG / Statistics Canada (docs/DOMAIN.md §5):
 * CAGR(y, y0, t, t0) = (y / y0)^(1/(t − t0)) − 1; R = s · d · CAGRo / |CAGRr|.
 */

export const PROGRESS_STATUSES = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited',
  'deteriorating',
  /** A standing per-period requirement missed in the latest complete period (src/domain/per-period.ts). */
  'not_met',
  'cannot_assess',
] as const;
export const MILESTONE_STATUSES = ['not_started', 'in_progress', 'achieved'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export type StatusKey = ProgressStatus | MilestoneStatus;

/** Which way is better. A band (sex ratio at birth) is good inside [min, max]. Never defaulted. */
export type Direction = { kind: 'higher' } | { kind: 'lower' } | { kind: 'band'; min: number; max: number };

/** One observed value at a time expressed in (possibly fractional) years. */
export interface Point {
  t: number;
  value: number;
  /** The period the value is for ("2025", "2021-Q1"), when known: the base and latest are named by it. */
  period?: string;
}

export interface NumericTarget {
  value: number;
  comparator: Comparator;
  year: number;
}

export interface ProgressInput {
  points: readonly Point[];
  direction: Direction;
  /** Null when the measure has no number to reach (then the growth thresholds apply). */
  target: NumericTarget | null;
  /** A starting point stated in the plan's text; used as the base when it is earlier than the data. */
  baseline?: Point | null;
  /** The year for which "the value needed this year" is computed. */
  currentYear: number;
  /** Length of one period of the series in years (1 for yearly figures, 0.25 for quarterly). Default 1. */
  periodLength?: number;
  /** Values the indicator can take (a share: 0–100): a projection is kept inside them. */
  bounds?: { min: number | null; max: number | null } | null;
  /**
   * A count that starts from 0 has no growth rate: assess it on absolute change a year instead (docs/DOMAIN.md
   * §5). Set for counts only.
   */
  absoluteFromZero?: boolean;
}

/** Why a measure could not be assessed; lets the UI say it plainly. */
export type CannotAssessReason =
  'too_few_points' | 'zero_value' | 'sign_change' | 'no_time_span' | 'target_year_passed';

export interface ProgressResult {
  status: ProgressStatus;
  reason: CannotAssessReason | null;
  latest: Point | null;
  base: Point | null;
  /** CAGR from the base to the latest value, per year. */
  observedGrowth: number | null;
  /** CAGR from the base to the target, per year. */
  requiredGrowth: number | null;
  /** R (with a numeric target) or P (without one). */
  ratio: number | null;
  /** Value on the required trajectory in `currentYear`. */
  neededThisYear: number | null;
  /** Linear trend to the target year, from four or more points. */
  projection: Point | null;
  /** Only two points: the status rests on a single change. */
  lowConfidence: boolean;
  /** The change a year needed from the latest value to reach the target by its year (CAGR, or absolute). */
  neededFromLatest: number | null;
  /** The value needed one period after the latest, on the path from the latest value to the target. */
  neededNextPeriod: Point | null;
  /** Whether the projection reaches the target; null without a projection. */
  projectionMeetsTarget: boolean | null;
  /** The status rests on absolute change a year (a count from 0), not on growth rates. */
  absolute: boolean;
}

/** Thresholds of R (numeric target) and of P (growth a year, no numeric target). */
export const THRESHOLDS = {
  withTarget: { onTrack: 0.95, needsAcceleration: 0.6 },
  withoutTarget: { onTrack: 0.015, needsAcceleration: 0.005 },
} as const;

/** Compound annual growth rate between two points; null when it is undefined (zero, sign change, no span). */
export function cagr(y: number, y0: number, t: number, t0: number): number | null {
  if (t === t0 || y0 === 0 || y === 0 || Math.sign(y) !== Math.sign(y0)) return null;
  return Math.pow(y / y0, 1 / (t - t0)) - 1;
}

/** True when `value` satisfies `comparator target` (≈ means within 2.5 % of the target). */
export function meetsTarget(value: number, comparator: Comparator, target: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  switch (comparator) {
    case '>=':
      return value >= target - eps;
    case '>':
      return value > target + eps;
    case '<=':
      return value <= target + eps;
    case '<':
      return value < target - eps;
    case '=':
      return Math.abs(value - target) <= eps;
    case '~':
      return Math.abs(value - target) <= 0.025 * Math.abs(target);
  }
}

/** +1 when higher is better at this value, −1 when lower is; null inside a band (nothing to improve). */
export function directionSign(direction: Direction, value: number): 1 | -1 | null {
  if (direction.kind === 'higher') return 1;
  if (direction.kind === 'lower') return -1;
  if (value > direction.max) return -1;
  if (value < direction.min) return 1;
  return null;
}

/** Which way a value must move to meet the target: down for < and ≤, up for > and ≥, towards it for = and ≈. */
function towardTarget(target: NumericTarget, value: number): 1 | -1 {
  if (target.comparator === '<' || target.comparator === '<=') return -1;
  if (target.comparator === '>' || target.comparator === '>=') return 1;
  return target.value < value ? -1 : 1;
}

function classify(ratio: number, t: { onTrack: number; needsAcceleration: number }): ProgressStatus {
  if (ratio >= t.onTrack) return 'on_track';
  if (ratio >= t.needsAcceleration) return 'needs_acceleration';
  if (ratio >= 0) return 'limited';
  return 'deteriorating';
}

/** Least-squares line through the points, evaluated at `t`. */
export function linearProjection(points: readonly Point[], t: number): number {
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mv = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.t - mt) * (p.value - mv), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return mv + slope * (t - mt);
}

/** Assesses one measure from its observed series. */
export function assessProgress(input: ProgressInput): ProgressResult {
  const sorted = [...input.points].sort((a, b) => a.t - b.t);
  const latest = sorted.at(-1) ?? null;
  const baseline = input.baseline ?? null;
  const first = sorted[0] ?? null;
  const base = baseline && (!first || baseline.t < first.t) ? baseline : first;
  const seriesLength = sorted.length + (base === baseline && baseline ? 1 : 0);
  const result: ProgressResult = {
    status: 'cannot_assess',
    reason: null,
    latest,
    base,
    observedGrowth: null,
    requiredGrowth: null,
    ratio: null,
    neededThisYear: null,
    projection: null,
    lowConfidence: seriesLength === 2,
    neededFromLatest: null,
    neededNextPeriod: null,
    projectionMeetsTarget: null,
    absolute: false,
  };
  const target = input.target;
  if (target && sorted.length >= 4) {
    const value = clamp(linearProjection(sorted, target.year), input.bounds ?? null);
    result.projection = { t: target.year, value };
    result.projectionMeetsTarget = meetsTarget(value, target.comparator, target.value);
  }
  if (target && latest) Object.assign(result, effortFromLatest(latest, target, input));
  if (target && base && target.year !== base.t) {
    result.requiredGrowth = cagr(target.value, base.value, target.year, base.t);
    if (result.requiredGrowth !== null) {
      result.neededThisYear = base.value * Math.pow(1 + result.requiredGrowth, input.currentYear - base.t);
    }
  }
  if (!latest) return { ...result, reason: 'too_few_points' };

  const inBand = input.direction.kind === 'band' && directionSign(input.direction, latest.value) === null;
  if ((target && meetsTarget(latest.value, target.comparator, target.value)) || (!target && inBand)) {
    return { ...result, status: 'achieved' };
  }
  if (!base || seriesLength < 2) return { ...result, reason: 'too_few_points' };
  if (latest.t === base.t) return { ...result, reason: 'no_time_span' };
  if (input.absoluteFromZero && base.value === 0) return assessAbsolute(result, base, latest, target, input);
  if (base.value === 0 || latest.value === 0) return { ...result, reason: 'zero_value' };
  if (Math.sign(base.value) !== Math.sign(latest.value)) return { ...result, reason: 'sign_change' };

  const observed = cagr(latest.value, base.value, latest.t, base.t)!;
  result.observedGrowth = observed;
  // Inside a band the band says nothing (the target is not met yet): the target's side gives the way to go.
  const d = directionSign(input.direction, latest.value) ?? (target ? towardTarget(target, latest.value) : 1);
  const s = base.value < 0 ? -1 : 1;

  if (!target) {
    const p = s * d * observed;
    return { ...result, ratio: p, status: classify(p, THRESHOLDS.withoutTarget) };
  }
  if (target.year <= base.t) return { ...result, reason: 'target_year_passed' };
  const required = result.requiredGrowth;
  if (required === null) return { ...result, reason: target.value === 0 ? 'zero_value' : 'sign_change' };
  if (required === 0) {
    // The base already sits on the target value (e.g. "from 18 to below 18"): any move the right way counts.
    const p = s * d * observed;
    return { ...result, ratio: p, status: classify(p, THRESHOLDS.withoutTarget) };
  }
  const r = (s * d * observed) / Math.abs(required);
  return { ...result, ratio: r, status: classify(r, THRESHOLDS.withTarget) };
}

function clamp(value: number, bounds: { min: number | null; max: number | null } | null): number {
  if (!bounds) return value;
  const low = bounds.min ?? -Infinity;
  const high = bounds.max ?? Infinity;
  return Math.min(high, Math.max(low, value));
}

/**
 * The effort from now: the change a year from the latest value to the target by its year (the latest value's
 * CAGR; absolute for a count from 0), and the value needed one period later on that path.
 */
function effortFromLatest(
  latest: Point,
  target: NumericTarget,
  input: ProgressInput,
): Pick<ProgressResult, 'neededFromLatest' | 'neededNextPeriod'> {
  const span = target.year - latest.t;
  if (span <= 0 || meetsTarget(latest.value, target.comparator, target.value)) {
    return { neededFromLatest: null, neededNextPeriod: null };
  }
  const step = Math.min(input.periodLength ?? 1, span);
  if (input.absoluteFromZero && latest.value === 0) {
    const perYear = (target.value - latest.value) / span;
    return { neededFromLatest: perYear, neededNextPeriod: { t: latest.t + step, value: perYear * step } };
  }
  const rate = cagr(target.value, latest.value, target.year, latest.t);
  if (rate === null) return { neededFromLatest: null, neededNextPeriod: null };
  return {
    neededFromLatest: rate,
    neededNextPeriod: { t: latest.t + step, value: latest.value * Math.pow(1 + rate, step) },
  };
}

/**
 * A count from 0 (no news item yet, no model yet): R = observed change a year / change a year needed from the
 * base to the target; without a numeric target, any rise is progress (P = change a year, thresholds as without
 * a target but in units a year).
 */
function assessAbsolute(
  result: ProgressResult,
  base: Point,
  latest: Point,
  target: NumericTarget | null,
  input: ProgressInput,
): ProgressResult {
  const observed = (latest.value - base.value) / (latest.t - base.t);
  const d = directionSign(input.direction, latest.value) ?? (target ? towardTarget(target, latest.value) : 1);
  const out = { ...result, absolute: true, observedGrowth: observed };
  if (!target)
    return { ...out, ratio: d * observed, status: classify(d * observed, THRESHOLDS.withoutTarget) };
  if (target.year <= base.t) return { ...out, reason: 'target_year_passed' };
  const required = (target.value - base.value) / (target.year - base.t);
  if (required === 0)
    return { ...out, ratio: d * observed, status: classify(d * observed, THRESHOLDS.withoutTarget) };
  const r = (d * observed) / Math.abs(required);
  return { ...out, requiredGrowth: required, ratio: r, status: classify(r, THRESHOLDS.withTarget) };
}

/**
 * Milestone targets take their status from evidence: the latest observation is 0 (not started),
 * between 0 and 1 (in progress) or 1 (achieved).
 */
export function assessMilestone(points: readonly Point[]): MilestoneStatus {
  const latest = [...points].sort((a, b) => a.t - b.t).at(-1);
  if (!latest || latest.value <= 0) return 'not_started';
  return latest.value >= 1 ? 'achieved' : 'in_progress';
}
