import { asAdmin, requestAs } from './accounts.js';
import { expectStatus, type AppUnderTest, type Session } from './app.js';
import { provinceUnits } from './org-units.js';
import { createPlan } from './plans.js';

/** One figure as POST /api/observations takes it. */
export interface FigureRow {
  indicator: string;
  orgUnit: string;
  period: string;
  value?: number | string;
  numerator?: number | string;
  denominator?: number | string;
  sex?: 'total' | 'female' | 'male';
  reportingUnit?: string;
  [field: string]: unknown;
}

/**
 * Records figures through POST /api/observations, warnings acknowledged. Needs the units and indicators, which
 * the reference data holds; entered by `by`, or by an admin over the nation when not given.
 */
export async function recordFigures(t: AppUnderTest, rows: FigureRow[], by?: Session): Promise<void> {
  const request = {
    method: 'POST' as const,
    url: '/api/observations',
    payload: { rows, acknowledgeWarnings: true },
  };
  const res = await requestAs(t, request, by);
  expectStatus(res, 201, 'figures');
}

/**
 * Runs the approval chain to the end (submit, approve, accept) for units' figures of a year under a plan, as
 * admins over the nation: accepted figures count in the plan's progress and are public. Needs a plan: without
 * one, a new plan of the first unit's province. Gives the plan's id.
 */
export async function acceptFigures(
  t: AppUnderTest,
  spec: { planId?: string; period: string; units: string[] },
): Promise<string> {
  const { period, units } = spec;
  const planId = spec.planId ?? (await createPlan(t, { province: await provinceOf(t, units[0]!) })).id;
  for (const orgUnit of units) {
    const res = await asAdmin(t, {
      method: 'POST',
      url: '/api/submissions/submit',
      payload: { planId, orgUnit, period },
    });
    expectStatus(res, 200, `submit ${orgUnit} ${period}`);
  }
  // Someone else approves: nobody approves what they submitted themselves.
  for (const [step, which] of [
    ['approve', 'second'],
    ['accept', 'first'],
  ] as const) {
    const res = await asAdmin(
      t,
      { method: 'POST', url: `/api/submissions/bulk-${step}`, payload: { planId, period, units } },
      which,
    );
    expectStatus(res, 200, `${step} ${units.join(', ')} ${period}`);
  }
  return planId;
}

async function provinceOf(t: AppUnderTest, unit: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/org-units/${unit}` });
  const { kind, ancestors } = expectStatus<{ kind: string; ancestors: { code: string }[] }>(res, 200, unit);
  return provinceUnits(t, kind === 'province' ? unit : ancestors[1]!.code);
}
