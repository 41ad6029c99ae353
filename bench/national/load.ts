/**
 * Loading the national data set through the product's own paths: figures through recordObservations, a province's
 * year at a time, then the approval chain through the submissions service; and the baseline, the same rows
 * copied in bulk into an identically indexed table.
 */
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../src/core/actor.js';
import type { Clock } from '../../src/core/clock.js';
import type { Database, DatabaseHandle } from '../../src/db/connection.js';
import { derivedValue } from '../../src/domain/observation-rules.js';
import { rulesOf, type IndicatorRow } from '../../src/modules/indicators/indicators.repository.js';
import type { RawObservation } from '../../src/modules/observations/observations.parse.js';
import { recordObservations } from '../../src/modules/observations/observations.service.js';
import { bulkTransition } from '../../src/modules/submissions/submissions.service.js';
import { FIRST_YEAR, provinceYear, reportingUnits, type Plans, type Province } from './dataset.js';
import { quantile } from './timing.js';

/** A signed-in user of the bench, with one role on one unit (no account row: the services take the actor). */
export function benchActor(
  username: string,
  role: 'admin' | 'coordinator' | 'approver' | 'reporter',
  unit: string,
): Actor {
  return {
    userId: crypto.randomUUID(),
    username,
    displayName: username,
    grants: [{ role, orgUnitCode: unit }],
    csrfToken: '',
    tokenHash: '',
  };
}

/** The approval chain through the submissions service: each step for a province's units of a year in one request. */
const chain = {
  async bulk(
    deps: { db: Database; now: Clock },
    actor: Actor,
    t: 'submit' | 'approve' | 'accept',
    planId: string,
    period: string,
    units: string[],
  ) {
    await bulkTransition(deps, actor, t, { planId, period, units });
  },
};

export interface EntryYear {
  year: number;
  rows: number;
  seconds: number;
  /** The slowest recordObservations call of the year. */
  maxBatchMs: number;
}

export interface ChainYear {
  year: number;
  units: number;
  submitMs: number[];
  approveMs: number[];
  acceptMs: number[];
}

export const yearsOf = (count: number) => Array.from({ length: count }, (_, i) => FIRST_YEAR + i);

function batches<T>(rows: readonly T[], size: number | null): T[][] {
  if (!size || rows.length <= size) return [rows as T[]];
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Every province's figures of each year through recordObservations, years in order; rows/s per year. */
export async function enterFigures(
  deps: { db: Database; now: Clock },
  provinces: readonly Province[],
  indicators: readonly IndicatorRow[],
  years: number,
  batchSize: number | null,
  log: (line: string) => void,
): Promise<EntryYear[]> {
  const result: EntryYear[] = [];
  for (const year of yearsOf(years)) {
    let rows = 0;
    let seconds = 0;
    let maxBatchMs = 0;
    for (const province of provinces) {
      for (const batch of batches(provinceYear(province, indicators, year), batchSize)) {
        const start = performance.now();
        const { stored, rejected } = await recordObservations(deps, batch, {
          locale: 'vi',
          mode: 'all',
          acknowledgeWarnings: true,
        });
        const ms = performance.now() - start;
        if (rejected.length > 0 || stored !== batch.length) {
          throw new Error(`${province.code} ${year}: stored ${stored} of ${batch.length}`);
        }
        rows += stored;
        seconds += ms / 1000;
        maxBatchMs = Math.max(maxBatchMs, ms);
      }
    }
    log(`  ${year}: ${rows} figures in ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s`);
    result.push({ year, rows, seconds, maxBatchMs });
  }
  return result;
}

/** Submit, approve and accept every reporting unit of each province for its plan, year by year. */
export async function runChain(
  deps: { db: Database; now: Clock },
  provinces: readonly Province[],
  indicators: readonly IndicatorRow[],
  plans: Plans,
  years: number,
  log: (line: string) => void,
): Promise<ChainYear[]> {
  const result: ChainYear[] = [];
  for (const year of yearsOf(years)) {
    const period = String(year);
    const entry: ChainYear = { year, units: 0, submitMs: [], approveMs: [], acceptMs: [] };
    for (const province of provinces) {
      const planId = plans.byProvince.get(province.code)!;
      const units = reportingUnits(provinceYear(province, indicators, year));
      entry.units += units.length;
      const reporter = benchActor(`reporter.${province.code}`, 'reporter', province.code);
      const approver = benchActor(`approver.${province.code}`, 'approver', province.code);
      const coordinator = benchActor(`coordinator.${province.code}`, 'coordinator', province.code);
      let start = performance.now();
      await chain.bulk(deps, reporter, 'submit', planId, period, units);
      entry.submitMs.push(performance.now() - start);
      start = performance.now();
      await chain.bulk(deps, approver, 'approve', planId, period, units);
      entry.approveMs.push(performance.now() - start);
      start = performance.now();
      await chain.bulk(deps, coordinator, 'accept', planId, period, units);
      entry.acceptMs.push(performance.now() - start);
    }
    const p50 = (ms: number[]) => quantile(ms, 0.5).toFixed(0);
    log(
      `  ${year}: ${entry.units} units; a province's year: submit ${p50(entry.submitMs)} ms, approve ${p50(entry.approveMs)} ms, accept ${p50(entry.acceptMs)} ms (p50)`,
    );
    result.push(entry);
  }
  return result;
}

const COLUMNS = [
  'indicator_id',
  'org_unit_code',
  'reporting_unit_code',
  'period',
  'period_type',
  'sex',
  'age_group',
  'ethnicity',
  'area',
  'value',
  'numerator',
  'denominator',
] as const;

/** A generated row as the table stores it: its value derived from its parts as validation does. */
function storedRow(raw: RawObservation, indicator: IndicatorRow): string[] {
  const num = (v: RawObservation['value']) => (v === null || v === undefined ? null : Number(v));
  const input = {
    period: raw.period,
    sex: raw.sex as 'total',
    ageGroup: raw.ageGroup ?? '',
    ethnicity: raw.ethnicity ?? '',
    area: raw.area ?? '',
    value: num(raw.value),
    numerator: num(raw.numerator),
    denominator: num(raw.denominator),
  };
  return [
    indicator.id,
    raw.orgUnit,
    raw.reportingUnit ?? raw.orgUnit,
    raw.period,
    'year',
    input.sex,
    input.ageGroup,
    input.ethnicity,
    input.area,
    String(derivedValue(rulesOf(indicator), input)),
    input.numerator === null ? '' : String(input.numerator),
    input.denominator === null ? '' : String(input.denominator),
  ];
}

/** A CSV field; an empty text is quoted (""), so that only the empty numbers read as NULL. */
const csvField = (v: string, column: number) =>
  /[",\n]/.test(v) || (v === '' && column < 10) ? `"${v.replaceAll('"', '""')}"` : v;

/** One batch into obs_copy: COPY on PGlite (from a blob), one insert … select from unnest on PostgreSQL. */
async function copyBatch(handle: DatabaseHandle, rows: string[][]): Promise<void> {
  if (handle.kind === 'pglite') {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const csv = rows.map((r) => r.map((v, column) => csvField(v, column)).join(',')).join('\n');
    await client.query(
      `copy obs_copy (${COLUMNS.join(', ')}) from '/dev/blob' with (format csv, null '')`,
      [],
      { blob: new Blob([csv]) },
    );
    return;
  }
  const col = (i: number) => sql.param(rows.map((r) => (r[i] === '' && i >= 10 ? null : r[i])));
  await handle.db.execute(sql`
    insert into obs_copy (indicator_id, org_unit_code, reporting_unit_code, period, period_type, sex, age_group,
      ethnicity, area, value, numerator, denominator)
    select indicator_id::uuid, org_unit_code, reporting_unit_code, period, period_type, sex, age_group, ethnicity,
      area, value::numeric, numerator::numeric, denominator::numeric
    from unnest(${col(0)}::text[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::text[],
      ${col(5)}::text[], ${col(6)}::text[], ${col(7)}::text[], ${col(8)}::text[], ${col(9)}::text[],
      ${col(10)}::text[], ${col(11)}::text[])
      as t(indicator_id, org_unit_code, reporting_unit_code, period, period_type, sex, age_group, ethnicity, area,
        value, numerator, denominator)`);
}

/**
 * The baseline: the same rows, in the same batches, into a copy of the observations table with the same
 * indexes and keys (its unique key and its three foreign keys; not its triggers, which are the product's work).
 * Returns the seconds spent and the rows copied; drops the copy.
 */
export async function copyBaseline(
  handle: DatabaseHandle,
  provinces: readonly Province[],
  indicators: readonly IndicatorRow[],
  years: number,
  batchSize: number | null,
): Promise<{ rows: number; seconds: number; method: string }> {
  const { db } = handle;
  await db.execute(sql`drop table if exists obs_copy`);
  await db.execute(sql`create table obs_copy (like observations including all)`);
  await db.execute(sql`alter table obs_copy
    add foreign key (indicator_id) references indicators (id),
    add foreign key (org_unit_code) references org_units (code),
    add foreign key (reporting_unit_code) references org_units (code)`);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  let rows = 0;
  let seconds = 0;
  for (const year of yearsOf(years)) {
    for (const province of provinces) {
      for (const batch of batches(provinceYear(province, indicators, year), batchSize)) {
        const start = performance.now();
        await copyBatch(
          handle,
          batch.map((r) => storedRow(r, byCode.get(r.indicator)!)),
        );
        seconds += (performance.now() - start) / 1000;
        rows += batch.length;
      }
    }
  }
  await db.execute(sql`drop table obs_copy`);
  const method =
    handle.kind === 'pglite' ? 'COPY FROM blob' : 'insert … select from unnest (no pg-copy-streams)';
  return { rows, seconds, method };
}
