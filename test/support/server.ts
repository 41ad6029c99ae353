import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { systemClock, type Clock } from '../../src/core/clock.js';
import { queryRows } from '../../src/db/connection.js';
import { loadDemoData } from '../../src/demo/demo.js';
import type { Role } from '../../src/domain/permissions.js';
import { buildApp } from '../../src/server/app.js';
import type { FileWriter } from '../../src/core/file-store.js';
import { createTestDatabase } from './database.js';
import { logIn, signInAs, type Grant } from './factories/accounts.js';
import type { AppUnderTest, Session, SessionHeaders } from './factories/app.js';

export type { Session, SessionHeaders };

export interface TestServer extends AppUnderTest {
  url: string;
  app: FastifyInstance;
  /** Where this server keeps uploaded files: a temporary directory, removed on close, never ./data. */
  filesDir: string;
  close(): Promise<void>;
}

/** A fresh directory for a test app's uploaded files. */
export function temporaryFilesDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'binhdang-test-files-'));
}

/** The whole app on a fresh database, listening on 127.0.0.1 at a free port. */
export async function startTestServer(opts: { demo?: boolean; now?: Clock } = {}): Promise<TestServer> {
  const now = opts.now ?? systemClock;
  const database = await createTestDatabase();
  if (opts.demo ?? true) await loadDemoData(database.db, now);
  const filesDir = temporaryFilesDir();
  const app = await buildApp({
    database,
    now,
    logger: false,
    loginRateLimit: 1000,
    publicRateLimit: 100_000,
    filesDir,
    demo: opts.demo ?? true,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    now,
    filesDir,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface TestAppOptions {
  /** Load the demo (Lạng Sơn's plan, figures, records and accounts) and run in demo mode. */
  demo?: boolean;
  /** Demo mode (demo accounts listed and allowed to sign in) without necessarily the demo data. */
  demoMode?: boolean;
  now?: Clock;
  /** Anonymous progress requests a minute per client (default high enough for any test but the limit's own). */
  publicRateLimit?: number;
  fileWriter?: FileWriter;
  /** Sees every route the app registers. */
  onRoute?: (route: RouteOptions) => void;
  /** The embedded database even when TEST_DATABASE_URL names a PostgreSQL server (a test of both at once). */
  database?: 'pglite';
}

/**
 * The app on a fresh database for `app.inject()` tests. Every successful write made through `inject` is checked
 * to have produced exactly one audit row (the suite-wide audit check).
 */
export async function createTestApp(opts: TestAppOptions = {}) {
  // One clock for the demo data, the accounts and the app: a pinned clock stamps every row the test makes.
  const now = opts.now ?? systemClock;
  const database = await createTestDatabase(opts.database);
  const demo = opts.demo ? await loadDemoData(database.db, now) : { planIds: [] as string[] };
  const filesDir = temporaryFilesDir();
  const app = await buildApp({
    database,
    logger: false,
    serveWeb: false,
    loginRateLimit: 1000,
    publicRateLimit: opts.publicRateLimit ?? 100_000,
    filesDir,
    demo: opts.demoMode ?? opts.demo ?? false,
    now,
    ...(opts.fileWriter ? { fileWriter: opts.fileWriter } : {}),
    ...(opts.onRoute ? { onRoute: opts.onRoute } : {}),
  });
  const auditCount = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int n from audit_log`))[0]!.n;
  const inject = app.inject.bind(app) as (o: InjectOptions | string) => Promise<LightMyRequestResponse>;
  let auditedWrites = 0;
  (app as { inject: unknown }).inject = async (o: InjectOptions | string) => {
    const options = typeof o === 'string' ? { url: o } : o;
    const before = await auditCount();
    const res = await inject(options);
    const method = (options.method ?? 'GET').toUpperCase();
    if (WRITE.has(method) && res.statusCode < 300) {
      const added = (await auditCount()) - before;
      if (added !== 1) {
        throw new Error(
          `${method} ${JSON.stringify(options.url)} answered ${res.statusCode} but wrote ${added} audit rows (expected exactly 1)`,
        );
      }
      auditedWrites++;
    }
    return res;
  };

  const target = { app, database, now };
  /** Signs in a new user holding `role` over `unit`; returns headers for authenticated requests. */
  const signIn = (role: Role, unit: string, extra: Grant[] = []): Promise<Session> =>
    signInAs(target, role, unit, extra);
  const login = (username: string, password: string): Promise<SessionHeaders> =>
    logIn(target, username, password);

  return {
    app,
    database,
    now,
    demoPlanId: demo.planIds[0] ?? null,
    signIn,
    login,
    filesDir,
    auditedWrites: () => auditedWrites,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
