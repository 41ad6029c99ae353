import { useQueries, useQuery } from '@tanstack/react-query';
import { queries, type OrgUnitDetail } from '../../api';
import { provinceOf } from './ComputedIndicator';
import { workQueries } from '../../api/work';

export interface Linkable {
  value: string;
  /** "6.3" or "III.3", after the plan's issuer and years when several plans offer one. */
  code: string;
  label: string;
}

const short = (text: string, n = 90) => {
  const line = text.split('\n')[0]!.trim();
  return line.length > n ? `${line.slice(0, n - 1)}…` : line;
};

/**
 * Targets and tasks an activity of the unit can be linked to: those of the plans its province issued and of
 * its own plans (a drafted commune or agency plan).
 */
export function useLinkables(unit: OrgUnitDetail) {
  const province = provinceOf(unit);
  const plans = useQuery(queries.plans());
  const own = (plans.data?.items ?? []).filter(
    (p) => p.issuerUnit && (p.issuerUnit.code === unit.code || p.issuerUnit.code === province?.code),
  );
  const details = useQueries({
    queries: own.map((p) => queries.plan(p.id)),
    combine: (results) => results.flatMap((r) => (r.data ? [r.data] : [])),
  });
  const tasks = useQueries({
    queries: own.map((p) => workQueries.tasks(p.id)),
    combine: (results) => results.map((r) => r.data?.items ?? []),
  });
  const several = own.length > 1;
  const prefix = (planId: string) => {
    const p = own.find((x) => x.id === planId);
    if (!several || !p) return '';
    const { from, to } = p.document.period;
    return `${p.document.issuer} ${from === to ? from : `${from}–${to}`} · `;
  };
  const targets: Linkable[] = details.flatMap((plan) =>
    plan.goals.flatMap((g) =>
      g.targets.map((target) => ({
        value: target.id,
        code: `${prefix(plan.id)}${target.code}`,
        label: `${prefix(plan.id)}${target.code} — ${short(target.text)}`,
      })),
    ),
  );
  const taskItems: Linkable[] = own.flatMap((plan, i) =>
    (tasks[i] ?? []).map((task) => ({
      value: task.id,
      code: `${prefix(plan.id)}${task.code ?? ''}`,
      label: `${prefix(plan.id)}${task.code ? `${task.code} — ` : ''}${short(task.text)}`,
    })),
  );
  return { targets, tasks: taskItems };
}
