import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/connection.js';
import type { Session } from '../support/factories/app.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan, planDocument, tasksOf, type PlanDoc } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Authorization fails closed: a request whose unit cannot be found is for a national admin only, every plan has
 * an owner unit that imports are checked against, and the check runs before the body is validated.
 */

const TASKS = [{ code: '1', text: 'Tuyên truyền về bình đẳng giới', agencies: ['Sở Nội vụ'] }];

/**
 * Three provinces: `home`, whose coordinator manages its plans, a `neighbour` with a coordinator of its own, and
 * a third whose commune reporter (`farWard`) has no part in any plan of the other two.
 */
const ctx = useTestApp({}, async (app) => {
  const [home, neighbour, far] = [
    await provinceUnits(app),
    await provinceUnits(app),
    await provinceUnits(app),
  ];
  return {
    home,
    neighbour,
    far,
    commune: home.communes[0]!.code,
    otherCommune: home.communes[1]!.code,
    plan: await createPlan(app, { province: home, tasks: TASKS }),
    nationAdmin: await app.signIn('admin', 'VN'),
    homeCoordinator: await app.signIn('coordinator', home.code),
    neighbourCoordinator: await app.signIn('coordinator', neighbour.code),
    farWard: await app.signIn('reporter', far.communes[0]!.code),
  };
});

/** A one-year plan document: `document` says who issues it; no place unless given. */
const planDoc = (document: Partial<PlanDoc['document']>) =>
  planDocument({
    document: { parentBody: null, place: null, period: { from: 2027, to: 2027 }, ...document },
    tasks: TASKS,
  });

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

const firstTask = async (planId: string) => (await tasksOf(ctx, planId))[0]!;

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
    planId = (
      await createPlan(ctx, { document: { issuer: 'Ban chỉ đạo không rõ', place: null }, tasks: TASKS })
    ).id;
    await queryRows(ctx.database.db, sql`update plans set owner_unit_code = null where id = ${planId}`);
  });

  it('is refused to a far commune’s reporter, and to every coordinator, on cycles and tasks', async () => {
    const { farWard, homeCoordinator, neighbourCoordinator } = ctx;
    const farCoordinator = await ctx.signIn('coordinator', ctx.far.communes[0]!.code);
    for (const who of [farWard, homeCoordinator, neighbourCoordinator, farCoordinator]) {
      expect((await generateCycles(who, planId)).statusCode).toBe(403);
      expect((await updateTask(who, planId)).statusCode).toBe(403);
    }
    // Not even an admin of one province covers a plan that belongs to none.
    expect((await updateTask(await ctx.signIn('admin', ctx.home.code), planId)).statusCode).toBe(403);
  });

  it('is managed by an admin over the nation', async () => {
    expect((await generateCycles(ctx.nationAdmin, planId)).statusCode).toBe(200);
    expect((await updateTask(ctx.nationAdmin, planId)).statusCode).toBe(200);
  });
});

describe('the owner of an imported plan', () => {
  it('is the issuer when it resolves, and a coordinator cannot file a plan under a unit outside their tree', async () => {
    const { home, neighbour, homeCoordinator } = ctx;
    const government = await importAs(homeCoordinator, planDoc({ issuer: 'Chính phủ', place: 'Hà Nội' }));
    expect(government.statusCode).toBe(403);
    const otherProvince = await importAs(homeCoordinator, planDoc({ issuer: neighbour.committee }));
    expect(otherProvince.statusCode).toBe(403);

    const own = await importAs(homeCoordinator, planDoc({ issuer: home.committee }));
    expect(own.statusCode).toBe(201);
    expect(await ownerOf(own.json<{ id: string }>().id)).toBe(home.code);
    const national = await importAs(ctx.nationAdmin, planDoc({ issuer: 'Chính phủ', place: 'Hà Nội' }));
    expect(national.statusCode).toBe(201);
    expect(await ownerOf(national.json<{ id: string }>().id)).toBe('VN');
  });

  it('is the importing user’s unit when the issuer does not resolve, and governs who manages the plan', async () => {
    const { homeCoordinator, farWard } = ctx;
    const res = await importAs(homeCoordinator, planDoc({ issuer: 'Ban chỉ đạo không rõ' }));
    expect(res.statusCode).toBe(201);
    const planId = res.json<{ id: string }>().id;
    expect(await ownerOf(planId)).toBe(ctx.home.code);
    expect((await generateCycles(ctx.neighbourCoordinator, planId)).statusCode).toBe(403);
    expect((await generateCycles(farWard, planId)).statusCode).toBe(403);
    expect((await generateCycles(homeCoordinator, planId)).statusCode).toBe(200);
    expect((await updateTask(farWard, planId)).statusCode).toBe(403);
    expect((await updateTask(homeCoordinator, planId)).statusCode).toBe(200);
  });

  it('stays in the province a document names when only its issuer is unknown', async () => {
    const { neighbour } = ctx;
    const doc = () => planDoc({ issuer: 'Ban chỉ đạo không rõ', parentBody: neighbour.committee });
    expect((await importAs(ctx.homeCoordinator, doc())).statusCode).toBe(403);
    const byNeighbour = await importAs(ctx.neighbourCoordinator, doc());
    expect(byNeighbour.statusCode).toBe(201);
    expect(await ownerOf(byNeighbour.json<{ id: string }>().id)).toBe(neighbour.code);
    const byAdmin = await importAs(ctx.nationAdmin, doc());
    expect(byAdmin.statusCode).toBe(201);
    expect(await ownerOf(byAdmin.json<{ id: string }>().id)).toBe(neighbour.code);
  });

  it('is refused to roles that do not manage plans, whatever the document', async () => {
    const reporter = await ctx.signIn('reporter', ctx.home.code);
    expect((await importAs(reporter, planDoc({ issuer: 'Ban chỉ đạo không rõ' }))).statusCode).toBe(403);
    expect((await importAs(reporter, { format: 'binhdang.plan/1' })).statusCode).toBe(403);
  });
});

describe('tasks', () => {
  it('are updated by the reporter of an agency the task names, not by another agency’s', async () => {
    const { home } = ctx;
    const res = await importAs(ctx.homeCoordinator, planDoc({ issuer: home.committee }));
    const planId = res.json<{ id: string }>().id;
    expect((await updateTask(await ctx.signIn('reporter', home.agency('SYT')), planId)).statusCode).toBe(403);
    expect((await updateTask(await ctx.signIn('viewer', home.agency('SNV')), planId)).statusCode).toBe(403);
    expect((await updateTask(await ctx.signIn('reporter', home.agency('SNV')), planId)).statusCode).toBe(200);
    expect((await updateTask(await ctx.signIn('approver', home.code), planId)).statusCode).toBe(200);
  });
});

describe('authorization before validation', () => {
  interface Case {
    name: string;
    method: 'POST' | 'PUT' | 'PATCH';
    url: () => Promise<string> | string;
    /** A body naming the unit the caller is checked on, with another field wrong. */
    invalid: () => object;
    allowed: () => Promise<Session>;
    refused: () => Promise<Session>;
  }
  const cases: Case[] = [
    {
      name: 'an activity with a title that is a number',
      method: 'POST',
      url: () => `/api/org-units/${ctx.commune}/activities`,
      invalid: () => ({ kind: 'meeting', title: 5, date: 'hôm qua' }),
      allowed: () => ctx.signIn('reporter', ctx.commune),
      refused: () => ctx.signIn('reporter', ctx.otherCommune),
    },
    {
      name: 'figures with an impossible period',
      method: 'POST',
      url: () => '/api/observations',
      invalid: () => ({
        rows: [{ indicator: 'BDG-20', orgUnit: ctx.commune, period: 2025, value: 'nhiều' }],
      }),
      allowed: () => ctx.signIn('reporter', ctx.commune),
      refused: () => ctx.signIn('viewer', ctx.commune),
    },
    {
      name: 'a submission with a period that is not a year',
      method: 'POST',
      url: () => '/api/submissions/submit',
      invalid: () => ({ planId: 'không phải id', orgUnit: ctx.commune, period: 'năm nay' }),
      allowed: () => ctx.signIn('reporter', ctx.commune),
      refused: () => ctx.signIn('approver', ctx.commune),
    },
    {
      name: 'a task with an unknown status',
      method: 'PATCH',
      url: async () => `/api/tasks/${(await firstTask(ctx.plan.id)).id}`,
      invalid: () => ({ status: 'xong rồi', version: 'một' }),
      allowed: () => ctx.signIn('coordinator', ctx.home.code),
      refused: async () => ctx.farWard,
    },
    {
      name: 'staff counts that are not numbers',
      method: 'PUT',
      url: () => `/api/org-units/${ctx.home.agency('SNV')}/staff`,
      invalid: () => ({ asOf: 'cuối năm', female: 'mười', male: -1 }),
      allowed: () => ctx.signIn('reporter', ctx.home.agency('SNV')),
      refused: () => ctx.signIn('reporter', ctx.home.agency('SYT')),
    },
    {
      name: 'an account with a password too short',
      method: 'POST',
      url: () => '/api/users',
      invalid: () => ({ username: 'a', password: 1, grants: [{ role: 'viewer', orgUnitCode: ctx.commune }] }),
      allowed: async () => ctx.homeCoordinator,
      refused: async () => ctx.neighbourCoordinator,
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: 403 to a caller who may not act, 400 to one who may',
    async (_name, c) => {
      const send = async (headers: Session) =>
        ctx.app.inject({
          method: c.method,
          url: await c.url(),
          headers,
          payload: c.invalid(),
        });
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
      ['/api/submissions/bulk-accept', { units: ctx.commune }],
      ['/api/users', { grants: [{ role: 'viewer' }] }],
      ['/api/plans/00000000-0000-4000-8000-000000000000/drafts', { year: 2027 }],
    ] as const) {
      const coordinator = await ctx.app.inject({
        method: 'POST',
        url,
        headers: ctx.homeCoordinator,
        payload,
      });
      expect(coordinator.statusCode, `${url} ${coordinator.body}`).toBe(403);
      const admin = await ctx.app.inject({ method: 'POST', url, headers: ctx.nationAdmin, payload });
      expect(admin.statusCode, `${url} ${admin.body}`).toBe(400);
    }
  });

  it('refuses an unknown unit to everyone but an admin over the nation, who learns it does not exist', async () => {
    const submitAs = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/submissions/submit',
        headers,
        payload: { planId: ctx.plan.id, orgUnit: '99999', period: '2027' },
      });
    for (const who of [ctx.homeCoordinator, await ctx.signIn('admin', ctx.home.code)]) {
      expect((await submitAs(who)).statusCode).toBe(403);
    }
    expect([400, 404]).toContain((await submitAs(ctx.nationAdmin)).statusCode);
    // A malformed id in the path is refused before it reaches the database.
    const patchMalformedTaskAs = (headers: Record<string, string>) =>
      ctx.app.inject({ method: 'PATCH', url: '/api/tasks/abc', headers, payload: {} });
    expect((await patchMalformedTaskAs(ctx.homeCoordinator)).statusCode).toBe(403);
    expect((await patchMalformedTaskAs(ctx.nationAdmin)).statusCode).toBe(400);
  });
});
