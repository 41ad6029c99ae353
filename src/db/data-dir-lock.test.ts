import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataDirLockedError,
  acquireDataDirLock,
  bootId,
  lockContent,
  processStartTime,
} from './data-dir-lock.js';

let dir: string;
const children: ChildProcess[] = [];
const releases: (() => void)[] = [];

const lockFile = () => path.join(dir, 'binhdang.lock');
/** The pid a lock file names (its first line). */
const lockOwner = (file = lockFile()) => fs.readFileSync(file, 'utf8').split('\n')[0]!.trim();

function acquire(): () => void {
  const release = acquireDataDirLock(dir);
  releases.push(release);
  return release;
}

/** A node process that stays alive until killed. */
async function startSleeper(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await once(child, 'spawn');
  if (child.pid === undefined) throw new Error('child has no pid');
  return child.pid;
}

/** The pid of a node process that has already exited. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid;
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  if (pid === undefined) throw new Error('child has no pid');
  return pid;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhdang-lock-'));
});

afterEach(async () => {
  for (const release of releases.splice(0)) release();
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('acquireDataDirLock', () => {
  it('creates the lock file holding this process’s pid', () => {
    acquire();
    expect(lockOwner()).toBe(String(process.pid));
  });

  it('creates a missing data directory', () => {
    const nested = path.join(dir, 'nested', 'data');
    releases.push(acquireDataDirLock(nested));
    expect(lockOwner(path.join(nested, 'binhdang.lock'))).toBe(String(process.pid));
  });

  it('removes the lock file on release, and a second release is harmless', () => {
    const release = acquire();
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
    expect(() => release()).not.toThrow();
    // The directory can be locked again afterwards.
    acquire();
    expect(lockOwner()).toBe(String(process.pid));
  });

  it('does not remove a lock file that another process has taken since', () => {
    const release = acquire();
    fs.writeFileSync(lockFile(), '999999');
    release();
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe('999999');
  });

  it('does not pile up exit listeners across acquire/release cycles', () => {
    const before = process.listenerCount('exit');
    for (let i = 0; i < 3; i++) acquire()();
    expect(process.listenerCount('exit')).toBe(before);
  });

  it('refuses a directory locked by another live process, naming the pid and the directory', async () => {
    const pid = await startSleeper();
    fs.writeFileSync(lockFile(), String(pid));

    let error: unknown;
    try {
      acquire();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    const locked = error as DataDirLockedError;
    expect(locked.ownerPid).toBe(pid);
    expect(locked.dir).toBe(dir);
    expect(locked.name).toBe('DataDirLockedError');
    expect(locked.message).toContain(dir);
    expect(locked.message).toContain(String(pid));
    expect(locked.message).toContain('đang được tiến trình');
    expect(locked.message).toContain('in use by process');
    // The owner's lock is left alone.
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(pid));
  });

  it('takes over a lock left by a process that has exited', async () => {
    const pid = await exitedPid();
    fs.writeFileSync(lockFile(), `${pid}\n`);
    acquire();
    expect(lockOwner()).toBe(String(process.pid));
  });

  it.each(['', 'garbage', 'pid: 42', '0', '-1', '12abc'])('takes over a lock file holding %j', (content) => {
    fs.writeFileSync(lockFile(), content);
    acquire();
    expect(lockOwner()).toBe(String(process.pid));
  });

  it('takes over its own pid left from an earlier run in this process', () => {
    fs.writeFileSync(lockFile(), String(process.pid));
    acquire();
    expect(lockOwner()).toBe(String(process.pid));
  });

  it('records the owner’s start time and the boot id with its pid', () => {
    acquire();
    const [pid, start, boot] = fs.readFileSync(lockFile(), 'utf8').split('\n');
    expect(pid).toBe(String(process.pid));
    expect(start).toMatch(/^\d+$/);
    expect(start).toBe(processStartTime(process.pid));
    expect(boot).toBe(bootId());
    expect(boot).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a lock whose pid, start time and boot are those of a live process', async () => {
    const pid = await startSleeper();
    fs.writeFileSync(lockFile(), lockContent(pid));
    expect(() => acquire()).toThrow(DataDirLockedError);
    expect(lockOwner()).toBe(String(pid));
  });

  it('takes over a lock whose pid now belongs to another live process (another start time)', async () => {
    const pid = await startSleeper();
    const start = Number(processStartTime(pid));
    fs.writeFileSync(lockFile(), `${pid}\n${start - 1}\n${bootId()}\n`);
    acquire();
    expect(lockOwner()).toBe(String(process.pid));
  });

  it('takes over a lock naming pid 1 (always alive) with the start time of an earlier process', () => {
    fs.writeFileSync(lockFile(), `1\n${Number(processStartTime(1)) + 12345}\n${bootId()}\n`);
    acquire();
    expect(lockOwner()).toBe(String(process.pid));
  });

  it('takes over a lock written before the machine last booted, even if its pid is alive now', async () => {
    const pid = await startSleeper();
    fs.writeFileSync(lockFile(), `${pid}\n${processStartTime(pid)}\n00000000-0000-0000-0000-000000000000\n`);
    acquire();
    expect(lockOwner()).toBe(String(process.pid));
  });
});
