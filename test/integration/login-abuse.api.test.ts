import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/modules/auth/auth.service.js';
import { loadDemoData } from '../../src/demo/demo.js';
import { buildApp } from '../../src/server/app.js';
import { isDemoMode } from '../../src/server/demo-mode.js';
import { createAccount } from '../support/factories/accounts.js';
import { createTestApp } from '../support/server.js';
import { useTestApp } from '../support/test-app.js';

/** Login throttling per (account, client address), through a trusted proxy, demo mode and plain-HTTP headers. */

let clock = new Date('2029-03-02T01:00:00.000Z');
const now = () => clock;
const PASSWORD = 'mat-khau-kiem-thu-2029';

const ctx = useTestApp({ now });
/** The same database behind a TLS-terminating proxy at 10.0.0.5 (one trusted hop). */
let proxied: FastifyInstance;
beforeAll(async () => {
  proxied = await buildApp({ database: ctx.database, logger: false, serveWeb: false, now, trustProxy: 1 });
});
afterAll(async () => {
  await proxied?.close();
});

/** The name of a new account (a viewer) whose password is PASSWORD. */
const account = async () => (await createAccount(ctx, { password: PASSWORD })).username;

const attempt = (
  app: FastifyInstance,
  username: string,
  password: string,
  remoteAddress: string,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
    headers,
  });

const answer = (res: LightMyRequestResponse) => ({ status: res.statusCode, body: res.json<unknown>() });

describe('login throttling', () => {
  it('never locks the right password out at another address, however many failures come from one', async () => {
    const username = await account();
    for (let i = 0; i < 12; i++) {
      const res = await attempt(ctx.app, username, 'doan-mo-mat-khau', '198.51.100.1');
      expect([401, 429]).toContain(res.statusCode);
    }
    // The attacker's address waits, even with the right password …
    expect((await attempt(ctx.app, username, PASSWORD, '198.51.100.1')).statusCode).toBe(429);
    // … the owner at another address signs in at once, and that does not free the attacker.
    expect((await attempt(ctx.app, username, PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    expect((await attempt(ctx.app, username, PASSWORD, '198.51.100.1')).statusCode).toBe(429);
  });

  it('answers an unknown username exactly like a known one, failure after failure', async () => {
    const known = await account();
    const unknown = `khong.ton.tai.${known}`;
    for (let i = 0; i < 8; i++) {
      const a = answer(await attempt(ctx.app, known, 'sai-mat-khau-roi', '203.0.113.7'));
      const b = answer(await attempt(ctx.app, unknown, 'sai-mat-khau-roi', '203.0.113.7'));
      expect(b).toEqual(a);
      // Both reach the wait at the same failure.
      if (i >= 3) expect(a.status).toBe(429);
      else expect(a.status).toBe(401);
    }
  });

  it('behind a trusted proxy throttles the address the proxy reports, whatever the client puts in X-Forwarded-For', async () => {
    const username = await account();
    const via = (client: string, forged: string, password: string) =>
      // The proxy appends the address it sees to what the client sent.
      attempt(proxied, username, password, '10.0.0.5', { 'x-forwarded-for': `${forged}, ${client}` });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await via('192.0.2.44', `172.16.${i}.${i + 1}`, 'sai-roi-nhe')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    expect((await via('192.0.2.44', '8.8.8.8', PASSWORD)).statusCode).toBe(429);
    // Another real client behind the same proxy is not affected.
    expect((await via('192.0.2.45', '192.0.2.44', PASSWORD)).statusCode).toBe(200);
  });

  it('without a trusted proxy ignores X-Forwarded-For: rotating it does not escape the wait', async () => {
    const username = await account();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await attempt(ctx.app, username, 'van-sai-mat-khau', '198.51.100.9', {
        'x-forwarded-for': `192.0.2.${i + 1}`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it('lets the wait pass with time: the same address may try again after it', async () => {
    const username = await account();
    for (let i = 0; i < 4; i++) await attempt(ctx.app, username, 'sai-sai-sai-sai', '198.51.100.20');
    const refused = await attempt(ctx.app, username, PASSWORD, '198.51.100.20');
    expect(refused.statusCode).toBe(429);
    clock = new Date(clock.getTime() + 5_000);
    expect((await attempt(ctx.app, username, PASSWORD, '198.51.100.20')).statusCode).toBe(200);
  });
});

describe('demo mode', () => {
  it('is on for the embedded database unless refused, and on a production database only when asked', () => {
    const decide = (embedded: boolean, env?: string, demoFlag = false, noDemoFlag = false) =>
      isDemoMode({ embedded, env, demoFlag, noDemoFlag });
    expect(decide(true)).toBe(true);
    expect(decide(true, '0')).toBe(false);
    expect(decide(true, undefined, false, true)).toBe(false);
    expect(decide(false)).toBe(false);
    expect(decide(false, '')).toBe(false);
    expect(decide(false, '1')).toBe(true);
    expect(decide(false, undefined, true)).toBe(true);
    // An explicit "no" wins over an explicit "yes".
    expect(decide(false, '1', false, true)).toBe(false);
  });

  it('outside demo mode: demo accounts cannot sign in (same answer as unknown), their sessions end, the list is 404', async () => {
    const demoCtx = await createTestApp({ demo: true, now });
    const production = await buildApp({ database: demoCtx.database, logger: false, serveWeb: false, now });
    try {
      // In demo mode the accounts work and are listed.
      const list = await demoCtx.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
      expect(list.statusCode).toBe(200);
      expect(list.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
      const session = await demoCtx.login('snv.langson', DEMO_PASSWORD);

      const demoLogin = await attempt(production, 'snv.langson', DEMO_PASSWORD, '198.51.100.30');
      const unknown = await attempt(production, 'khong.co.ai.ca', DEMO_PASSWORD, '198.51.100.30');
      expect(demoLogin.statusCode).toBe(401);
      expect(demoLogin.json()).toEqual(unknown.json());
      expect(demoLogin.headers['set-cookie']).toBeUndefined();

      const me = await production.inject({ method: 'GET', url: '/api/auth/session', headers: session });
      expect(me.json()).toEqual({ user: null, csrfToken: null });
      const hidden = await production.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    } finally {
      await production.close();
      await demoCtx.close();
    }
  });

  it('never creates demo accounts on an instance that already has an account', async () => {
    const fresh = await createTestApp({ now });
    try {
      await createAccount(fresh, { role: 'admin', unit: 'VN', username: 'quantri.that', password: PASSWORD });
      const { loaded } = await loadDemoData(fresh.database.db, now);
      expect(loaded).toBe(true);
      const demo = await buildApp({
        database: fresh.database,
        logger: false,
        serveWeb: false,
        now,
        demo: true,
      });
      try {
        const list = await demo.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
        expect(list.json()).toEqual({ password: null, items: [] });
        expect((await attempt(demo, 'snv.langson', DEMO_PASSWORD, '198.51.100.31')).statusCode).toBe(401);
      } finally {
        await demo.close();
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('headers over plain HTTP', () => {
  it('add upgrade-insecure-requests and HSTS only when the app is behind TLS', async () => {
    const plain = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await proxied.inject({ method: 'GET', url: '/api/health' });
    expect(String(tls.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect(String(tls.headers['strict-transport-security'])).toMatch(/max-age=\d+/);
  });
});
