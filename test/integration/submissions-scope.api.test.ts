import { describe, expect, it } from 'vitest';
import { asAdmin } from '../support/factories/accounts.js';
import { expectStatus } from '../support/factories/app.js';
import { recordFigures } from '../support/factories/figures.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The submissions page of a province's plan lists that province's units only: another province's communes report
 * the same indicators for their own plan.
 */
const ctx = useTestApp({}, async (app) => {
  const home = await provinceUnits(app);
  const other = await provinceUnits(app);
  const target = { code: '6.1', measures: [{ indicator: 'BDG-20' }], lead: ['Sở Nội vụ'] };
  const plan = await createPlan(app, { province: home, targets: [target] });
  const national = await createPlan(app, {
    document: { issuer: 'Chính phủ', place: null, title: 'Kế hoạch quốc gia thử nghiệm' },
    targets: [target],
  });
  const figure = (orgUnit: string) => ({
    indicator: 'BDG-20',
    orgUnit,
    period: '2026',
    numerator: 50,
    denominator: 100,
  });
  await recordFigures(app, [figure(home.communes[0]!.code), figure(other.communes[0]!.code)]);
  return { home, other, planId: plan.id, nationalId: national.id };
});

const unitsListed = async (planId: string) =>
  expectStatus<{ items: { orgUnit: string }[] }>(
    await asAdmin(ctx, { method: 'GET', url: `/api/submissions?plan=${planId}&period=2026` }),
    200,
    'submissions',
  ).items.map((i) => i.orgUnit);

describe('GET /api/submissions', () => {
  it("lists the units of the plan's province, not another province's that report the same indicator", async () => {
    expect(await unitsListed(ctx.planId)).toEqual([ctx.home.communes[0]!.code]);
  });

  it('lists the units of every province for a national plan', async () => {
    expect((await unitsListed(ctx.nationalId)).sort()).toEqual(
      [ctx.home.communes[0]!.code, ctx.other.communes[0]!.code].sort(),
    );
  });
});
