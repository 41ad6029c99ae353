import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { MIGRATIONS_FOLDER, refuseNewerDatabase } from './migrations.js';
import {
  announcedDataVersion,
  DATA_VERSION_CHANNEL,
  polledDataVersion,
  type DataVersionSource,
} from './data-version.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; repositories accept either this or the database. */
export type Executor = Parameters<Parameters<Database['transaction']>[0]>[0] | Database;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** The connection string (PostgreSQL only): another process could connect to the same database. */
  url?: string;
  /** The data version that public answers are kept by (see data-version.ts). */
  dataVersion: DataVersionSource;
  /** The embedded database's own client (PGlite only), for what drizzle does not do: COPY. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  /**
   * `dataDir` null keeps the database in memory (tests); `loadDataDir` starts from a dump; `sharedBuffers` is
   * PostgreSQL's setting of that name (default 32MB, see PGLITE_SHARED_BUFFERS).
   */
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob; sharedBuffers?: string };

/**
 * Reads the database choice from the environment: DATABASE_URL, else PGlite in BINHDANG_DATA_DIR (its shared
 * buffers from BINHDANG_PGLITE_SHARED_BUFFERS).
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  const sharedBuffers = env.BINHDANG_PGLITE_SHARED_BUFFERS;
  return {
    kind: 'pglite',
    dataDir: path.resolve(env.BINHDANG_DATA_DIR ?? './data'),
    ...(sharedBuffers ? { sharedBuffers: checkedSharedBuffers(sharedBuffers) } : {}),
  };
}

/**
 * The embedded server's shared buffers. They live in the process's own memory: PostgreSQL's default 128MB would be
 * a fifth of the app's memory budget (600 MB at national scale), and the files behind them are in the OS page
 * cache anyway.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

/** A shared_buffers value as PostgreSQL reads it, from 1MB to 1GB; anything else is refused by name. */
export function checkedSharedBuffers(value: string): string {
  const m = /^(\d+)(kB|MB|GB)$/.exec(value.trim());
  const kb = m ? Number(m[1]) * { kB: 1, MB: 1024, GB: 1024 * 1024 }[m[2] as 'kB' | 'MB' | 'GB'] : NaN;
  if (!(kb >= 1024 && kb <= 1024 * 1024))
    throw new Error(
      `BINHDANG_PGLITE_SHARED_BUFFERS="${value}": cần một dung lượng từ 1MB đến 1GB, ví dụ 64MB / ` +
        `expected a size from 1MB to 1GB, e.g. 64MB`,
    );
  return `${m![1]}${m![2]}`;
}

/** SQLSTATEs of a server that is shutting down, restarting or has ended the session (admin_shutdown …). */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres reports a lost or unusable connection with these messages and no code. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];
/** Refused at connection time with a generic SQLSTATE (55000): ALLOW_CONNECTIONS false, a database being dropped. */
const REFUSING = /is not currently accepting connections/;

/** The error and its causes (Drizzle wraps the driver's error as `cause`). */
function* causes(err: unknown): Generator<Record<string, unknown>> {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

/**
 * Whether an error means the database cannot be reached now (refused or lost connection, server shutting down
 * or restarting, session terminated by an administrator), as opposed to a fault of the request or the code.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of causes(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || UNAVAILABLE_ERRNOS.has(code)) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m)) || REFUSING.test(message)) return true;
  }
  return false;
}

/** The SQLSTATE of a database error, looked for through its causes. */
export function sqlState(err: unknown): string | null {
  for (const e of causes(err)) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return null;
}

/** A connection string with its password masked, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL không đọc được / unreadable)';
  }
}

/**
 * A pool that survives the database going away: connections lost while idle or in use are dropped and logged
 * (an unhandled 'error' event would end the process), the requests using them fail and answer 503, and the
 * pool opens new connections once the server is back.
 */
export function createPool(url: string, onError: (err: Error) => void = () => undefined): pg.Pool {
  // JIT off: the app's queries read index ranges in milliseconds, but a walk of the org-unit tree or a national
  // roll-up is estimated high enough for PostgreSQL to spend a second compiling it first (measured on the
  // submissions page: 1–2.3 s with JIT, 3 ms without).
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    options: '-c jit=off',
  });
  pool.on('error', onError);
  // A client checked out for a transaction has no pool listener while it is lent out.
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/**
 * Creates a new embedded cluster in a child process. PGlite's initdb runs in a WebAssembly instance whose memory
 * (about 500 MB) the process never gets back; in a child it is returned when the child exits.
 */
async function createClusterApart(pgdata: string): Promise<void> {
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)});
const client = await PGlite.create({ dataDir: ${JSON.stringify(pgdata)} });
await client.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    maxBuffer: 1 << 20,
  });
}

/**
 * Opens the database and applies pending migrations in-process, all in one transaction (drizzle's migrator), after
 * refusing a database that a newer version of the app has migrated.
 */
export async function openDatabase(
  config: DatabaseConfig,
  opts: { onConnectionError?: (err: Error) => void } = {},
): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const pool = createPool(config.url, opts.onConnectionError);
    const db = drizzlePg(pool, { schema, casing: 'snake_case' });
    try {
      await refuseNewerDatabase(db);
      await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      url: config.url,
      dataVersion: polledDataVersion(db),
      close: () => pool.end(),
    };
  }
  const release = config.dataDir ? acquireDataDirLock(config.dataDir) : () => undefined;
  try {
    const pgdata = config.dataDir ? path.join(config.dataDir, 'pgdata') : null;
    if (pgdata && !config.loadDataDir && !fs.existsSync(path.join(pgdata, 'PG_VERSION')))
      await createClusterApart(pgdata);
    const client = await PGlite.create({
      ...(pgdata ? { dataDir: pgdata } : {}),
      ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
      postgresqlconf: [`shared_buffers=${config.sharedBuffers ?? PGLITE_SHARED_BUFFERS}`],
    });
    const db = drizzlePglite(client, { schema, casing: 'snake_case' });
    try {
      await refuseNewerDatabase(db);
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } catch (err) {
      await client.close().catch(() => undefined);
      throw err;
    }
    await client.exec(`set binhdang.announce_data_version = 'on'`);
    const dataVersion = await announcedDataVersion(db, (onChange) =>
      client.listen(DATA_VERSION_CHANNEL, onChange),
    );
    return {
      db: db as unknown as Database,
      kind: 'pglite',
      dataVersion,
      pglite: client,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = await db.execute<Record<string, unknown>>(query);
  return (result as { rows: T[] }).rows;
}

/** A `numeric` column as a number: both drivers return numeric values as strings. */
export function fromNumeric(value: string | null): number | null {
  return value === null ? null : Number(value);
}
