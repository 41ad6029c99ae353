import { fromNumeric, type Database } from '../../db/connection.js';
import type { Measure } from '../../domain/measure.js';
import { parsePeriod, periodTime, comparePeriods } from '../../domain/period.js';
import {
  assessMilestone,
  assessProgress,
  type Point,
  type ProgressResult,
  type StatusKey,
} from '../../domain/progress.js';
import { explainProgress } from '../../domain/progress-explain.js';
import { seriesForScope, type SeriesPoint } from '../../domain/rollup.js';
import { computedScopeFigures } from './computed-figures.js';
import { AppError, notFound } from '../../core/errors.js';
import { canReadUnit } from '../auth/auth.service.js';
import { type Actor } from '../../core/actor.js';
import { findIndicatorsByIds, rulesOf, type IndicatorRow } from '../indicators/indicators.repository.js';
import { findScopeObservations } from '../observations/observations.repository.js';
import { findOrgUnit } from '../org-units/org-units.repository.js';
import { findTarget, loadPlanParts, type MeasureRow } from '../plans/plans.repository.js';
import { measureOf, requirePlan } from '../plans/plans.service.js';

export interface ProgressDeps {
  db: Database;
  /** The current year, for "the value needed this year". */
  year: number;
  /** Count figures not yet accepted too (marked pending). Default: accepted figures only. */
  includePending?: boolean;
  /** Assess at another unit than the plan's issuer (a commune's own figures for its report). */
  scopeCode?: string;
  /** Today (ISO date), for figures computed from records up to the current period; default 31/12 of `year`. */
  today?: string;
}

export interface MeasureProgress {
  measureId: string;
  position: number;
  measure: Measure;
  indicator: IndicatorRow | null;
  status: StatusKey;
  result: ProgressResult | null;
  latest: (SeriesPoint & { periodLabel: string }) | null;
  /** Every figure of the scope by period and sex, oldest first. */
  series: SeriesPoint[];
  explanation: { vi: string; en: string };
}

const ORDER: StatusKey[] = [
  'deteriorating',
  'limited',
  'needs_acceleration',
  'not_started',
  'in_progress',
  'cannot_assess',
  'on_track',
  'achieved',
];

/** The least favourable status of a target's measures (a target is as far as its furthest number). */
function targetStatus(statuses: readonly StatusKey[]): StatusKey {
  if (statuses.length === 0) return 'cannot_assess';
  return [...statuses].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0]!;
}

/** Series of the indicators at the scope unit: entered there, else rolled up from its children. */
async function scopeSeries(
  db: Database,
  indicatorRows: IndicatorRow[],
  scope: { code: string; kind: string },
  acceptance: { planId: string; includePending: boolean },
  today: string,
) {
  const scopeCode = scope.code;
  const rows = await findScopeObservations(
    db,
    indicatorRows.map((i) => i.id),
    scopeCode,
    acceptance,
  );
  const byIndicator = new Map<string, SeriesPoint[]>();
  for (const indicator of indicatorRows) {
    const rules = rulesOf(indicator);
    // Computed indicators take their figures from the registers and the activity log, never from entries.
    const figures = indicator.computation
      ? await computedScopeFigures(db, indicator, scope, today)
      : rows
          .filter(
            (r) =>
              r.indicatorId === indicator.id && (r.isScope || rules.unitKinds.includes(r.unitKind as never)),
          )
          .map((r) => ({
            period: r.period,
            sex: r.sex,
            isScope: r.isScope,
            pending: !r.accepted,
            value: Number(r.value),
            numerator: fromNumeric(r.numerator),
            denominator: fromNumeric(r.denominator),
          }));
    const series = seriesForScope(rules.aggregation, rules.multiplier, figures).sort((a, b) =>
      comparePeriods(parsePeriod(a.period)!, parsePeriod(b.period)!),
    );
    byIndicator.set(indicator.id, series);
  }
  return byIndicator;
}

function assessMeasure(
  m: MeasureRow,
  indicator: IndicatorRow | null,
  series: SeriesPoint[],
  planEnd: number,
  year: number,
): Omit<MeasureProgress, 'measureId' | 'position' | 'indicator'> {
  const measure = measureOf(m, indicator?.code ?? null);
  const totals = series.filter((p) => p.sex === 'total');
  const points: Point[] = totals.map((p) => ({ t: periodTime(parsePeriod(p.period)!), value: p.value }));
  const last = totals.at(-1) ?? null;
  const latest = last ? { ...last, periodLabel: last.period } : null;
  let status: StatusKey;
  let result: ProgressResult | null = null;
  if (measure.unit === 'milestone') {
    status = assessMilestone(points);
  } else if (!indicator) {
    status = 'cannot_assess';
  } else {
    result = assessProgress({
      points,
      direction: rulesOf(indicator).direction,
      target: { value: measure.value, comparator: measure.comparator, year: measure.year ?? planEnd },
      baseline: measure.baseline?.year ? { t: measure.baseline.year, value: measure.baseline.value } : null,
      currentYear: year,
    });
    status = result.status;
  }
  return {
    measure,
    status,
    result,
    latest,
    series,
    explanation: {
      vi: explainProgress(status, result, measure, 'vi'),
      en: explainProgress(status, result, measure, 'en'),
    },
  };
}

/** Progress of every target and measure of a plan, at the plan's issuing unit, from current data. */
export async function planProgress(deps: ProgressDeps, planId: string, actor: Actor | null) {
  const plan = await requirePlan(deps, planId, actor);
  if (deps.includePending && !(await canReadUnit(deps.db, actor, plan.ownerUnitCode))) {
    throw new AppError(
      'FORBIDDEN',
      'Chỉ người có vai trò tại đơn vị ban hành mới xem được số liệu chưa tiếp nhận',
    );
  }
  const parts = await loadPlanParts(deps.db, planId);
  const indicatorRows = await findIndicatorsByIds(
    deps.db,
    parts.measures.map((m) => m.indicatorId).filter((i): i is string => i !== null),
  );
  const indicatorById = new Map(indicatorRows.map((i) => [i.id, i]));
  const scopeCode = deps.scopeCode ?? plan.issuerUnitCode;
  const scope = scopeCode ? await findOrgUnit(deps.db, scopeCode) : undefined;
  const series = scope
    ? await scopeSeries(
        deps.db,
        indicatorRows,
        scope,
        { planId, includePending: deps.includePending ?? false },
        deps.today ?? `${deps.year}-12-31`,
      )
    : new Map<string, SeriesPoint[]>();

  const targets = parts.targets.map((t) => {
    const goal = parts.goals.find((g) => g.id === t.goalId)!;
    const measures: MeasureProgress[] = parts.measures
      .filter((m) => m.targetId === t.id)
      .map((m) => {
        const indicator = m.indicatorId ? (indicatorById.get(m.indicatorId) ?? null) : null;
        return {
          measureId: m.id,
          position: m.position,
          indicator,
          ...assessMeasure(
            m,
            indicator,
            indicator ? (series.get(indicator.id) ?? []) : [],
            plan.periodTo,
            deps.year,
          ),
        };
      });
    return {
      target: t,
      goal,
      lead: parts.assignments.filter((a) => a.targetId === t.id && a.role === 'lead'),
      coordinate: parts.assignments.filter((a) => a.targetId === t.id && a.role === 'coordinate'),
      status: targetStatus(measures.map((m) => m.status)),
      measures,
    };
  });
  return {
    plan,
    scope: scope ?? null,
    year: deps.year,
    includePending: deps.includePending ?? false,
    targets,
  };
}

/** One target's progress, within the progress of its plan (which decides the scope and what the caller may see). */
export async function targetProgress(deps: ProgressDeps, targetId: string, actor: Actor | null) {
  const target = await findTarget(deps.db, targetId);
  if (!target) throw notFound(`Chỉ tiêu ${targetId}`);
  const progress = await planProgress(deps, target.planId, actor);
  return { progress, target: progress.targets.find((t) => t.target.id === target.id)! };
}
