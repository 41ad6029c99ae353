import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../core/clock.js';
import { startRecurringJob } from '../../core/recurring-job.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.repository.js';
import { writeBackup } from './backup.js';
import { claimScheduledRun, finishScheduledRun } from './backup.repository.js';

export const DAILY_BACKUP_JOB = 'backup.daily';

export interface BackupScheduleDeps {
  handle: DatabaseHandle;
  filesDir: string;
  now: Clock;
  /** BINHDANG_BACKUP_DIR. */
  dir: string;
  /** BINHDANG_BACKUP_KEEP: how many daily archives to keep, the newest. */
  keep: number;
}

/** The day of a moment in Vietnam (UTC+7, no daylight saving), which names the day's backup. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const ARCHIVE = /^binhdang-(\d{4}-\d{2}-\d{2})\.tar\.gz$/;

/**
 * Takes today's backup unless some process has already started it (the first to insert the day's run row does
 * it), then keeps only the newest `keep` archives. Returns the archive written, or null when it was not this
 * process's to write.
 */
export async function runDailyBackup(deps: BackupScheduleDeps): Promise<string | null> {
  const { db } = deps.handle;
  const startedAt = deps.now();
  const day = vietnamDay(startedAt);
  const claimed = await db.transaction(async (tx) => {
    if (!(await claimScheduledRun(tx, DAILY_BACKUP_JOB, day, startedAt))) return false;
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      { action: DAILY_BACKUP_JOB, entity: 'scheduled_run', entityId: day },
      startedAt,
    );
    return true;
  });
  if (!claimed) return null;
  const file = path.join(deps.dir, `binhdang-${day}.tar.gz`);
  let outcome = 'failed';
  try {
    await writeBackup(file, { handle: deps.handle, filesDir: deps.filesDir, now: deps.now });
    outcome = path.basename(file);
    pruneBackups(deps.dir, deps.keep);
  } catch (err) {
    outcome = `failed: ${(err as Error).message}`;
    throw err;
  } finally {
    await finishScheduledRun(db, DAILY_BACKUP_JOB, day, deps.now(), outcome);
  }
  return file;
}

/** Removes the daily archives beyond the newest `keep` (other files in the folder are left alone). */
export function pruneBackups(dir: string, keep: number): string[] {
  const archives = fs
    .readdirSync(dir)
    .filter((f) => ARCHIVE.test(f))
    .sort()
    .reverse();
  const removed = archives.slice(Math.max(1, keep));
  for (const f of removed) fs.rmSync(path.join(dir, f), { force: true });
  return removed;
}

/**
 * Checks every `intervalMs` whether today's backup is due and takes it; returns a stop function. Errors go to
 * `onError` and the next day tries again (a failed day is not retried: its run row says why it failed).
 */
export function startBackupScheduler(
  deps: BackupScheduleDeps,
  intervalMs: number,
  onError: (err: unknown) => void,
): () => void {
  return startRecurringJob(() => runDailyBackup(deps), intervalMs, onError);
}
