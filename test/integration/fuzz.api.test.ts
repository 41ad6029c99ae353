import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuzzRequest, FuzzWorld } from '../fuzz/arbitraries.js';
import { fuzzEntryPoint, type FuzzResponse } from '../fuzz/runner.js';
import { createTestApp } from '../support/server.js';

/**
 * Property-based tests (fast-check) over the four free-input entry points, through HTTP: no answer is a 500, a
 * refused request writes nothing, an accepted one writes one audit row. `npm run fuzz` runs the same with 10,000
 * cases each against a live server on both databases.
 */

type Ctx = Awaited<ReturnType<typeof createTestApp>>;
let ctx: Ctx;
let world: FuzzWorld;
let send: (req: FuzzRequest) => Promise<FuzzResponse>;

const CASES = 200;
const SEED = 20261127;

beforeAll(async () => {
  ctx = await createTestApp({ demo: true });
  const headers = await ctx.signIn('coordinator', '20', [{ role: 'reporter', unit: '05977' }]);
  const exported = await ctx.app.inject({ url: `/api/plans/${ctx.demoPlanId}/export` });
  world = { province: '20', commune: '05977', planDocument: exported.json() };
  send = async (req) => {
    const res = await ctx.app.inject({
      method: req.method,
      url: req.url,
      headers: {
        ...headers,
        ...(req.raw ? {} : { 'content-type': 'application/json' }),
        ...req.headers,
      },
      payload: req.raw ?? JSON.stringify(req.body),
    });
    return { status: res.statusCode, body: res.body };
  };
});
afterAll(async () => {
  await ctx?.close();
});

describe.each(['plan import', 'observation batch', 'CSV import', 'activity form'] as const)('%s', (entry) => {
  it(`${CASES} generated requests: no 500, no partial write, one audit row per accepted write`, async () => {
    const stats = await fuzzEntryPoint(entry, world, ctx.database.db, send, CASES, SEED);
    expect(stats.failures).toEqual([]);
    expect(stats.serverErrors).toBe(0);
    expect(stats.partialWrites).toBe(0);
    expect(stats.cases).toBe(CASES);
    // The generators reach both sides: some requests are refused, and (but for the CSV import, whose random rows
    // rarely make a valid file) some are accepted.
    const accepted = Object.entries(stats.statuses)
      .filter(([s]) => Number(s) < 300)
      .reduce((n, [, c]) => n + c, 0);
    expect(accepted).toBeLessThan(CASES);
    if (entry !== 'CSV import') expect(accepted).toBeGreaterThan(0);
  }, 240_000);
});
