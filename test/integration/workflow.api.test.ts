import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/connection.js';
import { createTestApp } from '../support/server.js';

/**
 * The approval chain draft → submitted → approved → accepted over HTTP: who may move what, locks, reopening,
 * bulk steps, and what anonymous callers and other communes see.
 */

type Ctx = Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<Ctx['signIn']>>;

let ctx: Ctx;
let planId: string;
/** Phường Đông Kinh and xã Thiện Tân, two communes of Lạng Sơn. */
const DONG_KINH = '05977';
const THIEN_TAN = '06436';
let reporter: Session;
let otherReporter: Session;
let approver: Session;
let coordinator: Session;

beforeAll(async () => {
  ctx = await createTestApp({ demo: true });
  planId = ctx.demoPlanId!;
  reporter = await ctx.signIn('reporter', DONG_KINH);
  otherReporter = await ctx.signIn('reporter', THIEN_TAN);
  approver = await ctx.signIn('approver', DONG_KINH);
  coordinator = await ctx.signIn('coordinator', '20');
});
afterAll(async () => {
  await ctx?.close();
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
    payload: { planId, ...body },
    ...(who ? { headers: who } : {}),
  });

const bulk = (t: 'approve' | 'accept', who: Session, period: string, units: string[]) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/submissions/bulk-${t}`,
    payload: { planId, period, units },
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
    url: `/api/submissions?plan=${planId}&period=${period}`,
    headers: who,
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { orgUnit: string; status: string; version: number }[] }>().items;
};

const statusOf = async (unit: string, period: string) =>
  (
    await queryRows<{ status: string }>(
      ctx.database.db,
      sql`select status from submissions where plan_id = ${planId} and org_unit_code = ${unit} and period = ${period}`,
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
      figure(THIEN_TAN, '2026'),
      // Spellings that name the same unit once trimmed, or an empty reporting unit that means "the unit itself".
      { ...figure(` ${THIEN_TAN} `, '2026') },
      { ...figure(THIEN_TAN, '2026'), reportingUnit: '' },
      { ...figure(THIEN_TAN, '2026'), reportingUnit: ' ' },
    ]) {
      const res = await enter(reporter, [row]);
      expect(res.statusCode, JSON.stringify(row)).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('FORBIDDEN');
    }
    const csv = await ctx.app.inject({
      method: 'POST',
      url: '/api/observations/import?acknowledgeWarnings=true',
      headers: { ...reporter, 'content-type': 'text/csv' },
      payload: `indicator,org_unit,reporting_unit,period,numerator,denominator\nBDG-20,${THIEN_TAN},,2026,100,200\n`,
    });
    expect(csv.statusCode).toBe(403);
    expect(await countObservations()).toBe(before);
    // Its own commune, the same figure: stored.
    expect((await enter(reporter, [figure(DONG_KINH, '2026')])).statusCode).toBe(201);
  });

  it("cannot read the other commune's draft figures, nor their history (403)", async () => {
    expect((await enter(otherReporter, [figure(THIEN_TAN, '2026', 4_000, 9_000)])).statusCode).toBe(201);
    const query = `indicator=BDG-20&orgUnit=${THIEN_TAN}&period=2026`;
    expect(await observations(otherReporter, query)).toEqual([
      expect.objectContaining({ orgUnit: THIEN_TAN, accepted: false }),
    ]);
    expect(await observations(coordinator, query)).toHaveLength(1);
    expect(await observations(reporter, query)).toEqual([]);
    expect(await observations(null, query)).toEqual([]);
    // Accepted figures of the other commune stay public.
    expect(await observations(reporter, `indicator=BDG-20&orgUnit=${THIEN_TAN}&period=2025`)).not.toEqual([]);

    const key = encodeURIComponent(`BDG-20|${THIEN_TAN}|2026|total|||`);
    const history = (who: Session) =>
      ctx.app.inject({ method: 'GET', url: `/api/history/observation?key=${key}`, headers: who });
    expect((await history(reporter)).statusCode).toBe(403);
    const own = await history(otherReporter);
    expect(own.statusCode).toBe(200);
    expect(own.json<{ items: unknown[] }>().items).toHaveLength(1);

    expect((await submissions(reporter, '2026')).map((s) => s.orgUnit)).not.toContain(THIEN_TAN);
    expect((await submissions(coordinator, '2026')).map((s) => s.orgUnit)).toEqual(
      expect.arrayContaining([DONG_KINH, THIEN_TAN]),
    );
  });

  it("does not see the other commune's figures in the history of its own, when one batch wrote both", async () => {
    const batch = await enter(coordinator, [
      figure(DONG_KINH, '2028', 24_000, 27_400),
      figure(THIEN_TAN, '2028', 4_100, 9_100),
    ]);
    expect(batch.statusCode).toBe(201);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/history/observation?key=${encodeURIComponent(`BDG-20|${DONG_KINH}|2028|total|||`)}`,
      headers: reporter,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { after: unknown }[] }>().items;
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).toContain(DONG_KINH);
    expect(JSON.stringify(items)).not.toContain(THIEN_TAN);
  });

  it("cannot move the other commune's figures along the chain", async () => {
    const res = await step('submit', reporter, { orgUnit: THIEN_TAN, period: '2031' });
    expect(res.statusCode).toBe(403);
    expect(await statusOf(THIEN_TAN, '2031')).toBe('draft');
  });

  it('cannot approve its own submission, even when it also holds the approver role', async () => {
    expect((await step('submit', reporter, { orgUnit: DONG_KINH, period: '2031' })).statusCode).toBe(200);
    expect((await step('approve', reporter, { orgUnit: DONG_KINH, period: '2031' })).statusCode).toBe(403);

    const both = await ctx.signIn('reporter', DONG_KINH, [{ role: 'approver', unit: DONG_KINH }]);
    expect((await step('submit', both, { orgUnit: DONG_KINH, period: '2032' })).statusCode).toBe(200);
    const self = await step('approve', both, { orgUnit: DONG_KINH, period: '2032' });
    expect(self.statusCode).toBe(403);
    expect(self.json<ErrorBody>().error.message).toMatch(/tự duyệt/);
    expect(await statusOf(DONG_KINH, '2032')).toBe('submitted');
    // Someone else may.
    expect((await step('approve', approver, { orgUnit: DONG_KINH, period: '2032' })).statusCode).toBe(200);
  });
});

describe('a provider agency', () => {
  const provide = (who: Session, indicator: string, period: string, value: number) =>
    enter(who, [{ indicator, orgUnit: '20', reportingUnit: '20-SNV', period, value }]);

  it("reports the province's figure of an indicator it provides, answerable for it itself", async () => {
    const snv = await ctx.signIn('reporter', '20-SNV');
    const res = await provide(snv, 'BDG-18', '2026', 47);
    expect(res.statusCode, res.body).toBe(201);
    expect(await observations(snv, 'indicator=BDG-18&orgUnit=20&period=2026')).toEqual([
      expect.objectContaining({ orgUnit: '20', reportingUnit: '20-SNV', value: 47, accepted: false }),
    ]);
    // Thống kê tỉnh provides BDG-03, not Sở Nội vụ.
    const notProvider = await provide(snv, 'BDG-03', '2026', 60);
    expect(notProvider.statusCode).toBe(400);
    expect(notProvider.json<ErrorBody>().error.issues).toEqual([
      expect.objectContaining({ code: 'not_provider' }),
    ]);
    // Another agency's reporter cannot report in Sở Nội vụ's name.
    const tk = await ctx.signIn('reporter', '20-TK');
    expect((await provide(tk, 'BDG-18', '2026', 48)).statusCode).toBe(403);
  });

  it('cannot replace a province figure that is accepted (423), by reporting it in its own name', async () => {
    const snv = await ctx.signIn('reporter', '20-SNV');
    const query = 'indicator=BDG-18&orgUnit=20&period=2025';
    const [accepted] = await observations(null, query);
    expect(accepted).toMatchObject({ accepted: true });
    const res = await provide(snv, 'BDG-18', '2025', 12);
    expect(res.statusCode, res.body).toBe(423);
    expect(await observations(null, query)).toEqual([accepted]);
  });
});

describe('the chain', () => {
  it('runs draft → submitted → approved → accepted, raising the version at each step', async () => {
    expect((await enter(reporter, [figure(DONG_KINH, '2027')])).statusCode).toBe(201);
    expect(await submissions(reporter, '2027')).toEqual([
      expect.objectContaining({ orgUnit: DONG_KINH, status: 'draft', version: 1 }),
    ]);
    const chain: [string, Session, string, number][] = [
      ['submit', reporter, 'submitted', 2],
      ['approve', approver, 'approved', 3],
      ['accept', coordinator, 'accepted', 4],
    ];
    for (const [t, who, status, version] of chain) {
      const res = await step(t, who, { orgUnit: DONG_KINH, period: '2027' });
      expect(res.statusCode, `${t}: ${res.body}`).toBe(200);
      expect(res.json<Submission>()).toMatchObject({ orgUnit: DONG_KINH, period: '2027', status, version });
    }
    expect(await submissions(coordinator, '2027')).toEqual([
      expect.objectContaining({ orgUnit: DONG_KINH, status: 'accepted', version: 4 }),
    ]);
    expect(await observations(null, `indicator=BDG-20&orgUnit=${DONG_KINH}&period=2027`)).toEqual([
      expect.objectContaining({ accepted: true }),
    ]);
  });

  it('locks accepted figures (423 LOCKED) until the coordinator reopens them with a reason, which the audit shows', async () => {
    const edit = () => enter(reporter, [figure(DONG_KINH, '2027', 23_600)]);
    const locked = await edit();
    expect(locked.statusCode).toBe(423);
    expect(locked.json<ErrorBody>().error).toMatchObject({
      code: 'LOCKED',
      issues: [expect.objectContaining({ code: 'locked' })],
    });
    // Coordinators are held to the lock too.
    expect((await enter(coordinator, [figure(DONG_KINH, '2027', 23_600)])).statusCode).toBe(423);

    const noReason = await step('reopen', coordinator, { orgUnit: DONG_KINH, period: '2027' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().error.issues).toEqual([
      expect.objectContaining({ path: '$.body.comment' }),
    ]);
    expect(
      (await step('reopen', reporter, { orgUnit: DONG_KINH, period: '2027', comment: 'x' })).statusCode,
    ).toBe(403);

    const reason = 'Số liệu dân số chưa khớp với niên giám thống kê';
    const reopened = await step('reopen', coordinator, {
      orgUnit: DONG_KINH,
      period: '2027',
      comment: reason,
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json<Submission>()).toMatchObject({ status: 'draft', version: 5, lastComment: reason });

    const audit = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit?unit=20&action=submission.reopen',
      headers: coordinator,
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({
        action: 'submission.reopen',
        username: await usernameOf(coordinator),
        userId: coordinator.userId,
        orgUnitCode: DONG_KINH,
        period: '2027',
        reason,
      }),
    );
    // The commune's own people cannot read the province's audit trail.
    const denied = await ctx.app.inject({ method: 'GET', url: '/api/audit?unit=20', headers: reporter });
    expect(denied.statusCode).toBe(403);

    expect((await edit()).statusCode).toBe(201);
    expect(await observations(reporter, `indicator=BDG-20&orgUnit=${DONG_KINH}&period=2027`)).toEqual([
      expect.objectContaining({ accepted: false, version: 2 }),
    ]);
  });

  it('locks approved figures as well', async () => {
    expect((await step('submit', reporter, { orgUnit: DONG_KINH, period: '2027' })).statusCode).toBe(200);
    expect((await step('approve', approver, { orgUnit: DONG_KINH, period: '2027' })).statusCode).toBe(200);
    expect((await enter(reporter, [figure(DONG_KINH, '2027', 23_700)])).statusCode).toBe(423);
  });

  it('returns one level down, only with a comment (400 naming $.body.comment)', async () => {
    const period = '2034';
    expect((await step('submit', reporter, { orgUnit: DONG_KINH, period })).statusCode).toBe(200);
    for (const comment of [undefined, null, '', '   ']) {
      const res = await step('return', approver, { orgUnit: DONG_KINH, period, comment });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ path: '$.body.comment' })],
      });
    }
    const back = await step('return', approver, {
      orgUnit: DONG_KINH,
      period,
      comment: 'Thiếu số liệu quý 4',
    });
    expect(back.statusCode).toBe(200);
    expect(back.json<Submission>()).toMatchObject({ status: 'draft', lastComment: 'Thiếu số liệu quý 4' });

    expect((await step('submit', reporter, { orgUnit: DONG_KINH, period })).statusCode).toBe(200);
    expect((await step('approve', approver, { orgUnit: DONG_KINH, period })).statusCode).toBe(200);
    const missing = await step('return', coordinator, { orgUnit: DONG_KINH, period });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.issues?.[0]?.path).toBe('$.body.comment');
    // A reporter may not return anything; an approver may not return what it already approved.
    expect((await step('return', reporter, { orgUnit: DONG_KINH, period, comment: 'x' })).statusCode).toBe(
      403,
    );
    const up = await step('return', coordinator, {
      orgUnit: DONG_KINH,
      period,
      comment: 'Cần lãnh đạo xã xem lại',
    });
    expect(up.statusCode).toBe(200);
    expect(up.json<Submission>().status).toBe('submitted');
  });

  it('refuses a step that does not apply to the current status (409) and leaves it', async () => {
    const period = '2035';
    const cases: [string, typeof reporter][] = [
      ['approve', approver],
      ['accept', coordinator],
      ['reopen', coordinator],
      ['return', approver],
    ];
    for (const [t, who] of cases) {
      const res = await step(t, who, { orgUnit: DONG_KINH, period, comment: 'lý do' });
      expect(res.statusCode, t).toBe(409);
      expect(res.json<ErrorBody>().error.code).toBe('CONFLICT');
    }
    expect(await statusOf(DONG_KINH, period)).toBe('draft');
    expect((await step('submit', reporter, { orgUnit: DONG_KINH, period })).statusCode).toBe(200);
    expect((await step('submit', reporter, { orgUnit: DONG_KINH, period })).statusCode).toBe(409);
    expect((await step('accept', coordinator, { orgUnit: DONG_KINH, period })).statusCode).toBe(409);
    expect(await statusOf(DONG_KINH, period)).toBe('submitted');
  });

  it('approves and accepts several communes in one call, all or nothing', async () => {
    const period = '2036';
    const communes = ['05983', '05986', '06001'];
    const draftOnly = '06004';
    const approverOfAll = await ctx.signIn(
      'approver',
      communes[0]!,
      [...communes.slice(1), draftOnly].map((unit) => ({ role: 'approver' as const, unit })),
    );
    for (const unit of communes) {
      expect((await step('submit', coordinator, { orgUnit: unit, period })).statusCode).toBe(200);
    }

    const mixed = await bulk('approve', approverOfAll, period, [...communes, draftOnly]);
    expect(mixed.statusCode).toBe(409);
    for (const unit of communes) expect(await statusOf(unit, period)).toBe('submitted');

    // One unit the caller holds no approver role over: refused before anything moves.
    const beyond = await bulk('approve', approverOfAll, period, [...communes, DONG_KINH]);
    expect(beyond.statusCode).toBe(403);
    for (const unit of communes) expect(await statusOf(unit, period)).toBe('submitted');

    const approved = await bulk('approve', approverOfAll, period, communes);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<{ items: Submission[] }>().items.map((s) => [s.orgUnit, s.status])).toEqual(
      communes.map((u) => [u, 'approved']),
    );

    // A unit nobody covers is refused before anything moves (only a national admin would learn it is unknown).
    const unknown = await bulk('accept', coordinator, period, [...communes, '99999']);
    expect(unknown.statusCode).toBe(403);
    const notApproved = await bulk('accept', coordinator, period, [...communes, draftOnly]);
    expect(notApproved.statusCode).toBe(409);
    for (const unit of communes) expect(await statusOf(unit, period)).toBe('approved');

    const accepted = await bulk('accept', coordinator, period, communes);
    expect(accepted.statusCode).toBe(200);
    for (const unit of communes) expect(await statusOf(unit, period)).toBe('accepted');
    expect(await statusOf(draftOnly, period)).toBe('draft');
  });
});

describe('progress and acceptance', () => {
  interface Point {
    period: string;
    value: number;
    pending: boolean;
    contributors: number;
  }
  interface Progress {
    includePending: boolean;
    targets: { measures: { indicator: { code: string } | null; latest: Point | null; status: string }[] }[];
  }
  const awareness = async (who: Session | null, includePending = false) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/plans/${planId}/progress?year=2030${includePending ? '&includePending=true' : ''}`,
      ...(who ? { headers: who } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Progress>();
    expect(body.includePending).toBe(includePending);
    const m = body.targets.flatMap((t) => t.measures).find((x) => x.indicator?.code === 'BDG-20');
    return m!;
  };

  it('counts a new commune figure only once accepted, unless a coordinator asks for pending ones', async () => {
    const period = '2029';
    const before = await awareness(null);
    expect(before.latest?.period).not.toBe(period);

    expect((await enter(reporter, [figure(DONG_KINH, period, 25_000, 27_500)])).statusCode).toBe(201);
    expect(await awareness(null)).toEqual(before);
    expect(await awareness(coordinator)).toEqual(before);

    const pending = await awareness(coordinator, true);
    expect(pending.latest).toMatchObject({ period, pending: true, contributors: 1 });
    expect(pending.latest!.value).toBeCloseTo((25_000 / 27_500) * 100, 6);

    // Pending figures are for those with a role over the plan's province.
    for (const who of [null, reporter]) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/plans/${planId}/progress?includePending=true`,
        ...(who ? { headers: who } : {}),
      });
      expect(res.statusCode).toBe(403);
    }

    for (const [t, who] of [
      ['submit', reporter],
      ['approve', approver],
    ] as const) {
      expect((await step(t, who, { orgUnit: DONG_KINH, period })).statusCode).toBe(200);
    }
    expect(await awareness(null)).toEqual(before);
    expect((await step('accept', coordinator, { orgUnit: DONG_KINH, period })).statusCode).toBe(200);
    const after = await awareness(null);
    expect(after.latest).toMatchObject({ period, pending: false });
    expect(after.latest!.value).toBeCloseTo((25_000 / 27_500) * 100, 6);
  });
});

describe('anonymous callers', () => {
  it('read the published demo plan, its export and its progress', async () => {
    for (const url of [
      `/api/plans/${planId}`,
      `/api/plans/${planId}/export`,
      `/api/plans/${planId}/progress`,
      '/api/plans',
    ]) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('cannot write (401)', async () => {
    const before = await countObservations();
    expect((await enter(null, [figure(DONG_KINH, '2028')])).statusCode).toBe(401);
    expect((await step('submit', null, { orgUnit: DONG_KINH, period: '2028' })).statusCode).toBe(401);
    const plan = await ctx.app.inject({ method: 'GET', url: `/api/plans/${planId}/export` });
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
    expect(await statusOf(DONG_KINH, '2028')).toBe('draft');
  });

  it('get 404 for an unpublished imported plan, which its province reads', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: `/api/plans/${planId}/export` })).json<{
      document: { title: string; number: string | null };
    }>();
    doc.document.title = 'Kế hoạch chưa công bố';
    doc.document.number = '777';
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/plans/import',
      payload: doc,
      headers: coordinator,
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    for (const url of [`/api/plans/${id}`, `/api/plans/${id}/export`, `/api/plans/${id}/progress`]) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      expect((await ctx.app.inject({ method: 'GET', url, headers: reporter })).statusCode, url).toBe(404);
      expect((await ctx.app.inject({ method: 'GET', url, headers: coordinator })).statusCode, url).toBe(200);
    }
    const list = await ctx.app.inject({ method: 'GET', url: '/api/plans' });
    expect(list.json<{ items: { id: string }[] }>().items.map((p) => p.id)).not.toContain(id);
  });
});
