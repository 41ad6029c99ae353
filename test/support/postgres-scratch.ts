import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';

/** Database name part of a PostgreSQL URL, replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A new database on the PostgreSQL server at `url` (a copy of `template` when given), opened and migrated;
 * `close()` drops it. Used by the test files and by `npm run fuzz`, so it imports nothing from vitest.
 */
export async function scratchPostgresDatabase(
  url: string,
  prefix: string,
  template?: string,
): Promise<DatabaseHandle> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin(`drop database if exists ${name}`);
    },
  };
}
