/**
 * `npm run bench`: speed as ratios against baselines measured in the same run on the same database, so the
 * figures compare across machines. Embedded database by default; DATABASE_URL for PostgreSQL.
 * `npm run bench -- --scale national`: the national scale instead (bench/national/main.ts).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/core/clock.js';
import { openDatabase, queryRows, type DatabaseHandle } from '../src/db/connection.js';
import { ensureReferenceData } from '../src/db/reference/reference-data.js';
import { loadDemoData } from '../src/demo/demo.js';
import {
  upsertObservations,
  type ObservationWrite,
} from '../src/modules/observations/observations.repository.js';
import type { RawObservation } from '../src/modules/observations/observations.parse.js';
import { recordObservations } from '../src/modules/observations/observations.service.js';
import { planProgress } from '../src/modules/progress/progress.service.js';

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`  ${label}: median ${median.toFixed(1)} ms over ${runs} runs`);
  return median;
}

async function main() {
  const url = process.env.DATABASE_URL;
  const handle: DatabaseHandle = await openDatabase(
    url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: null },
  );
  const { db } = handle;
  await ensureReferenceData(db);
  const { planIds } = await loadDemoData(db, systemClock);
  const planId = planIds[0]!;
  console.log(`database: ${handle.kind}`);

  // An entered (not computed) indicator that communes report: BDG-20, a yearly share.
  const [indicator] = await queryRows<{ id: string }>(
    db,
    sql`select id from indicators where code = 'BDG-20'`,
  );
  const communes = (
    await queryRows<{ code: string }>(
      db,
      sql`select code from org_units where kind = 'commune' order by code limit 260`,
    )
  ).map((c) => c.code);
  const N = communes.length * 5; // 260 communes, every year 2026–2030: no key twice
  let round = 0;
  const batch = () => {
    round++;
    const raws: RawObservation[] = [];
    const writes: ObservationWrite[] = [];
    for (let i = 0; i < N; i++) {
      const commune = communes[i % communes.length]!;
      const period = String(2026 + Math.floor(i / communes.length));
      const value = 40 + ((i + round) % 50);
      raws.push({
        line: i + 2,
        indicator: 'BDG-20',
        orgUnit: commune,
        period,
        sex: 'total',
        value: String(value),
      });
      writes.push({
        indicatorId: indicator!.id,
        orgUnitCode: commune,
        reportingUnitCode: commune,
        period,
        periodType: 'year',
        sex: 'total',
        ageGroup: '',
        ethnicity: '',
        area: '',
        value,
        numerator: null,
        denominator: null,
        source: null,
        note: null,
        isDemo: false,
      });
    }
    return { raws, writes };
  };

  console.log(
    `\n1. Entering ${N} figures (validated, one transaction) vs the bare bulk upsert of the same rows`,
  );
  const bare = await time('baseline: bare unnest upsert', 5, () =>
    db.transaction((tx) => upsertObservations(tx, batch().writes, systemClock())),
  );
  const full = await time('recordObservations (validation, sex totals, outliers)', 5, () =>
    recordObservations({ db, now: systemClock }, batch().raws, {
      locale: 'vi',
      mode: 'all',
      acknowledgeWarnings: true,
    }),
  );
  console.log(`  ratio: ${(full / bare).toFixed(2)}× the bare insert`);

  console.log(
    '\n2. Progress of the demo plan (23 measures, roll-ups over 65 communes) vs reading its observations',
  );
  const read = await time('baseline: select the observations it reads', 10, () =>
    queryRows(
      db,
      sql`select * from observations o join org_units u on u.code = o.org_unit_code where u.code = '20' or u.parent_code = '20'`,
    ),
  );
  const progress = await time('planProgress', 10, () => planProgress({ db, year: 2026 }, planId, null));
  console.log(`  ratio: ${(progress / read).toFixed(2)}× the read`);
  await handle.close();
}

function scale(argv: readonly string[]): string {
  const i = argv.indexOf('--scale');
  return i === -1 ? 'quick' : (argv[i + 1] ?? '');
}

const chosen = scale(process.argv.slice(2));
const run =
  chosen === 'national'
    ? import('./national/main.js').then((m) => m.runNational(process.argv.slice(2)))
    : chosen === 'quick'
      ? main()
      : Promise.reject(
          new Error(`--scale ${chosen}: expected "national" (or no --scale for the quick check)`),
        );
run.catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
