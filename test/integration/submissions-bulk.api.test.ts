import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/connection.js';
import type { SubmissionStatus } from '../../src/domain/workflow.js';
import { asAdmin } from '../support/factories/accounts.js';
import { expectStatus, type Session } from '../support/factories/app.js';
import { provinceUnits, TEST_PROVINCES } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Bulk steps over many units: submitting a unit's own figures, accepting a whole country's worth in one request
 * (a fixed number of statements, however many units), and all or nothing when one unit cannot move.
 */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const provinces = await Promise.all(TEST_PROVINCES.map((code) => provinceUnits(app, code)));
  const communes = provinces.flatMap((p) => p.communes.map((c) => c.code));
  const { id: planId } = await createPlan(app, {
    document: { issuer: 'Chính phủ', place: null, title: 'Kế hoạch quốc gia thử nghiệm' },
  });
  const [own, second, beyond] = province.communes.map((c) => c.code) as [string, string, string];
  return {
    planId,
    communes,
    own,
    second,
    beyond,
    reporter: await app.signIn('reporter', own, [{ role: 'reporter', unit: second }]),
    coordinator: await app.signIn('coordinator', province.code),
  };
});

const bulk = (t: 'submit' | 'approve' | 'accept', who: Session | null, period: string, units: string[]) => {
  const request = {
    method: 'POST' as const,
    url: `/api/submissions/bulk-${t}`,
    payload: { planId: ctx.planId, period, units },
  };
  return who ? ctx.app.inject({ ...request, headers: who }) : asAdmin(ctx, request);
};

/** Puts units' figures of a year at a status, as if the chain had run (nobody as submitter). */
async function setStatus(units: string[], period: string, status: SubmissionStatus): Promise<void> {
  await ctx.database.db.execute(sql`
    insert into submissions (plan_id, org_unit_code, period, status)
    select ${ctx.planId}::uuid, u, ${period}, ${status} from unnest(${sql.param(units)}::text[]) u
    on conflict (plan_id, org_unit_code, period) do update set status = excluded.status`);
}

const statuses = async (units: string[], period: string) =>
  new Map(
    (
      await queryRows<{ unit: string; status: string }>(
        ctx.database.db,
        sql`select org_unit_code unit, status from submissions
            where plan_id = ${ctx.planId} and period = ${period} and org_unit_code = any(${sql.param(units)}::text[])`,
      )
    ).map((r) => [r.unit, r.status]),
  );

/** The statements the database runs while `work` runs (every session, the requests' transactions included). */
async function countStatements(db: Database, work: () => Promise<unknown>): Promise<number> {
  const session = Object.getPrototypeOf((db as unknown as { session: object }).session) as {
    prepareQuery: (...args: unknown[]) => unknown;
  };
  const original = session.prepareQuery;
  let count = 0;
  session.prepareQuery = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    session.prepareQuery = original;
  }
  return count;
}

describe('POST /api/submissions/bulk-submit', () => {
  it("submits a reporter's own units at once, with one audit row naming each", async () => {
    const period = '2031';
    const res = await bulk('submit', ctx.reporter, period, [ctx.own, ctx.second]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: { orgUnit: string; status: string }[] }>().items).toEqual([
      expect.objectContaining({ orgUnit: ctx.own, status: 'submitted' }),
      expect.objectContaining({ orgUnit: ctx.second, status: 'submitted' }),
    ]);
    const [audit] = await queryRows<{ action: string; after: { orgUnit: string; status: string }[] }>(
      ctx.database.db,
      sql`select action, after from audit_log order by id desc limit 1`,
    );
    expect(audit!.action).toBe('submission.bulk-submit');
    expect(audit!.after.map((a) => [a.orgUnit, a.status])).toEqual([
      [ctx.own, 'submitted'],
      [ctx.second, 'submitted'],
    ]);
  });

  it("refuses a unit outside the reporter's own units, and moves none of them", async () => {
    const period = '2032';
    const res = await bulk('submit', ctx.reporter, period, [ctx.own, ctx.beyond]);
    expect(res.statusCode, res.body).toBe(403);
    expect((await statuses([ctx.own, ctx.beyond], period)).size).toBe(0);
    // A coordinator of the province covers both.
    const coordinator = await bulk('submit', ctx.coordinator, period, [ctx.own, ctx.beyond]);
    expect(coordinator.statusCode, coordinator.body).toBe(200);
    expect([...(await statuses([ctx.own, ctx.beyond], period)).values()]).toEqual(['submitted', 'submitted']);
  });
});

describe('bulk accept at national scale', () => {
  it('accepts 300 units in one request, in as many statements as 3 units take', async () => {
    expect(ctx.communes.length).toBeGreaterThanOrEqual(303);
    const many = ctx.communes.slice(0, 300);
    const few = ctx.communes.slice(300, 303);
    await setStatus([...many, ...few], '2033', 'approved');

    const forFew = await countStatements(ctx.database.db, async () =>
      expectStatus(await bulk('accept', null, '2033', few), 200, 'accept 3'),
    );
    let accepted: { items: { status: string }[] } = { items: [] };
    const forMany = await countStatements(ctx.database.db, async () => {
      accepted = expectStatus(await bulk('accept', null, '2033', many), 200, 'accept 300');
    });
    expect(accepted.items).toHaveLength(300);
    expect(forMany).toBe(forFew);
    const after = await statuses(many, '2033');
    expect([...after.values()].filter((s) => s === 'accepted')).toHaveLength(300);
  });

  it('moves nothing and names the unit when one of them is in the wrong state (409)', async () => {
    const period = '2034';
    const units = ctx.communes.slice(0, 120);
    const stuck = units[57]!;
    await setStatus(units, period, 'approved');
    await setStatus([stuck], period, 'submitted');

    const res = await bulk('accept', null, period, units);
    expect(res.statusCode, res.body).toBe(409);
    const error = res.json<{ error: { code: string; message: string; issues: { path: string }[] } }>().error;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(stuck);
    expect(error.issues.map((i) => i.path)).toEqual(['$.body.units[57]']);
    const after = await statuses(units, period);
    expect([...after.values()].filter((s) => s === 'approved')).toHaveLength(119);
    expect(after.get(stuck)).toBe('submitted');
  });
});
