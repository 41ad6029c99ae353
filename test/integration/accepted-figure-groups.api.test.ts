import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import {
  findFigureGroups,
  findFigureGroupsFromFigures,
  type FigureGroupQuery,
  type FigureGroupRow,
} from '../../src/modules/progress/progress.repository.js';
import { asAdmin } from '../support/factories/accounts.js';
import { expectStatus } from '../support/factories/app.js';
import { acceptFigures, recordFigures, type FigureRow } from '../support/factories/figures.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Progress reads accepted figures from groups kept by triggers (migration 0011). Whatever happens to the
 * figures, the submissions or the units, the kept groups must give exactly what the figures themselves give.
 */
describe('the kept groups of accepted figures', () => {
  const ctx = useTestApp({}, async (app) => {
    const [a, b] = [await provinceUnits(app), await provinceUnits(app)];
    const planA = (await createPlan(app, { province: a })).id;
    const otherPlanA = (await createPlan(app, { province: a })).id;
    const planB = (await createPlan(app, { province: b })).id;
    const national = (await createPlan(app, { document: { issuer: 'Chính phủ', place: 'Hà Nội' } })).id;
    const ids = await queryRows<{ id: string; code: string; kinds: string[] }>(
      app.database.db,
      sql`select id, code, array(select jsonb_array_elements_text(unit_kinds)) as kinds
          from indicators where code in ('BDG-06', 'BDG-18', 'BDG-20')`,
    );
    return { a, b, planA, otherPlanA, planB, national, indicators: ids };
  });

  const db = () => ctx.database.db;
  const indicators = () => ctx.indicators.map((i) => ({ id: i.id, kinds: i.kinds }));
  const idOf = (code: string) => ctx.indicators.find((i) => i.code === code)!.id;

  /** The figures of a province's units for a year: communes by sex and age group, agencies and the province too. */
  const figuresOf = (p: typeof ctx.a, year: string, shift: number): FigureRow[] => [
    ...p.communes.slice(0, 6).flatMap((c, i): FigureRow[] => [
      { indicator: 'BDG-20', orgUnit: c.code, period: year, numerator: 10 + i + shift, denominator: 50 },
      { indicator: 'BDG-06', orgUnit: c.code, period: year, value: 4 + i + shift },
      { indicator: 'BDG-06', orgUnit: c.code, period: year, sex: 'female', value: 1 + i },
      { indicator: 'BDG-06', orgUnit: c.code, period: year, sex: 'male', value: 3 + shift },
      { indicator: 'BDG-06', orgUnit: c.code, period: year, ageGroup: '15-19', value: 2 },
      { indicator: 'BDG-18', orgUnit: c.code, period: year, value: 0.5 + i / 10 },
    ]),
    ...p.agencies
      .slice(0, 3)
      .map((u, i): FigureRow => ({ indicator: 'BDG-18', orgUnit: u.code, period: year, value: 7.25 + i })),
    { indicator: 'BDG-20', orgUnit: p.code, period: year, numerator: 300, denominator: 1000 },
  ];

  const reporting = (p: typeof ctx.a) => [
    ...p.communes.slice(0, 6).map((c) => c.code),
    ...p.agencies.slice(0, 3).map((u) => u.code),
    p.code,
  ];

  const normal = (rows: FigureGroupRow[]) =>
    rows
      .map((r) => ({ ...r, codes: [...r.codes].sort() }))
      .sort((x, y) =>
        [x.parent, x.indicatorId, x.period, x.sex, String(x.own), x.unit ?? ''].join('|') <
        [y.parent, y.indicatorId, y.period, y.sex, String(y.own), y.unit ?? ''].join('|')
          ? -1
          : 1,
      );

  /** The scopes progress reads: a province, a commune alone, the nation through its provinces. */
  const queries = (): FigureGroupQuery[] => {
    const base = {
      indicators: indicators(),
      perUnit: [],
      bySex: null,
      years: { from: 2020, to: 2030 },
      includePending: false,
    };
    return [
      { ...base, withChildren: [ctx.a.code], ownOnly: [], acceptedUnder: [ctx.planA], listCommunes: true },
      {
        ...base,
        withChildren: [ctx.a.code],
        ownOnly: [],
        acceptedUnder: [ctx.planA],
        listCommunes: true,
        perUnit: [idOf('BDG-20')],
        bySex: [idOf('BDG-06')],
      },
      {
        ...base,
        withChildren: [],
        ownOnly: [ctx.a.communes[0]!.code],
        acceptedUnder: [ctx.planA],
        listCommunes: true,
      },
      {
        ...base,
        withChildren: [ctx.a.code, ctx.b.code],
        ownOnly: ['VN'],
        acceptedUnder: [ctx.national, ctx.planA, ctx.planB],
        listCommunes: false,
      },
    ];
  };

  const expectSameAsFigures = async (nonEmpty = true) => {
    for (const q of queries()) {
      const kept = normal(await findFigureGroups(db(), q));
      expect(kept).toEqual(normal(await findFigureGroupsFromFigures(db(), q)));
      if (nonEmpty) expect(kept.length).toBeGreaterThan(0);
    }
  };

  it('gives what the figures give once accepted, and nothing before', async () => {
    await recordFigures(ctx, [...figuresOf(ctx.a, '2024', 0), ...figuresOf(ctx.a, '2025', 1)]);
    await recordFigures(ctx, figuresOf(ctx.b, '2025', 2));
    const before = await findFigureGroups(db(), queries()[0]!);
    expect(before).toEqual([]);
    await acceptFigures(ctx, { planId: ctx.planA, period: '2025', units: reporting(ctx.a) });
    await acceptFigures(ctx, { planId: ctx.planA, period: '2024', units: reporting(ctx.a).slice(2) });
    await acceptFigures(ctx, { planId: ctx.planB, period: '2025', units: reporting(ctx.b).slice(1) });
    await expectSameAsFigures();
    const [province] = (await findFigureGroups(db(), queries()[0]!)).filter(
      (r) => r.indicatorId === idOf('BDG-20') && r.period === '2025' && !r.own && r.sex === 'total',
    );
    expect(province).toMatchObject({ count: 6, numerator: 6 * 10 + 15 + 6, denominator: 300 });
  });

  it('follows a reopened unit, a figure changed while accepted, and a unit moved to another province', async () => {
    const unit = ctx.a.communes[1]!.code;
    const res = await asAdmin(ctx, {
      method: 'POST',
      url: '/api/submissions/reopen',
      payload: { planId: ctx.planA, orgUnit: unit, period: '2025', comment: 'Sai số liệu' },
    });
    expectStatus(res, 200, 'reopen');
    await expectSameAsFigures();
    // A correction made in the database itself (not through the app, which refuses locked figures).
    await db().execute(
      sql`update observations set value = value + 100 where org_unit_code = ${ctx.a.communes[2]!.code}
          and period = '2025' and sex = 'total' and age_group = ''`,
    );
    await expectSameAsFigures();
    await db().execute(
      sql`delete from observations where org_unit_code = ${ctx.a.communes[3]!.code} and period = '2025'`,
    );
    await expectSameAsFigures();
    await db().execute(
      sql`update org_units set parent_code = ${ctx.b.code} where code = ${ctx.a.communes[4]!.code}`,
    );
    await expectSameAsFigures();
  });

  it('reads the figures when a unit-year is accepted under two of the plans asked for', async () => {
    const units = reporting(ctx.a).slice(0, 2);
    await recordFigures(ctx, figuresOf(ctx.a, '2023', 3));
    await acceptFigures(ctx, { planId: ctx.planA, period: '2023', units });
    await acceptFigures(ctx, { planId: ctx.otherPlanA, period: '2023', units });
    const q = { ...queries()[0]!, acceptedUnder: [ctx.planA, ctx.otherPlanA] };
    const rows = normal(await findFigureGroups(db(), q));
    expect(rows).toEqual(normal(await findFigureGroupsFromFigures(db(), q)));
    const twice = rows.find((r) => r.indicatorId === idOf('BDG-20') && r.period === '2023' && !r.own);
    expect(twice?.count).toBe(2);
  });

  it('forgets a deleted plan’s groups', async () => {
    const res = await asAdmin(ctx, { method: 'DELETE', url: `/api/plans/${ctx.planB}` });
    const kept = async () =>
      (
        await queryRows<{ n: number }>(
          db(),
          sql`select count(*)::int n from accepted_figure_groups where plan_id = ${ctx.planB}`,
        )
      )[0]!.n;
    if (res.statusCode === 404) {
      // Without a route to delete a plan, the database's cascade is what deletes its submissions.
      await db().execute(sql`delete from plans where id = ${ctx.planB}`);
    } else {
      expectStatus(res, 204, 'delete plan');
    }
    expect(await kept()).toBe(0);
    await expectSameAsFigures(false);
  });
});
