import { describe, expect, it } from 'vitest';
import { provinceUnits } from '../support/factories/org-units.js';
import { acceptFigures, recordFigures } from '../support/factories/figures.js';
import { createPlan } from '../support/factories/plans.js';
import type { PlanProgress } from '../../src/modules/progress/progress.schemas.js';
import { presentPlanProgress } from '../../src/modules/progress/progress.presenter.js';
import { planProgress } from '../../src/modules/progress/progress.service.js';
import { useTestApp } from '../support/test-app.js';

type Progress = PlanProgress;

// The demo is the subject here: its figures are chosen so that every status appears.
describe('GET /api/plans/{id}/progress on the demo plan', () => {
  const ctx = useTestApp({ demo: true });
  const progress = async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/plans/${ctx.demoPlanId}/progress?year=2026`,
    });
    expect(res.statusCode).toBe(200);
    return res.json<Progress>();
  };

  it('covers all 20 targets and 23 measures, and every status key appears', async () => {
    const p = await progress();
    expect(p.targets.map((t) => t.code)).toEqual([
      '1.1',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
      '6.1',
      '6.2',
      '6.3',
      '6.4',
    ]);
    expect(p.targets.flatMap((t) => t.measures)).toHaveLength(23);
    const keys = [
      'achieved',
      'on_track',
      'needs_acceleration',
      'limited',
      'deteriorating',
      'cannot_assess',
      'not_started',
      'in_progress',
    ];
    for (const k of keys) expect(p.counts[k], k).toBeGreaterThan(0);
    expect(Object.values(p.counts).reduce((a, b) => a + b, 0)).toBe(23);
  });

  it('answers the same when it reads by sex only the targets committing for each sex', async () => {
    const deps = { db: ctx.database.db, year: 2026, today: '2026-12-31' };
    const all = await planProgress({ ...deps, sexes: 'all' }, ctx.demoPlanId!, null);
    const committed = await planProgress({ ...deps, sexes: 'committed' }, ctx.demoPlanId!, null);
    const page = (p: typeof all) => presentPlanProgress(p, new Map());
    expect(page(committed)).toEqual(page(all));
    // The lighter read still has each sex where a target commits for each (3.2's measures are assessed by sex).
    expect(committed.targets.flatMap((t) => t.measures).some((m) => m.bySex !== null)).toBe(true);
  });

  it('explains a status in one sentence with the rates', async () => {
    const t21 = (await progress()).targets.find((t) => t.code === '2.1')!;
    expect(t21.measures[0]!.status).toBe('needs_acceleration');
    expect(t21.measures[0]!.explanation.vi).toMatch(
      /^Cần đẩy nhanh: tốc độ hiện tại [\d,]+%\/năm, cần [\d,]+%\/năm để đạt 60% vào năm 2030$/,
    );
  });

  it('computes the province ratio from the communes as Σ numerators / Σ denominators', async () => {
    const t61 = (await progress()).targets.find((t) => t.code === '6.1')!;
    const latest = t61.measures[0]!.latest!;
    expect(latest).toMatchObject({ origin: 'computed', period: '2025' });
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/observations?indicator=BDG-20&period=2025',
    });
    const communes = res
      .json<{
        items: { orgUnit: string; sex: string; value: number; numerator: number; denominator: number }[];
      }>()
      .items.filter((o) => o.sex === 'total' && o.orgUnit !== '20');
    expect(communes).toHaveLength(65);
    const pooled =
      (communes.reduce((s, c) => s + c.numerator, 0) / communes.reduce((s, c) => s + c.denominator, 0)) * 100;
    const mean = communes.reduce((s, c) => s + c.value, 0) / communes.length;
    expect(latest.value).toBeCloseTo(pooled, 6);
    expect(Math.abs(mean - pooled)).toBeGreaterThan(0.01);
  });

  it('serves a target with its series by sex and the required trajectory', async () => {
    const t32 = (await progress()).targets.find((t) => t.code === '3.2')!;
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/targets/${t32.targetId}/progress?year=2026`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ measures: { series: { sex: string }[]; trajectory: { year: number }[] }[] }>();
    expect(body.measures).toHaveLength(2);
    expect(new Set(body.measures[0]!.series.map((s) => s.sex))).toEqual(new Set(['total', 'female', 'male']));
    expect(body.measures[0]!.trajectory.at(-1)!.year).toBe(2030);
  });

  it('answers 404 for an unknown plan or target', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await ctx.app.inject({ method: 'GET', url: `/api/plans/${id}/progress` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/targets/${id}/progress` })).statusCode).toBe(
      404,
    );
  });
});

describe('roll-up in step with the data', () => {
  /** A province's plan: 80% of people reached (BDG-20, rolled up from the communes) by 2030. */
  const ctx = useTestApp({}, async (app) => {
    const province = await provinceUnits(app);
    const plan = await createPlan(app, {
      province,
      goals: [
        {
          code: '1',
          title: 'Truyền thông',
          targets: [
            {
              code: '1.1',
              text: 'đạt 80% dân số được tiếp cận',
              measures: [{ value: 80, indicator: 'BDG-20' }],
              lead: ['Sở Nội vụ'],
            },
          ],
        },
      ],
    });
    return {
      province,
      planId: plan.id,
      communes: province.communes.slice(0, 2).map((c) => c.code),
      coordinator: await app.signIn('coordinator', province.code),
    };
  });
  const latest = async () => {
    // Pending figures counted: the chain (submit → approve → accept) is tested on its own.
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/plans/${ctx.planId}/progress?year=2026&includePending=true`,
      headers: ctx.coordinator,
    });
    return res.json<Progress>().targets[0]!.measures[0]!;
  };
  const enter = (commune: string, period: string, numerator: number, denominator: number) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: ctx.coordinator,
      payload: {
        rows: [{ indicator: 'BDG-20', orgUnit: commune, period, numerator, denominator }],
        acknowledgeWarnings: true,
      },
    });

  /** Every commune of the province reports the period: `parts(i)` gives commune i's numerator and denominator. */
  const enterAll = (period: string, parts: (i: number) => [number, number]) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: ctx.coordinator,
      payload: {
        rows: ctx.province.communes.map((c, i) => {
          const [numerator, denominator] = parts(i);
          return { indicator: 'BDG-20', orgUnit: c.code, period, numerator, denominator };
        }),
        acknowledgeWarnings: true,
      },
    });

  it('shows a roll-up from a few communes as partial, pooled, and never assesses it', async () => {
    expect((await latest()).status).toBe('cannot_assess');
    expect((await enter(ctx.communes[0]!, '2024', 1, 2)).statusCode).toBe(201);
    expect((await enter(ctx.communes[1]!, '2024', 30, 100)).statusCode).toBe(201);
    const m = await latest();
    const owed = ctx.province.communes.length;
    // 31 / 102 = 30.39 %, while the mean of 50 % and 30 % would be 40 %; but two communes are not the province.
    expect(m.latest).toBeNull();
    expect(m.partial).toMatchObject({
      period: '2024',
      origin: 'computed',
      numerator: 31,
      denominator: 102,
      complete: false,
      coverage: { reported: 2, owed },
    });
    expect(m.partial!.value).toBeCloseTo(30.392, 3);
    expect(m.partial!.coverage!.missing).toHaveLength(owed - 2);
    expect(m.status).toBe('cannot_assess');
    expect(m.explanation.vi).toContain(`Số liệu năm 2024 chưa đủ (2/${owed} đơn vị đã báo cáo)`);
  });

  it('pools numerators and denominators once the communes have reported, and follows each new figure at once', async () => {
    const owed = ctx.province.communes.length;
    // Commune 0 has 1 of 2, every other 30 of 100: the pooled share, not the mean of percentages.
    expect((await enterAll('2024', (i) => (i === 0 ? [1, 2] : [30, 100]))).statusCode).toBe(201);
    let m = await latest();
    const pooled = ((1 + 30 * (owed - 1)) / (2 + 100 * (owed - 1))) * 100;
    expect(m.latest).toMatchObject({ period: '2024', origin: 'computed', complete: true });
    expect(m.latest!.coverage).toMatchObject({ reported: owed, owed, missing: [] });
    expect(m.latest!.value).toBeCloseTo(pooled, 6);
    expect(m.status).toBe('cannot_assess');

    expect((await enterAll('2025', () => [70, 100])).statusCode).toBe(201);
    m = await latest();
    expect(m.latest!.value).toBeCloseTo(70, 6);
    // ≈ 30 % → 70 % in a year, against 80 % by 2030: far ahead of the required pace.
    expect(m.status).toBe('on_track');

    // The communes fall back: the province figure and its status change in the very next read.
    expect((await enterAll('2025', () => [20, 100])).statusCode).toBe(201);
    m = await latest();
    expect(m.latest!.value).toBeCloseTo(20, 6);
    expect(m.status).toBe('deteriorating');
  });

  it('prefers a figure entered for the province itself, labelled as entered', async () => {
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/observations',
          headers: ctx.coordinator,
          payload: {
            rows: [{ indicator: 'BDG-20', orgUnit: ctx.province.code, period: '2025', value: 55 }],
            acknowledgeWarnings: true,
          },
        })
      ).statusCode,
    ).toBe(201);
    const m = await latest();
    expect(m.latest).toMatchObject({ origin: 'entered', value: 55 });
  });
});

describe('a target set for each sex', () => {
  /** 5.2 of seed 004: "tỷ lệ trẻ em trai và trẻ em gái … hoàn thành giáo dục tiểu học đạt trên 99%". */
  const ctx = useTestApp({}, async (app) => {
    const province = await provinceUnits(app, '42');
    const plan = await createPlan(app, {
      province,
      published: true,
      targets: [
        {
          code: '5.2',
          text: 'tỷ lệ trẻ em trai và trẻ em gái dân tộc thiểu số hoàn thành giáo dục tiểu học đạt trên 99% vào năm 2030',
          measures: [{ value: 99, comparator: '>', indicator: 'BDG-15' }],
        },
        {
          code: '5.3',
          text: 'tỷ lệ học sinh hoàn thành giáo dục tiểu học đạt trên 99% vào năm 2030',
          measures: [{ value: 99, comparator: '>', indicator: 'BDG-15' }],
        },
      ],
    });
    // Girls rise towards 99 %, boys fall: the total still rises.
    const rows = (['2024', '2025'] as const).flatMap((period, i) =>
      (
        [
          ['female', [96, 98][i]!],
          ['male', [97, 96.5][i]!],
          ['total', [96.5, 97.3][i]!],
        ] as const
      ).map(([sex, value]) => ({ indicator: 'BDG-15', orgUnit: province.code, period, sex, value })),
    );
    await recordFigures(app, rows);
    await acceptFigures(app, { planId: plan.id, period: '2024', units: [province.code] });
    await acceptFigures(app, { planId: plan.id, period: '2025', units: [province.code] });
    return { planId: plan.id };
  });

  it('assesses each sex and takes the worse status; the same figures without the commitment follow the total', async () => {
    const res = await ctx.app.inject(`/api/plans/${ctx.planId}/progress?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<PlanProgress>();
    const [perSex, total] = ['5.2', '5.3'].map(
      (code) => body.targets.find((t) => t.code === code)!.measures[0]!,
    );
    expect(perSex!.bySex).toEqual({ female: 'on_track', male: 'deteriorating' });
    expect(perSex!.status).toBe('deteriorating');
    expect(perSex!.explanation.vi).toContain('Chỉ tiêu đặt cho từng giới: nữ Đúng tiến độ, nam Đang xấu đi');
    expect(total!.bySex).toBeNull();
    expect(total!.status).not.toBe('deteriorating');
  });
});

describe('progress as of a year', () => {
  const ctx = useTestApp({}, async (app) => {
    const province = await provinceUnits(app);
    const plan = await createPlan(app, {
      province,
      published: true,
      targets: [{ code: '1', text: 'tỷ lệ hoàn thành', measures: [{ value: 99, indicator: 'BDG-15' }] }],
    });
    await recordFigures(
      app,
      (
        [
          ['2023', 96],
          ['2025', 98],
        ] as const
      ).map(([period, value]) => ({ indicator: 'BDG-15', orgUnit: province.code, period, value })),
    );
    for (const period of ['2023', '2025'])
      await acceptFigures(app, { planId: plan.id, period, units: [province.code] });
    return { planId: plan.id };
  });

  const measureIn = async (year: number) => {
    const res = await ctx.app.inject(`/api/plans/${ctx.planId}/progress?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PlanProgress>().targets[0]!.measures[0]!;
  };

  it('reads the figures up to that year only: a later figure is not part of an earlier year’s answer', async () => {
    expect((await measureIn(2024)).latest).toMatchObject({ period: '2023', value: 96 });
    expect((await measureIn(2025)).latest).toMatchObject({ period: '2025', value: 98 });
  });
});
