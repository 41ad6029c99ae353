import { describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { acceptFigures, recordFigures } from '../support/factories/figures.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import type { PlanProgress } from '../../src/modules/progress/progress.schemas.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

/**
 * Public progress under a crowd: anonymous answers are kept per data version (a write shows in the next answer),
 * carry an entity tag for 304s, are limited per client, and many concurrent readers are served without failing.
 */

/** A province's published plan measured by women among masters (BDG-18), a figure the province enters itself. */
const given = async (app: TestApp) => {
  const province = await provinceUnits(app);
  const { id: planId } = await createPlan(app, {
    province,
    published: true,
    targets: [{ code: '5.4', measures: [{ value: 50, indicator: 'BDG-18' }], lead: ['Sở Nội vụ'] }],
  });
  return { province, planId, coordinator: await app.signIn('coordinator', province.code) };
};

const ctx = useTestApp({}, given);

const progressUrl = (year = 2030) => `/api/plans/${ctx.planId}/progress?year=${year}`;

const read = (headers: Record<string, string> = {}, url = progressUrl()) =>
  ctx.app.inject({ method: 'GET', url, headers });

const latestPeriod = (body: string) =>
  (JSON.parse(body) as PlanProgress).targets.flatMap((t) => t.measures)[0]!.latest?.period ?? null;

describe('anonymous progress, kept per data version', () => {
  it('answers again from the cache until a write, and shows an accepted figure in the next answer', async () => {
    const first = await read();
    expect(first.statusCode, first.body).toBe(200);
    const again = await read();
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.body).toBe(first.body);
    expect(latestPeriod(again.body)).toBeNull();

    await recordFigures(ctx, [
      {
        indicator: 'BDG-18',
        orgUnit: ctx.province.code,
        period: '2027',
        numerator: 1_073,
        denominator: 2_274,
      },
    ]);
    // Entered but not accepted: the public answer is computed anew and still has no figure.
    const pending = await read();
    expect(pending.headers['x-cache']).toBe('MISS');
    expect(latestPeriod(pending.body)).toBeNull();

    await acceptFigures(ctx, { planId: ctx.planId, period: '2027', units: [ctx.province.code] });
    const accepted = await read();
    expect(accepted.statusCode).toBe(200);
    expect(accepted.headers['x-cache']).toBe('MISS');
    expect(latestPeriod(accepted.body)).toBe('2027');
    expect(accepted.headers.etag).not.toBe(first.headers.etag);
  });

  it('gives an entity tag and answers 304 without a body to a client that holds it', async () => {
    const res = await read();
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const unchanged = await read({ 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect((await read({ 'if-none-match': '"autre"' })).statusCode).toBe(200);

    const target = (JSON.parse(res.body) as PlanProgress).targets[0]!;
    const detail = await read({}, `/api/targets/${target.targetId}/progress?year=2030`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(
      (
        await read(
          { 'if-none-match': detail.headers.etag as string },
          `/api/targets/${target.targetId}/progress?year=2030`,
        )
      ).statusCode,
    ).toBe(304);
  });

  it('computes a signed-in answer for the caller and lets no one keep it', async () => {
    const res = await read(ctx.coordinator, `${progressUrl()}&includePending=true`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
  });

  it('does not keep a refusal: an unknown plan is 404 each time', async () => {
    const url = '/api/plans/00000000-0000-4000-8000-000000000000/progress';
    for (let i = 0; i < 2; i++) {
      const res = await read({}, url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['x-cache']).toBeUndefined();
    }
  });
});

describe('many anonymous readers at once, over loopback', () => {
  it('serves 40 concurrent clients for 3 seconds without a failure, computing the answer once', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    await (await fetch(`${base}${progressUrl(2031)}`)).arrayBuffer();
    const until = performance.now() + 3_000;
    const cache = { HIT: 0, MISS: 0 };
    const failures: string[] = [];
    const timings = { progress: [] as number[], health: [] as number[] };
    const client = async (n: number) => {
      for (let i = 0; performance.now() < until; i++) {
        const health = i % 4 === n % 4;
        const started = performance.now();
        const res = await fetch(`${base}${health ? '/api/health' : progressUrl(2031)}`);
        await res.arrayBuffer();
        timings[health ? 'health' : 'progress'].push(performance.now() - started);
        if (res.status !== 200) failures.push(`${res.status} ${res.url}`);
        const served = res.headers.get('x-cache');
        if (served === 'HIT' || served === 'MISS') cache[served]++;
      }
    };
    await Promise.all(Array.from({ length: 40 }, (_, n) => client(n)));
    expect(failures).toEqual([]);
    expect(cache.MISS).toBe(0);
    expect(cache.HIT).toBeGreaterThan(40);
    expect(timings.health.length).toBeGreaterThan(40);
    const p = (xs: number[], q: number) =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)]!.toFixed(1);
    // Measured, not asserted: the benchmark holds the timing targets.
    console.info(
      `loopback, 40 clients, 3 s: progress ${timings.progress.length} answers (p50 ${p(timings.progress, 0.5)} ms, p99 ${p(timings.progress, 0.99)} ms), ` +
        `health ${timings.health.length} (p50 ${p(timings.health, 0.5)} ms, p99 ${p(timings.health, 0.99)} ms)`,
    );
  });
});

describe('per-client limit of anonymous progress', () => {
  const limited = useTestApp({ publicRateLimit: 3 }, given);

  it('answers 429 in the app error shape past the limit, and does not limit a signed-in user', async () => {
    const url = `/api/plans/${limited.planId}/progress?year=2030`;
    for (let i = 0; i < 3; i++) {
      expect((await limited.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
    const refused = await limited.app.inject({ method: 'GET', url });
    expect(refused.statusCode).toBe(429);
    const error = refused.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(error.message).toMatch(/^Quá nhiều yêu cầu từ địa chỉ này: vui lòng thử lại sau \d+ giây/);
    for (let i = 0; i < 5; i++) {
      const signedIn = await limited.app.inject({ method: 'GET', url, headers: limited.coordinator });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
    }
  });
});
