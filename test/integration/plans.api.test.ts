import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { createTestApp } from '../support/server.js';
import { queryRows } from '../../src/db/connection.js';

type Ctx = Awaited<ReturnType<typeof createTestApp>>;
let ctx: Ctx;
/** Sở Nội vụ Lạng Sơn's coordinator: manages the province's plans. */
let coordinator: Awaited<ReturnType<Ctx['signIn']>>;

beforeAll(async () => {
  ctx = await createTestApp({ demo: true });
  coordinator = await ctx.signIn('coordinator', '20');
});
afterAll(async () => {
  await ctx?.close();
});

interface ExportedMeasure {
  value: number;
  unit: string;
  comparator: string;
  year: number | null;
  baseline: { value: number; year: number | null } | null;
  per: string | null;
}
interface ExportedPlan {
  format: string;
  document: { number: string | null; date: string | null; symbol: string | null; type: string };
  references: { relation: string; planId?: string }[];
  goals: { code: string; targets: { code: string; measures: ExportedMeasure[] }[] }[];
  assignments: { agency: string; role: 'lead' | 'coordinate'; targets: string[] }[];
}

async function exportPlan(id: string): Promise<ExportedPlan> {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/plans/${id}/export`, headers: coordinator });
  expect(res.statusCode).toBe(200);
  return res.json<ExportedPlan>();
}

async function importPlan(doc: unknown) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/plans/import',
    payload: doc as object,
    headers: coordinator,
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

const schema = JSON.parse(fs.readFileSync('docs/formats/binhdang.plan-1.schema.json', 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its function is the default export's default.
const addFormats = addFormatsModule as unknown as { default: (a: Ajv2020) => void };
addFormats.default(ajv);
const validateAgainstSchema = ajv.compile(schema);

/** Seed 004 as a reader of the document states it: code → [value, unit, comparator, year, per]. */
const SEED_004_MEASURES: Record<string, [number, string, string, number, string | null][]> = {
  '1.1': [[75, '%', '>=', 2030, null]],
  '2.1': [[60, '%', '>', 2030, null]],
  '2.2': [[25, '%', '<', 2030, null]],
  '2.3': [[30, '%', '>=', 2030, null]],
  '3.1': [[1.4, 'times', '<=', 2030, null]],
  '3.2': [
    [90, '%', '>=', 2030, null],
    [70, '%', '>=', 2030, null],
  ],
  '3.3': [[100, '%', '=', 2030, null]],
  '3.4': [[100, '%', '>=', 2030, null]],
  '4.1': [[109, 'per100', '<=', 2030, null]],
  '4.2': [[42, 'per100000', '<=', 2030, null]],
  '4.3': [[18, 'per1000', '<', 2030, null]],
  '4.4': [[1, 'milestone', '=', 2030, null]],
  '5.1': [[1, 'milestone', '=', 2030, null]],
  '5.2': [
    [99, '%', '>', 2030, null],
    [90, '%', '>=', 2030, null],
  ],
  '5.3': [[40, '%', '>=', 2030, null]],
  '5.4': [
    [50, '%', '>=', 2030, null],
    [35, '%', '>=', 2030, null],
  ],
  '6.1': [[80, '%', '>=', 2030, null]],
  '6.2': [[100, '%', '>=', 2030, null]],
  '6.3': [[4, 'count', '>=', 2030, 'quarter']],
  '6.4': [[100, '%', '=', 2030, null]],
};

const SEED_004_LEAD: Record<string, string> = {
  '1.1': 'Sở Nội vụ',
  '2.1': 'Sở Nội vụ',
  '2.2': 'Thống kê tỉnh',
  '2.3': 'Sở Tài chính',
  '3.1': 'Thống kê tỉnh',
  '3.2': 'Sở Văn hóa, Thể thao và Du lịch',
  '3.3': 'Sở Y tế',
  '3.4': 'Sở Y tế',
  '4.1': 'Sở Y tế',
  '4.2': 'Sở Y tế',
  '4.3': 'Sở Y tế',
  '4.4': 'Sở Y tế',
  '5.1': 'Sở Giáo dục và Đào tạo',
  '5.2': 'Sở Giáo dục và Đào tạo',
  '5.3': 'Sở Giáo dục và Đào tạo',
  '5.4': 'Sở Nội vụ',
  '6.1': 'Sở Nội vụ',
  '6.2': 'Sở Nội vụ',
  '6.3': 'Sở Văn hóa, Thể thao và Du lịch',
  '6.4': 'Sở Văn hóa, Thể thao và Du lịch',
};

describe('demo plan (seed 004, Lạng Sơn 2026–2030)', () => {
  it('exports 6 goals, 20 targets and 23 measures that match the document', async () => {
    const doc = await exportPlan(ctx.demoPlanId!);
    expect(doc.format).toBe('binhdang.plan/1');
    expect(doc.document.number).toBeNull();
    expect(doc.document.symbol).toBe('KH-UBND');
    expect(doc.document.date).toBe('2026-04');
    expect(doc.goals.map((g) => g.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    const targets = doc.goals.flatMap((g) => g.targets);
    expect(targets).toHaveLength(20);
    expect(targets.flatMap((t) => t.measures)).toHaveLength(23);
    for (const t of targets) {
      const expected = SEED_004_MEASURES[t.code];
      expect(expected, `target ${t.code}`).toBeDefined();
      expect(
        t.measures.map((m) => [m.value, m.unit, m.comparator, m.year, m.per]),
        `target ${t.code}`,
      ).toEqual(expected);
    }
    const t43 = targets.find((t) => t.code === '4.3')!;
    expect(t43.measures[0]!.baseline).toEqual({ value: 18, year: null });
  });

  it('gives each of the 20 targets the lead agency of section VI, and lists coordinators of 2.3, 3.2, 5.4', async () => {
    const doc = await exportPlan(ctx.demoPlanId!);
    const leads = new Map<string, string[]>();
    const coordinators = new Map<string, string[]>();
    for (const a of doc.assignments) {
      for (const code of a.targets) {
        const map = a.role === 'lead' ? leads : coordinators;
        map.set(code, [...(map.get(code) ?? []), a.agency]);
      }
    }
    for (const [code, agency] of Object.entries(SEED_004_LEAD))
      expect(leads.get(code), code).toEqual([agency]);
    expect(coordinators.get('2.3')?.sort()).toEqual(['Hội Liên hiệp Phụ nữ tỉnh', 'Thống kê tỉnh']);
    expect(coordinators.get('3.2')?.sort()).toEqual(['Công an tỉnh', 'Sở Tư pháp', 'Sở Y tế']);
    expect(coordinators.get('5.4')).toEqual(['Thống kê tỉnh']);
  });

  it('resolves every assignment to one of Lạng Sơn’s agencies', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.demoPlanId}` });
    expect(res.statusCode).toBe(200);
    const plan = res.json<{
      isDemo: boolean;
      issuerUnit: { code: string };
      goals: {
        targets: { code: string; lead: { code: string | null }[]; coordinate: { code: string | null }[] }[];
      }[];
    }>();
    expect(plan.isDemo).toBe(true);
    expect(plan.issuerUnit.code).toBe('20');
    const all = plan.goals.flatMap((g) => g.targets).flatMap((t) => [...t.lead, ...t.coordinate]);
    expect(all.length).toBeGreaterThan(20);
    for (const a of all) expect(a.code).toMatch(/^20-[A-Z]+$/);
    const t11 = plan.goals.flatMap((g) => g.targets).find((t) => t.code === '1.1')!;
    expect(t11.lead.map((a) => a.code)).toEqual(['20-SNV']);
  });

  it('exports a document valid against the published JSON Schema, and every export is', async () => {
    const list = await ctx.app.inject({ method: 'GET', url: '/api/plans', headers: coordinator });
    const ids = list.json<{ items: { id: string }[] }>().items.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const doc = await exportPlan(id);
      expect(validateAgainstSchema(doc), JSON.stringify(validateAgainstSchema.errors)).toBe(true);
    }
  });
});

describe('GET /api/plans', () => {
  it('lists plans with their identity, demo flag and counts', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/plans' });
    expect(res.statusCode).toBe(200);
    const demo = res
      .json<{ items: { id: string; isDemo: boolean; counts: object }[] }>()
      .items.find((p) => p.id === ctx.demoPlanId);
    expect(demo).toMatchObject({ isDemo: true, counts: { goals: 6, targets: 20, measures: 23 } });
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
  it('round-trips: an exported plan imported again exports the same document', async () => {
    const original = await exportPlan(ctx.demoPlanId!);
    const res = await importPlan(original);
    expect(res.statusCode).toBe(201);
    const copy = await exportPlan(res.json<{ id: string }>().id);
    expect(copy).toEqual(original);
  });

  it('rejects a measure with comparator "≥≥" with its JSON path, storing nothing', async () => {
    const before = await tableCounts();
    const doc = await exportPlan(ctx.demoPlanId!);
    doc.goals[0]!.targets[0]!.measures[0]!.comparator = '≥≥';
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
    const doc = (await exportPlan(ctx.demoPlanId!)) as unknown as {
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
    const doc = (await exportPlan(ctx.demoPlanId!)) as unknown as Record<string, unknown> & {
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
    const doc = await exportPlan(ctx.demoPlanId!);
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
      headers: { ...coordinator, 'content-type': 'application/json' },
      payload: '{"format":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.js|node_modules/);
  });
});

describe('plan hierarchy', () => {
  const childOf = (ref: Record<string, unknown>, title: string) => ({
    format: 'binhdang.plan/1',
    document: {
      type: 'KH',
      number: '12',
      symbol: 'KH-SYT',
      issuer: 'Sở Y tế',
      parentBody: 'UBND tỉnh Lạng Sơn',
      place: 'Lạng Sơn',
      date: '2026-05-10',
      title,
      period: { from: 2026, to: 2026 },
      signer: null,
    },
    references: [{ relation: 'implements', ...ref }],
    goals: [
      {
        code: '1',
        title: 'Y tế',
        targets: [
          {
            code: '1.1',
            text: 'tỷ số giới tính khi sinh',
            measures: [
              { value: 110, unit: 'per100', comparator: '<=', year: 2026, baseline: null, per: null },
            ],
          },
        ],
      },
    ],
    assignments: [{ agency: 'Sở Y tế tỉnh Lạng Sơn', role: 'lead', targets: ['1.1'] }],
  });

  it('links a child plan to the plan it implements, both ways, and resolves the issuing agency', async () => {
    const res = await importPlan(
      childOf({ type: 'KH', planId: ctx.demoPlanId }, 'Kế hoạch bình đẳng giới ngành y tế năm 2026'),
    );
    expect(res.statusCode).toBe(201);
    const childId = res.json<{ id: string }>().id;
    const child = (
      await ctx.app.inject({ method: 'GET', url: `/api/plans/${childId}`, headers: coordinator })
    ).json<{
      parents: { id: string }[];
      issuerUnit: { code: string };
      goals: { targets: { lead: { code: string }[] }[] }[];
    }>();
    expect(child.parents.map((p) => p.id)).toEqual([ctx.demoPlanId]);
    expect(child.issuerUnit.code).toBe('20-SYT');
    expect(child.goals[0]!.targets[0]!.lead[0]!.code).toBe('20-SYT');
    const parent = (
      await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.demoPlanId}`, headers: coordinator })
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
    const first = await importPlan(child);
    expect(first.statusCode).toBe(201);
    const childId = first.json<{ id: string }>().id;
    const parentsOf = async (id: string) =>
      (await ctx.app.inject({ method: 'GET', url: `/api/plans/${id}`, headers: coordinator })).json<{
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
      issuer: 'UBND tỉnh Lạng Sơn',
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
