import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tar from 'tar';
import type { Clock } from '../../core/clock.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { knownMigrations } from '../../db/migrations.js';
import { inCopyTransaction } from './copy-session.js';
import { BACKUP_FORMAT, type BackupManifest } from './manifest.js';
import {
  backupTables,
  identityRestartStatement,
  NOT_BACKED_UP,
  quotedIdentifier,
  type BackupTable,
} from './tables.js';

export interface BackupDeps {
  handle: DatabaseHandle;
  /** The uploaded files' folder (BINHDANG_FILES_DIR). */
  filesDir: string;
  now: Clock;
  /** A line for each step of a long run (the command line prints them). */
  progress?: (line: string) => void;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** The archive's layout: manifest.json, database/NN-table.copy and database/load.sql, files/… */
export const DATABASE_DIR = 'database';
export const FILES_DIR = 'files';

/**
 * Writes a backup archive (tar, gzip) of the database and the uploaded files to `file`: the database read in one
 * snapshot while the app keeps running, then the files (they are only ever added, so every file a row of the
 * snapshot names is there). The archive appears under its name only once complete.
 */
export async function writeBackup(file: string, deps: BackupDeps): Promise<BackupManifest> {
  const progress = deps.progress ?? (() => undefined);
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(`${target}.partial-`);
  try {
    fs.mkdirSync(path.join(staging, DATABASE_DIR));
    const createdAt = deps.now().toISOString();
    const { list, tables, derived, dataVersion, stamps } = await inCopyTransaction(
      deps.handle,
      'snapshot',
      async (session) => {
        const list = await backupTables((text) => session.query(text));
        const written: BackupManifest['tables'] = [];
        for (const [i, table] of list.entries()) {
          const name = `${DATABASE_DIR}/${String(i + 1).padStart(2, '0')}-${table.name}.copy`;
          const copied = await session.copyOut(table, path.join(staging, name));
          written.push({ name: table.name, file: name, columns: table.columns, ...copied });
          progress(`  ${table.name}: ${copied.rows} dòng / rows`);
        }
        const counts: Record<string, number> = {};
        for (const name of NOT_BACKED_UP.filter((n) => n === 'accepted_figure_groups')) {
          const [row] = await session.query<{ n: number }>(
            `select count(*)::int as n from ${quotedIdentifier(name)}`,
          );
          counts[name] = row!.n;
        }
        const [version] = await session.query<{ version: string }>(
          'select version::text as version from data_version where id = 1',
        );
        const applied = await session.query<{ created_at: string }>(
          'select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at',
        );
        return {
          list,
          tables: written,
          derived: counts,
          dataVersion: Number(version?.version ?? 0),
          stamps: applied.map((r) => Number(r.created_at)),
        };
      },
    );
    fs.writeFileSync(path.join(staging, DATABASE_DIR, 'load.sql'), psqlLoadScript(list, tables, dataVersion));
    const files = copyFiles(deps.filesDir, path.join(staging, FILES_DIR));
    progress(`  ${files.length} tệp / files`);
    const known = new Map(knownMigrations().map((m) => [m.when, m.tag]));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      app: { name: 'binhdang', version: appVersion() },
      createdAt,
      source: deps.handle.kind,
      migrations: stamps.map((when) => ({ tag: known.get(when) ?? `unknown-${when}`, when })),
      dataVersion,
      tables,
      derived,
      files,
    };
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${staging}.tar.gz`;
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [
      'manifest.json',
      DATABASE_DIR,
      FILES_DIR,
    ]);
    fs.renameSync(partial, target);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(`${staging}.tar.gz`, { force: true });
  }
}

/** Copies the files folder (temporary files of uploads in progress left out), each with its checksum. */
function copyFiles(from: string, to: string): BackupManifest['files'] {
  fs.mkdirSync(to, { recursive: true });
  if (!fs.existsSync(from)) return [];
  const files: BackupManifest['files'] = [];
  const entries = fs.readdirSync(from, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
    const source = path.join(entry.parentPath, entry.name);
    const relative = path.relative(from, source).split(path.sep).join('/');
    const bytes = fs.readFileSync(source);
    fs.mkdirSync(path.dirname(path.join(to, relative)), { recursive: true });
    fs.writeFileSync(path.join(to, relative), bytes);
    files.push({
      path: `${FILES_DIR}/${relative}`,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * database/load.sql: the same load for psql, into a database the app has created (its migrations applied, nothing
 * else): `cd database && psql -v ON_ERROR_STOP=1 -1 -f load.sql`.
 */
function psqlLoadScript(list: BackupTable[], tables: BackupManifest['tables'], dataVersion: number): string {
  const lines = [
    '-- Bình Đẳng backup: the data of every table, for a database created by the same version of the app.',
    '-- Run from this folder: psql -v ON_ERROR_STOP=1 -1 -f load.sql',
    "SET client_encoding = 'UTF8';",
    'SET CONSTRAINTS ALL IMMEDIATE;',
  ];
  for (const t of tables) {
    const columns = t.columns.map(quotedIdentifier).join(', ');
    lines.push(`\\copy ${quotedIdentifier(t.name)} (${columns}) from '${path.basename(t.file)}'`);
  }
  for (const t of list) if (t.identity) lines.push(`${identityRestartStatement(t)};`);
  lines.push(`UPDATE data_version SET version = ${dataVersion} WHERE id = 1;`);
  return `${lines.join('\n')}\n`;
}
