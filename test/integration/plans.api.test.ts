import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/connection.js';
import { provinceUnits } from '../support/factories/org-units.js';
import {
  createPlan,
  exportedPlan,
  planDocument,
  sexRatioAtBirthGoal,
  type GoalSpec,
} from '../support/factories/plans.js';
import { validatePlanSchema } from '../support/plan-schema.js';
import { useTestApp } from '../support/test-app.js';

/**
 * A plan using every part of the format: goals with several targets and measures (a baseline, a milestone, a
 * count per quarter, indicators), lead and coordinating agencies, a legal basis, tasks and deadlines.
 */
const GOALS: GoalSpec[] = [
  {
    code: '1',
    targets: [{ code: '1.1', measures: [{ value: 75, indicator: 'BDG-01' }], lead: ['Sở Nội vụ'] }],
  },
  {
    code: '2',
    targets: [
      { code: '2.1', measures: [{ value: 60, comparator: '>', indicator: 'BDG-02' }], lead: ['Sở Nội vụ'] },
      { code: '2.2', measures: [{ value: 25, comparator: '<' }], lead: ['Thống kê tỉnh'] },
    ],
  },
  {
    code: '3',
    targets: [
      {
        code: '3.1',
        measures: [{ value: 18, unit: 'per1000', comparator: '<', baseline: { value: 18, year: null } }],
        lead: ['Sở Y tế'],
      },
      {
        code: '3.2',
        measures: [
          { value: 90, label: 'nữ' },
          { value: 70, label: 'nam' },
        ],
        lead: ['Sở Văn hóa, Thể thao và Du lịch'],
        coordinate: ['Sở Y tế', 'Công an tỉnh'],
      },
      { code: '3.3', measures: [{ value: 1, unit: 'milestone', comparator: '=' }], lead: ['Sở Y tế'] },
      {
        code: '3.4',
        measures: [{ value: 4, unit: 'count', per: 'quarter', indicator: 'BDG-22' }],
        coordinate: ['Thống kê tỉnh'],
      },
    ],
  },
];

/** The province's coordinator (Sở Nội vụ's), who manages its plans, and that plan, imported by them. */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const coordinator = await app.signIn('coordinator', province.code);
  const plan = await createPlan(app, {
    province,
    by: coordinator,
    goals: GOALS,
    references: [
      {
        relation: 'legal-basis',
        type: 'NQ',
        number: '28',
        symbol: 'NQ-CP',
        date: '2021-03-03',
        issuer: 'Chính phủ',
        title: 'Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030',
      },
    ],
    tasks: [{ code: 'III.1', text: 'Truyền thông về bình đẳng giới', agencies: ['Sở Y tế'] }],
    deadlines: [{ report: 'annual', due: '2026-12-01', recipient: 'Sở Nội vụ' }],
  });
  return { province, coordinator, plan };
});

async function importPlan(doc: unknown) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/plans/import',
    payload: doc as object,
    headers: ctx.coordinator,
  });
}

/** Row counts of every table that a plan import writes. */
async function tableCounts() {
  const rows = await queryRows<{ t: string; n: number }>(
    ctx.database.db,
    sql`select 'plans' t, count(*)::int n from plans union all select 'goals', count(*)::int from goals
        union all select 'targets', count(*)::int from targets union all select 'measures', count(*)::int from measures
        union all select 'assignments', count(*)::int from assignments union all select 'refs', count(*)::int from plan_references
        union all select 'tasks', count(*)::int from tasks union all select 'deadlines', count(*)::int from plan_deadlines`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

describe('GET /api/plans', () => {
  it('lists plans with their identity, demo flag and counts', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/plans', headers: ctx.coordinator });
    expect(res.statusCode).toBe(200);
    const listed = res
      .json<{ items: { id: string; isDemo: boolean; counts: object }[] }>()
      .items.find((p) => p.id === ctx.plan.id);
    expect(listed).toMatchObject({ isDemo: false, counts: { goals: 3, targets: 7, measures: 8 } });
  });

  it('answers 404 for an unknown plan and 400 for an id that is not a UUID', async () => {
    const missing = await ctx.app.inject({
      method: 'GET',
      url: '/api/plans/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/plans/abc/export' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { issues: { path: string }[] } }>().error.issues[0]!.path).toBe('$.params.id');
  });
});

describe('POST /api/plans/import', () => {
  it('round-trips: an exported plan imported again exports the same document, valid against the JSON Schema', async () => {
    const original = await exportedPlan(ctx, ctx.plan.id, ctx.coordinator);
    expect(original).toMatchObject({
      document: { number: ctx.plan.document.document.number, symbol: 'KH-UBND', date: '2026-01-15' },
      goals: ctx.plan.document.goals,
      assignments: ctx.plan.document.assignments,
    });
    // The same number, symbol and issuer is the same document: stored once, 409 naming it.
    const again = await importPlan(original);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain(ctx.plan.id);
    // Under another number it is another document, imported as a copy equal to the original.
    const renumbered = { ...original, document: { ...original.document, number: '9001' } };
    const res = await importPlan(renumbered);
    expect(res.statusCode).toBe(201);
    const copy = await exportedPlan(ctx, res.json<{ id: string }>().id, ctx.coordinator);
    expect(copy).toEqual(renumbered);
    expect(validatePlanSchema(copy), JSON.stringify(validatePlanSchema.errors)).toBe(true);
  });

  it('rejects a measure with comparator "≥≥" with its JSON path, storing nothing', async () => {
    const before = await tableCounts();
    const doc = await exportedPlan(ctx, ctx.plan.id, ctx.coordinator);
    Object.assign(doc.goals[0]!.targets[0]!.measures[0]!, { comparator: '≥≥' });
    const res = await importPlan(doc);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; issues: { path: string; message: string }[] } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.issues).toEqual([
      {
        path: '$.goals[0].targets[0].measures[0].comparator',
        message: expect.stringMatching(/>=/) as string,
      },
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it('rejects a measure without a unit, naming the path, storing nothing', async () => {
    const before = await tableCounts();
    const doc = (await exportedPlan(ctx, ctx.plan.id, ctx.coordinator)) as unknown as {
      goals: { targets: { measures: Record<string, unknown>[] }[] }[];
    };
    delete doc.goals[2]!.targets[1]!.measures[1]!.unit;
    const res = await importPlan(doc);
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ error: { issues: { path: string }[] } }>().error.issues.map((i) => i.path);
    expect(paths).toEqual(['$.goals[2].targets[1].measures[1].unit']);
    expect(await tableCounts()).toEqual(before);
  });

  it('reports every error at once, including assignments to unknown targets and bad dates', async () => {
    const doc = (await exportedPlan(ctx, ctx.plan.id, ctx.coordinator)) as unknown as Record<
      string,
      unknown
    > & {
      document: Record<string, unknown>;
      assignments: { targets: string[] }[];
    };
    doc.document.date = '2026-13';
    doc.assignments[0]!.targets.push('9.9');
    const res = await importPlan(doc);
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ error: { issues: { path: string }[] } }>().error.issues.map((i) => i.path);
    expect(paths).toContain('$.document.date');
    expect(paths).toContain(`$.assignments[0].targets[${doc.assignments[0]!.targets.length - 1}]`);
  });

  it('rolls back the whole import when a late check fails (unknown referenced plan id)', async () => {
    const before = await tableCounts();
    const doc = await exportedPlan(ctx, ctx.plan.id, ctx.coordinator);
    doc.references.push({ relation: 'implements', planId: '00000000-0000-4000-8000-000000000000' });
    const res = await importPlan(doc);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { issues: { path: string }[] } }>().error.issues[0]!.path).toBe(
      `$.references[${doc.references.length - 1}].planId`,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/plans/import',
      headers: { ...ctx.coordinator, 'content-type': 'application/json' },
      payload: '{"format":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.js|node_modules/);
  });
});

describe('plan hierarchy', () => {
  /** A one-year plan of the province's Sở Y tế, implementing (or citing) `ref`. */
  const childOf = (ref: Record<string, unknown>, title: string) =>
    planDocument({
      province: ctx.province,
      document: {
        number: '12',
        symbol: 'KH-SYT',
        issuer: 'Sở Y tế',
        parentBody: ctx.province.committee,
        date: '2026-05-10',
        title,
        period: { from: 2026, to: 2026 },
      },
      references: [{ relation: 'implements', ...ref }],
      goals: [sexRatioAtBirthGoal(`Sở Y tế ${ctx.province.designation}`)],
    });

  it('links a child plan to the plan it implements, both ways, and resolves the issuing agency', async () => {
    const res = await importPlan(
      childOf({ type: 'KH', planId: ctx.plan.id }, 'Kế hoạch bình đẳng giới ngành y tế năm 2026'),
    );
    expect(res.statusCode).toBe(201);
    const childId = res.json<{ id: string }>().id;
    const child = (
      await ctx.app.inject({ method: 'GET', url: `/api/plans/${childId}`, headers: ctx.coordinator })
    ).json<{
      parents: { id: string }[];
      issuerUnit: { code: string };
      goals: { targets: { lead: { code: string }[] }[] }[];
    }>();
    expect(child.parents.map((p) => p.id)).toEqual([ctx.plan.id]);
    expect(child.issuerUnit.code).toBe(ctx.province.agency('SYT'));
    expect(child.goals[0]!.targets[0]!.lead[0]!.code).toBe(ctx.province.agency('SYT'));
    const parent = (
      await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.plan.id}`, headers: ctx.coordinator })
    ).json<{
      children: { id: string }[];
    }>();
    expect(parent.children.map((c) => c.id)).toContain(childId);
  });

  it('links by number and symbol, also when the child is imported before its parent', async () => {
    const child = childOf(
      { type: 'KH', number: '99', symbol: 'KH-UBND', date: '2027-02-01' },
      'Kế hoạch năm 2027 ngành y tế',
    );
    // Another document of Sở Y tế than the one the previous test stored as 12/KH-SYT.
    child.document.number = '13';
    const first = await importPlan(child);
    expect(first.statusCode).toBe(201);
    const childId = first.json<{ id: string }>().id;
    const parentsOf = async (id: string) =>
      (await ctx.app.inject({ method: 'GET', url: `/api/plans/${id}`, headers: ctx.coordinator })).json<{
        parents: { id: string }[];
      }>().parents;
    expect(await parentsOf(childId)).toEqual([]);

    const parent = childOf(
      { type: 'NQ', number: '28', symbol: 'NQ-CP' },
      'Kế hoạch bình đẳng giới tỉnh năm 2027',
    );
    parent.references[0]!.relation = 'legal-basis';
    Object.assign(parent.document, {
      number: '99',
      symbol: 'KH-UBND',
      issuer: ctx.province.committee,
      parentBody: null,
      date: '2027-01-15',
      period: { from: 2027, to: 2027 },
    });
    const second = await importPlan(parent);
    expect(second.statusCode).toBe(201);
    const parentId = second.json<{ id: string }>().id;
    expect((await parentsOf(childId)).map((p) => p.id)).toEqual([parentId]);
  });
});
