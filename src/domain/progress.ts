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
  };
  const target = input.target;
  if (target && sorted.length >= 4) {
    result.projection = { t: target.year, value: linearProjection(sorted, target.year) };
  }
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

/**
 * Milestone targets take their status from evidence: the latest observation is 0 (not started),
 * between 0 and 1 (in progress) or 1 (achieved).
 */
export function assessMilestone(points: readonly Point[]): MilestoneStatus {
  const latest = [...points].sort((a, b) => a.t - b.t).at(-1);
  if (!latest || latest.value <= 0) return 'not_started';
  return latest.value >= 1 ? 'achieved' : 'in_progress';
}
