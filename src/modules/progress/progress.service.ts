import type { Database } from '../../db/connection.js';
import { commitsForEachSex, type Measure } from '../../domain/measure.js';
import { BASELINE_YEARS } from '../../domain/observation-rules.js';
import { assessPerPeriod, type PerPeriodResult, type PeriodUnits } from '../../domain/per-period.js';
import { PARTS, parsePeriod, periodTime } from '../../domain/period.js';
import {
  assessMilestone,
  assessProgress,
  type Point,
  type ProgressInput,
  type ProgressResult,
  type StatusKey,
} from '../../domain/progress.js';
import { effortWords, explainProgress } from '../../domain/progress-explain.js';
import type { SeriesPoint } from '../../domain/rollup.js';
import { findProvincePlanIds } from './progress.repository.js';
import { scopeSeries, type ScopeSeries } from './progress.series.js';
import { AppError, notFound } from '../../core/errors.js';
import { canReadUnit } from '../auth/auth.service.js';
import { type Actor } from '../../core/actor.js';
import { findIndicatorsByIds, rulesOf, type IndicatorRow } from '../indicators/indicators.repository.js';
import { findOrgUnit, findOrgUnitsByCodes } from '../org-units/org-units.repository.js';
import { unitTitle } from '../../domain/issuer.js';
import { findPlan, findTarget, loadPlanTargets, type MeasureRow } from '../plans/plans.repository.js';
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
  /**
   * The caller has already decided who may read this (a unit's own report, whose route checks the right to read
   * the unit): the plan is read whether or not it is published.
   */
  planAccessChecked?: boolean;
  /**
   * Which indicators' figures by sex are read besides the totals: all (reports state female and male figures; the
   * default), or only those of targets committing for each sex (the plan's progress page shows no series).
   */
  sexes?: 'all' | 'committed';
}

export interface MeasureProgress {
  measureId: string;
  position: number;
  measure: Measure;
  indicator: IndicatorRow | null;
  status: StatusKey;
  result: ProgressResult | null;
  /** The latest complete figure (the one the status rests on). */
  latest: (SeriesPoint & { periodLabel: string }) | null;
  /** A newer figure that does not cover enough units yet: shown, marked, never assessed. */
  partial: SeriesPoint | null;
  /** For a target stated per period and unit: the share of units meeting it in each complete period. */
  perPeriod: PerPeriodResult | null;
  /** The year given to a baseline the plan states without one (the plan's first year); null otherwise. */
  baselineAssumedYear: number | null;
  /** For a target committing for each sex: each sex's status (the measure takes the worse). */
  bySex: { female: StatusKey; male: StatusKey } | null;
  /** Every figure of the scope by period and sex, oldest first. */
  series: SeriesPoint[];
  /** Units owing the indicator at the scope. */
  owed: string[];
  explanation: { vi: string; en: string };
  /** The change needed from the latest value, in words; null when met or not computable. */
  effort: { vi: string; en: string } | null;
}

const NO_SERIES: ScopeSeries = { series: [], unitFigures: [], owed: [] };

const ORDER: StatusKey[] = [
  'deteriorating',
  'not_met',
  'limited',
  'needs_acceleration',
  'not_started',
  'in_progress',
  'cannot_assess',
  'on_track',
  'achieved',
];

/** The least favourable status (a target is as far as its furthest number). */
function worstStatus(statuses: readonly StatusKey[]): StatusKey {
  if (statuses.length === 0) return 'cannot_assess';
  return [...statuses].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0]!;
}

/** The share measures (%) cannot leave 0–100; others are bounded by the indicator's limits when it has any. */
function boundsOf(measure: Measure, indicator: IndicatorRow) {
  const rules = rulesOf(indicator);
  if (measure.unit === '%') return { min: 0, max: 100 };
  return { min: rules.minValue, max: rules.maxValue };
}

/** A per-period target ("mỗi quý … ít nhất 04 tin, bài") from the children's figures of each complete period. */
function perPeriodOf(measure: Measure, data: ScopeSeries): PerPeriodResult {
  const periods: PeriodUnits[] = data.series
    .filter((p) => p.sex === 'total' && p.origin === 'computed')
    .map((p) => ({
      period: p.period,
      complete: p.complete,
      owed: data.owed,
      values: new Map(
        data.unitFigures
          .filter((f) => f.period === p.period && f.sex === 'total' && f.unitCode)
          .map((f) => [f.unitCode!, f.value]),
      ),
    }));
  return assessPerPeriod({ value: measure.value, comparator: measure.comparator }, periods);
}

/** The complete points of one sex of a series, as the progress method takes them. */
function pointsOf(series: readonly SeriesPoint[], sex: string): Point[] {
  return series
    .filter((p) => p.sex === sex && p.complete)
    .map((p) => ({ t: periodTime(parsePeriod(p.period)!), value: p.value, period: p.period }));
}

function progressInput(
  measure: Measure,
  indicator: IndicatorRow,
  points: Point[],
  plan: { periodFrom: number; periodTo: number },
  year: number,
): ProgressInput {
  // A baseline stated without a year ("giảm từ 18") is taken as the plan's start year (docs/DOMAIN.md §5).
  const baselineYear = measure.baseline ? (measure.baseline.year ?? plan.periodFrom) : null;
  return {
    points,
    direction: rulesOf(indicator).direction,
    target: { value: measure.value, comparator: measure.comparator, year: measure.year ?? plan.periodTo },
    baseline:
      measure.baseline && baselineYear !== null
        ? { t: baselineYear, value: measure.baseline.value, period: String(baselineYear) }
        : null,
    currentYear: year,
    periodLength: 1 / PARTS[indicator.periodType],
    bounds: boundsOf(measure, indicator),
    absoluteFromZero: measure.unit === 'count',
  };
}

function assessMeasure(
  m: MeasureRow,
  indicator: IndicatorRow | null,
  data: ScopeSeries,
  plan: { periodFrom: number; periodTo: number },
  year: number,
  perSex: boolean,
): Omit<MeasureProgress, 'measureId' | 'position' | 'indicator'> {
  const measure = measureOf(m, indicator?.code ?? null);
  const totals = data.series.filter((p) => p.sex === 'total');
  // Only complete periods (entered for the scope, or covered by enough units) count for status and trend.
  const complete = totals.filter((p) => p.complete);
  const points = pointsOf(data.series, 'total');
  const last = complete.at(-1) ?? null;
  const latest = last ? { ...last, periodLabel: last.period } : null;
  const newest = totals.at(-1) ?? null;
  const partial = newest && !newest.complete ? newest : null;
  let status: StatusKey;
  let result: ProgressResult | null = null;
  let perPeriod: PerPeriodResult | null = null;
  let bySex: { female: StatusKey; male: StatusKey } | null = null;
  if (measure.unit === 'milestone') {
    // No figure says nothing about the milestone: "chưa có số liệu", not "chưa thực hiện".
    status = points.length === 0 ? 'cannot_assess' : assessMilestone(points);
  } else if (!indicator) {
    status = 'cannot_assess';
  } else if (measure.per && data.owed.length > 0) {
    perPeriod = perPeriodOf(measure, data);
    status = perPeriod.status;
  } else {
    result = assessProgress(progressInput(measure, indicator, points, plan, year));
    status = result.status;
    if (perSex) {
      // A commitment for each sex: each is assessed on its own complete series, and the worse status counts.
      const statusOf = (sex: 'female' | 'male') =>
        assessProgress(progressInput(measure, indicator, pointsOf(data.series, sex), plan, year)).status;
      bySex = { female: statusOf('female'), male: statusOf('male') };
      status = worstStatus([status, bySex.female, bySex.male]);
    }
  }
  return {
    measure,
    status,
    result,
    perPeriod,
    bySex,
    baselineAssumedYear:
      measure.baseline && measure.baseline.year === null && measure.unit !== 'milestone'
        ? plan.periodFrom
        : null,
    latest,
    partial,
    series: data.series,
    owed: data.owed,
    explanation: {
      vi: explainProgress(status, result, measure, 'vi', { perPeriod, partial, bySex }),
      en: explainProgress(status, result, measure, 'en', { perPeriod, partial, bySex }),
    },
    effort:
      result && status !== 'achieved' && result.neededFromLatest !== null
        ? { vi: effortWords(result, measure, 'vi')!, en: effortWords(result, measure, 'en')! }
        : null,
  };
}

/**
 * The plans under which an accepted figure counts for a plan: the plan itself; for a national plan also the
 * provinces' plans, under which each province's chain (submit, approve, accept) ran for its communes and agencies
 * (docs/DOMAIN.md §6).
 */
async function plansAcceptingFor(db: Database, planId: string, scopeKind: string): Promise<string[]> {
  return scopeKind === 'nation' ? [planId, ...(await findProvincePlanIds(db))] : [planId];
}

/** Progress of every target and measure of a plan, at the plan's issuing unit, from current data. */
export async function planProgress(deps: ProgressDeps, planId: string, actor: Actor | null) {
  const plan = deps.planAccessChecked
    ? await findPlan(deps.db, planId).then((p) => p ?? Promise.reject(notFound(`Kế hoạch ${planId}`)))
    : await requirePlan(deps, planId, actor);
  if (deps.includePending && !(await canReadUnit(deps.db, actor, plan.ownerUnitCode))) {
    throw new AppError(
      'FORBIDDEN',
      'Chỉ người có vai trò tại đơn vị ban hành mới xem được số liệu chưa tiếp nhận',
    );
  }
  const scopeCode = deps.scopeCode ?? plan.issuerUnitCode;
  const [parts, scope] = await Promise.all([
    loadPlanTargets(deps.db, planId),
    scopeCode ? findOrgUnit(deps.db, scopeCode) : undefined,
  ]);
  const [indicatorRows, acceptedUnder] = await Promise.all([
    findIndicatorsByIds(
      deps.db,
      parts.measures.map((m) => m.indicatorId).filter((i): i is string => i !== null),
    ),
    scope ? plansAcceptingFor(deps.db, planId, scope.kind) : [],
  ]);
  const indicatorById = new Map(indicatorRows.map((i) => [i.id, i]));
  const assignments = parts.assignments.flatMap((a) =>
    parts.measures
      .filter((m) => m.targetId === a.targetId)
      .map((m) => ({ orgUnitCode: a.orgUnitCode, indicatorId: m.indicatorId })),
  );
  // Targets stated per unit need each child's figure, not only the children's sum.
  const perUnit = new Set(parts.measures.filter((m) => m.per && m.indicatorId).map((m) => m.indicatorId!));
  const bySex =
    deps.sexes === 'committed'
      ? new Set(
          parts.targets
            .filter((t) => commitsForEachSex(t.text))
            .flatMap((t) => parts.measures.filter((m) => m.targetId === t.id && m.indicatorId))
            .map((m) => m.indicatorId!),
        )
      : null;
  const series = scope
    ? await scopeSeries(
        deps.db,
        indicatorRows,
        scope,
        {
          acceptedUnder,
          includePending: deps.includePending ?? false,
        },
        assignments,
        deps.today ?? `${deps.year}-12-31`,
        { perUnit, bySex },
        // Progress as of the year asked: figures of later years (a plan read in its past) are not part of it, so
        // the answer and its cost stay the same however many years follow.
        { from: plan.periodFrom - BASELINE_YEARS, to: Math.min(plan.periodTo, deps.year) },
      )
    : new Map<string, ScopeSeries>();

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
            (indicator && series.get(indicator.id)) || NO_SERIES,
            plan,
            deps.year,
            commitsForEachSex(t.text),
          ),
        };
      });
    return {
      target: t,
      goal,
      lead: parts.assignments.filter((a) => a.targetId === t.id && a.role === 'lead'),
      coordinate: parts.assignments.filter((a) => a.targetId === t.id && a.role === 'coordinate'),
      status: worstStatus(measures.map((m) => m.status)),
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
  const found = progress.targets.find((t) => t.target.id === target.id)!;
  return { progress, target: found, unitNames: await unitNamesBehind(deps.db, [found]) };
}

/** The units a progress names as behind (not reported, below a per-unit target), by code, as documents name them. */
export async function unitNamesBehind(
  db: Database,
  targets: readonly { measures: readonly MeasureProgress[] }[],
): Promise<Map<string, string>> {
  const codes = new Set<string>();
  for (const t of targets) {
    for (const m of t.measures) {
      for (const c of (m.partial ?? m.latest)?.coverage?.missing ?? []) codes.add(c);
      for (const b of m.perPeriod?.latest?.behind ?? []) codes.add(b.code);
    }
  }
  const units = await findOrgUnitsByCodes(db, [...codes]);
  return new Map(units.map((u) => [u.code, unitTitle(u)]));
}
