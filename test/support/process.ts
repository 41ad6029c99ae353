import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';

/** Real server processes (`src/server/main.ts`) for process-level tests. */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * How long a server may take to start or to give up. Generous: a cold start migrates a new database, and the
 * machine running the suite may be busy.
 */
export const STARTUP_LIMIT_MS = 120_000;

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function freePort(): Promise<number> {
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

/**
 * Spawns the server on a free port, with `--no-demo` unless `args` says otherwise. `database` picks PGlite in a
 * data directory or PostgreSQL at a URL (the other variable is removed from the environment, and so is
 * BINHDANG_DEMO unless `env` sets it); `uid`/`gid` run it as another user.
 */
export async function spawnServer(
  database: { dataDir: string } | { url: string },
  opts: { uid?: number; gid?: number; args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.BINHDANG_DATA_DIR;
  delete env.BINHDANG_DEMO;
  if ('url' in database) env.DATABASE_URL = database.url;
  else env.BINHDANG_DATA_DIR = database.dataDir;
  Object.assign(env, opts.env);
  const args = opts.args ?? ['--no-demo'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.uid !== undefined ? { uid: opts.uid } : {}),
    ...(opts.gid !== undefined ? { gid: opts.gid } : {}),
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, port, url: `http://127.0.0.1:${port}`, stderr: () => stderr, exited };
}

export const isRunning = (s: ServerProcess) => s.child.exitCode === null && s.child.signalCode === null;

/** Ends a server if it still runs. */
export async function stopServer(s: ServerProcess): Promise<void> {
  if (isRunning(s)) {
    s.child.kill('SIGKILL');
    await s.exited;
  }
}

/** The status of GET `path`, or null when nothing answers. */
export async function statusOf(s: ServerProcess, urlPath = '/api/health'): Promise<number | null> {
  try {
    const res = await fetch(`${s.url}${urlPath}`, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

/** Polls /api/health until it answers 200; fails early if the server dies, and after the limit. */
export async function waitUntilHealthy(s: ServerProcess, limitMs = STARTUP_LIMIT_MS): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (!isRunning(s)) throw new Error(`server exited before answering:\n${s.stderr()}`);
    if ((await statusOf(s)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer /api/health within ${limitMs} ms:\n${s.stderr()}`);
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
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

/**
 * A server that must give up at start-up: exit code 1 and one line of explanation holding every fragment, no
 * stack trace.
 */
export async function expectOneLineFailure(server: ServerProcess, ...fragments: string[]): Promise<void> {
  const { code } = await withTimeout(server.exited, STARTUP_LIMIT_MS, 'exit of the server');
  expect(code).toBe(1);
  const lines = server
    .stderr()
    .split('\n')
    .filter((l) => l.trim() !== '');
  expect(lines, server.stderr()).toHaveLength(1);
  expect(lines[0]).not.toMatch(/^\s+at |Error:/);
  for (const f of fragments) expect(lines[0]).toContain(f);
}

export interface ServerProcesses {
  /** Spawns a server as `spawnServer` does; it is ended after the test. */
  start: (...args: Parameters<typeof spawnServer>) => Promise<ServerProcess>;
  /** Something to undo after the test, once its servers are ended; the last registered runs first. */
  onCleanup: (cleanup: () => Promise<void> | void) => void;
  /** A new temporary directory, removed after the test. */
  temporaryDir: (prefix: string) => string;
}

/** The server processes of a test file's tests, ended after each test together with what the test made. */
export function useServerProcesses(): ServerProcesses {
  const started: ServerProcess[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await stopServer(server);
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    async start(...args) {
      const server = await spawnServer(...args);
      started.push(server);
      return server;
    },
    onCleanup: (cleanup) => void cleanups.push(cleanup),
    temporaryDir(prefix) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
  };
}

/** Runs the command line (`bin/binhdang.js`) with `env`, to its exit: its code and what it printed. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/binhdang.js', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
