import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../src/db/connection.js';
import { buildApp, trustProxyFromEnv } from '../../src/server/app.js';
import { createTestDatabase } from '../support/database.js';
import { createAccount } from '../support/factories/accounts.js';
import { runCli } from '../support/process.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { useTestApp } from '../support/test-app.js';

/** Sign-in, sessions, passwords, CSRF, headers, the audit trail's protection and account creation. */

const START = new Date('2026-06-01T08:00:00.000Z');
let clock = START;
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A province whose coordinator works on its figures and accounts. */
const ctx = useTestApp({ now: () => clock }, async (app) => {
  const province = await provinceUnits(app);
  return { province, commune: province.communes[0]!.code };
});

const PASSWORD = 'mat-khau-dang-nhap-2026';
/** A user with a known name and password, viewer over the province. */
const account = async () => {
  const { username, userId } = await createAccount(ctx, { unit: ctx.province.code, password: PASSWORD });
  return { username, id: userId };
};

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
const errorOf = (res: LightMyRequestResponse) => res.json<ErrorBody>().error;

const users = (headers: Record<string, string>) =>
  ctx.app.inject({ method: 'GET', url: '/api/users', headers });

const count = async (table: 'audit_log' | 'observations' | 'users') =>
  (
    await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int n from ${sql.identifier(table)}`)
  )[0]!.n;

/** Stack frames, file paths, SQL: what an error answer must never carry. */
const INTERNALS =
  /\bat [^\n]*:\d+:\d+|node_modules|\.ts\b|\bselect\b|\binsert into\b|\bstack\b|PGlite|\bpool\b/i;

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, not marked Secure over http', async () => {
    const { username } = await account();
    const res = await login(username, PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username }, csrfToken: expect.any(String) as string });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^bd_session=[\w-]{40,};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//);
    expect(cookie).toMatch(/;\s*Max-Age=28800/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    // Without trustProxy, a client's claim to have come over https changes nothing.
    const forwarded = await login(username, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(String(forwarded.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
  });

  it('marks the cookie Secure behind a trusted TLS-terminating proxy (trustProxy)', async () => {
    const { username } = await account();
    const proxied = await buildApp({
      database: ctx.database,
      logger: false,
      serveWeb: false,
      trustProxy: 1,
    });
    try {
      const viaProxy = (proto: string) =>
        proxied.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-proto': proto },
          payload: { username, password: PASSWORD },
        });
      expect(String((await viaProxy('https')).headers['set-cookie'])).toMatch(/;\s*Secure/i);
      expect(String((await viaProxy('http')).headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    } finally {
      await proxied.close();
    }
  });

  it('reads BINHDANG_TRUST_PROXY: off by default, on, or a list of addresses', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('0')).toBe(false);
    expect(trustProxyFromEnv('false')).toBe(false);
    expect(trustProxyFromEnv('true')).toBe(1);
    expect(trustProxyFromEnv('1')).toBe(1);
    expect(trustProxyFromEnv('2')).toBe(2);
    expect(trustProxyFromEnv('127.0.0.1,10.0.0.0/8')).toBe('127.0.0.1,10.0.0.0/8');
  });

  it('answers 401 with one message for an unknown user and for a wrong password', async () => {
    const { username } = await account();
    const unknown = await login('khong-co-ai', PASSWORD);
    const wrong = await login(username, 'mat-khau-sai-roi');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(errorOf(unknown)).toEqual(errorOf(wrong));
    expect(errorOf(wrong).code).toBe('UNAUTHENTICATED');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('makes an account wait after 3 failures at one address, longer each time, 15 minutes after 10; a success resets it', async () => {
    const { username } = await account();
    const failures = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.database.db,
          sql`select coalesce(sum(failures), 0)::int n from login_throttles where username = ${username}`,
        )
      )[0]!.n;
    const fail = async () => expect((await login(username, 'mat-khau-sai-roi')).statusCode).toBe(401);
    const refused = async () => {
      // Even the right password waits, from the same address.
      const res = await login(username, PASSWORD);
      expect(res.statusCode).toBe(429);
      expect(errorOf(res).code).toBe('TOO_MANY_ATTEMPTS');
      return errorOf(res).message;
    };

    for (let i = 0; i < 3; i++) await fail();
    // Failures 3 … 9 make the next try wait 2, 4, … 64 seconds.
    for (let n = 3; n < 10; n++) {
      const wait = 2 ** (n - 2) * SECOND;
      expect(await refused()).toContain(`${wait / SECOND} giây`);
      advance(wait - 1);
      await refused();
      advance(1);
      await fail();
    }
    expect(await failures()).toBe(10);
    expect(await refused()).toContain(`${15 * 60} giây`);
    advance(14 * MINUTE);
    expect(await refused()).toContain('60 giây');
    expect(await failures()).toBe(10);
    advance(MINUTE);

    expect((await login(username, PASSWORD)).statusCode).toBe(200);
    expect(await failures()).toBe(0);
    for (let i = 0; i < 3; i++) await fail();
    await refused();
  });

  it('limits login requests per client: the 4th within a minute answers 429 when the limit is 3', async () => {
    const limited = await buildApp({
      database: ctx.database,
      logger: false,
      serveWeb: false,
      loginRateLimit: 3,
    });
    try {
      const attempt = () =>
        limited.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'khong-co-ai', password: 'sai' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const fourth = await attempt();
      expect(fourth.statusCode).toBe(429);
      expect(fourth.body).not.toMatch(INTERNALS);
      // Other routes are not limited.
      expect((await limited.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('stores passwords as argon2id hashes', async () => {
    const { id } = await account();
    const [row] = await queryRows<{ hash: string }>(
      ctx.database.db,
      sql`select password_hash hash from users where id = ${id}`,
    );
    expect(row!.hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(row!.hash).not.toContain(PASSWORD);
    const all = await queryRows<{ hash: string }>(ctx.database.db, sql`select password_hash hash from users`);
    expect(all.filter((r) => !r.hash.startsWith('$argon2id$'))).toEqual([]);
  });
});

describe('sessions', () => {
  it('end at logout: the next request answers 401', async () => {
    const { username } = await account();
    const session = await ctx.login(username, PASSWORD);
    expect((await users(session)).statusCode).toBe(200);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^bd_session=;/);
    expect((await users(session)).statusCode).toBe(401);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: session });
    expect(me.json()).toEqual({ user: null, csrfToken: null });
  });

  it('expire 8 hours after the last use', async () => {
    const { username } = await account();
    const session = await ctx.login(username, PASSWORD);
    advance(7 * HOUR);
    // Using it slides the expiry forward.
    expect((await users(session)).statusCode).toBe(200);
    advance(8 * HOUR - MINUTE);
    expect((await users(session)).statusCode).toBe(200);
    advance(8 * HOUR + MINUTE);
    expect((await users(session)).statusCode).toBe(401);
  });

  it('need the CSRF token for writes: without it or with a wrong one, 403 and nothing written', async () => {
    const coordinator = await ctx.signIn('coordinator', ctx.province.code);
    const write = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers,
        payload: { rows: [{ indicator: 'BDG-18', orgUnit: ctx.province.code, period: '2026', value: 47 }] },
      });
    const before = { audit: await count('audit_log'), observations: await count('observations') };
    for (const headers of [
      { cookie: coordinator.cookie } as Record<string, string>,
      { cookie: coordinator.cookie, 'x-csrf-token': 'doan-bua' },
      { cookie: coordinator.cookie, 'x-csrf-token': '' },
    ]) {
      const res = await write(headers);
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).message).toMatch(/CSRF/);
    }
    const logout = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: coordinator.cookie },
    });
    expect(logout.statusCode).toBe(403);
    expect({ audit: await count('audit_log'), observations: await count('observations') }).toEqual(before);
    // The session is still alive, and with its token the same write goes through.
    expect((await write(coordinator)).statusCode).toBe(201);
    // Another session's token does not do either.
    const other = await ctx.signIn('coordinator', ctx.province.code);
    const crossed = await write({ cookie: coordinator.cookie, 'x-csrf-token': other['x-csrf-token'] });
    expect(crossed.statusCode).toBe(403);
  });
});

describe('changing a password', () => {
  it('checks the current password and the rules, then ends the other sessions of the user but not this one', async () => {
    const { username } = await account();
    const here = await ctx.login(username, PASSWORD);
    const elsewhere = await ctx.login(username, PASSWORD);
    const change = (currentPassword: string, newPassword: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: here,
        payload: { currentPassword, newPassword },
      });

    const wrong = await change('khong-phai-mat-khau', 'mat-khau-moi-rat-dai');
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).issues).toEqual([expect.objectContaining({ path: '$.body.currentPassword' })]);
    for (const weak of ['ngan', '12345678901234', `${username}-2026-moi`]) {
      const res = await change(PASSWORD, weak);
      expect(res.statusCode, weak).toBe(400);
      expect(errorOf(res).issues).toEqual([expect.objectContaining({ path: '$.body.newPassword' })]);
    }
    expect((await users(elsewhere)).statusCode).toBe(200);

    expect((await change(PASSWORD, 'mat-khau-moi-rat-dai')).statusCode).toBe(204);
    expect((await users(elsewhere)).statusCode).toBe(401);
    expect((await users(here)).statusCode).toBe(200);
    expect((await login(username, PASSWORD)).statusCode).toBe(401);
    expect((await login(username, 'mat-khau-moi-rat-dai')).statusCode).toBe(200);
  });
});

describe('responses', () => {
  it('carry the security headers', async () => {
    for (const url of ['/api/health', '/api/khong-co']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
      // Plain HTTP (no TLS configured): HSTS would be meaningless; see login-abuse.api.test.ts for TLS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('show no stack trace or SQL in client errors', async () => {
    const coordinator = await ctx.signIn('coordinator', ctx.province.code);
    const answers = [
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username":',
      }),
      await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 1 } }),
      await ctx.app.inject({ method: 'GET', url: '/api/plans/khong-phai-uuid' }),
      await ctx.app.inject({ method: 'GET', url: '/api/khong-co' }),
      await ctx.app.inject({
        method: 'POST',
        url: '/api/observations/import',
        headers: { ...coordinator, 'content-type': 'text/csv' },
        payload: 'indicator,org_unit,period,value\n"BDG-01,20\n',
      }),
      await ctx.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: coordinator,
        payload: {
          username: 'x',
          displayName: 'x',
          password: 'mat-khau-dai-2026',
          grants: [{ role: 'viewer', orgUnitCode: ctx.province.code }],
        },
      }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json<ErrorBody>().error.code).toEqual(expect.any(String));
      expect(res.body).not.toMatch(INTERNALS);
    }
  });

  it('show no stack trace or SQL in a server error, only a correlation id', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ database, logger: false, serveWeb: false });
    try {
      // A database closed under the app (a fault of the process, not an outage of the server) fails every query.
      await database.close();
      const res = await app.inject({ method: 'GET', url: '/api/indicators' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        error: {
          code: 'INTERNAL',
          message: expect.any(String) as string,
          correlationId: expect.any(String) as string,
        },
      });
      expect(res.body).not.toMatch(INTERNALS);
      // The health check reports the database down rather than failing itself.
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      // Nothing of the underlying error: the same fields as the 200 answer, and a fixed message.
      expect(health.json()).toEqual({
        status: 'down',
        database: database.kind,
        version: '1',
        message: 'Không kết nối được cơ sở dữ liệu / the database is unreachable',
      });
    } finally {
      await app.close();
    }
  });
});

describe('the audit trail', () => {
  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const before = await count('audit_log');
    expect(before).toBeGreaterThan(0);
    for (const statement of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      await expect(ctx.database.db.execute(statement)).rejects.toThrow();
    }
    expect(await count('audit_log')).toBe(before);
    const changed = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int n from audit_log where action = 'x'`,
    );
    expect(changed[0]!.n).toBe(0);
  });
});

describe('creating accounts', () => {
  let created = 0;
  const create = (headers: Record<string, string>, grants: { role: string; orgUnitCode: string }[]) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: `taomoi${++created}`,
        displayName: 'Cán bộ mới',
        password: 'mat-khau-can-bo-moi',
        grants,
      },
    });

  it('lets a coordinator create accounts inside its province only, and never an admin', async () => {
    const coordinator = await ctx.signIn('coordinator', ctx.province.code);
    const { province, commune } = ctx;
    const made = await create(coordinator, [{ role: 'reporter', orgUnitCode: commune }]);
    expect(made.statusCode).toBe(201);
    const before = await count('users');
    const other = await provinceUnits(ctx);
    for (const grants of [
      [{ role: 'reporter', orgUnitCode: other.code }],
      [{ role: 'coordinator', orgUnitCode: 'VN' }],
      [
        { role: 'reporter', orgUnitCode: commune },
        { role: 'viewer', orgUnitCode: other.communes[0]!.code },
      ],
      [{ role: 'admin', orgUnitCode: commune }],
      [{ role: 'admin', orgUnitCode: province.code }],
    ]) {
      const res = await create(coordinator, grants);
      expect(res.statusCode, JSON.stringify(grants)).toBe(403);
    }
    expect(await count('users')).toBe(before);
    // Reporters and approvers manage nobody.
    const approver = await ctx.signIn('approver', commune);
    expect((await create(approver, [{ role: 'reporter', orgUnitCode: commune }])).statusCode).toBe(403);
    // An admin may grant admin.
    const admin = await ctx.signIn('admin', 'VN');
    expect((await create(admin, [{ role: 'admin', orgUnitCode: province.code }])).statusCode).toBe(201);
  });
});

describe('the command line', () => {
  let dataDir: string | null = null;
  afterAll(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const run = runCli;

  it('creates an admin over the nation in the embedded database', { timeout: 180_000 }, async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhdang-cli-'));
    const env: NodeJS.ProcessEnv = { ...process.env, BINHDANG_DATA_DIR: dataDir };
    delete env.DATABASE_URL;

    const usage = await run(['user', 'create', '--admin', '--username', 'quantri.cli'], {
      ...env,
      BINHDANG_PASSWORD: '',
    });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('user create');

    const made = await run(
      ['user', 'create', '--admin', '--username', 'quantri.cli', '--password', 'mat-khau-quan-tri-2026'],
      env,
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('quantri.cli');

    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = await queryRows<{ hash: string; role: string; unit: string }>(
        database.db,
        sql`select u.password_hash hash, g.role, g.org_unit_code unit
            from users u join role_grants g on g.user_id = u.id where u.username = 'quantri.cli'`,
      );
      expect(rows).toEqual([
        { hash: expect.stringMatching(/^\$argon2id\$/) as string, role: 'admin', unit: 'VN' },
      ]);
    } finally {
      await database.close();
    }
  });
});
