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
 * PGlite has no locking between processes, so the embedded data directory gets a lock file holding
 * the owner's pid. A lock left by a dead process is taken over. Returns the release function.
 */
export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'binhdang.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // Only a plain positive pid counts: kill(0 or negative, 0) would probe a whole process group and
      // report "alive", so a lock file holding "0" or "-1" would otherwise block the directory forever.
      let content: string;
      try {
        content = fs.readFileSync(lockPath, 'utf8').trim();
      } catch (readErr) {
        // Released between our write and this read: try again.
        if ((readErr as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw readErr;
      }
      const ownerPid = /^\d+$/.test(content) ? Number(content) : Number.NaN;
      if (Number.isSafeInteger(ownerPid) && ownerPid > 0 && ownerPid !== process.pid && isAlive(ownerPid)) {
        throw new DataDirLockedError(dir, ownerPid);
      }
      // Stale (dead owner, unreadable, or our own pid from an earlier run in this process): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory "${dir}"`);
}
