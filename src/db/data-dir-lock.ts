import fs from 'node:fs';
import path from 'node:path';

/** Thrown when another live process owns the embedded database directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Thư mục dữ liệu "${dir}" đang được tiến trình ${ownerPid} sử dụng; mỗi thư mục chỉ một máy chủ được mở. ` +
        `The data directory "${dir}" is in use by process ${ownerPid}; only one server may open it ` +
        `(stop that process, or set BINHDANG_DATA_DIR to another directory).`,
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * When a process started, in clock ticks since boot (/proc/<pid>/stat, field 22), or null where /proc is not
 * available. With the boot id it tells a lock's owner apart from an unrelated process that got the same pid
 * later (after a reboot, or in a container whose pids restart at 1).
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[22 - 3];
    return start && /^\d+$/.test(start) ? start : null;
  } catch {
    return null;
  }
}

/** This boot's id (Linux), or null. */
export function bootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** The lock file's content: the pid, then (where known) its start time and the boot id, one per line. */
export function lockContent(pid: number): string {
  return [String(pid), processStartTime(pid) ?? '', bootId() ?? ''].join('\n') + '\n';
}

interface LockOwner {
  pid: number;
  startTime: string | null;
  bootId: string | null;
}

/** Reads a lock file's content; null when it names no plain positive pid. */
export function parseLockContent(content: string): LockOwner | null {
  const [pidLine = '', start = '', boot = ''] = content.split('\n').map((l) => l.trim());
  // Only a plain positive pid counts: kill(0 or negative, 0) would probe a whole process group and report
  // "alive", so a lock file holding "0" or "-1" would otherwise block the directory forever.
  const pid = /^\d+$/.test(pidLine) ? Number(pidLine) : Number.NaN;
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  return { pid, startTime: start || null, bootId: boot || null };
}

/**
 * Whether the lock's owner still runs: its pid is alive and, when the lock recorded them, this is the same boot
 * and the process with that pid started when the owner did. A lock written before start times were recorded
 * (a bare pid) is judged by the pid alone.
 */
function ownerRuns(owner: LockOwner): boolean {
  if (owner.bootId !== null) {
    const current = bootId();
    if (current !== null && current !== owner.bootId) return false;
  }
  if (!isAlive(owner.pid)) return false;
  if (owner.startTime !== null) {
    const started = processStartTime(owner.pid);
    if (started !== null && started !== owner.startTime) return false;
  }
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no locking between processes, so the embedded data directory gets a lock file holding the owner's
 * pid, its start time and the boot id. A lock left by a dead process, or whose pid now belongs to another
 * process, is taken over. Returns the release function.
 */
export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'binhdang.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, lockContent(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          if (parseLockContent(fs.readFileSync(lockPath, 'utf8'))?.pid === process.pid)
            fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let content: string;
      try {
        content = fs.readFileSync(lockPath, 'utf8');
      } catch (readErr) {
        // Released between our write and this read: try again.
        if ((readErr as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw readErr;
      }
      const owner = parseLockContent(content);
      if (owner && owner.pid !== process.pid && ownerRuns(owner)) {
        throw new DataDirLockedError(dir, owner.pid);
      }
      // Stale (dead owner, pid reused by another process, unreadable, or our own pid from an earlier run in this
      // process): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory "${dir}"`);
}
