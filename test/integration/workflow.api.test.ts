import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/connection.js';
import type { Session } from '../support/factories/app.js';
import { acceptFigures, recordFigures } from '../support/factories/figures.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import type { PlanProgress } from '../../src/modules/progress/progress.schemas.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The approval chain draft → submitted → approved → accepted over HTTP: who may move what, locks, reopening,
 * bulk steps, and what anonymous callers and other communes see.
 */

/**
 * A province's published plan, measured by people reached (BDG-20, from the communes) and women among masters
 * (BDG-18). Accepted already: the 2025 figures of `otherCommune`, and the province's BDG-18 of 2025.
 */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const [commune, otherCommune] = province.communes.map((c) => c.code) as [string, string];
  const { id: planId } = await createPlan(app, {
    province,
    published: true,
    goals: [
      {
        code: '6',
        targets: [
          { code: '6.1', measures: [{ value: 80, indicator: 'BDG-20' }], lead: ['Sở Nội vụ'] },
          { code: '5.4', measures: [{ value: 50, indicator: 'BDG-18' }], lead: ['Sở Nội vụ'] },
        ],
      },
    ],
  });
  await recordFigures(app, [
    { indicator: 'BDG-20', orgUnit: otherCommune, period: '2025', numerator: 3_900, denominator: 9_000 },
    { indicator: 'BDG-18', orgUnit: province.code, period: '2025', numerator: 1_073, denominator: 2_274 },
  ]);
  await acceptFigures(app, { planId, period: '2025', units: [otherCommune, province.code] });
  return {
    province,
    planId,
    commune,
    otherCommune,
    reporter: await app.signIn('reporter', commune),
    otherReporter: await app.signIn('reporter', otherCommune),
    approver: await app.signIn('approver', commune),
    coordinator: await app.signIn('coordinator', province.code),
  };
});

interface Submission {
  status: string;
  version: number;
  orgUnit: string;
  period: string;
  lastComment: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string; code?: string }[] };
}

const step = (
  t: string,
  who: Session | null,
  body: { orgUnit: string; period: string; comment?: string | null; version?: number },
) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/submissions/${t}`,
    payload: { planId: ctx.planId, ...body },
    ...(who ? { headers: who } : {}),
  });

const bulk = (t: 'approve' | 'accept', who: Session, period: string, units: string[]) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/submissions/bulk-${t}`,
    payload: { planId: ctx.planId, period, units },
    headers: who,
  });

/** Awareness reach (BDG-20) of a commune for a year: numerator of denominator people. */
const figure = (orgUnit: string, period: string, numerator = 23_500, denominator = 27_300) => ({
  indicator: 'BDG-20',
  orgUnit,
  period,
  numerator,
  denominator,
});

const enter = (who: Session | null, rows: object[]) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/observations',
    payload: { rows, acknowledgeWarnings: true },
    ...(who ? { headers: who } : {}),
  });

const observations = async (who: Session | null, query: string) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/observations?${query}`,
    ...(who ? { headers: who } : {}),
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { orgUnit: string; value: number; accepted: boolean; version: number }[] }>()
    .items;
};

const submissions = async (who: Session, period: string) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/submissions?plan=${ctx.planId}&period=${period}`,
    headers: who,
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { orgUnit: string; status: string; version: number }[] }>().items;
};

const statusOf = async (unit: string, period: string) =>
  (
    await queryRows<{ status: string }>(
      ctx.database.db,
      sql`select status from submissions where plan_id = ${ctx.planId} and org_unit_code = ${unit} and period = ${period}`,
    )
  )[0]?.status ?? 'draft';

const countObservations = async () =>
  (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int n from observations`))[0]!.n;

const usernameOf = async (who: Session) =>
  (await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: who })).json<{
    user: { username: string };
  }>().user.username;

describe('a reporter of one commune and another commune', () => {
  it("cannot write the other commune's figures (403), however the unit is spelled, and nothing is stored", async () => {
    const before = await countObservations();
    for (const row of [
      figure(ctx.otherCommune, '2026'),
      // Spellings that name the same unit once trimmed, or an empty reporting unit that means "the unit itself".
      { ...figure(` ${ctx.otherCommune} `, '2026') },
      { ...figure(ctx.otherCommune, '2026'), reportingUnit: '' },
      { ...figure(ctx.otherCommune, '2026'), reportingUnit: ' ' },
    ]) {
      const res = await enter(ctx.reporter, [row]);
      expect(res.statusCode, JSON.stringify(row)).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('FORBIDDEN');
    }
    const csv = await ctx.app.inject({
      method: 'POST',
      url: '/api/observations/import?acknowledgeWarnings=true',
      headers: { ...ctx.reporter, 'content-type': 'text/csv' },
      payload: `indicator,org_unit,reporting_unit,period,numerator,denominator\nBDG-20,${ctx.otherCommune},,2026,100,200\n`,
    });
    expect(csv.statusCode).toBe(403);
    expect(await countObservations()).toBe(before);
    // Its own commune, the same figure: stored.
    expect((await enter(ctx.reporter, [figure(ctx.commune, '2026')])).statusCode).toBe(201);
  });

  it("cannot read the other commune's draft figures, nor their history (403)", async () => {
    expect(
      (await enter(ctx.otherReporter, [figure(ctx.otherCommune, '2026', 4_000, 9_000)])).statusCode,
    ).toBe(201);
    const query = `indicator=BDG-20&orgUnit=${ctx.otherCommune}&period=2026`;
    expect(await observations(ctx.otherReporter, query)).toEqual([
      expect.objectContaining({ orgUnit: ctx.otherCommune, accepted: false }),
    ]);
    expect(await observations(ctx.coordinator, query)).toHaveLength(1);
    expect(await observations(ctx.reporter, query)).toEqual([]);
    expect(await observations(null, query)).toEqual([]);
    // Accepted figures of the other commune stay public.
    expect(
      await observations(ctx.reporter, `indicator=BDG-20&orgUnit=${ctx.otherCommune}&period=2025`),
    ).not.toEqual([]);

    const key = encodeURIComponent(`BDG-20|${ctx.otherCommune}|2026|total|||`);
    const history = (who: Session) =>
      ctx.app.inject({ method: 'GET', url: `/api/history/observation?key=${key}`, headers: who });
    expect((await history(ctx.reporter)).statusCode).toBe(403);
    const own = await history(ctx.otherReporter);
    expect(own.statusCode).toBe(200);
    expect(own.json<{ items: unknown[] }>().items).toHaveLength(1);

    expect((await submissions(ctx.reporter, '2026')).map((s) => s.orgUnit)).not.toContain(ctx.otherCommune);
    expect((await submissions(ctx.coordinator, '2026')).map((s) => s.orgUnit)).toEqual(
      expect.arrayContaining([ctx.commune, ctx.otherCommune]),
    );
  });

  it("does not see the other commune's figures in the history of its own, when one batch wrote both", async () => {
    const batch = await enter(ctx.coordinator, [
      figure(ctx.commune, '2028', 24_000, 27_400),
      figure(ctx.otherCommune, '2028', 4_100, 9_100),
    ]);
    expect(batch.statusCode).toBe(201);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/history/observation?key=${encodeURIComponent(`BDG-20|${ctx.commune}|2028|total|||`)}`,
      headers: ctx.reporter,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { after: unknown }[] }>().items;
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).toContain(ctx.commune);
    expect(JSON.stringify(items)).not.toContain(ctx.otherCommune);
  });

  it("cannot move the other commune's figures along the chain", async () => {
    const res = await step('submit', ctx.reporter, { orgUnit: ctx.otherCommune, period: '2031' });
    expect(res.statusCode).toBe(403);
    expect(await statusOf(ctx.otherCommune, '2031')).toBe('draft');
  });

  it('cannot approve its own submission, even when it also holds the approver role', async () => {
    expect((await step('submit', ctx.reporter, { orgUnit: ctx.commune, period: '2031' })).statusCode).toBe(
      200,
    );
    expect((await step('approve', ctx.reporter, { orgUnit: ctx.commune, period: '2031' })).statusCode).toBe(
      403,
    );

    const both = await ctx.signIn('reporter', ctx.commune, [{ role: 'approver', unit: ctx.commune }]);
    expect((await step('submit', both, { orgUnit: ctx.commune, period: '2032' })).statusCode).toBe(200);
    const self = await step('approve', both, { orgUnit: ctx.commune, period: '2032' });
    expect(self.statusCode).toBe(403);
    expect(self.json<ErrorBody>().error.message).toMatch(/tự duyệt/);
    expect(await statusOf(ctx.commune, '2032')).toBe('submitted');
    // Someone else may.
    expect((await step('approve', ctx.approver, { orgUnit: ctx.commune, period: '2032' })).statusCode).toBe(
      200,
    );
  });
});

describe('a provider agency', () => {
  const provide = (who: Session, indicator: string, period: string, value: number) =>
    enter(who, [
      { indicator, orgUnit: ctx.province.code, reportingUnit: ctx.province.agency('SNV'), period, value },
    ]);

  it("reports the province's figure of an indicator it provides, answerable for it itself", async () => {
    const { province } = ctx;
    const snv = await ctx.signIn('reporter', province.agency('SNV'));
    const res = await provide(snv, 'BDG-18', '2026', 47);
    expect(res.statusCode, res.body).toBe(201);
    expect(await observations(snv, `indicator=BDG-18&orgUnit=${province.code}&period=2026`)).toEqual([
      expect.objectContaining({
        orgUnit: province.code,
        reportingUnit: province.agency('SNV'),
        value: 47,
        accepted: false,
      }),
    ]);
    // Thống kê tỉnh provides BDG-03, not Sở Nội vụ.
    const notProvider = await provide(snv, 'BDG-03', '2026', 60);
    expect(notProvider.statusCode).toBe(400);
    expect(notProvider.json<ErrorBody>().error.issues).toEqual([
      expect.objectContaining({ code: 'not_provider' }),
    ]);
    // Another agency's reporter cannot report in Sở Nội vụ's name.
    const tk = await ctx.signIn('reporter', province.agency('TK'));
    expect((await provide(tk, 'BDG-18', '2026', 48)).statusCode).toBe(403);
  });

  it('cannot replace a province figure that is accepted (423), by reporting it in its own name', async () => {
    const snv = await ctx.signIn('reporter', ctx.province.agency('SNV'));
    const query = `indicator=BDG-18&orgUnit=${ctx.province.code}&period=2025`;
    const [accepted] = await observations(null, query);
    expect(accepted).toMatchObject({ accepted: true });
    const res = await provide(snv, 'BDG-18', '2025', 12);
    expect(res.statusCode, res.body).toBe(423);
    expect(await observations(null, query)).toEqual([accepted]);
  });
});

describe('the chain', () => {
  it('runs draft → submitted → approved → accepted, raising the version at each step', async () => {
    expect((await enter(ctx.reporter, [figure(ctx.commune, '2027')])).statusCode).toBe(201);
    expect(await submissions(ctx.reporter, '2027')).toEqual([
      expect.objectContaining({ orgUnit: ctx.commune, status: 'draft', version: 1 }),
    ]);
    const chain: [string, Session, string, number][] = [
      ['submit', ctx.reporter, 'submitted', 2],
      ['approve', ctx.approver, 'approved', 3],
      ['accept', ctx.coordinator, 'accepted', 4],
    ];
    for (const [t, who, status, version] of chain) {
      const res = await step(t, who, { orgUnit: ctx.commune, period: '2027' });
      expect(res.statusCode, `${t}: ${res.body}`).toBe(200);
      expect(res.json<Submission>()).toMatchObject({ orgUnit: ctx.commune, period: '2027', status, version });
    }
    expect(await submissions(ctx.coordinator, '2027')).toEqual([
      expect.objectContaining({ orgUnit: ctx.commune, status: 'accepted', version: 4 }),
    ]);
    expect(await observations(null, `indicator=BDG-20&orgUnit=${ctx.commune}&period=2027`)).toEqual([
      expect.objectContaining({ accepted: true }),
    ]);
  });

  it('locks accepted figures (423 LOCKED) until the coordinator reopens them with a reason, which the audit shows', async () => {
    const edit = () => enter(ctx.reporter, [figure(ctx.commune, '2027', 23_600)]);
    const locked = await edit();
    expect(locked.statusCode).toBe(423);
    expect(locked.json<ErrorBody>().error).toMatchObject({
      code: 'LOCKED',
      issues: [expect.objectContaining({ code: 'locked' })],
    });
    // Coordinators are held to the lock too.
    expect((await enter(ctx.coordinator, [figure(ctx.commune, '2027', 23_600)])).statusCode).toBe(423);

    const noReason = await step('reopen', ctx.coordinator, { orgUnit: ctx.commune, period: '2027' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().error.issues).toEqual([
      expect.objectContaining({ path: '$.body.comment' }),
    ]);
    expect(
      (await step('reopen', ctx.reporter, { orgUnit: ctx.commune, period: '2027', comment: 'x' })).statusCode,
    ).toBe(403);

    const reason = 'Số liệu dân số chưa khớp với niên giám thống kê';
    const reopened = await step('reopen', ctx.coordinator, {
      orgUnit: ctx.commune,
      period: '2027',
      comment: reason,
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json<Submission>()).toMatchObject({ status: 'draft', version: 5, lastComment: reason });

    const audit = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?unit=${ctx.province.code}&action=submission.reopen`,
      headers: ctx.coordinator,
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({
        action: 'submission.reopen',
        username: await usernameOf(ctx.coordinator),
        userId: ctx.coordinator.userId,
        orgUnitCode: ctx.commune,
        period: '2027',
        reason,
      }),
    );
    // The commune's own people cannot read the province's audit trail.
    const denied = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?unit=${ctx.province.code}`,
      headers: ctx.reporter,
    });
    expect(denied.statusCode).toBe(403);

    expect((await edit()).statusCode).toBe(201);
    expect(await observations(ctx.reporter, `indicator=BDG-20&orgUnit=${ctx.commune}&period=2027`)).toEqual([
      expect.objectContaining({ accepted: false, version: 2 }),
    ]);
  });

  it('locks approved figures as well', async () => {
    expect((await step('submit', ctx.reporter, { orgUnit: ctx.commune, period: '2027' })).statusCode).toBe(
      200,
    );
    expect((await step('approve', ctx.approver, { orgUnit: ctx.commune, period: '2027' })).statusCode).toBe(
      200,
    );
    expect((await enter(ctx.reporter, [figure(ctx.commune, '2027', 23_700)])).statusCode).toBe(423);
  });

  it('returns one level down, only with a comment (400 naming $.body.comment)', async () => {
    const period = '2034';
    expect((await step('submit', ctx.reporter, { orgUnit: ctx.commune, period })).statusCode).toBe(200);
    for (const comment of [undefined, null, '', '   ']) {
      const res = await step('return', ctx.approver, { orgUnit: ctx.commune, period, comment });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ path: '$.body.comment' })],
      });
    }
    const back = await step('return', ctx.approver, {
      orgUnit: ctx.commune,
      period,
      comment: 'Thiếu số liệu quý 4',
    });
    expect(back.statusCode).toBe(200);
    expect(back.json<Submission>()).toMatchObject({ status: 'draft', lastComment: 'Thiếu số liệu quý 4' });

    expect((await step('submit', ctx.reporter, { orgUnit: ctx.commune, period })).statusCode).toBe(200);
    expect((await step('approve', ctx.approver, { orgUnit: ctx.commune, period })).statusCode).toBe(200);
    const missing = await step('return', ctx.coordinator, { orgUnit: ctx.commune, period });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.issues?.[0]?.path).toBe('$.body.comment');
    // A reporter may not return anything; an approver may not return what it already approved.
    expect(
      (await step('return', ctx.reporter, { orgUnit: ctx.commune, period, comment: 'x' })).statusCode,
    ).toBe(403);
    const up = await step('return', ctx.coordinator, {
      orgUnit: ctx.commune,
      period,
      comment: 'Cần lãnh đạo xã xem lại',
    });
    expect(up.statusCode).toBe(200);
    expect(up.json<Submission>().status).toBe('submitted');
  });

  it('refuses a step that does not apply to the current status (409) and leaves it', async () => {
    const period = '2035';
    const cases: [string, typeof ctx.reporter][] = [
      ['approve', ctx.approver],
      ['accept', ctx.coordinator],
      ['reopen', ctx.coordinator],
      ['return', ctx.approver],
    ];
    for (const [t, who] of cases) {
      const res = await step(t, who, { orgUnit: ctx.commune, period, comment: 'lý do' });
      expect(res.statusCode, t).toBe(409);
      expect(res.json<ErrorBody>().error.code).toBe('CONFLICT');
    }
    expect(await statusOf(ctx.commune, period)).toBe('draft');
    expect((await step('submit', ctx.reporter, { orgUnit: ctx.commune, period })).statusCode).toBe(200);
    expect((await step('submit', ctx.reporter, { orgUnit: ctx.commune, period })).statusCode).toBe(409);
    expect((await step('accept', ctx.coordinator, { orgUnit: ctx.commune, period })).statusCode).toBe(409);
    expect(await statusOf(ctx.commune, period)).toBe('submitted');
  });

  it('approves and accepts several communes in one call, all or nothing', async () => {
    const period = '2036';
    const [draftOnly, ...communes] = ctx.province.communes.slice(2, 6).map((c) => c.code) as [
      string,
      ...string[],
    ];
    const approverOfAll = await ctx.signIn(
      'approver',
      communes[0]!,
      [...communes.slice(1), draftOnly].map((unit) => ({ role: 'approver' as const, unit })),
    );
    for (const unit of communes) {
      expect((await step('submit', ctx.coordinator, { orgUnit: unit, period })).statusCode).toBe(200);
    }

    const mixed = await bulk('approve', approverOfAll, period, [...communes, draftOnly]);
    expect(mixed.statusCode).toBe(409);
    for (const unit of communes) expect(await statusOf(unit, period)).toBe('submitted');

    // One unit the caller holds no approver role over: refused before anything moves.
    const beyond = await bulk('approve', approverOfAll, period, [...communes, ctx.commune]);
    expect(beyond.statusCode).toBe(403);
    for (const unit of communes) expect(await statusOf(unit, period)).toBe('submitted');

    const approved = await bulk('approve', approverOfAll, period, communes);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<{ items: Submission[] }>().items.map((s) => [s.orgUnit, s.status])).toEqual(
      communes.map((u) => [u, 'approved']),
    );

    // A unit nobody covers is refused before anything moves (only a national admin would learn it is unknown).
    const unknown = await bulk('accept', ctx.coordinator, period, [...communes, '99999']);
    expect(unknown.statusCode).toBe(403);
    const notApproved = await bulk('accept', ctx.coordinator, period, [...communes, draftOnly]);
    expect(notApproved.statusCode).toBe(409);
    for (const unit of communes) expect(await statusOf(unit, period)).toBe('approved');

    const accepted = await bulk('accept', ctx.coordinator, period, communes);
    expect(accepted.statusCode).toBe(200);
    for (const unit of communes) expect(await statusOf(unit, period)).toBe('accepted');
    expect(await statusOf(draftOnly, period)).toBe('draft');
  });
});

describe('progress and acceptance', () => {
  const awareness = async (who: Session | null, includePending = false) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/plans/${ctx.planId}/progress?year=2030${includePending ? '&includePending=true' : ''}`,
      ...(who ? { headers: who } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<PlanProgress>();
    expect(body.includePending).toBe(includePending);
    const m = body.targets.flatMap((t) => t.measures).find((x) => x.indicator?.code === 'BDG-20');
    return m!;
  };

  it('counts a new commune figure only once accepted, unless a coordinator asks for pending ones', async () => {
    const period = '2029';
    const before = await awareness(null);
    expect(before.latest?.period).not.toBe(period);

    expect((await enter(ctx.reporter, [figure(ctx.commune, period, 25_000, 27_500)])).statusCode).toBe(201);
    expect(await awareness(null)).toEqual(before);
    expect(await awareness(ctx.coordinator)).toEqual(before);

    // One commune is not the province: its figure is shown as partial, pending, and not assessed.
    const pending = await awareness(ctx.coordinator, true);
    expect(pending.partial).toMatchObject({ period, pending: true, contributors: 1, complete: false });
    expect(pending.partial!.value).toBeCloseTo((25_000 / 27_500) * 100, 6);

    // Pending figures are for those with a role over the plan's province.
    for (const who of [null, ctx.reporter]) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/plans/${ctx.planId}/progress?includePending=true`,
        ...(who ? { headers: who } : {}),
      });
      expect(res.statusCode).toBe(403);
    }

    for (const [t, who] of [
      ['submit', ctx.reporter],
      ['approve', ctx.approver],
    ] as const) {
      expect((await step(t, who, { orgUnit: ctx.commune, period })).statusCode).toBe(200);
    }
    expect(await awareness(null)).toEqual(before);
    expect((await step('accept', ctx.coordinator, { orgUnit: ctx.commune, period })).statusCode).toBe(200);
    const after = await awareness(null);
    expect(after.partial).toMatchObject({ period, pending: false });
    expect(after.partial!.value).toBeCloseTo((25_000 / 27_500) * 100, 6);
  });
});

describe('anonymous callers', () => {
  it('read a published plan, its export and its progress', async () => {
    for (const url of [
      `/api/plans/${ctx.planId}`,
      `/api/plans/${ctx.planId}/export`,
      `/api/plans/${ctx.planId}/progress`,
      '/api/plans',
    ]) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('cannot write (401)', async () => {
    const before = await countObservations();
    expect((await enter(null, [figure(ctx.commune, '2028')])).statusCode).toBe(401);
    expect((await step('submit', null, { orgUnit: ctx.commune, period: '2028' })).statusCode).toBe(401);
    const plan = await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.planId}/export` });
    const imported = await ctx.app.inject({
      method: 'POST',
      url: '/api/plans/import',
      payload: plan.json<object>(),
    });
    expect(imported.statusCode).toBe(401);
    const user = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'ke-la', displayName: 'x', password: 'mat-khau-dai-2026', grants: [] },
    });
    expect(user.statusCode).toBe(401);
    expect(await countObservations()).toBe(before);
    expect(await statusOf(ctx.commune, '2028')).toBe('draft');
  });

  it('get 404 for an unpublished imported plan, which its province reads', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.planId}/export` })).json<{
      document: { title: string; number: string | null };
    }>();
    doc.document.title = 'Kế hoạch chưa công bố';
    doc.document.number = '777';
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/plans/import',
      payload: doc,
      headers: ctx.coordinator,
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    for (const url of [`/api/plans/${id}`, `/api/plans/${id}/export`, `/api/plans/${id}/progress`]) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      expect((await ctx.app.inject({ method: 'GET', url, headers: ctx.reporter })).statusCode, url).toBe(404);
      expect((await ctx.app.inject({ method: 'GET', url, headers: ctx.coordinator })).statusCode, url).toBe(
        200,
      );
    }
    const list = await ctx.app.inject({ method: 'GET', url: '/api/plans' });
    expect(list.json<{ items: { id: string }[] }>().items.map((p) => p.id)).not.toContain(id);
  });
});
