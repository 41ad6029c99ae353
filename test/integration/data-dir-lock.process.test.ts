import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootId, processStartTime } from '../../src/db/data-dir-lock.js';
import {
  expectOneLineFailure,
  isRunning,
  statusOf,
  useServerProcesses,
  waitUntilHealthy,
  withTimeout,
} from '../support/process.js';

/** Real servers on one PGlite data directory: a second one must refuse to start, a stale lock must not block. */

const servers = useServerProcesses();

/** A server on the embedded database in `dir`: that database is what is being locked, never PostgreSQL. */
const startServer = (dir: string) => servers.start({ dataDir: dir });

/** The pid a lock file names (its first line; start time and boot id follow). */
const lockOwner = (dir: string) => fs.readFileSync(path.join(dir, 'binhdang.lock'), 'utf8').split('\n')[0];

describe('data directory lock between server processes', () => {
  it('refuses a second server on the same data directory and leaves the first one running', async () => {
    const dir = servers.temporaryDir('binhdang-lock-process-');

    const first = await startServer(dir);
    await waitUntilHealthy(first);
    expect(lockOwner(dir)).toBe(String(first.child.pid));

    const second = await startServer(dir);
    await expectOneLineFailure(
      second,
      dir,
      'đang được tiến trình',
      'in use by process',
      String(first.child.pid),
    );

    // The refused server touched neither the lock nor the running server.
    expect(await statusOf(first)).toBe(200);
    expect(lockOwner(dir)).toBe(String(first.child.pid));

    first.child.kill('SIGTERM');
    const stopped = await withTimeout(first.exited, 30_000, 'exit of the first server after SIGTERM');
    expect(stopped.code).toBe(0);
    // A clean shutdown releases the directory.
    expect(fs.existsSync(path.join(dir, 'binhdang.lock'))).toBe(false);
  }, 200_000);

  it('starts over a stale lock whose pid now belongs to another live process', async () => {
    const dataDir = servers.temporaryDir('binhdang-lock-process-');
    // The test runner itself is alive, but it is not the process that wrote this lock: that one started earlier.
    const earlier = Number(processStartTime(process.pid)) - 1;
    fs.writeFileSync(path.join(dataDir, 'binhdang.lock'), `${process.pid}\n${earlier}\n${bootId()}\n`);

    const server = await startServer(dataDir);
    await waitUntilHealthy(server);
    expect(isRunning(server)).toBe(true);
    expect(lockOwner(dataDir)).toBe(String(server.child.pid));
  }, 200_000);
});
