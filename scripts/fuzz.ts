/**
 * `npm run fuzz`: generated requests against a live server (a real port) for the four free-input entry points
 * (plan import, observation batch, CSV import, activity form), on an in-memory PGlite database and, when
 * TEST_DATABASE_URL or DATABASE_URL is set, on a temporary database of that PostgreSQL server (created and dropped
 * here). The two databases run in parallel, one process each. Prints per entry point the cases, the answers by
 * status, the 5xx answers and the partial writes (row counts of the tables an entry point touches, compared before
 * and after every refused request); exits non-zero if either is not 0.
 *
 *   npm run fuzz                       10,000 cases per entry point
 *   npm run fuzz -- --cases 500        fewer
 *   npm run fuzz -- --seed 7           other cases
 */
import { scratchPostgresDatabase } from '../test/support/postgres-scratch.js';
import { systemClock } from '../src/core/clock.js';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../src/db/connection.js';
import { ensureReferenceData } from '../src/db/reference/reference-data.js';
import { loadDemoData } from '../src/demo/demo.js';
import { createUser } from '../src/modules/auth/auth.service.js';
import { buildApp } from '../src/server/app.js';
import { ENTRY_POINTS, type EntryPoint, type FuzzRequest, type FuzzWorld } from '../test/fuzz/arbitraries.js';
import { formatStats, fuzzEntryPoint, type FuzzStats } from '../test/fuzz/runner.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261127' },
    db: { type: 'string' },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

const PROVINCE = '20';
const COMMUNE = '05977';

/** One database: open, load reference and demo data, start the app on a free port, sign in, fuzz. */
async function runOn(kind: 'pglite' | 'postgres'): Promise<FuzzStats[]> {
  const database =
    kind === 'pglite'
      ? await openDatabase({ kind: 'pglite', dataDir: null })
      : await scratchPostgresDatabase(postgresUrl!, 'binhdang_fuzz');
  const app = await buildApp({
    database,
    logger: false,
    serveWeb: false,
    loginRateLimit: 1000,
    now: systemClock,
  });
  try {
    await ensureReferenceData(database.db);
    const { planIds } = await loadDemoData(database.db, systemClock);
    const password = crypto.randomBytes(12).toString('hex');
    await createUser({ db: database.db, now: systemClock }, null, {
      username: 'fuzz',
      displayName: 'Fuzz',
      password,
      grants: [
        { role: 'coordinator', orgUnitCode: PROVINCE },
        { role: 'reporter', orgUnitCode: COMMUNE },
      ],
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'fuzz', password }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const auth = { cookie, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const exported = await fetch(`${base}/api/plans/${planIds[0]}/export`);
    const world: FuzzWorld = {
      province: PROVINCE,
      commune: COMMUNE,
      planDocument: (await exported.json()) as Record<string, unknown>,
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (req: FuzzRequest) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const payload = req.raw ?? Buffer.from(JSON.stringify(req.body));
        const r = http.request(
          base + req.url,
          {
            method: req.method,
            agent,
            headers: {
              ...auth,
              ...(req.raw ? {} : { 'content-type': 'application/json' }),
              ...req.headers,
              'content-length': String(payload.length),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
            );
            res.on('error', reject);
          },
        );
        r.on('socket', (socket) => socket.setNoDelay(true));
        r.on('error', reject);
        r.end(payload);
      });
    const results: FuzzStats[] = [];
    for (const entry of Object.keys(ENTRY_POINTS) as EntryPoint[]) {
      const stats = await fuzzEntryPoint(entry, world, database.db, send, cases, seed);
      console.log(`[${kind}] ${formatStats(stats)}`);
      for (const f of stats.failures) {
        console.log(
          `  ${f.reason}: ${f.status} ${f.body.slice(0, 300)}\n  request ${JSON.stringify(f.request).slice(0, 500)}`,
        );
      }
      results.push(stats);
    }
    return results;
  } finally {
    await app.close().catch(() => undefined);
    await database.close();
  }
}

async function main(): Promise<void> {
  if (values.db === 'pglite' || values.db === 'postgres') {
    const results = await runOn(values.db);
    const bad = results.some((r) => r.serverErrors > 0 || r.partialWrites > 0 || r.auditMismatches > 0);
    process.exit(bad ? 1 : 0);
  }
  // One child per database, in parallel: each runs its own server and database.
  const kinds = postgresUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
  if (!postgresUrl) console.log('PostgreSQL: set TEST_DATABASE_URL (or DATABASE_URL) to fuzz it too.');
  console.log(`${cases} cases per entry point, seed ${seed}, on ${kinds.join(' and ')}`);
  const started = performance.now();
  const codes = await Promise.all(
    kinds.map(
      (kind) =>
        new Promise<number>((resolve) => {
          const child = spawn(
            process.execPath,
            [
              '--import',
              'tsx',
              fileURLToPath(import.meta.url),
              '--db',
              kind,
              '--cases',
              String(cases),
              '--seed',
              String(seed),
            ],
            { stdio: 'inherit' },
          );
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    ),
  );
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const ok = codes.every((c) => c === 0);
  console.log(
    `${ok ? 'OK' : 'FAILED'}: ${minutes} min; 0 answers 5xx and 0 partial writes ${ok ? 'on every database' : 'NOT on every database'}`,
  );
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
