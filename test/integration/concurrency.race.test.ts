import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import type { Role } from '../../src/domain/permissions.js';
import { signInAs } from '../support/factories/accounts.js';
import { provinceUnits, type ProvinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Requests racing each other over real HTTP, so that on PostgreSQL each one runs in its own pooled connection
 * and transaction (on PGlite they queue on its one connection, and the same outcomes must hold).
 */

const ROUNDS = 20;

let server: TestServer;
/** A province and a plan of it, whose figures the requests race on. */
let province: ProvinceUnits;
let planId: string;
beforeAll(async () => {
  server = await startTestServer({ demo: false });
  province = await provinceUnits(server);
  planId = (await createPlan(server, { province })).id;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

type Headers = Record<string, string>;

/** The cookie and CSRF token of a new user holding `role` over `unit`. */
async function signIn(role: Role, unit: string): Promise<Headers> {
  const { userId: _userId, ...headers } = await signInAs(server, role, unit);
  return headers;
}

async function call(method: string, url: string, who: Headers, body?: unknown) {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

interface Figure {
  value: number;
  version: number;
}

async function figure(who: Headers, indicator: string, unit: string, period: string): Promise<Figure> {
  const res = await call(
    'GET',
    `/api/observations?indicator=${indicator}&orgUnit=${unit}&period=${period}`,
    who,
  );
  expect(res.status).toBe(200);
  const items = res.body.items as (Figure & { sex: string })[];
  return items.find((i) => i.sex === 'total')!;
}

const auditCount = async () =>
  (await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int n from audit_log`))[0]!.n;

describe('20 people saving one figure from the same version at once', () => {
  it(`stores exactly one of them and answers 409 to the other 19, in each of ${ROUNDS} rounds`, async () => {
    const coordinator = await signIn('coordinator', province.code);
    const save = (value: number, version: number | null) =>
      call('POST', '/api/observations', coordinator, {
        rows: [{ indicator: 'BDG-18', orgUnit: province.code, period: '2028', value, version }],
        acknowledgeWarnings: true,
      });
    expect((await save(40, null)).status).toBe(201);

    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = await figure(coordinator, 'BDG-18', province.code, '2028');
      const audits = await auditCount();
      const values = Array.from({ length: 20 }, (_, i) => 30 + round + i / 100);
      const results = await Promise.all(values.map((v) => save(v, before.version)));
      const statuses = results.map((r) => r.status);
      const winners = values.filter((_, i) => statuses[i] === 201);
      outcomes.push(`${winners.length}×201 ${statuses.filter((s) => s === 409).length}×409`);
      expect(winners).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      for (const r of results.filter((x) => x.status === 409)) {
        expect(r.body).toMatchObject({
          error: {
            code: 'CONFLICT',
            issues: [{ code: 'stale_version', current: { version: before.version + 1 } }],
          },
        });
      }
      // What is stored is the one write that was answered 201, at the next version, audited once.
      expect(await figure(coordinator, 'BDG-18', province.code, '2028')).toMatchObject({
        value: winners[0],
        version: before.version + 1,
      });
      expect(await auditCount()).toBe(audits + 1);
    }
    expect(outcomes).toEqual(Array.from({ length: ROUNDS }, () => '1×201 19×409'));
  }, 180_000);

  it('creates a new figure once when 20 people create it from version 0 at once', async () => {
    const coordinator = await signIn('coordinator', province.code);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('POST', '/api/observations', coordinator, {
          rows: [{ indicator: 'BDG-18', orgUnit: province.code, period: '2029', value: 50 + i, version: 0 }],
          acknowledgeWarnings: true,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const winner = 50 + results.findIndex((r) => r.status === 201);
    expect(await figure(coordinator, 'BDG-18', province.code, '2029')).toMatchObject({
      value: winner,
      version: 1,
    });
  }, 60_000);
});

describe('writes racing an approval', () => {
  it(`never stores a value after the approval, in ${ROUNDS} rounds of 8 writes against one approve`, async () => {
    const UNIT = province.communes[0]!.code;
    const reporter = await signIn('reporter', UNIT);
    const approver = await signIn('approver', UNIT);
    const coordinator = await signIn('coordinator', province.code);
    const db = server.database.db;
    // What the approving transaction saw when its status change went through: recorded by a trigger on the
    // submission row, whose query (a volatile function) sees everything committed at that moment.
    await db.execute(sql`create table approval_seen (at serial, value numeric, version int)`);
    await db.execute(
      sql.raw(`
      create function record_approval_seen() returns trigger language plpgsql as $$
      begin
        insert into approval_seen (value, version)
          select o.value, o.version from observations o join indicators i on i.id = o.indicator_id
          where i.code = 'BDG-20' and o.org_unit_code = '${UNIT}' and o.period = '2026' and o.sex = 'total';
        return new;
      end $$`),
    );
    await db.execute(
      sql.raw(`create trigger approval_seen after update on submissions for each row
        when (new.status = 'approved' and old.status <> 'approved') execute function record_approval_seen()`),
    );

    const step = (t: string, who: Headers, comment?: string) =>
      call('POST', `/api/submissions/${t}`, who, {
        planId,
        orgUnit: UNIT,
        period: '2026',
        ...(comment ? { comment } : {}),
      });
    const write = (value: number) =>
      call('POST', '/api/observations', reporter, {
        rows: [{ indicator: 'BDG-20', orgUnit: UNIT, period: '2026', value }],
        acknowledgeWarnings: true,
      });

    const started = performance.now();
    expect((await write(60)).status).toBe(201);
    // The approval is sent at a point spread over a write's duration, so that across the rounds it lands before,
    // among and after the writes' transactions.
    const writeMs = performance.now() - started;
    expect((await step('submit', reporter)).status).toBe(200);

    const counts = { written: 0, locked: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const values = Array.from({ length: 8 }, (_, i) => 61 + round + i / 10);
      const writes = values.map((v, i) =>
        new Promise((resolve) => setTimeout(resolve, i % 4)).then(() => write(v)),
      );
      const delay = ((round % 10) / 10) * writeMs * 1.5;
      const approval = new Promise((resolve) => setTimeout(resolve, delay)).then(() =>
        step('approve', approver),
      );
      const results = await Promise.all(writes);
      expect((await approval).status).toBe(200);
      for (const r of results) {
        expect([201, 423]).toContain(r.status);
        if (r.status === 201) counts.written++;
        else counts.locked++;
      }
      const [seen] = await queryRows<{ value: string; version: number }>(
        db,
        sql`select value, version from approval_seen order by at desc limit 1`,
      );
      const stored = await figure(reporter, 'BDG-20', UNIT, '2026');
      expect({ round, value: stored.value, version: stored.version }).toEqual({
        round,
        value: Number(seen!.value),
        version: seen!.version,
      });
      // Back to the approver for the next round.
      expect((await step('return', coordinator, 'Vòng tiếp theo')).status).toBe(200);
    }
    expect(counts.written + counts.locked).toBe(ROUNDS * 8);
  }, 180_000);
});

/**
 * PostgreSQL only: these hold a transaction open on one connection while a write runs on another, which PGlite's
 * single connection cannot do (there a transaction runs alone, so nothing comes between its check and its write).
 */
if (process.env.TEST_DATABASE_URL)
  describe('approval locks checked inside the write transaction', () => {
    const UNIT = '05977';
    const db = () => server.database.db;

    interface InFlight<T> {
      promise: Promise<T>;
      settled: () => boolean;
    }

    /** A request in flight, and whether it has answered yet. */
    function inFlight<T>(promise: Promise<T>): InFlight<T> {
      let settled = false;
      const done = () => {
        settled = true;
      };
      promise.then(done, done);
      return { promise, settled: () => settled };
    }

    /**
     * Polls from another connection until a statement matching `pattern` waits on a lock (true), or until `ended`
     * says the work finished without waiting (false).
     */
    async function waitsOnLock(pattern: string, ended: () => boolean): Promise<boolean> {
      const deadline = performance.now() + 30_000;
      while (!ended() && performance.now() < deadline) {
        const [row] = await queryRows<{ n: number }>(
          db(),
          sql`select count(*)::int n from pg_stat_activity where datname = current_database()
            and wait_event_type = 'Lock' and query ilike ${pattern}`,
        );
        if (row!.n > 0) return true;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return false;
    }

    /** A reporter of UNIT with a stored figure for `year` and the year's submission sent (status submitted). */
    async function submittedYear(year: string) {
      const reporter = await signIn('reporter', UNIT);
      const write = (value: number) =>
        call('POST', '/api/observations', reporter, {
          rows: [{ indicator: 'BDG-20', orgUnit: UNIT, period: year, value }],
          acknowledgeWarnings: true,
        });
      expect((await write(70)).status).toBe(201);
      const submit = await call('POST', '/api/submissions/submit', reporter, {
        planId,
        orgUnit: UNIT,
        period: year,
      });
      expect(submit.status).toBe(200);
      const approve = (on: Pick<typeof server.database.db, 'execute'> = db()) =>
        on.execute(sql`update submissions set status = 'approved'
          where plan_id = ${planId} and org_unit_code = ${UNIT} and period = ${year}`);
      return { reporter, write, approve };
    }

    it('keeps an approval waiting from the lock check until the write has committed', async () => {
      const { reporter, write, approve } = await submittedYear('2028');
      let written: InFlight<Awaited<ReturnType<typeof write>>> | undefined;
      let approval: InFlight<unknown> | undefined;
      await db().transaction(async (tx) => {
        // The write's audit row waits for this table lock: the write is held after its lock check, before it commits.
        await tx.execute(sql`lock table audit_log in exclusive mode`);
        written = inFlight(write(71));
        expect(await waitsOnLock('insert into "audit_log"%', written.settled)).toBe(true);
        // An approval now: it must wait for the write, whose transaction still holds the submission it checked.
        approval = inFlight(approve());
        expect(await waitsOnLock('update submissions%', approval.settled)).toBe(true);
      });
      expect((await written!.promise).status).toBe(201);
      await approval!.promise;
      expect(await figure(reporter, 'BDG-20', UNIT, '2028')).toMatchObject({ value: 71, version: 2 });
      const [after] = await queryRows<{ status: string }>(
        db(),
        sql`select status from submissions where plan_id = ${planId} and org_unit_code = ${UNIT} and period = '2028'`,
      );
      expect(after!.status).toBe('approved');
    }, 60_000);

    it('makes a write wait for an approval in progress, and then refuse it (423)', async () => {
      const { reporter, write, approve } = await submittedYear('2027');
      let written: InFlight<Awaited<ReturnType<typeof write>>> | undefined;
      await db().transaction(async (tx) => {
        // Approved but not committed: a check that read the status without waiting would still see "submitted".
        await approve(tx);
        written = inFlight(write(71));
        expect(await waitsOnLock('%from "submissions"%for share%', written.settled)).toBe(true);
      });
      const result = await written!.promise;
      expect(result.status).toBe(423);
      expect((result.body.error as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual([
        'locked',
      ]);
      expect(await figure(reporter, 'BDG-20', UNIT, '2027')).toMatchObject({ value: 70, version: 1 });
    }, 60_000);
  });
