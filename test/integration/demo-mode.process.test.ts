import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../support/database.js';
import { useServerProcesses, waitUntilHealthy, type ServerProcess } from '../support/process.js';

/**
 * `npm start` decides demo mode from the database it opens: the embedded one is the zero-setup trial (demo on),
 * a production database (DATABASE_URL) never gets demo data or demo sign-ins without an explicit flag. The
 * suite runs this against the database it is testing: PostgreSQL when TEST_DATABASE_URL is set, else PGlite.
 */

const { start, onCleanup, temporaryDir } = useServerProcesses();

const get = async (server: ServerProcess, url: string) => {
  const res = await fetch(`${server.url}${url}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

async function productionDatabaseStaysClean(): Promise<void> {
  const database = await createTestDatabase();
  onCleanup(() => database.close());
  const server = await start({ url: database.url! }, { args: [] });
  await waitUntilHealthy(server, 60_000);
  expect((await get(server, '/api/auth/demo-accounts')).status).toBe(404);
  expect((await get(server, '/api/plans')).body.items).toEqual([]);
  const [counts] = await queryRows<{ users: number; plans: number }>(
    database.db,
    sql`select (select count(*)::int from users) users, (select count(*)::int from plans) plans`,
  );
  expect(counts).toEqual({ users: 0, plans: 0 });
}

async function embeddedDatabaseIsTheDemo(): Promise<void> {
  const dir = temporaryDir('binhdang-demo-mode-');
  const off = await start({ dataDir: dir }, { args: [], env: { BINHDANG_DEMO: '0' } });
  await waitUntilHealthy(off, 60_000);
  expect((await get(off, '/api/auth/demo-accounts')).status).toBe(404);
  expect((await get(off, '/api/plans')).body.items).toEqual([]);
  off.child.kill('SIGTERM');
  await off.exited;

  const demo = await start({ dataDir: dir }, { args: [] });
  await waitUntilHealthy(demo, 120_000);
  const list = await get(demo, '/api/auth/demo-accounts');
  expect(list.status).toBe(200);
  expect((list.body.items as unknown[]).length).toBeGreaterThan(0);
}

describe('demo mode at start-up', () => {
  it(
    process.env.TEST_DATABASE_URL
      ? 'with DATABASE_URL and no flag: no demo data, no demo accounts, the demo list answers 404'
      : 'on the embedded database: demo by default, and BINHDANG_DEMO=0 keeps it off',
    () => (process.env.TEST_DATABASE_URL ? productionDatabaseStaysClean() : embeddedDatabaseIsTheDemo()),
    180_000,
  );
});
