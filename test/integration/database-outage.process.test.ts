import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../support/postgres-scratch.js';
import {
  expectOneLineFailure,
  freePort,
  isRunning,
  statusOf,
  useServerProcesses,
  waitUntilHealthy,
} from '../support/process.js';

/** The database going away under a real server process, and start-up when it is not usable. */

const { start, onCleanup, temporaryDir } = useServerProcesses();

describe('start-up when the database cannot be used', () => {
  it('prints one line and exits 1 when PostgreSQL is unreachable, without showing the password', async () => {
    const port = await freePort();
    const server = await start({ url: `postgres://binhdang:s3cret@127.0.0.1:${port}/binhdang` });
    await expectOneLineFailure(server, 'Không kết nối được cơ sở dữ liệu', 'Cannot connect', 'ECONNREFUSED');
    expect(server.stderr()).not.toContain('s3cret');
  }, 200_000);

  it('prints one line and exits 1 when the embedded data directory is read-only', async () => {
    const parent = temporaryDir('binhdang-readonly-');
    const dataDir = path.join(parent, 'data');
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o555);
    // Root writes anywhere: run the server as an unprivileged user then.
    const asRoot = process.getuid?.() === 0;
    const server = await start({ dataDir }, asRoot ? { uid: 65534, gid: 65534 } : {});
    await expectOneLineFailure(server, 'Không dùng được thư mục dữ liệu', dataDir, 'cannot be used');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, 200_000);
});

const ADMIN_URL = process.env.TEST_DATABASE_URL;

/**
 * PostgreSQL only: PGlite runs inside the server process and cannot go away on its own. Registered in the
 * suite's PostgreSQL pass (TEST_DATABASE_URL), which CI always runs; the embedded pass has nothing to test here.
 */
if (ADMIN_URL)
  describe('PostgreSQL going away under a running server', () => {
    async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        return await f(client);
      } finally {
        await client.end();
      }
    }

    /** A fresh copy of the run's migrated template, dropped after the test. */
    async function freshDatabase(): Promise<{ name: string; url: string }> {
      const name = `binhdang_outage_${crypto.randomBytes(5).toString('hex')}`;
      await admin((c) => c.query(`create database ${name} template ${inject('pgTemplate')}`));
      onCleanup(() =>
        admin(async (c) => {
          await c.query(`alter database ${name} allow_connections true`);
          await c.query(`drop database if exists ${name} with (force)`);
        }),
      );
      return { name, url: withDatabase(ADMIN_URL!, name) };
    }

    const terminateAll = (name: string) =>
      admin(async (c) => {
        const res = await c.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        return res.rowCount ?? 0;
      });

    it('answers 503 while its connections are terminated and refused, keeps running, and recovers by itself', async () => {
      const db = await freshDatabase();
      const server = await start({ url: db.url });
      await waitUntilHealthy(server);
      // Warm the pool: several connections open and idle.
      await Promise.all(Array.from({ length: 8 }, () => statusOf(server, '/api/indicators')));

      // Requests in flight while every connection is terminated and new ones are refused.
      const inFlight = Array.from({ length: 30 }, (_, i) =>
        new Promise((r) => setTimeout(r, i * 5)).then(() => statusOf(server, '/api/indicators')),
      );
      await admin((c) => c.query(`alter database ${db.name} allow_connections false`));
      expect(await terminateAll(db.name)).toBeGreaterThan(0);
      const statuses = await Promise.all(inFlight);
      expect(
        statuses.every((s) => s === 200 || s === 503),
        JSON.stringify(statuses),
      ).toBe(true);

      // During the outage: 503 with the usual error shape, and the health check says the database is down.
      const res = await fetch(`${server.url}/api/indicators`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: Record<string, unknown> };
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
      expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.error.message).toContain('Không kết nối được cơ sở dữ liệu');
      expect(body.error.message).toContain('the database is unavailable');
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'down', database: 'postgres' });
      expect(isRunning(server)).toBe(true);

      // The database is back: the same process answers again, nobody restarted it.
      await admin((c) => c.query(`alter database ${db.name} allow_connections true`));
      await waitUntilHealthy(server, 30_000);
      expect(await statusOf(server, '/api/indicators')).toBe(200);

      // Terminated again while idle (a PostgreSQL restart closes every session): no crash, the next request is served.
      expect(await terminateAll(db.name)).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 300));
      expect(isRunning(server)).toBe(true);
      await waitUntilHealthy(server, 30_000);
      expect(await statusOf(server, '/api/indicators')).toBe(200);
      expect(server.stderr()).not.toMatch(/uncaught|unhandled/i);
    }, 200_000);

    it('prints one line and exits 1 when the database has no schema to create the tables in', async () => {
      const name = `binhdang_noschema_${crypto.randomBytes(5).toString('hex')}`;
      await admin((c) => c.query(`create database ${name}`));
      onCleanup(async () => {
        await admin((c) => c.query(`drop database if exists ${name} with (force)`));
      });
      const client = new pg.Client({ connectionString: withDatabase(ADMIN_URL, name) });
      await client.connect();
      await client.query('drop schema public');
      await client.end();
      const server = await start({ url: withDatabase(ADMIN_URL, name) });
      await expectOneLineFailure(
        server,
        'Không tạo hoặc cập nhật được các bảng',
        'cannot be created or migrated',
      );
    }, 200_000);

    it('prints one line and exits 1 when the database named in DATABASE_URL does not exist', async () => {
      const server = await start({
        url: withDatabase(ADMIN_URL, `binhdang_missing_${crypto.randomBytes(5).toString('hex')}`),
      });
      await expectOneLineFailure(server, 'không tồn tại', 'does not exist');
    }, 200_000);
  });
