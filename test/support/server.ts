import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { systemClock, type Clock } from '../../src/core/clock.js';
import { queryRows, type DatabaseHandle } from '../../src/db/connection.js';
import { loadDemoData } from '../../src/demo/demo.js';
import type { Role } from '../../src/domain/permissions.js';
import { createUser } from '../../src/modules/auth/auth.service.js';
import { buildApp } from '../../src/server/app.js';
import type { FileWriter } from '../../src/core/file-store.js';
import { createTestDatabase } from './database.js';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: DatabaseHandle;
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
    filesDir,
    demo: opts.demo ?? true,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    filesDir,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** Headers that authenticate a request: the session cookie and the CSRF token. */
export interface SessionHeaders {
  cookie: string;
  'x-csrf-token': string;
  [key: string]: string;
}

const PASSWORD = 'test-password-123';
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The app on a fresh database for `app.inject()` tests. Every successful write made through `inject` is checked
 * to have produced exactly one audit row (the suite-wide audit check).
 */
export async function createTestApp(opts: { demo?: boolean; now?: Clock; fileWriter?: FileWriter } = {}) {
  // One clock for the demo data, the accounts and the app: a pinned clock stamps every row the test makes.
  const now = opts.now ?? systemClock;
  const database = await createTestDatabase();
  const demo = opts.demo ? await loadDemoData(database.db, now) : { planIds: [] as string[] };
  const filesDir = temporaryFilesDir();
  const app = await buildApp({
    database,
    logger: false,
    serveWeb: false,
    loginRateLimit: 1000,
    filesDir,
    demo: opts.demo ?? false,
    now,
    ...(opts.fileWriter ? { fileWriter: opts.fileWriter } : {}),
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

  /** Signs in a new user holding `role` over `unit`; returns headers for authenticated requests. */
  async function signIn(
    role: Role,
    unit: string,
    extra: { role: Role; unit: string }[] = [],
  ): Promise<SessionHeaders & { userId: string }> {
    const username = `u${crypto.randomBytes(5).toString('hex')}`;
    const userId = await createUser({ db: database.db, now }, null, {
      username,
      displayName: `${role} ${unit}`,
      password: PASSWORD,
      grants: [{ role, orgUnitCode: unit }, ...extra.map((e) => ({ role: e.role, orgUnitCode: e.unit }))],
    });
    return { ...(await login(username, PASSWORD)), userId };
  }

  async function login(username: string, password: string): Promise<SessionHeaders> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'bd_session')!;
    return {
      cookie: `bd_session=${cookie.value}`,
      'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken,
    };
  }

  return {
    app,
    database,
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
