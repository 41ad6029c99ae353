import type { IndicatorRow } from '../indicators/indicators.repository.js';
import type { MeasureProgress, planProgress } from './progress.service.js';
import type { MeasureProgressView, PlanProgress, TargetDetailProgress } from './progress.schemas.js';

type Progress = Awaited<ReturnType<typeof planProgress>>;

const indicatorRef = (i: IndicatorRow | null) =>
  i ? { code: i.code, nameVi: i.nameVi, nameEn: i.nameEn, unit: i.unit, direction: i.direction } : null;

function presentMeasureProgress(m: MeasureProgress): MeasureProgressView {
  const r = m.result;
  return {
    measureId: m.measureId,
    position: m.position,
    target: m.measure,
    indicator: indicatorRef(m.indicator),
    status: m.status,
    reason: r?.reason ?? null,
    latest: m.latest
      ? {
          period: m.latest.period,
          sex: m.latest.sex,
          value: m.latest.value,
          numerator: m.latest.numerator,
          denominator: m.latest.denominator,
          origin: m.latest.origin,
          contributors: m.latest.contributors,
          pending: m.latest.pending,
          fromRecords: m.latest.fromRecords,
        }
      : null,
    observedGrowth: r?.observedGrowth ?? null,
    requiredGrowth: r?.requiredGrowth ?? null,
    ratio: r?.ratio ?? null,
    neededThisYear: r?.neededThisYear ?? null,
    projection: r?.projection ? { year: r.projection.t, value: r.projection.value } : null,
    lowConfidence: r?.lowConfidence ?? false,
    explanation: m.explanation,
  };
}

function presentTargetProgress(t: Progress['targets'][number]) {
  return {
    targetId: t.target.id,
    code: t.target.code,
    goalCode: t.goal.code,
    text: t.target.text,
    status: t.status,
    lead: t.lead.map((a) => ({ name: a.agencyName, code: a.orgUnitCode })),
    measures: t.measures.map(presentMeasureProgress),
  };
}

export function presentPlanProgress(p: Progress): PlanProgress {
  const counts: Record<string, number> = {};
  for (const t of p.targets) for (const m of t.measures) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return {
    planId: p.plan.id,
    scope: p.scope ? { code: p.scope.code, name: p.scope.name } : null,
    year: p.year,
    includePending: p.includePending,
    counts,
    targets: p.targets.map(presentTargetProgress),
  };
}

/** One target of a plan's progress, with each measure's series by sex and its required path. */
export function presentTargetDetailProgress(
  p: Progress,
  t: Progress['targets'][number],
): TargetDetailProgress {
  const view = presentTargetProgress(t);
  return {
    ...view,
    planId: p.plan.id,
    scope: p.scope ? { code: p.scope.code, name: p.scope.name } : null,
    measures: view.measures.map((m, i) => ({
      ...m,
      series: t.measures[i]!.series,
      trajectory: trajectoryOf(t.measures[i]!),
    })),
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
