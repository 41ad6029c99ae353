/** Outlier checks on a new value against the unit's own history, as DHIS2 does. */

export const MODIFIED_Z_THRESHOLD = 3.5;

/** Fewest earlier values a modified z-score is computed from. */
export const MIN_HISTORY = 3;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * What the score needs of a history: how many values, their median, and the median absolute deviation from it
 * (MAD). A batch's histories are gathered in SQL per figure (observations.repository, findHistoryStats) and
 * reduced here.
 */
export interface HistoryStats {
  count: number;
  median: number;
  mad: number;
}

export function historyStats(history: readonly number[]): HistoryStats | null {
  if (history.length === 0) return null;
  const med = median(history);
  return { count: history.length, median: med, mad: median(history.map((v) => Math.abs(v - med))) };
}

/**
 * Modified z-score (Iglewicz & Hoaglin): 0.6745 · (x − median) / MAD. Null when the history is too short
 * (fewer than 3 values) or has no spread (MAD 0), where the score means nothing.
 */
export function modifiedZScoreOf(value: number, stats: HistoryStats | null): number | null {
  if (!stats || stats.count < MIN_HISTORY || stats.mad === 0) return null;
  return (0.6745 * (value - stats.median)) / stats.mad;
}

export function modifiedZScore(value: number, history: readonly number[]): number | null {
  return modifiedZScoreOf(value, historyStats(history));
}

export type OutlierWarning =
  | { kind: 'z_score'; score: number; median: number }
  | { kind: 'below_min'; min: number }
  | { kind: 'above_max'; max: number };

/** Warnings for a value: outside the configured range, or a modified z-score above 3.5. */
export function outlierWarningsOf(
  value: number,
  stats: HistoryStats | null,
  range: { min: number | null; max: number | null },
): OutlierWarning[] {
  const warnings: OutlierWarning[] = [];
  if (range.min !== null && value < range.min) warnings.push({ kind: 'below_min', min: range.min });
  if (range.max !== null && value > range.max) warnings.push({ kind: 'above_max', max: range.max });
  const z = modifiedZScoreOf(value, stats);
  if (z !== null && Math.abs(z) > MODIFIED_Z_THRESHOLD) {
    warnings.push({ kind: 'z_score', score: z, median: stats!.median });
  }
  return warnings;
}

/** The same warnings from the history itself. */
export function outlierWarnings(
  value: number,
  history: readonly number[],
  range: { min: number | null; max: number | null },
): OutlierWarning[] {
  return outlierWarningsOf(value, historyStats(history), range);
}
