import { describe, expect, it } from 'vitest';
import type { FuzzRequest, FuzzWorld } from '../fuzz/arbitraries.js';
import { fuzzEntryPoint, type FuzzResponse } from '../fuzz/runner.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { planDocument } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Property-based tests (fast-check) over the four free-input entry points, through HTTP: no answer is a 500, a
 * refused request writes nothing, an accepted one writes one audit row. `npm run fuzz` runs the same with 10,000
 * cases each against a live server on both databases.
 */

const CASES = 200;
const SEED = 20261127;

/**
 * A province, one of its communes and a plan document of it with goals, agencies and tasks, which the plan
 * import cases edit; requests are sent by the province's coordinator, also the commune's reporter.
 */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const commune = province.communes[0]!.code;
  const headers = await app.signIn('coordinator', province.code, [{ role: 'reporter', unit: commune }]);
  const world: FuzzWorld = {
    province: province.code,
    commune,
    planDocument: planDocument({
      province,
      goals: [
        {
          code: '1',
          targets: [{ code: '1.1', measures: [{ value: 75, indicator: 'BDG-01' }], lead: ['Sở Nội vụ'] }],
        },
        {
          code: '2',
          targets: [
            {
              code: '2.1',
              measures: [{ value: 60 }, { value: 40 }],
              lead: ['Sở Y tế'],
              coordinate: ['Công an tỉnh'],
            },
            { code: '2.2', measures: [{ value: 4, unit: 'count', per: 'quarter' }], lead: ['Thống kê tỉnh'] },
          ],
        },
      ],
      tasks: [{ code: 'III.1', text: 'Truyền thông về bình đẳng giới', agencies: ['Sở Nội vụ'] }],
    }),
  };
  const send = async (req: FuzzRequest): Promise<FuzzResponse> => {
    const res = await app.app.inject({
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
  return { world, send };
});

describe.each(['plan import', 'observation batch', 'CSV import', 'activity form'] as const)('%s', (entry) => {
  it(`${CASES} generated requests: no 500, no partial write, one audit row per accepted write`, async () => {
    const stats = await fuzzEntryPoint(entry, ctx.world, ctx.database.db, ctx.send, CASES, SEED);
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
