import type { SeriesPoint } from '../../domain/rollup.js';
import type { IndicatorRow } from '../indicators/indicators.repository.js';
import type { MeasureProgress, planProgress } from './progress.service.js';
import type { MeasureProgressView, PlanProgress, TargetDetailProgress } from './progress.schemas.js';

type Progress = Awaited<ReturnType<typeof planProgress>>;
/** Unit codes → names as documents write them, for the units a progress names (who is behind). */
type UnitNames = ReadonlyMap<string, string>;

const indicatorRef = (i: IndicatorRow | null) =>
  i ? { code: i.code, nameVi: i.nameVi, nameEn: i.nameEn, unit: i.unit, direction: i.direction } : null;

/** A series point as the API gives it (the domain point without extra fields). */
function presentPoint(p: SeriesPoint): SeriesPoint {
  return {
    period: p.period,
    sex: p.sex,
    value: p.value,
    numerator: p.numerator,
    denominator: p.denominator,
    origin: p.origin,
    contributors: p.contributors,
    pending: p.pending,
    fromRecords: p.fromRecords,
    coverage: p.coverage,
    complete: p.complete,
  };
}

const perPeriodShare = (s: { period: string; meeting: number; owed: number }) => ({
  period: s.period,
  meeting: s.meeting,
  owed: s.owed,
});

function presentMeasureProgress(m: MeasureProgress, names: UnitNames): MeasureProgressView {
  const r = m.result;
  return {
    measureId: m.measureId,
    position: m.position,
    target: m.measure,
    indicator: indicatorRef(m.indicator),
    status: m.status,
    reason: r?.reason ?? null,
    latest: m.latest ? presentPoint(m.latest) : null,
    partial: m.partial ? presentPoint(m.partial) : null,
    basePeriod: r?.base ? (r.base.period ?? String(r.base.t)) : null,
    neededFromLatest: r?.neededFromLatest ?? null,
    neededNextPeriod: r?.neededNextPeriod
      ? { time: r.neededNextPeriod.t, value: r.neededNextPeriod.value }
      : null,
    absolute: r?.absolute ?? false,
    bySex: m.bySex,
    baselineAssumedYear: m.baselineAssumedYear,
    perPeriod: m.perPeriod
      ? {
          latest: m.perPeriod.latest ? perPeriodShare(m.perPeriod.latest) : null,
          periods: m.perPeriod.periods.map(perPeriodShare),
        }
      : null,
    observedGrowth: r?.observedGrowth ?? null,
    requiredGrowth: r?.requiredGrowth ?? null,
    ratio: r?.ratio ?? null,
    neededThisYear: r?.neededThisYear ?? null,
    projection: r?.projection ? { year: r.projection.t, value: r.projection.value } : null,
    lowConfidence: r?.lowConfidence ?? false,
    explanation: m.explanation,
    effort: m.effort,
    behind: behindOf(m, names),
  };
}

function presentTargetProgress(t: Progress['targets'][number], names: UnitNames) {
  return {
    targetId: t.target.id,
    code: t.target.code,
    goalCode: t.goal.code,
    text: t.target.text,
    status: t.status,
    lead: t.lead.map((a) => ({ name: a.agencyName, code: a.orgUnitCode })),
    measures: t.measures.map((m) => presentMeasureProgress(m, names)),
  };
}

export function presentPlanProgress(p: Progress, names: UnitNames): PlanProgress {
  const counts: Record<string, number> = {};
  for (const t of p.targets) for (const m of t.measures) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return {
    planId: p.plan.id,
    scope: p.scope ? { code: p.scope.code, name: p.scope.name } : null,
    year: p.year,
    includePending: p.includePending,
    counts,
    targets: p.targets.map((t) => presentTargetProgress(t, names)),
  };
}

/** One target of a plan's progress, with each measure's series by sex and its required path. */
export function presentTargetDetailProgress(
  p: Progress,
  t: Progress['targets'][number],
  names: UnitNames,
): TargetDetailProgress {
  const view = presentTargetProgress(t, names);
  return {
    ...view,
    planId: p.plan.id,
    scope: p.scope ? { code: p.scope.code, name: p.scope.name } : null,
    measures: view.measures.map((m, i) => ({
      ...m,
      series: t.measures[i]!.series.map(presentPoint),
      trajectory: trajectoryOf(t.measures[i]!),
    })),
  };
}

/**
 * Who is behind in the latest period with figures (a partial one when there is one): the owed units without a
 * counted figure, and for a per-period target the units that did not reach it in its latest complete period.
 */
function behindOf(m: MeasureProgress, names: UnitNames) {
  const point = m.partial ?? m.latest;
  if (!point?.coverage && !m.perPeriod?.latest) return null;
  const ref = (code: string) => ({ code, name: names.get(code) ?? code });
  const latestShare = m.perPeriod?.latest ?? null;
  return {
    period: point?.period ?? latestShare!.period,
    notReported: (point?.coverage?.missing ?? []).map(ref),
    belowTarget: (latestShare?.behind ?? []).map((b) => ({ ...ref(b.code), value: b.value })),
  };
}

/** Values on the required path from the base to the target, one a year. */
function trajectoryOf(m: MeasureProgress): { year: number; value: number }[] {
  const r = m.result;
  if (!r?.base || r.requiredGrowth === null) return [];
  const end = m.measure.year;
  if (end === null) return [];
  const out: { year: number; value: number }[] = [];
  for (let y = Math.ceil(r.base.t); y <= end; y++) {
    out.push({ year: y, value: r.base.value * Math.pow(1 + r.requiredGrowth, y - r.base.t) });
  }
  return out;
}
