import type { Comparator } from './measure.js';
import { meetsTarget } from './progress.js';

/**
 * Targets stated per period for every unit ("100% xã, phường, mỗi quý có ít nhất 04 tin, bài"): a standing
 * requirement, met in a period when every owed unit reaches the threshold in it (docs/DOMAIN.md §6). Only
 * periods that are over and covered count, so a new quarter's first record never turns the past into 0.
 */

/** One period's figures of the owed units. */
export interface PeriodUnits {
  period: string;
  /** Over and covered (the roll-up's coverage reached its threshold). */
  complete: boolean;
  /** Units that owe the figure. */
  owed: readonly string[];
  /** Each unit's figure in the period; an owed unit without one has not reached the threshold. */
  values: ReadonlyMap<string, number>;
}

export interface PeriodShare {
  period: string;
  /** Owed units that reached the threshold. */
  meeting: number;
  owed: number;
  /** Owed units that did not, with their figure (null: none recorded). */
  behind: { code: string; value: number | null }[];
}

export interface PerPeriodResult {
  status: 'achieved' | 'not_met' | 'cannot_assess';
  /** The latest complete period, which the status rests on. */
  latest: PeriodShare | null;
  /** Every complete period, oldest first as given. */
  periods: PeriodShare[];
}

export function shareOfPeriod(
  p: PeriodUnits,
  threshold: { value: number; comparator: Comparator },
): PeriodShare {
  const behind = p.owed
    .map((code) => ({ code, value: p.values.get(code) ?? null }))
    .filter((u) => u.value === null || !meetsTarget(u.value, threshold.comparator, threshold.value));
  return { period: p.period, meeting: p.owed.length - behind.length, owed: p.owed.length, behind };
}

/** Assesses a per-period target on its complete periods; the latest complete one decides. */
export function assessPerPeriod(
  threshold: { value: number; comparator: Comparator },
  periods: readonly PeriodUnits[],
): PerPeriodResult {
  const shares = periods
    .filter((p) => p.complete && p.owed.length > 0)
    .map((p) => shareOfPeriod(p, threshold));
  const latest = shares.at(-1) ?? null;
  if (!latest) return { status: 'cannot_assess', latest: null, periods: shares };
  return { status: latest.meeting === latest.owed ? 'achieved' : 'not_met', latest, periods: shares };
}
