import { asc, inArray, sql } from 'drizzle-orm';
import { fromNumeric, type Executor } from '../../db/connection.js';
import { indicators } from '../../db/schema.js';
import type { Disaggregation, IndicatorRules, OrgUnitKind } from '../../domain/indicator.js';
import type { MeasureUnit } from '../../domain/measure.js';

export type IndicatorRow = typeof indicators.$inferSelect;

/** Catalogue entry as in src/db/reference/indicators.json. */
export async function listIndicatorRows(db: Executor): Promise<IndicatorRow[]> {
  return db.select().from(indicators).orderBy(asc(indicators.code));
}

export async function findIndicatorsByCodes(db: Executor, codes: readonly string[]): Promise<IndicatorRow[]> {
  if (codes.length === 0) return [];
  return (
    db
      .select()
      .from(indicators)
      // One array parameter: a batch may name thousands of codes (a bad file), past the bind-parameter limit.
      .where(sql`${indicators.code} = any(${sql.param([...new Set(codes)])}::text[])`)
  );
}

export async function findIndicatorsByIds(db: Executor, ids: readonly string[]): Promise<IndicatorRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(indicators)
    .where(inArray(indicators.id, [...new Set(ids)]));
}

// One view per row read: a batch of figures asks for its indicators' rules once per figure.
const RULES = new WeakMap<IndicatorRow, IndicatorRules>();

/** The domain's view of an indicator row (the row is read-only; its view is made once). */
export function rulesOf(row: IndicatorRow): IndicatorRules {
  let rules = RULES.get(row);
  if (!rules) RULES.set(row, (rules = viewOf(row)));
  return rules;
}

function viewOf(row: IndicatorRow): IndicatorRules {
  return {
    code: row.code,
    unit: row.unit as MeasureUnit,
    direction:
      row.direction === 'band'
        ? {
            kind: 'band',
            min: fromNumeric(row.bandMin) ?? -Infinity,
            max: fromNumeric(row.bandMax) ?? Infinity,
          }
        : { kind: row.direction },
    multiplier: fromNumeric(row.multiplier),
    hasParts: row.numeratorVi !== null && row.denominatorVi !== null && row.multiplier !== null,
    disaggregations: row.disaggregations as Disaggregation[],
    aggregation: row.aggregation,
    periodType: row.periodType,
    unitKinds: row.unitKinds as OrgUnitKind[],
    minValue: fromNumeric(row.minValue),
    maxValue: fromNumeric(row.maxValue),
  };
}
