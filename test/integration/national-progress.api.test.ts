import { describe, expect, it } from 'vitest';
import { expectStatus } from '../support/factories/app.js';
import { acceptFigures, recordFigures } from '../support/factories/figures.js';
import { logArticles } from '../support/factories/records.js';
import { provinceUnits, type ProvinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import type { PlanProgress } from '../../src/modules/progress/progress.schemas.js';
import { useTestApp } from '../support/test-app.js';

/** 80 % of people reached (BDG-20, entered by the communes) by 2030. */
const REACH = {
  code: '1.1',
  text: 'đạt 80% dân số được tiếp cận',
  measures: [{ value: 80, indicator: 'BDG-20' }],
};

/**
 * Progress of a national plan: each province's figure is its own or its communes' roll-up (with its coverage); the
 * nation's is the roll-up of the provinces whose figure is complete, from figures accepted under the provinces' own
 * plans (the chain ran there).
 */
describe('a national plan rolls communes up through their provinces', () => {
  const ctx = useTestApp({}, async (app) => {
    const provinces = [await provinceUnits(app), await provinceUnits(app), await provinceUnits(app)];
    const national = await createPlan(app, {
      document: { issuer: 'Chính phủ', place: 'Hà Nội' },
      targets: [REACH],
      published: true,
    });
    const provincePlans = [];
    for (const province of provinces) {
      provincePlans.push((await createPlan(app, { province, targets: [REACH] })).id);
    }
    return { provinces, national: national.id, provincePlans };
  });

  /** Every commune of the province reports 2025: `parts(i)` gives commune i's numerator and denominator. */
  const enterAll = (province: ProvinceUnits, parts: (i: number) => [number, number]) =>
    recordFigures(
      ctx,
      province.communes.map((c, i) => {
        const [numerator, denominator] = parts(i);
        return { indicator: 'BDG-20', orgUnit: c.code, period: '2025', numerator, denominator };
      }),
    );

  const nationalMeasure = async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.national}/progress?year=2026` });
    return expectStatus<PlanProgress>(res, 200, 'national progress').targets[0]!.measures[0]!;
  };

  it('sees nothing before any province has accepted its communes', async () => {
    const [a] = ctx.provinces;
    await enterAll(a!, () => [30, 100]);
    const m = await nationalMeasure();
    expect(m.latest).toBeNull();
    expect(m.partial).toBeNull();
  });

  it('pools the figures of two provinces accepted under their own plans, and says it covers 2 of 34', async () => {
    const [a, b] = ctx.provinces as [ProvinceUnits, ProvinceUnits];
    await enterAll(b, () => [60, 100]);
    for (const [i, province] of [a, b].entries()) {
      await acceptFigures(ctx, {
        planId: ctx.provincePlans[i]!,
        period: '2025',
        units: province.communes.map((c) => c.code),
      });
    }
    const m = await nationalMeasure();
    const numerator = 30 * a.communes.length + 60 * b.communes.length;
    const denominator = 100 * (a.communes.length + b.communes.length);
    expect(m.partial).toMatchObject({
      period: '2025',
      origin: 'computed',
      contributors: 2,
      numerator,
      denominator,
      complete: false,
      coverage: { reported: 2, owed: 34 },
    });
    expect(m.partial!.value).toBeCloseTo((numerator / denominator) * 100, 9);
    expect(m.partial!.coverage!.missing).not.toContain(a.code);
    expect(m.partial!.coverage!.missing).not.toContain(b.code);
    expect(m.partial!.coverage!.missing).toHaveLength(32);
    // Not assessed on 2 provinces of 34.
    expect(m.status).toBe('cannot_assess');
  });

  it('leaves out a province whose own figure is incomplete (too few of its communes accepted)', async () => {
    const c = ctx.provinces[2]!;
    await enterAll(c, () => [90, 100]);
    await acceptFigures(ctx, {
      planId: ctx.provincePlans[2]!,
      period: '2025',
      units: [c.communes[0]!.code],
    });
    const m = await nationalMeasure();
    expect(m.partial!.coverage).toMatchObject({ reported: 2 });
    expect(m.partial!.coverage!.missing).toContain(c.code);
  });
});

/** A target every commune must meet each year, on an entered indicator: read unit by unit, not summed. */
describe('a per-unit target on an entered indicator', () => {
  const ctx = useTestApp({}, async (app) => {
    const province = await provinceUnits(app);
    const plan = await createPlan(app, {
      province,
      published: true,
      targets: [
        {
          code: '1.1',
          text: 'mỗi năm, 100% xã đạt ít nhất 50% dân số được tiếp cận',
          measures: [{ value: 50, indicator: 'BDG-20', per: 'year' }],
        },
      ],
    });
    return { province, plan: plan.id };
  });

  it('names the commune below the threshold in the latest complete year', async () => {
    const communes = ctx.province.communes;
    const behind = communes[3]!.code;
    await recordFigures(
      ctx,
      communes.map((c) => ({
        indicator: 'BDG-20',
        orgUnit: c.code,
        period: '2025',
        numerator: c.code === behind ? 40 : 70,
        denominator: 100,
      })),
    );
    await acceptFigures(ctx, { planId: ctx.plan, period: '2025', units: communes.map((c) => c.code) });
    const res = await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.plan}/progress?year=2026` });
    const m = expectStatus<PlanProgress>(res, 200, 'progress').targets[0]!.measures[0]!;
    expect(m.status).toBe('not_met');
    expect(m.perPeriod!.latest).toMatchObject({
      period: '2025',
      meeting: communes.length - 1,
      owed: communes.length,
    });
    expect(m.behind!.belowTarget.map((b) => b.code)).toEqual([behind]);
  });
});

/** Progress reads the plan's years and the baseline years before it, not the whole stored history. */
describe('the years progress reads', () => {
  const ctx = useTestApp({}, async (app) => {
    const province = await provinceUnits(app);
    const plan = await createPlan(app, {
      province,
      published: true,
      targets: [
        { code: '1.1', text: 'đạt 80% dân số được tiếp cận', measures: [{ value: 80, indicator: 'BDG-20' }] },
      ],
    });
    // An older plan on the same indicator, so that figures of 2012–2020 can be stored at all.
    await createPlan(app, {
      province,
      document: { period: { from: 2016, to: 2020 } },
      targets: [{ code: '1.1', measures: [{ value: 60, indicator: 'BDG-20', year: 2020 }] }],
    });
    return { province, plan: plan.id };
  });

  it('leaves out figures older than five years before the plan starts', async () => {
    const units = ctx.province.communes.map((c) => c.code);
    for (const period of ['2020', '2021']) {
      await recordFigures(
        ctx,
        units.map((orgUnit) => ({ indicator: 'BDG-20', orgUnit, period, numerator: 50, denominator: 100 })),
      );
      await acceptFigures(ctx, { planId: ctx.plan, period, units });
    }
    const plan = await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.plan}/progress?year=2026` });
    const targetId = expectStatus<PlanProgress>(plan, 200, 'progress').targets[0]!.targetId;
    const res = await ctx.app.inject({ method: 'GET', url: `/api/targets/${targetId}/progress?year=2026` });
    const periods = expectStatus<{ measures: { series: { period: string }[] }[] }>(
      res,
      200,
      'target',
    ).measures[0]!.series.map((p) => p.period);
    expect(periods).toContain('2021');
    expect(periods).not.toContain('2020');
  });
});

/** A computed indicator at the nation: each province's figure from its communes' log, then the provinces'. */
describe('a national plan on an indicator computed from the activity log', () => {
  const ctx = useTestApp({}, async (app) => {
    const provinces = [await provinceUnits(app), await provinceUnits(app)];
    const national = await createPlan(app, {
      document: { issuer: 'Chính phủ', place: 'Hà Nội' },
      targets: [
        {
          code: '1.1',
          text: 'mỗi xã có ít nhất 04 tin, bài mỗi quý',
          measures: [{ value: 4, unit: 'count', indicator: 'BDG-22' }],
        },
      ],
      published: true,
    });
    return { provinces, national: national.id };
  });

  it('rolls each province up from all its communes, then takes the lowest province (BDG-22: min)', async () => {
    const [a, b] = ctx.provinces as [ProvinceUnits, ProvinceUnits];
    for (const c of a.communes) await logArticles(ctx, c.code, ['2025-02-10']);
    for (const c of b.communes) await logArticles(ctx, c.code, ['2025-02-10', '2025-03-03']);
    const res = await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.national}/progress?year=2026` });
    const m = expectStatus<PlanProgress>(res, 200, 'national progress').targets[0]!.measures[0]!;
    expect(m.partial).toMatchObject({
      period: '2025-Q1',
      origin: 'computed',
      fromRecords: true,
      value: 1,
      contributors: 2,
      coverage: { reported: 2, owed: 34 },
    });
  });
});
