import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/** Two real servers on one PGlite data directory: the second must refuse to start. */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STARTUP_LIMIT_MS = 60_000;

interface Server {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Server[] = [];
let dataDir: string | null = null;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function startServer(dir: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BINHDANG_DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  // The embedded database is what is being locked; never let the server pick PostgreSQL instead.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--no-demo'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const server: Server = { child, port, stderr: () => stderr, exited };
  started.push(server);
  return server;
}

/** The pid a lock file names (its first line; start time and boot id follow). */
const lockOwner = (dir: string) => fs.readFileSync(path.join(dir, 'binhdang.lock'), 'utf8').split('\n')[0];

const isRunning = (s: Server) => s.child.exitCode === null && s.child.signalCode === null;

async function health(port: number): Promise<number | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

/** Polls /api/health until it answers 200; fails early if the server dies, and after the limit. */
async function waitUntilHealthy(server: Server, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (!isRunning(server)) throw new Error(`server exited before answering:\n${server.stderr()}`);
    if ((await health(server.port)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer /api/health within ${limitMs} ms:\n${server.stderr()}`);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

afterEach(async () => {
  for (const server of started.splice(0)) {
    if (isRunning(server)) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  }
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
    expect(await health(first.port)).toBe(200);
    expect(lockOwner(dir)).toBe(String(first.child.pid));

    first.child.kill('SIGTERM');
    const stopped = await withTimeout(first.exited, 30_000, 'exit of the first server after SIGTERM');
    expect(stopped.code).toBe(0);
    // A clean shutdown releases the directory.
    expect(fs.existsSync(path.join(dir, 'binhdang.lock'))).toBe(false);
  }, 90_000);
});
