import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/connection.js';
import { runReminders } from '../../src/modules/reporting/reminders.js';
import { createPlan } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * One clock: an app whose clock is pinned years away from the real date stamps every row it writes with that
 * time, on PGlite and on PostgreSQL alike. The database server's own `now()` (the real date) is never used.
 */

/** Eight days after the deadlines of a 2026–2030 plan's last cycles (01/12/2030), with milliseconds. */
const PINNED = new Date('2030-12-09T03:04:05.678Z');

/** A province's 2026–2030 plan measured by people reached (BDG-20), with its cycles, made at the pinned time. */
const ctx = useTestApp({ now: () => new Date(PINNED) }, async (app) => {
  const { id: planId, province } = await createPlan(app, {
    cycles: true,
    targets: [{ code: '6.1', measures: [{ value: 80, indicator: 'BDG-20' }] }],
  });
  const commune = province.communes[0]!.code;
  return {
    province,
    planId,
    commune,
    reporter: await app.signIn('reporter', commune),
    approver: await app.signIn('approver', commune),
  };
});
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** Every timestamp column the app writes (each has a database default `now()` that must never be used). */
const STAMPED = [
  ['plans', 'created_at'],
  ['observations', 'updated_at'],
  ['users', 'created_at'],
  ['sessions', 'created_at'],
  ['sessions', 'last_seen_at'],
  ['submissions', 'updated_at'],
  ['submissions', 'submitted_at'],
  ['audit_log', 'at'],
  ['notifications', 'created_at'],
  ['attachments', 'created_at'],
] as const;

/** How many rows have the column set, and how many of those differ from the pinned clock. */
async function stamps(table: string, column: string) {
  const [row] = await queryRows<{ n: number; other: number; sample: string | null }>(
    ctx.database.db,
    sql`select count(${sql.identifier(column)})::int n,
          (count(*) filter (where ${sql.identifier(column)} <> ${PINNED.toISOString()}::timestamptz))::int other,
          min(${sql.identifier(column)})::text sample
        from ${sql.identifier(table)}`,
  );
  return row!;
}

describe('an app with a pinned clock', () => {
  it('stamps figures, submissions, approvals, activities, attachments, logins, reminders and audit rows with it', async () => {
    const { planId, commune, reporter, approver } = ctx;
    const figure = {
      indicator: 'BDG-20',
      orgUnit: commune,
      period: '2026',
      numerator: 100,
      denominator: 400,
    };
    // A new figure, then the same figure replaced (the upsert's update branch).
    for (const numerator of [100, 120]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: reporter,
        payload: { rows: [{ ...figure, numerator }], acknowledgeWarnings: true },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const [entered] = await queryRows<{ version: number; updated_at: string }>(
      ctx.database.db,
      sql`select version, updated_at::text from observations
          where org_unit_code = ${commune} and period = '2026' and numerator = 120`,
    );
    expect(entered?.version).toBe(2);

    for (const [t, who] of [
      ['submit', reporter],
      ['approve', approver],
    ] as const) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/submissions/${t}`,
        headers: who,
        payload: { planId, orgUnit: commune, period: '2026' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }

    const activity = await ctx.app.inject({
      method: 'POST',
      url: `/api/org-units/${commune}/activities`,
      headers: reporter,
      payload: { kind: 'communication', title: 'Bản tin', channel: 'portal', date: '2030-12-08' },
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const attachment = await ctx.app.inject({
      method: 'POST',
      url: `/api/activities/${activity.json<{ id: string }>().id}/attachments`,
      headers: { ...reporter, 'content-type': 'image/png', 'x-file-name': 'anh.png' },
      payload: PNG,
    });
    expect(attachment.statusCode, attachment.body).toBe(201);

    // The 2030 deadlines passed eight days ago by this clock: overdue reminders are recorded now.
    const { recorded } = await runReminders({
      db: ctx.database.db,
      now: () => new Date(PINNED),
      daysBefore: 7,
    });
    expect(recorded).toBeGreaterThan(0);

    for (const [table, column] of STAMPED) {
      const s = await stamps(table, column);
      expect(s.n, `${table}.${column} rows`).toBeGreaterThan(0);
      expect(s.other, `${table}.${column} differs from the clock (e.g. ${s.sample})`).toBe(0);
    }
    // Derived times follow the same clock: a session lasts eight hours from the login.
    const [session] = await queryRows<{ ok: boolean }>(
      ctx.database.db,
      sql`select bool_and(expires_at = ${PINNED.toISOString()}::timestamptz + interval '8 hours') ok from sessions`,
    );
    expect(session?.ok).toBe(true);
  });

  it('reads the audit trail back at the pinned time', async () => {
    const coordinator = await ctx.signIn('coordinator', ctx.province.code);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?unit=${ctx.commune}`,
      headers: coordinator,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { at: string; action: string }[] }>().items;
    expect(items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['observation.record', 'submission.approve', 'activity.log', 'attachment.add']),
    );
    expect(new Set(items.map((i) => i.at))).toEqual(new Set([PINNED.toISOString()]));
  });
});
