/** Progress statuses as the web app shows them: their order, colours and how values are written. */
import type { MantineColor } from '@mantine/core';
import type { Locale, MeasureUnit } from '../domain/measure';
import { formatMilestone, formatQuantity, roundForReading } from '../domain/measure';
import { parsePeriod, periodLabel } from '../domain/period';
import { PROGRESS_STATUSES, type StatusKey } from '../domain/progress';

/** Best first; milestones after the numeric statuses. */
export const STATUS_ORDER: readonly StatusKey[] = [...PROGRESS_STATUSES, 'in_progress', 'not_started'];

export const STATUS_COLOR: Record<StatusKey, MantineColor> = {
  achieved: 'teal',
  on_track: 'green',
  needs_acceleration: 'yellow',
  limited: 'orange',
  deteriorating: 'red',
  not_met: 'red',
  cannot_assess: 'gray',
  not_started: 'gray',
  in_progress: 'blue',
};

export function isStatusKey(value: string): value is StatusKey {
  return (STATUS_ORDER as readonly string[]).includes(value);
}

/** Rounds for reading: two decimals below 10 ("1,88 lần"), one above ("56,8%"). */
export const roundForDisplay = roundForReading;

/** A measured value with its unit, rounded for reading: "56,8%", "112,5/100", "1,88 lần". */
export function formatValue(value: number, unit: MeasureUnit, locale: Locale): string {
  if (unit === 'milestone') return formatMilestone(value, locale);
  return formatQuantity(roundForDisplay(value), unit, locale);
}

/** "2025" for a year, otherwise the period as people say it: "quý I/2025", "Q1 2025". */
export function periodText(period: string, locale: Locale): string {
  const p = parsePeriod(period);
  if (!p) return period;
  return p.type === 'year' ? String(p.year) : periodLabel(p, locale);
}

/** A yearly growth rate (0.066) as "6,6%". */
export function formatRate(rate: number, locale: Locale): string {
  return formatQuantity(Math.round(rate * 1000) / 10, '%', locale);
}
