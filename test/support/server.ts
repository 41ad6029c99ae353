import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { loadDemoData } from '../../src/db/seed/demo.js';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase } from './database.js';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The whole app on a fresh database, listening on 127.0.0.1 at a free port. */
export async function startTestServer(opts: { demo?: boolean } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  if (opts.demo ?? true) await loadDemoData(database.db);
  const app = await buildApp({ database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The app on a fresh database for `app.inject()` tests (no socket). */
export async function createTestApp(opts: { demo?: boolean } = {}) {
  const database = await createTestDatabase();
  const demo = opts.demo ? await loadDemoData(database.db) : { planIds: [] as string[] };
  const app = await buildApp({ database, logger: false, serveWeb: false });
  return {
    app,
    database,
    demoPlanId: demo.planIds[0] ?? null,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
