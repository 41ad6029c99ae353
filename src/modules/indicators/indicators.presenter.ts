import { fromNumeric } from '../../db/connection.js';
import type { IndicatorRow } from './indicators.repository.js';
import type { IndicatorView } from './indicators.schemas.js';

export function presentIndicator(r: IndicatorRow): IndicatorView {
  return {
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    unit: r.unit,
    direction: r.direction,
    band:
      r.bandMin !== null && r.bandMax !== null ? { min: Number(r.bandMin), max: Number(r.bandMax) } : null,
    numeratorVi: r.numeratorVi,
    denominatorVi: r.denominatorVi,
    multiplier: fromNumeric(r.multiplier),
    disaggregations: r.disaggregations,
    aggregation: r.aggregation,
    periodType: r.periodType,
    unitKinds: r.unitKinds,
    source: r.source,
    providerAbbr: r.providerAbbr,
    minValue: fromNumeric(r.minValue),
    maxValue: fromNumeric(r.maxValue),
  };
}
