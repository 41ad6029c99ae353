import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import type { Clock } from '../../core/clock.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { appliedMigrationStamps } from '../../db/migrations.js';
import { FILES_DIR } from './backup.js';
import { inCopyTransaction, measureFile, type CopySession } from './copy-session.js';
import { backupManifestSchema, BACKUP_FORMAT, type BackupManifest } from './manifest.js';
import { backupTables, identityRestartStatement, NOT_BACKED_UP, quotedIdentifier } from './tables.js';

export interface RestoreDeps {
  handle: DatabaseHandle;
  filesDir: string;
  /** Replace what the target holds (its files are moved aside, not deleted); without it a non-empty target is refused. */
  replace?: boolean;
  now: Clock;
  progress?: (line: string) => void;
}

/** A restore refused before anything was written, with the reason in Vietnamese and English. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/**
 * Restores a backup archive into this instance: checks the archive against its manifest, then, in one transaction,
 * loads every table, checks each against the manifest's rows and checksum again as stored, and puts the files in
 * place. Any difference rolls everything back. The target must be empty (the app's migrations applied, no data)
 * unless `replace` is given; its migrations must be the archive's.
 */
export async function restoreBackup(file: string, deps: RestoreDeps): Promise<BackupManifest> {
  const progress = deps.progress ?? (() => undefined);
  if (!fs.existsSync(file))
    throw new RestoreRefusedError(`Không có tệp sao lưu / no such backup file: ${file}`);
  const filesDir = path.resolve(deps.filesDir);
  fs.mkdirSync(path.dirname(filesDir), { recursive: true });
  // Beside the files folder, so that the restored files are moved into place, not copied again.
  const staging = fs.mkdtempSync(`${filesDir}.restoring-`);
  try {
    progress('Kiểm tra bản sao lưu / checking the archive');
    await tar.extract({ file, cwd: staging, strict: true }).catch((err: Error) => {
      throw new RestoreRefusedError(
        `Tệp không phải bản sao lưu đọc được (tar.gz) / not a readable backup archive: ${err.message}`,
      );
    });
    const manifest = readManifest(staging);
    await verifyArchive(staging, manifest);
    await checkMigrations(deps.handle, manifest);

    await inCopyTransaction(deps.handle, 'load', async (session) => {
      const tables = await backupTables((text) => session.query(text));
      checkTables(
        tables.map((t) => t.name),
        manifest,
      );
      await makeRoom(
        session,
        tables.map((t) => t.name),
        filesDir,
        deps.replace ? deps.now() : null,
      );
      await session.query('SET CONSTRAINTS ALL IMMEDIATE');
      const byName = new Map(tables.map((t) => [t.name, t]));
      for (const t of manifest.tables) {
        await session.copyIn({ ...byName.get(t.name)!, columns: t.columns }, path.join(staging, t.file));
        progress(`  ${t.name}: ${t.rows} dòng / rows`);
      }
      for (const t of tables) if (t.identity) await session.query(identityRestartStatement(t));
      await session.query('UPDATE data_version SET version = $1 WHERE id = 1', [manifest.dataVersion]);
      progress('Đối chiếu dữ liệu đã nạp / checking what was stored');
      for (const t of manifest.tables) {
        const stored = await session.copyOut({ ...byName.get(t.name)!, columns: t.columns }, null);
        if (stored.rows !== t.rows || stored.sha256 !== t.sha256)
          throw new Error(
            `Bảng ${t.name} sau khi nạp khác bản sao lưu (${stored.rows}/${t.rows} dòng): đã hủy khôi phục / ` +
              `table ${t.name} differs from the backup once loaded: the restore was rolled back`,
          );
      }
      for (const [name, rows] of Object.entries(manifest.derived)) {
        const [row] = await session.query<{ n: number }>(
          `select count(*)::int as n from ${quotedIdentifier(name)}`,
        );
        if (row!.n !== rows)
          throw new Error(
            `Bảng dẫn xuất ${name} dựng lại được ${row!.n} dòng, bản sao lưu ghi ${rows}: đã hủy khôi phục / ` +
              `derived table ${name} rebuilt to ${row!.n} rows, the backup says ${rows}: rolled back`,
          );
      }
      placeFiles(path.join(staging, FILES_DIR), filesDir);
    });
    progress(
      `Đã khôi phục / restored: ${manifest.tables.reduce((n, t) => n + t.rows, 0)} dòng / rows, ` +
        `${manifest.files.length} tệp / files`,
    );
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function readManifest(staging: string): BackupManifest {
  const file = path.join(staging, 'manifest.json');
  if (!fs.existsSync(file))
    throw new RestoreRefusedError('Bản sao lưu thiếu manifest.json / the archive has no manifest.json');
  const parsed = backupManifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new RestoreRefusedError(
      `manifest.json không đúng định dạng ${BACKUP_FORMAT} / not a ${BACKUP_FORMAT} manifest: ` +
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

/** Every table file and stored file as the manifest says: rows, bytes and checksums. */
async function verifyArchive(staging: string, manifest: BackupManifest): Promise<void> {
  const problems: string[] = [];
  const inside = (p: string) => {
    const full = path.resolve(staging, p);
    return full.startsWith(staging + path.sep) && fs.existsSync(full) ? full : null;
  };
  for (const t of manifest.tables) {
    const full = inside(t.file);
    const found = full ? await measureFile(full) : null;
    if (!found) problems.push(`${t.file}: thiếu / missing`);
    else if (found.sha256 !== t.sha256) problems.push(`${t.file}: sai tổng kiểm / checksum differs`);
    else if (found.rows !== t.rows) problems.push(`${t.file}: số dòng khác / row count differs`);
  }
  for (const f of manifest.files) {
    const full = inside(f.path);
    if (!full) problems.push(`${f.path}: thiếu / missing`);
    else if (fs.statSync(full).size !== f.bytes || (await measureFile(full)).sha256 !== f.sha256)
      problems.push(`${f.path}: sai tổng kiểm / checksum differs`);
  }
  if (problems.length > 0)
    throw new RestoreRefusedError(
      `Bản sao lưu bị hỏng hoặc không đầy đủ / the archive is damaged or incomplete:\n  ${problems.join('\n  ')}`,
    );
}

async function checkMigrations(handle: DatabaseHandle, manifest: BackupManifest): Promise<void> {
  const here = await appliedMigrationStamps(handle.db);
  const there = manifest.migrations.map((m) => m.when);
  if (here.length === there.length && here.every((w, i) => w === there[i])) return;
  const newer = there.some((w) => !here.includes(w));
  throw new RestoreRefusedError(
    newer
      ? `Bản sao lưu do phiên bản mới hơn tạo (${manifest.app.version}, ${manifest.migrations.at(-1)?.tag}): ` +
          `hãy khôi phục bằng phiên bản đó trở lên. The backup was made by a newer version ` +
          `(${manifest.app.version}): restore it with that version or a later one.`
      : `Bản sao lưu do phiên bản cũ hơn tạo (${manifest.app.version}, ${manifest.migrations.at(-1)?.tag}): ` +
          `hãy khôi phục bằng đúng phiên bản đó, rồi khởi động phiên bản này để nâng cấp. The backup was made by ` +
          `an older version (${manifest.app.version}): restore it with that version, then start this one to upgrade.`,
  );
}

function checkTables(here: string[], manifest: BackupManifest): void {
  const there = manifest.tables.map((t) => t.name);
  const missing = here.filter((n) => !there.includes(n));
  const unknown = there.filter((n) => !here.includes(n));
  if (missing.length || unknown.length)
    throw new RestoreRefusedError(
      `Các bảng của bản sao lưu không khớp cơ sở dữ liệu / the archive's tables do not match the database ` +
        `(thiếu / missing: ${missing.join(', ') || '—'}; lạ / unknown: ${unknown.join(', ') || '—'})`,
    );
}

/**
 * Refuses a target holding data (or files) unless told to replace it; replacing empties every table, the
 * insert-only audit trail included (which takes the tables' owner), and moves the files folder aside.
 */
async function makeRoom(
  session: CopySession,
  tables: string[],
  filesDir: string,
  /** When given, replace, and name the files folder moved aside after this time. */
  replace: Date | null,
): Promise<void> {
  const counts: string[] = [];
  for (const name of tables) {
    const [row] = await session.query<{ n: number }>(
      `select count(*)::int as n from ${quotedIdentifier(name)}`,
    );
    if (row!.n > 0) counts.push(`${name} ${row!.n}`);
  }
  const files = fs.existsSync(filesDir) && fs.readdirSync(filesDir).length > 0;
  if (!replace && (counts.length > 0 || files))
    throw new RestoreRefusedError(
      `Nơi khôi phục không trống (${[...counts.slice(0, 5), ...(files ? [`thư mục tệp ${filesDir}`] : [])].join(', ')}` +
        `${counts.length > 5 ? ', …' : ''}): chỉ khôi phục vào một cài đặt mới, hoặc thêm --replace để thay toàn bộ ` +
        `dữ liệu hiện có. The target is not empty: restore into a new instance, or add --replace to replace all ` +
        `of its data.`,
    );
  if (!replace) return;
  const all = [...tables, ...NOT_BACKED_UP.filter((n) => n !== 'data_version')].map(quotedIdentifier);
  await session.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate');
  await session.query(`TRUNCATE ${all.join(', ')}`);
  await session.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate');
  if (files)
    fs.renameSync(filesDir, `${filesDir}.before-restore-${replace.toISOString().replace(/[:.]/g, '-')}`);
}

/** Moves the restored files into the files folder (copies when they are on another file system). */
function placeFiles(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  if (fs.existsSync(to)) fs.rmSync(to, { recursive: true });
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.cpSync(from, to, { recursive: true });
  }
}
