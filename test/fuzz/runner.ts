import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/connection.js';
import { ENTRY_POINTS, type EntryPoint, type FuzzRequest, type FuzzWorld } from './arbitraries.js';

/** A response as the runner needs it. */
export interface FuzzResponse {
  status: number;
  body: string;
}

export interface FuzzStats {
  entryPoint: EntryPoint;
  cases: number;
  statuses: Record<number, number>;
  /** Answers 500 or above (a 507 would also count: no disk is full here). */
  serverErrors: number;
  /** Refused requests after which a touched table's row count had changed. */
  partialWrites: number;
  /** Accepted writes that did not record exactly one audit row. */
  auditMismatches: number;
  /** The first few failures, to reproduce them. */
  failures: { request: FuzzRequest; status: number; body: string; reason: string }[];
  ms: number;
}

/** Row counts of the given tables, in one statement. */
export async function rowCounts(db: Database, tables: readonly string[]): Promise<Record<string, number>> {
  const selects = sql.join(
    tables.map((t) => sql`(select count(*)::int from ${sql.identifier(t)}) as ${sql.identifier(t)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, number>>(db, sql`select ${selects}`);
  return row!;
}

/**
 * Sends `cases` generated requests of one entry point and checks each: never a 5xx; a refused request (4xx)
 * leaves the row counts of the tables it touches as they were; an accepted one records exactly one audit row.
 */
export async function fuzzEntryPoint(
  entryPoint: EntryPoint,
  world: FuzzWorld,
  db: Database,
  send: (req: FuzzRequest) => Promise<FuzzResponse>,
  cases: number,
  seed: number,
): Promise<FuzzStats> {
  const { make, tables } = ENTRY_POINTS[entryPoint];
  const stats: FuzzStats = {
    entryPoint,
    cases: 0,
    statuses: {},
    serverErrors: 0,
    partialWrites: 0,
    auditMismatches: 0,
    failures: [],
    ms: 0,
  };
  const started = performance.now();
  const arb = make(world);
  const batch = 250;
  for (let done = 0; done < cases; done += batch) {
    const requests = fc.sample(arb, { numRuns: Math.min(batch, cases - done), seed: seed + done });
    // Nothing else writes meanwhile: the counts after one case are the counts before the next.
    let known: Record<string, number> | null = null;
    for (const request of requests) {
      const before = known ?? (await rowCounts(db, tables));
      known = null;
      const res = await send(request);
      stats.cases++;
      stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
      const fail = (reason: string) => {
        if (stats.failures.length < 5)
          stats.failures.push({ request, status: res.status, body: res.body, reason });
      };
      if (res.status >= 500) {
        stats.serverErrors++;
        fail('server error');
        continue;
      }
      const after = await rowCounts(db, tables);
      known = after;
      if (res.status >= 400) {
        if (tables.some((t) => after[t] !== before[t])) {
          stats.partialWrites++;
          fail(`refused but wrote: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        }
      } else if (after.audit_log! - before.audit_log! !== 1) {
        stats.auditMismatches++;
        fail(`accepted with ${after.audit_log! - before.audit_log!} audit rows`);
      }
    }
  }
  stats.ms = Math.round(performance.now() - started);
  return stats;
}

/** One line per entry point: cases, statuses, 500s, partial writes. */
export function formatStats(s: FuzzStats): string {
  const statuses = Object.entries(s.statuses)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');
  return `${s.entryPoint.padEnd(18)} cases ${s.cases}  statuses ${statuses}  5xx ${s.serverErrors}  partial writes ${s.partialWrites}  audit mismatches ${s.auditMismatches}  ${(s.ms / 1000).toFixed(1)} s`;
}
