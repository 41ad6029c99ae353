import { describe, expect, it } from 'vitest';
import type { PlanProgress } from '../../src/modules/progress/progress.schemas.js';
import { acceptFigures, recordFigures, type FigureRow } from '../support/factories/figures.js';
import { cyclesOf } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Partial data never passes as the province (the demo is the subject: Lạng Sơn's 65 communes, figures of
 * 2021–2025 entered for the province or reported by every commune). The clock stands in December 2026, when the
 * communes' 2026 figures come in one by one.
 */
const ctx = useTestApp({ demo: true, now: () => new Date('2026-12-07T08:00:00Z') }, async (app) => {
  const res = await app.app.inject(`/api/org-units/20/children?kind=commune`);
  const communes = res
    .json<{ items: { code: string }[] }>()
    .items.map((c) => c.code)
    .sort();
  const cycles = await cyclesOf(app, app.demoPlanId!);
  return {
    communes,
    annual2026: cycles.find((c) => c.kind === 'annual' && c.year === 2026)!.id,
    coordinator: await app.signIn('coordinator', '20'),
  };
});

/** One commune's 2026 figures for 6.1 (people reached), 3.2 (victims supported) and 4.1 (sex ratio at birth). */
const figures2026 = (orgUnit: string): FigureRow[] => [
  { indicator: 'BDG-20', orgUnit, period: '2026', numerator: 861, denominator: 1000 },
  { indicator: 'BDG-06', orgUnit, period: '2026', numerator: 4, denominator: 10 },
  { indicator: 'BDG-10', orgUnit, period: '2026', numerator: 112, denominator: 100 },
];

const progress = async () => {
  const res = await ctx.app.inject(`/api/plans/${ctx.demoPlanId}/progress?year=2026`);
  expect(res.statusCode).toBe(200);
  return res.json<PlanProgress>();
};
const measureOf = (p: PlanProgress, target: string) => p.targets.find((t) => t.code === target)!.measures[0]!;
const TARGETS = ['6.1', '3.2', '4.1'];

describe('coverage of the roll-ups on the demo', () => {
  let before: PlanProgress;

  it('one commune of 65 accepted for 2026: 6.1, 3.2 and 4.1 keep their 2025 status, and say 1/65', async () => {
    before = await progress();
    for (const code of TARGETS) expect(measureOf(before, code).latest?.period).toBe('2025');
    // 4.3 "giảm từ 18 … xuống dưới 18" states its baseline without a year: taken as the plan's first year, and said.
    expect(measureOf(before, '4.3').baselineAssumedYear).toBe(2026);
    expect(measureOf(before, '6.1').baselineAssumedYear).toBeNull();

    const [first] = ctx.communes as [string];
    await recordFigures(ctx, figures2026(first));
    await acceptFigures(ctx, { planId: ctx.demoPlanId!, period: '2026', units: [first] });

    const after = await progress();
    for (const code of TARGETS) {
      const m = measureOf(after, code);
      expect(m.status, code).toBe(measureOf(before, code).status);
      expect(m.latest?.period, code).toBe('2025');
      expect(m.latest?.value, code).toBe(measureOf(before, code).latest?.value);
      expect(m.partial, code).toMatchObject({
        period: '2026',
        complete: false,
        coverage: { reported: 1, owed: 65 },
      });
      expect(m.explanation.vi, code).toContain('Số liệu năm 2026 chưa đủ (1/65 đơn vị đã báo cáo)');
      // Who is behind: the 64 other communes, named as documents name them.
      expect(m.behind, code).toMatchObject({ period: '2026' });
      expect(m.behind!.notReported, code).toHaveLength(64);
      for (const u of m.behind!.notReported) expect(u.name).toMatch(/^UBND (xã|phường) /);
    }
    expect(ctx.communes).toHaveLength(65);
  });

  it('the 2026 report states the 2025 figures, not the one commune', async () => {
    const res = await ctx.app.inject({
      url: `/api/cycles/${ctx.annual2026}/reports/20/document`,
      headers: ctx.coordinator,
    });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      document: {
        goals: { targets: { code: string; measures: { latest: { period: string | null } }[] }[] }[];
      };
    }>().document;
    const targets = doc.goals.flatMap((g) => g.targets);
    for (const code of TARGETS) {
      expect(targets.find((t) => t.code === code)!.measures[0]!.latest.period, code).toBe('năm 2025');
    }
  });

  it('60 of 65 communes accepted (above 80 %): 2026 counts for the province', async () => {
    const next = ctx.communes.slice(1, 60);
    await recordFigures(ctx, next.flatMap(figures2026));
    await acceptFigures(ctx, { planId: ctx.demoPlanId!, period: '2026', units: next });
    const after = await progress();
    for (const code of TARGETS) {
      const m = measureOf(after, code);
      expect(m.latest, code).toMatchObject({
        period: '2026',
        origin: 'computed',
        complete: true,
        coverage: { reported: 60, owed: 65 },
      });
      expect(m.latest!.coverage!.missing, code).toEqual(ctx.communes.slice(60));
      expect(m.partial, code).toBeNull();
    }
    // 861 of every 1 000 reached in each reporting commune: the pooled share of the 60.
    expect(measureOf(after, '6.1').latest!.value).toBeCloseTo(86.1, 6);
  });
});

describe('computed quarters on the demo', () => {
  it('one article dated Q1/2026 leaves the 2025 quarters of BDG-22 unchanged', async () => {
    const series = async () => {
      const p = await progress();
      const target = p.targets.find((t) => t.code === '6.3')!;
      const res = await ctx.app.inject(`/api/targets/${target.targetId}/progress?year=2026`);
      return res.json<{
        measures: {
          status: string;
          explanation: { vi: string };
          series: { period: string; sex: string; value: number }[];
        }[];
      }>().measures[0]!;
    };
    const before = await series();
    const unit = ctx.communes[0]!;
    const logged = await ctx.app.inject({
      method: 'POST',
      url: `/api/org-units/${unit}/activities`,
      headers: ctx.coordinator,
      payload: {
        kind: 'communication',
        title: 'Tin bài về bình đẳng giới',
        channel: 'radio',
        date: '2026-02-10',
      },
    });
    expect(logged.statusCode).toBe(201);
    const after = await series();
    // 6.3 is a standing requirement: two communes logged only 3 items in Q4/2025.
    expect(before.explanation.vi).toBe('Chưa đạt: 63/65 đơn vị đạt ≥ 4 trong quý IV/2025');
    expect(after.explanation.vi).toMatch(
      /^Chưa đạt: 63\/65 đơn vị đạt ≥ 4 trong quý IV\/2025\. Số liệu quý I\/2026 chưa đủ \(1\/65 đơn vị đã báo cáo\)/,
    );
    const of2025 = (s: typeof before) =>
      s.series.filter((p) => p.period.startsWith('2025-') && p.sex === 'total');
    expect(of2025(after)).toEqual(of2025(before));
    expect(of2025(after)).toHaveLength(4);
    expect(after.status).toBe(before.status);
  });
});
