import type { MeasureUnit } from './measure.js';
import type { PeriodType } from './period.js';
import type { Direction } from './progress.js';

export const AGGREGATIONS = ['ratio', 'sum', 'min', 'max', 'none'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const DISAGGREGATIONS = ['sex', 'age_group', 'ethnicity', 'area'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];
export const SEXES = ['total', 'female', 'male'] as const;
export type Sex = (typeof SEXES)[number];
export type OrgUnitKind = 'nation' | 'province' | 'commune' | 'agency' | 'section';

/** What the rules need to know about an indicator. */
export interface IndicatorRules {
  code: string;
  unit: MeasureUnit;
  direction: Direction;
  /** value = numerator / denominator × multiplier; null when the indicator has no parts. */
  multiplier: number | null;
  hasParts: boolean;
  disaggregations: readonly Disaggregation[];
  aggregation: Aggregation;
  periodType: PeriodType;
  unitKinds: readonly OrgUnitKind[];
  minValue: number | null;
  maxValue: number | null;
}

/** Units whose numerator counts a part of the denominator (so numerator ≤ denominator). */
export function numeratorIsPartOfDenominator(unit: MeasureUnit): boolean {
  return unit === '%' || unit === 'per1000' || unit === 'per100000';
}
