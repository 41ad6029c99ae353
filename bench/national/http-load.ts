/**
 * The public-progress load test: the app on the loaded database, anonymous clients asking for a province plan's
 * progress as fast as they can, while one more client measures /api/health.
 */
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
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
  const progressMs: number[] = [];
  const healthMs: number[] = [];
  const failureKinds = new Map<string, number>();
  let failures = 0;
  const fail = (what: string) => {
    failures++;
    const kind = what.replace(/[0-9a-f-]{36}/g, ':id').replace(/\?.*$/, '');
    failureKinds.set(kind, (failureKinds.get(kind) ?? 0) + 1);
  };
  const timed = async (url: string, into: number[], client: number) => {
    const start = performance.now();
    try {
      const res = await fetch(url, { headers: { 'x-forwarded-for': `10.0.${client >> 8}.${client & 255}` } });
      await res.arrayBuffer();
      if (res.ok) into.push(performance.now() - start);
      else fail(`${res.status} ${url.slice(base.length)}`);
    } catch (err) {
      fail(`${(err as Error).message} ${url.slice(base.length)}`);
    }
  };
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const loop = async (url: string, into: number[], client: number) => {
    while (performance.now() < until) await timed(url, into, client);
  };
  try {
    await Promise.all([
      ...Array.from({ length: options.clients }, (_, client) =>
        loop(`${base}/api/plans/${planId}/progress?year=${year}`, progressMs, client + 1),
      ),
      loop(`${base}/api/health`, healthMs, 0),
    ]);
  } finally {
    await app.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    clients: options.clients,
    served: progressMs.length,
    failures,
    failureKinds,
    progressP50: quantile(progressMs, 0.5),
    progressP95: quantile(progressMs, 0.95),
    healthP50: quantile(healthMs, 0.5),
    healthP99: quantile(healthMs, 0.99),
  };
}
