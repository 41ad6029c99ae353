import { sql } from 'drizzle-orm';
import type { Executor } from '../connection.js';
import type { Aggregation } from '../../domain/indicator.js';

/** One indicator of the national catalogue (indicators.json beside this file). */
export interface IndicatorDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  direction: 'higher' | 'lower' | 'band';
  band: { min: number; max: number } | null;
  numeratorVi: string | null;
  denominatorVi: string | null;
  multiplier: number | null;
  disaggregations: string[];
  aggregation: Aggregation;
  periodType: 'year' | 'half' | 'quarter' | 'month';
  unitKinds: string[];
  source: string | null;
  providerAbbr: string | null;
  minValue: number | null;
  maxValue: number | null;
  /** Computed from records (src/domain/computed.ts) instead of entered. */
  computation?: Record<string, unknown> | null;
}

/** Adds catalogue indicators that are missing (one statement); existing ones keep any edits. */
export async function insertMissingIndicators(
  db: Executor,
  defs: readonly IndicatorDefinition[],
): Promise<void> {
  if (defs.length === 0) return;
  const col = <T>(f: (d: IndicatorDefinition) => T) => sql.param(defs.map(f));
  const num = (n: number | null | undefined) => (n === null || n === undefined ? null : String(n));
  await db.execute(sql`
    insert into indicators (code, name_vi, name_en, unit, direction, band_min, band_max, numerator_vi, denominator_vi,
      multiplier, disaggregations, aggregation, period_type, unit_kinds, source, provider_abbr, min_value, max_value,
      computation)
    select code, name_vi, name_en, unit, direction, band_min::numeric, band_max::numeric, numerator_vi, denominator_vi,
      multiplier::numeric, disaggregations::jsonb, aggregation, period_type, unit_kinds::jsonb, source, provider_abbr,
      min_value::numeric, max_value::numeric, computation::jsonb
    from unnest(${col((d) => d.code)}::text[], ${col((d) => d.nameVi)}::text[], ${col((d) => d.nameEn)}::text[],
      ${col((d) => d.unit)}::text[], ${col((d) => d.direction)}::text[], ${col((d) => num(d.band?.min))}::text[],
      ${col((d) => num(d.band?.max))}::text[], ${col((d) => d.numeratorVi)}::text[], ${col((d) => d.denominatorVi)}::text[],
      ${col((d) => num(d.multiplier))}::text[], ${col((d) => JSON.stringify(d.disaggregations))}::text[],
      ${col((d) => d.aggregation)}::text[], ${col((d) => d.periodType)}::text[],
      ${col((d) => JSON.stringify(d.unitKinds))}::text[], ${col((d) => d.source)}::text[],
      ${col((d) => d.providerAbbr)}::text[], ${col((d) => num(d.minValue))}::text[], ${col((d) => num(d.maxValue))}::text[],
      ${col((d) => (d.computation ? JSON.stringify(d.computation) : null))}::text[])
      as t(code, name_vi, name_en, unit, direction, band_min, band_max, numerator_vi, denominator_vi, multiplier,
           disaggregations, aggregation, period_type, unit_kinds, source, provider_abbr, min_value, max_value,
           computation)
    on conflict (code) do nothing`);
}
