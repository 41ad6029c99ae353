import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type DatabaseConfig, type Database } from '../../src/db/connection.js';
import {
  appliedMigrationStamps,
  DatabaseNewerError,
  knownMigrations,
  MIGRATIONS_FOLDER,
} from '../../src/db/migrations.js';
import { startupFailureMessage } from '../../src/server/startup-errors.js';
import { withDatabase } from '../support/postgres-scratch.js';

/**
 * Starting a newer version on an older database: the database made by the previous migration set (every migration
 * but the last) is upgraded in one transaction with its data kept; a database newer than the app is refused.
 */
const url = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const tmpDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A copy of the migrations folder with its journal cut to the first `count` migrations, plus `extra` ones. */
function migrationSet(count: number, extra: { tag: string; sql: string }[] = []): string {
  const folder = tmpDir('binhdang-migrations-');
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
    entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
  };
  journal.entries = journal.entries.slice(0, count);
  const last = journal.entries.at(-1)!;
  extra.forEach((m, i) => {
    fs.writeFileSync(path.join(folder, `${m.tag}.sql`), m.sql);
    journal.entries.push({ ...last, idx: last.idx + 1 + i, when: last.when + 1000 * (i + 1), tag: m.tag });
  });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/**
 * A database migrated with `folder` only, holding a unit and an audit row, then closed: what an older version of the
 * app leaves behind. Returns how to open it with this version.
 */
async function olderDatabase(folder: string): Promise<DatabaseConfig> {
  const seed = async (db: Database) => {
    await db.execute(sql`insert into org_units (code, kind, name, full_name, unit_type, search_text)
                         values ('T-UP', 'province', 'Tỉnh Thử', 'Tỉnh Thử', 'Tỉnh', 'tinh thu')`);
    await db.execute(sql`insert into audit_log (at, username, action, entity)
                         values (now(), 'system', 'test.before-upgrade', 'org_unit')`);
  };
  if (url) {
    const name = `binhdang_upgrade_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    });
    const pool = new pg.Pool({ connectionString: withDatabase(url, name) });
    const db = drizzlePg(pool, { casing: 'snake_case' });
    await migratePg(db, { migrationsFolder: folder });
    await seed(db as unknown as Database);
    await pool.end();
    return { kind: 'postgres', url: withDatabase(url, name) };
  }
  const dataDir = tmpDir('binhdang-upgrade-');
  const client = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
  const db = drizzlePglite(client, { casing: 'snake_case' });
  await migratePglite(db, { migrationsFolder: folder });
  await seed(db as unknown as Database);
  await client.close();
  return { kind: 'pglite', dataDir };
}

async function opened(config: DatabaseConfig) {
  const handle = await openDatabase(config);
  cleanups.push(() => handle.close());
  return handle;
}

describe(`upgrades (${url ? 'PostgreSQL' : 'PGlite'})`, () => {
  const known = knownMigrations();

  it('upgrades a database made by the previous migration set, keeping its data', async () => {
    const config = await olderDatabase(migrationSet(known.length - 1));
    const handle = await opened(config);
    expect(await appliedMigrationStamps(handle.db)).toEqual(known.map((m) => m.when));
    expect(await queryRows(handle.db, sql`select code, name from org_units where code = 'T-UP'`)).toEqual([
      { code: 'T-UP', name: 'Tỉnh Thử' },
    ]);
    expect(
      await queryRows(handle.db, sql`select action from audit_log where action = 'test.before-upgrade'`),
    ).toHaveLength(1);
    // The upgraded database works as a new one does: an audited write moves the data version.
    const before = await handle.dataVersion();
    await handle.db.execute(sql`insert into audit_log (at, username, action, entity)
                                values (now(), 'system', 'test.after-upgrade', 'org_unit')`);
    expect(await handle.dataVersion()).toBe(before + 1);
  });

  it('applies an upgrade in one transaction: a failing migration leaves the database as it was', async () => {
    const previous = known.length - 1;
    const config = await olderDatabase(migrationSet(previous));
    const broken = migrationSet(previous, [
      { tag: '9998_adds_a_table', sql: 'CREATE TABLE upgrade_half_done (id integer);' },
      { tag: '9999_fails', sql: 'SELECT 1 / 0;' },
    ]);
    const handle = await opened(config);
    // Opened with this version it is upgraded already; its journal is rolled back by hand to the previous set so
    // that the same migrator the app uses tries the broken set after it.
    await handle.db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at > ${known[previous - 1]!.when}`,
    );
    const migrator = handle.kind === 'postgres' ? migratePg : migratePglite;
    await expect(
      (migrator as (db: unknown, c: { migrationsFolder: string }) => Promise<void>)(handle.db, {
        migrationsFolder: broken,
      }),
    ).rejects.toThrow();
    expect(await appliedMigrationStamps(handle.db)).toEqual(known.slice(0, previous).map((m) => m.when));
    expect(await queryRows(handle.db, sql`select to_regclass('upgrade_half_done') is null as gone`)).toEqual([
      { gone: true },
    ]);
  });

  it('refuses to start on a database that a newer version has migrated, saying so', async () => {
    const config = await olderDatabase(migrationSet(known.length));
    const newer = known.at(-1)!.when + 86_400_000;
    {
      const handle = await openDatabase(config);
      await handle.db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-version', ${newer})`,
      );
      await handle.close();
    }
    const refused = await openDatabase(config).then(
      (h) => h.close().then(() => null),
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(DatabaseNewerError);
    const message = startupFailureMessage(refused, config);
    expect(message).toContain('phiên bản Bình Đẳng mới hơn');
    expect(message).toContain(`this version ends at ${known.at(-1)!.tag}`);
    expect(message).toContain(new Date(newer).toISOString().slice(0, 10));
  });
});
