import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootId, processStartTime } from '../../src/db/data-dir-lock.js';
import {
  isRunning,
  spawnServer,
  statusOf,
  stopServer,
  waitUntilHealthy,
  withTimeout,
  type ServerProcess,
} from '../support/process.js';

/** Real servers on one PGlite data directory: a second one must refuse to start, a stale lock must not block. */

// Generous: a cold start migrates a new database, and the machine running the suite may be busy.
const STARTUP_LIMIT_MS = 120_000;

const started: ServerProcess[] = [];
let dataDir: string | null = null;

async function startServer(dir: string): Promise<ServerProcess> {
  // The embedded database is what is being locked; never let the server pick PostgreSQL instead.
  const server = await spawnServer({ dataDir: dir });
  started.push(server);
  return server;
}

/** The pid a lock file names (its first line; start time and boot id follow). */
const lockOwner = (dir: string) => fs.readFileSync(path.join(dir, 'binhdang.lock'), 'utf8').split('\n')[0];

afterEach(async () => {
  for (const server of started.splice(0)) await stopServer(server);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
});

describe('data directory lock between server processes', () => {
  it('refuses a second server on the same data directory and leaves the first one running', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhdang-lock-process-'));
    const dir = dataDir;

    const first = await startServer(dir);
    await waitUntilHealthy(first, STARTUP_LIMIT_MS);
    expect(lockOwner(dir)).toBe(String(first.child.pid));

    const second = await startServer(dir);
    const { code } = await withTimeout(second.exited, STARTUP_LIMIT_MS, 'exit of the second server');
    expect(code).toBe(1);
    const message = second.stderr();
    expect(message).toContain(dir);
    expect(message).toContain('đang được tiến trình');
    expect(message).toContain('in use by process');
    expect(message).toContain(String(first.child.pid));

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
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhdang-lock-process-'));
    // The test runner itself is alive, but it is not the process that wrote this lock: that one started earlier.
    const earlier = Number(processStartTime(process.pid)) - 1;
    fs.writeFileSync(path.join(dataDir, 'binhdang.lock'), `${process.pid}\n${earlier}\n${bootId()}\n`);

    const server = await startServer(dataDir);
    await waitUntilHealthy(server, STARTUP_LIMIT_MS);
    expect(isRunning(server)).toBe(true);
    expect(lockOwner(dataDir)).toBe(String(server.child.pid));
  }, 200_000);
});
