import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/connection.js';
import { importPlan } from '../../src/modules/plans/plans.service.js';
import { createTestApp } from '../support/server.js';

/**
 * Authorization fails closed: a request whose unit cannot be found is for a national admin only, every plan has
 * an owner unit that imports are checked against, and the check runs before the body is validated.
 */

type Ctx = Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<Ctx['signIn']>>;
let ctx: Ctx;
let nationAdmin: Session;
let langSon: Session;
let caoBang: Session;
/** A reporter of a Hà Nội ward (Ba Đình), a unit with no part in any Lạng Sơn plan. */
let haNoiWard: Session;

beforeAll(async () => {
  ctx = await createTestApp({ demo: true });
  nationAdmin = await ctx.signIn('admin', 'VN');
  langSon = await ctx.signIn('coordinator', '20');
  caoBang = await ctx.signIn('coordinator', '04');
  haNoiWard = await ctx.signIn('reporter', '00004');
});
afterAll(async () => {
  await ctx?.close();
});

let documentCounter = 0;
function planDocument(document: { issuer: string; parentBody?: string | null; place?: string | null }) {
  documentCounter++;
  return {
    format: 'binhdang.plan/1',
    document: {
      type: 'KH',
      number: String(100 + documentCounter),
      symbol: 'KH-PQ',
      parentBody: null,
      place: null,
      date: '2027-02-01',
      title: `Kế hoạch kiểm tra phân quyền số ${documentCounter}`,
      period: { from: 2027, to: 2027 },
      signer: null,
      ...document,
    },
    references: [],
    goals: [
      {
        code: '1',
        title: 'Chính trị',
        targets: [
          {
            code: '1.1',
            text: 'tỷ lệ nữ lãnh đạo',
            measures: [{ value: 50, unit: '%', comparator: '>=', year: 2027, baseline: null, per: null }],
          },
        ],
      },
    ],
    tasks: [{ code: '1', text: 'Tuyên truyền về bình đẳng giới', agencies: ['Sở Nội vụ'] }],
    assignments: [],
  };
}

const importAs = (headers: Session, doc: object) =>
  ctx.app.inject({ method: 'POST', url: '/api/plans/import', headers, payload: doc });

const ownerOf = async (planId: string) =>
  (
    await queryRows<{ owner: string | null }>(
      ctx.database.db,
      sql`select owner_unit_code owner from plans where id = ${planId}`,
    )
  )[0]!.owner;

const generateCycles = (headers: Session, planId: string) =>
  ctx.app.inject({ method: 'POST', url: `/api/plans/${planId}/cycles/generate`, headers });

async function firstTask(planId: string): Promise<{ id: string; version: number }> {
  return (
    await queryRows<{ id: string; version: number }>(
      ctx.database.db,
      sql`select id, version from tasks where plan_id = ${planId} order by position limit 1`,
    )
  )[0]!;
}

const updateTask = async (headers: Session, planId: string) => {
  const task = await firstTask(planId);
  return ctx.app.inject({
    method: 'PATCH',
    url: `/api/tasks/${task.id}`,
    headers,
    payload: { status: 'in_progress', startDate: null, dueDate: null, evidence: null, version: task.version },
  });
};

describe('a plan whose issuer does not resolve and that has no owner', () => {
  let planId: string;
  beforeAll(async () => {
    // Stored as plans from before owners existed: issuer not placed, owner empty.
    planId = await importPlan(
      { db: ctx.database.db, now: () => new Date('2026-06-01T08:00:00Z') },
      planDocument({ issuer: 'Ban chỉ đạo không rõ' }),
    );
    await queryRows(ctx.database.db, sql`update plans set owner_unit_code = null where id = ${planId}`);
  });

  it('is refused to a Hà Nội ward reporter, and to every coordinator, on cycles and tasks', async () => {
    for (const who of [haNoiWard, langSon, caoBang, await ctx.signIn('coordinator', '00004')]) {
      expect((await generateCycles(who, planId)).statusCode).toBe(403);
      expect((await updateTask(who, planId)).statusCode).toBe(403);
    }
    // Not even an admin of one province covers a plan that belongs to none.
    expect((await updateTask(await ctx.signIn('admin', '20'), planId)).statusCode).toBe(403);
  });

  it('is managed by an admin over the nation', async () => {
    expect((await generateCycles(nationAdmin, planId)).statusCode).toBe(200);
    expect((await updateTask(nationAdmin, planId)).statusCode).toBe(200);
  });
});

describe('the owner of an imported plan', () => {
  it('is the issuer when it resolves, and a coordinator cannot file a plan under a unit outside their tree', async () => {
    const government = await importAs(langSon, planDocument({ issuer: 'Chính phủ', place: 'Hà Nội' }));
    expect(government.statusCode).toBe(403);
    const otherProvince = await importAs(langSon, planDocument({ issuer: 'UBND tỉnh Cao Bằng' }));
    expect(otherProvince.statusCode).toBe(403);

    const own = await importAs(langSon, planDocument({ issuer: 'UBND tỉnh Lạng Sơn' }));
    expect(own.statusCode).toBe(201);
    expect(await ownerOf(own.json<{ id: string }>().id)).toBe('20');
    const national = await importAs(nationAdmin, planDocument({ issuer: 'Chính phủ', place: 'Hà Nội' }));
    expect(national.statusCode).toBe(201);
    expect(await ownerOf(national.json<{ id: string }>().id)).toBe('VN');
  });

  it('is the importing user’s unit when the issuer does not resolve, and governs who manages the plan', async () => {
    const res = await importAs(langSon, planDocument({ issuer: 'Ban chỉ đạo không rõ' }));
    expect(res.statusCode).toBe(201);
    const planId = res.json<{ id: string }>().id;
    expect(await ownerOf(planId)).toBe('20');
    expect((await generateCycles(caoBang, planId)).statusCode).toBe(403);
    expect((await generateCycles(haNoiWard, planId)).statusCode).toBe(403);
    expect((await generateCycles(langSon, planId)).statusCode).toBe(200);
    expect((await updateTask(haNoiWard, planId)).statusCode).toBe(403);
    expect((await updateTask(langSon, planId)).statusCode).toBe(200);
  });

  it('stays in the province a document names when only its issuer is unknown', async () => {
    const doc = () => planDocument({ issuer: 'Ban chỉ đạo không rõ', parentBody: 'UBND tỉnh Cao Bằng' });
    expect((await importAs(langSon, doc())).statusCode).toBe(403);
    const byCaoBang = await importAs(caoBang, doc());
    expect(byCaoBang.statusCode).toBe(201);
    expect(await ownerOf(byCaoBang.json<{ id: string }>().id)).toBe('04');
    const byAdmin = await importAs(nationAdmin, doc());
    expect(byAdmin.statusCode).toBe(201);
    expect(await ownerOf(byAdmin.json<{ id: string }>().id)).toBe('04');
  });

  it('is refused to roles that do not manage plans, whatever the document', async () => {
    const reporter = await ctx.signIn('reporter', '20');
    expect((await importAs(reporter, planDocument({ issuer: 'Ban chỉ đạo không rõ' }))).statusCode).toBe(403);
    expect((await importAs(reporter, { format: 'binhdang.plan/1' })).statusCode).toBe(403);
  });
});

describe('tasks', () => {
  it('are updated by the reporter of an agency the task names, not by another agency’s', async () => {
    const res = await importAs(langSon, planDocument({ issuer: 'UBND tỉnh Lạng Sơn' }));
    const planId = res.json<{ id: string }>().id;
    expect((await updateTask(await ctx.signIn('reporter', '20-SYT'), planId)).statusCode).toBe(403);
    expect((await updateTask(await ctx.signIn('viewer', '20-SNV'), planId)).statusCode).toBe(403);
    expect((await updateTask(await ctx.signIn('reporter', '20-SNV'), planId)).statusCode).toBe(200);
    expect((await updateTask(await ctx.signIn('approver', '20'), planId)).statusCode).toBe(200);
  });
});

describe('authorization before validation', () => {
  interface Case {
    name: string;
    method: 'POST' | 'PUT' | 'PATCH';
    url: () => Promise<string> | string;
    /** A body naming the unit the caller is checked on, with another field wrong. */
    invalid: object;
    allowed: () => Promise<Session>;
    refused: () => Promise<Session>;
  }
  const cases: Case[] = [
    {
      name: 'an activity with a title that is a number',
      method: 'POST',
      url: () => '/api/org-units/05977/activities',
      invalid: { kind: 'meeting', title: 5, date: 'hôm qua' },
      allowed: () => ctx.signIn('reporter', '05977'),
      refused: () => ctx.signIn('reporter', '06436'),
    },
    {
      name: 'figures with an impossible period',
      method: 'POST',
      url: () => '/api/observations',
      invalid: { rows: [{ indicator: 'BDG-20', orgUnit: '05977', period: 2025, value: 'nhiều' }] },
      allowed: () => ctx.signIn('reporter', '05977'),
      refused: () => ctx.signIn('viewer', '05977'),
    },
    {
      name: 'a submission with a period that is not a year',
      method: 'POST',
      url: () => '/api/submissions/submit',
      invalid: { planId: 'không phải id', orgUnit: '05977', period: 'năm nay' },
      allowed: () => ctx.signIn('reporter', '05977'),
      refused: () => ctx.signIn('approver', '05977'),
    },
    {
      name: 'a task with an unknown status',
      method: 'PATCH',
      url: async () => `/api/tasks/${(await firstTask(ctx.demoPlanId!)).id}`,
      invalid: { status: 'xong rồi', version: 'một' },
      allowed: () => ctx.signIn('coordinator', '20'),
      refused: () => ctx.signIn('reporter', '00004'),
    },
    {
      name: 'staff counts that are not numbers',
      method: 'PUT',
      url: () => '/api/org-units/20-SNV/staff',
      invalid: { asOf: 'cuối năm', female: 'mười', male: -1 },
      allowed: () => ctx.signIn('reporter', '20-SNV'),
      refused: () => ctx.signIn('reporter', '20-SYT'),
    },
    {
      name: 'an account with a password too short',
      method: 'POST',
      url: () => '/api/users',
      invalid: { username: 'a', password: 1, grants: [{ role: 'viewer', orgUnitCode: '05977' }] },
      allowed: () => ctx.signIn('coordinator', '20'),
      refused: () => ctx.signIn('coordinator', '04'),
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: 403 to a caller who may not act, 400 to one who may',
    async (_name, c) => {
      const send = async (headers: Session) =>
        ctx.app.inject({ method: c.method, url: await c.url(), headers, payload: c.invalid });
      const refused = await send(await c.refused());
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json<{ error: { code: string; issues?: unknown } }>().error).toEqual(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
      expect(refused.json<{ error: { issues?: unknown } }>().error.issues).toBeUndefined();
      const allowed = await send(await c.allowed());
      expect(allowed.statusCode, allowed.body).toBe(400);
      expect(allowed.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    },
  );

  it('refuses a body too malformed to name a unit, except to an admin over the nation', async () => {
    for (const [url, payload] of [
      ['/api/observations', { rows: 'không phải danh sách' }],
      ['/api/observations', { rows: [{ orgUnit: 20, indicator: 'BDG-20' }] }],
      ['/api/submissions/bulk-accept', { units: '05977' }],
      ['/api/users', { grants: [{ role: 'viewer' }] }],
      ['/api/plans/00000000-0000-4000-8000-000000000000/drafts', { year: 2027 }],
    ] as const) {
      const coordinator = await ctx.app.inject({ method: 'POST', url, headers: langSon, payload });
      expect(coordinator.statusCode, `${url} ${coordinator.body}`).toBe(403);
      const admin = await ctx.app.inject({ method: 'POST', url, headers: nationAdmin, payload });
      expect(admin.statusCode, `${url} ${admin.body}`).toBe(400);
    }
  });

  it('refuses an unknown unit to everyone but an admin over the nation, who learns it does not exist', async () => {
    const payload = { planId: ctx.demoPlanId, orgUnit: '99999', period: '2027' };
    for (const who of [langSon, await ctx.signIn('admin', '20')]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/submissions/submit',
        headers: who,
        payload,
      });
      expect(res.statusCode).toBe(403);
    }
    const admin = await ctx.app.inject({
      method: 'POST',
      url: '/api/submissions/submit',
      headers: nationAdmin,
      payload,
    });
    expect([400, 404]).toContain(admin.statusCode);
    // A malformed id in the path is refused before it reaches the database.
    const badId = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/tasks/abc',
      headers: langSon,
      payload: {},
    });
    expect(badId.statusCode).toBe(403);
    const badIdAdmin = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/tasks/abc',
      headers: nationAdmin,
      payload: {},
    });
    expect(badIdAdmin.statusCode).toBe(400);
  });
});
