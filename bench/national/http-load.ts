/**
 * The public-progress load test: the app on the loaded database, anonymous clients asking for a province plan's
 * progress as fast as they can, while one more client measures /api/health; the clients in processes of their own.
 */
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { buildApp } from '../../src/server/app.js';
import { quantile } from './timing.js';

export interface LoadResult {
  seconds: number;
  clients: number;
  served: number;
  failures: number;
  /** Failures by status (or error) and path, plan ids left out. */
  failureKinds: Map<string, number>;
  progressP50: number;
  progressP95: number;
  healthP50: number;
  healthP99: number;
}

export async function publicProgressLoad(
  handle: DatabaseHandle,
  planId: string,
  year: number,
  options: { seconds: number; clients: number },
): Promise<LoadResult> {
  // Behind one proxy hop, each client with an address of its own: the per-client limit applies to each as it
  // would to 40 people, not to one address making all the requests.
  const app = await buildApp({ database: handle, logger: false, serveWeb: false, trustProxy: 1 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  // The clients run in processes of their own, as they would on other machines: on the server's event loop their
  // work (sending, parsing) would be counted as the server's latency, and in its process their memory as the
  // server's. One process for the crowd, one for the health probe, so that the probe's timing does not wait on the
  // crowd's.
  const until = Date.now() + options.seconds * 1000;
  const started = performance.now();
  let crowd: ClientResult;
  let probe: ClientResult;
  try {
    [crowd, probe] = await Promise.all([
      runClients({
        url: `${base}/api/plans/${planId}/progress?year=${year}`,
        clients: options.clients,
        first: 1,
        until,
      }),
      runClients({ url: `${base}/api/health`, clients: 1, first: 0, until }),
    ]);
  } finally {
    await app.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const failureKinds = new Map<string, number>();
  for (const what of [...crowd.failures, ...probe.failures]) {
    const kind = what
      .replace(base, '')
      .replace(/[0-9a-f-]{36}/g, ':id')
      .replace(/\?.*$/, '');
    failureKinds.set(kind, (failureKinds.get(kind) ?? 0) + 1);
  }
  return {
    seconds,
    clients: options.clients,
    served: crowd.ms.length,
    failures: crowd.failures.length + probe.failures.length,
    failureKinds,
    progressP50: quantile(crowd.ms, 0.5),
    progressP95: quantile(crowd.ms, 0.95),
    healthP50: quantile(probe.ms, 0.5),
    healthP99: quantile(probe.ms, 0.99),
  };
}

interface ClientResult {
  /** Each answered request's time, in ms. */
  ms: number[];
  /** Each failed request: status or error, and URL. */
  failures: string[];
}

/**
 * Clients in a child process, each asking for `url` again as soon as answered until `until` (epoch ms), each with
 * its own address (X-Forwarded-For, one proxy hop trusted): the per-client limit applies to each as to a person.
 */
const CLIENTS = `
const { performance } = require('node:perf_hooks');
const { url, clients, first, until } = JSON.parse(process.argv[1]);
const ms = [];
const failures = [];
async function loop(client) {
  const headers = { 'x-forwarded-for': '10.0.' + (client >> 8) + '.' + (client & 255) };
  while (Date.now() < until) {
    const start = performance.now();
    try {
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.ok) ms.push(performance.now() - start);
      else failures.push(res.status + ' ' + url);
    } catch (err) {
      failures.push(err.message + ' ' + url);
    }
  }
}
Promise.all(Array.from({ length: clients }, (_, i) => loop(first + i))).then(() =>
  process.stdout.write(JSON.stringify({ ms, failures })),
);
`;

function runClients(options: { url: string; clients: number; first: number; until: number }) {
  return new Promise<ClientResult>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLIENTS, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(JSON.parse(Buffer.concat(out).toString()) as ClientResult);
      else reject(new Error(`load clients exited with ${code}`));
    });
  });
}
