import { describe, expect, it } from 'vitest';
import type { Session } from '../support/factories/app.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/** Two people working on the same thing from the same version: one wins, the other hears of it. */

/** Two coordinators of one province (`first`, `second`), and a commune of it with its reporter and approver. */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const commune = province.communes[0]!.code;
  return {
    province,
    commune,
    planId: (await createPlan(app, { province })).id,
    first: await app.signIn('coordinator', province.code),
    second: await app.signIn('coordinator', province.code),
    reporter: await app.signIn('reporter', commune),
    approver: await app.signIn('approver', commune),
  };
});

interface Figure {
  value: number;
  version: number;
}
interface Conflict {
  error: {
    code: string;
    message: string;
    issues: { path: string; code?: string; current: { value?: number; status?: string; version: number } }[];
  };
}

/** Women among holders of a master's degree in the province (BDG-18), a province figure. */
const query = () => `indicator=BDG-18&orgUnit=${ctx.province.code}&period=2026`;

async function load(who: Session): Promise<Figure[]> {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/observations?${query()}`, headers: who });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Figure[] }>().items;
}

const save = (who: Session, value: number, version: number | null) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/observations',
    headers: who,
    payload: {
      rows: [{ indicator: 'BDG-18', orgUnit: ctx.province.code, period: '2026', value, version }],
      acknowledgeWarnings: true,
    },
  });

describe('two users saving the same figure', () => {
  it('lets the first in and gives the second a 409 with the value now stored; the second may then overwrite it', async () => {
    const { first, second } = ctx;
    expect((await save(first, 46, null)).statusCode).toBe(201);
    const [a] = await load(first);
    const [b] = await load(second);
    expect(a!.version).toBe(b!.version);

    const one = await save(first, 47, a!.version);
    expect(one.statusCode).toBe(201);
    const two = await save(second, 48, b!.version);
    expect(two.statusCode).toBe(409);
    const body = two.json<Conflict>();
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.issues[0]).toMatchObject({
      code: 'stale_version',
      current: { value: 47, version: a!.version + 1 },
    });
    expect(await load(second)).toEqual([expect.objectContaining({ value: 47, version: a!.version + 1 })]);

    const again = await save(second, 48, body.error.issues[0]!.current.version);
    expect(again.statusCode).toBe(201);
    expect(await load(first)).toEqual([expect.objectContaining({ value: 48, version: a!.version + 2 })]);

    // Nothing lost silently: the history holds every value that was stored, the replaced ones included.
    const key = encodeURIComponent(`BDG-18|${ctx.province.code}|2026|total|||`);
    const history = await ctx.app.inject({
      method: 'GET',
      url: `/api/history/observation?key=${key}`,
      headers: first,
    });
    const items = history.json<{ items: { userId: string; after: { value: number }[] }[] }>().items;
    expect(items.map((i) => [i.userId, i.after[0]!.value])).toEqual([
      [second.userId, 48],
      [first.userId, 47],
      [first.userId, 46],
    ]);
  });

  it('refuses a stale version when both create the same new figure from version 0', async () => {
    const { first, second } = ctx;
    const row = (value: number) => ({
      indicator: 'BDG-18',
      orgUnit: ctx.province.code,
      period: '2027',
      value,
      version: 0,
    });
    const post = (who: Session, value: number) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: who,
        payload: { rows: [row(value)], acknowledgeWarnings: true },
      });
    expect((await post(first, 47)).statusCode).toBe(201);
    const late = await post(second, 48);
    expect(late.statusCode).toBe(409);
    expect(late.json<Conflict>().error.issues[0]!.current).toMatchObject({ value: 47, version: 1 });
  });

  it('stores nothing of a batch when one of its rows is stale', async () => {
    const { first, second, province } = ctx;
    const [current] = await load(first);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: second,
      payload: {
        rows: [
          { indicator: 'BDG-19', orgUnit: province.code, period: '2026', value: 30 },
          {
            indicator: 'BDG-18',
            orgUnit: province.code,
            period: '2026',
            value: 49,
            version: current!.version - 1,
          },
        ],
        acknowledgeWarnings: true,
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Conflict>().error.issues).toEqual([
      expect.objectContaining({ path: 'line 2, column version' }),
    ]);
    expect(await load(first)).toEqual([current]);
    const other = await ctx.app.inject({
      method: 'GET',
      url: `/api/observations?indicator=BDG-19&orgUnit=${province.code}&period=2026`,
    });
    expect(other.json<{ items: unknown[] }>().items).toEqual([]);
  });
});

describe('two users moving the same submission', () => {
  const step = (t: string, who: Session, version: number, comment?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/submissions/${t}`,
      headers: who,
      payload: {
        planId: ctx.planId,
        orgUnit: ctx.commune,
        period: '2026',
        version,
        ...(comment ? { comment } : {}),
      },
    });

  const seen = async (who: Session) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/submissions?plan=${ctx.planId}&period=2026`,
      headers: who,
    });
    return res
      .json<{ items: { orgUnit: string; status: string; version: number }[] }>()
      .items.find((s) => s.orgUnit === ctx.commune)!;
  };

  it('answers 409 with the current status and version to the one acting on what it saw before', async () => {
    const { reporter, approver, first } = ctx;
    const submitted = await step('submit', reporter, 1);
    expect(submitted.statusCode).toBe(200);
    const version = submitted.json<{ version: number }>().version;

    // The approver and the coordinator both open the submitted figures.
    expect(await seen(approver)).toMatchObject({ status: 'submitted', version });
    expect(await seen(first)).toMatchObject({ status: 'submitted', version });

    expect((await step('approve', approver, version)).statusCode).toBe(200);
    const stale = await step('return', first, version, 'Cần bổ sung');
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Conflict>().error.issues[0]).toMatchObject({
      path: '$.body.version',
      current: { status: 'approved', version: version + 1 },
    });
    expect(await seen(first)).toMatchObject({ status: 'approved', version: version + 1 });

    // Having seen the approval, the coordinator may still return it.
    const back = await step('return', first, version + 1, 'Cần bổ sung');
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: 'submitted', version: version + 2 });
  });

  it('moves a submission once when the same step is sent twice from the same version', async () => {
    const { approver } = ctx;
    const { version } = await seen(approver);
    const [a, b] = await Promise.all([
      step('approve', approver, version),
      step('approve', approver, version),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await seen(approver)).toMatchObject({ status: 'approved', version: version + 1 });
  });
});
