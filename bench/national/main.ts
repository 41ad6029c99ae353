/**
 * `npm run bench -- --scale national`: the issue's national scale (34 provinces, ~3,300 communes, ~1.1M figures
 * over five years) loaded through the product's own paths and read back, on PGlite and PostgreSQL. See
 * docs/NOTES.md, "National scale (issue 14)", for the flags.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/core/clock.js';
import { checkedSharedBuffers, openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { ensureReferenceData } from '../../src/db/reference/reference-data.js';
import { scratchPostgresDatabase } from '../../test/support/postgres-scratch.js';
import {
  countReferenceUnits,
  enteredIndicators,
  importPlans,
  loadProvinces,
  SAMPLE_PROVINCE,
} from './dataset.js';
import { publicProgressLoad, type LoadResult } from './http-load.js';
import { copyBaseline, enterFigures, runChain, yearsOf, type ChainYear, type EntryYear } from './load.js';
import { parseNationalOptions, type NationalOptions } from './options.js';
import { databaseSize, measureReads, type ReadResult } from './reads.js';
import { peakRssMiB, quantile, resetPeakRss, runPeakRssMiB } from './timing.js';

const PROVINCE_COUNT = 34;

interface RunResult {
  kind: string;
  provinces: number;
  communes: number;
  entry: EntryYear[];
  chain: ChainYear[];
  copy: { rows: number; seconds: number; method: string };
  reads: ReadResult[];
  load: LoadResult;
  sizeBytes: number;
  phases: Record<string, number>;
  /** Peak resident memory of each phase, MiB. */
  peaks: Record<string, number>;
}

const log = (line: string) => console.log(line);

async function runOn(handle: DatabaseHandle, options: NationalOptions): Promise<RunResult> {
  const { db } = handle;
  const deps = { db, now: systemClock };
  const phases: Record<string, number> = {};
  const peaks: Record<string, number> = {};
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    log(`\n${name}`);
    resetPeakRss();
    const start = performance.now();
    const value = await fn();
    phases[name] = (performance.now() - start) / 1000;
    peaks[name] = peakRssMiB();
    return value;
  };

  await ensureReferenceData(db);
  const counts = await countReferenceUnits(db);
  log(
    `reference units: ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
  );
  const count = options.provinces ?? Math.max(1, Math.round(PROVINCE_COUNT * options.fraction));
  const provinces = await loadProvinces(db, count);
  const communes = provinces.reduce((n, p) => n + p.communes.length, 0);
  const plans = await phase('plans', () => importPlans(db, systemClock, provinces));
  const indicators = await enteredIndicators(db);
  log(
    `${provinces.length} provinces, ${communes} communes; entered indicators ${indicators.map((i) => i.code).join(' ')}`,
  );

  const entry = await phase('1. entry (recordObservations, a province-year per call)', () =>
    enterFigures(deps, provinces, indicators, options.years, options.batch, log),
  );
  const chain = await phase(
    '2. approval chain (submit, approve, accept: a province’s units in one request each)',
    () => runChain(deps, provinces, indicators, plans, options.years, log),
  );
  const copy = await phase('3. baseline: the same rows in bulk into an indexed copy table', () =>
    copyBaseline(handle, provinces, indicators, options.years, options.batch),
  );
  // The fifth year whatever the run's length: a 10-year run then answers the 5-year run's question over twice
  // the data, which is what "no more than 1.2× the 5-year one" compares.
  const year = yearsOf(Math.min(options.years, 5)).at(-1)!;
  const reads = await phase(`4. reads, year ${year} (${options.runs} runs after a warm-up)`, () =>
    measureReads(
      db,
      {
        province: SAMPLE_PROVINCE,
        provincePlan: plans.byProvince.get(SAMPLE_PROVINCE)!,
        nationalPlan: plans.national,
      },
      year,
      options.runs,
    ),
  );
  for (const r of reads) log(`  ${r.label}: p50 ${r.product.p50.toFixed(1)} ms`);
  const load = await phase(
    `5. public progress under load (${options.clients} clients, ${options.loadSeconds} s)`,
    () =>
      publicProgressLoad(handle, plans.byProvince.get(SAMPLE_PROVINCE)!, year, {
        seconds: options.loadSeconds,
        clients: options.clients,
      }),
  );
  return {
    kind: handle.kind,
    provinces: provinces.length,
    communes,
    entry,
    chain,
    copy,
    reads,
    load,
    sizeBytes: await databaseSize(db),
    phases,
    peaks,
  };
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

function report(r: RunResult, options: NationalOptions): void {
  const rows = r.entry.reduce((n, e) => n + e.rows, 0);
  const entrySeconds = r.entry.reduce((n, e) => n + e.seconds, 0);
  const all = (pick: (c: ChainYear) => number[]) => r.chain.flatMap(pick);
  const lines: [string, string][] = [
    ['scale', `${r.provinces} provinces, ${r.communes} communes, ${options.years} years, ${rows} figures`],
    ['entry rows/s by year', r.entry.map((e) => Math.round(e.rows / e.seconds)).join(' / ')],
    [
      'entry total',
      `${entrySeconds.toFixed(1)} s, slowest call ${ms(Math.max(...r.entry.map((e) => e.maxBatchMs)))}`,
    ],
    [
      `baseline (${r.copy.method})`,
      `${r.copy.seconds.toFixed(1)} s; entry / baseline ${(entrySeconds / r.copy.seconds).toFixed(1)}×`,
    ],
    [
      "chain, a province's year p50/p95",
      (['submitMs', 'approveMs', 'acceptMs'] as const)
        .map(
          (k) =>
            `${k.replace('Ms', '')} ${ms(
              quantile(
                all((c) => c[k]),
                0.5,
              ),
            )}/${ms(
              quantile(
                all((c) => c[k]),
                0.95,
              ),
            )}`,
        )
        .join(', '),
    ],
    ...r.reads.map((x): [string, string] => [
      x.label,
      `p50 ${ms(x.product.p50)}, p95 ${ms(x.product.p95)}; SQL ${ms(x.baseline.p50)}; ${(x.product.p50 / x.baseline.p50).toFixed(1)}×`,
    ]),
    [
      'public progress under load',
      `${(r.load.served / r.load.seconds).toFixed(1)} req/s (p50 ${ms(r.load.progressP50)}, p95 ${ms(r.load.progressP95)}), ` +
        `/api/health p99 ${ms(r.load.healthP99)}, failures ${r.load.failures}${r.load.failureKinds.size ? ` (${[...r.load.failureKinds].map(([k, n]) => `${n}× ${k}`).join('; ')})` : ''}`,
    ],
    ['database size', `${(r.sizeBytes / 2 ** 20).toFixed(0)} MiB`],
    [
      'phases',
      Object.entries(r.phases)
        .map(([k, s]) => `${k.split(' ')[0]} ${s.toFixed(0)} s`)
        .join(', '),
    ],
    [
      'peak RSS by phase',
      Object.entries(r.peaks)
        .map(([k, mib]) => `${k.split(' ')[0]} ${mib.toFixed(0)} MiB`)
        .join(', '),
    ],
  ];
  const width = Math.max(...lines.map(([k]) => k.length));
  console.log(`\n== ${r.kind} ==`);
  for (const [k, v] of lines) console.log(`${k.padEnd(width)}  ${v}`);
}

export async function runNational(argv: readonly string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  const options = parseNationalOptions(argv, url);
  const started = performance.now();
  const results: RunResult[] = [];
  for (const kind of options.databases) {
    if (kind === 'postgres' && !url) {
      console.log('\nPostgreSQL skipped: DATABASE_URL is not set.');
      continue;
    }
    log(`\n### ${kind}`);
    // PostgreSQL: a database of the bench's own on the server DATABASE_URL names, dropped at the end. PGlite: a
    // data directory of its own, as the app runs it (BINHDANG_DATA_DIR), removed at the end.
    const dataDir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'binhdang-bench-')) : null;
    const handle =
      kind === 'postgres'
        ? await scratchPostgresDatabase(url!, 'bench_national')
        : await openDatabase({
            kind: 'pglite',
            dataDir,
            ...(process.env.BINHDANG_PGLITE_SHARED_BUFFERS
              ? { sharedBuffers: checkedSharedBuffers(process.env.BINHDANG_PGLITE_SHARED_BUFFERS) }
              : {}),
          });
    try {
      results.push(await runOn(handle, options));
    } finally {
      // BENCH_KEEP_DATABASE=1 keeps PostgreSQL's scratch database for a look at its plans (drop it by hand).
      if (kind === 'postgres' && process.env.BENCH_KEEP_DATABASE === '1') log('(database kept)');
      else await handle.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  for (const r of results) report(r, options);
  console.log(
    `\npeak RSS ${runPeakRssMiB().toFixed(0)} MiB; whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  if (process.env.BENCH_KEEP_DATABASE === '1') process.exit(0);
}
