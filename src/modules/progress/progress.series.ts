import { fromNumeric, type Database } from '../../db/connection.js';
import { comparePeriods, parsePeriod } from '../../domain/period.js';
import {
  DEFAULT_COVERAGE_THRESHOLD,
  seriesForScope,
  type SeriesPoint,
  type UnitFigure,
} from '../../domain/rollup.js';
import { rulesOf, type IndicatorRow } from '../indicators/indicators.repository.js';
import { findScopeObservations } from '../observations/observations.repository.js';
import { computedScopeFigures } from './computed-figures.js';
import { findChildUnitCodes } from './progress.repository.js';

/** An indicator's figures at a scope: the series, the children's own figures and who owes them. */
export interface ScopeSeries {
  series: SeriesPoint[];
  /** The children's figures behind the roll-up (empty when the scope has no children reporting). */
  unitFigures: UnitFigure[];
  /** Units that owe the indicator at this scope (children of the scope), by code. */
  owed: string[];
}

/** Assignments of the plan, as far as coverage needs them: which agency carries which indicator's target. */
export interface IndicatorAssignment {
  orgUnitCode: string | null;
  indicatorId: string | null;
}

/**
 * Who owes an indicator's figure at a province: every commune of it when communes report the indicator, and the
 * agencies the plan assigns a target measured by it (lead or coordinating) when agencies report it. A commune or
 * agency scope owes only its own figure.
 */
function owedAtScope(
  indicator: IndicatorRow,
  children: { communes: readonly string[]; agencies: readonly string[] },
  assignments: readonly IndicatorAssignment[],
): string[] {
  const kinds = rulesOf(indicator).unitKinds;
  const communes = kinds.includes('commune') ? children.communes : [];
  const assigned = new Set(
    assignments.filter((a) => a.indicatorId === indicator.id && a.orgUnitCode).map((a) => a.orgUnitCode!),
  );
  const agencies = kinds.includes('agency') ? children.agencies.filter((c) => assigned.has(c)) : [];
  return [...communes, ...agencies];
}

/** Series of the indicators at the scope unit: entered there, else rolled up from its children with coverage. */
export async function scopeSeries(
  db: Database,
  indicatorRows: readonly IndicatorRow[],
  scope: { code: string; kind: string },
  acceptance: { planId: string; includePending: boolean },
  assignments: readonly IndicatorAssignment[],
  today: string,
): Promise<Map<string, ScopeSeries>> {
  const rows = await findScopeObservations(
    db,
    indicatorRows.map((i) => i.id),
    scope.code,
    acceptance,
  );
  const hasChildren = scope.kind === 'province' || scope.kind === 'nation';
  const children = hasChildren
    ? {
        communes: await findChildUnitCodes(db, scope.code, ['commune']),
        agencies: await findChildUnitCodes(db, scope.code, ['agency']),
      }
    : { communes: [], agencies: [] };
  const out = new Map<string, ScopeSeries>();
  for (const indicator of indicatorRows) {
    const rules = rulesOf(indicator);
    let figures: UnitFigure[];
    let owed: string[];
    if (indicator.computation) {
      // Computed indicators take their figures from the registers and the activity log, never from entries.
      ({ figures, owed } = await computedScopeFigures(db, indicator, scope, today));
    } else {
      figures = rows
        .filter(
          (r) =>
            r.indicatorId === indicator.id && (r.isScope || rules.unitKinds.includes(r.unitKind as never)),
        )
        .map((r) => ({
          period: r.period,
          sex: r.sex,
          isScope: r.isScope,
          unitCode: r.orgUnitCode,
          pending: !r.accepted,
          value: Number(r.value),
          numerator: fromNumeric(r.numerator),
          denominator: fromNumeric(r.denominator),
        }));
      owed = owedAtScope(indicator, children, assignments);
    }
    const threshold = fromNumeric(indicator.coverageThreshold) ?? DEFAULT_COVERAGE_THRESHOLD;
    const series = seriesForScope(rules.aggregation, rules.multiplier, figures, { owed, threshold }).sort(
      (a, b) => comparePeriods(parsePeriod(a.period)!, parsePeriod(b.period)!),
    );
    out.set(indicator.id, { series, unitFigures: figures.filter((f) => !f.isScope), owed });
  }
  return out;
}
