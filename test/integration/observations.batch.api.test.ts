import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/connection.js';
import { outlierWarnings } from '../../src/domain/outlier.js';
import { validateObservations } from '../../src/modules/observations/observations.validate.js';
import type { CompactFigureAudit } from '../../src/modules/audit/audit.repository.js';
import { needsAnalyze } from '../../src/modules/observations/observations.write.js';
import { recordFigures, type FigureRow } from '../support/factories/figures.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Entry at scale: a batch is checked against stored history through statistics computed in SQL (the same warnings
 * as from the history itself), is audited compactly, and issues as many SQL statements for 2,000 rows as for 10.
 */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  return {
    province,
    communes: province.communes.map((c) => c.code),
    coordinator: await app.signIn('coordinator', province.code),
  };
});

const AGES = ['', '0-14', '15-24', '60+', '0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39'];
const ETHNICITIES = [
  '',
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  'Hoa',
  'Nùng',
  'Mông',
  'Dao',
  'Gia Rai',
  'Ê Đê',
];
const SEXES = ['total', 'female', 'male'] as const;

/** A deterministic pseudo-random sequence in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

interface FigureKey {
  indicator: string;
  orgUnit: string;
  sex: (typeof SEXES)[number];
  ageGroup?: string;
  ethnicity?: string;
}

/** `n` figure keys of an indicator: each age group (or ethnicity) × commune × sex, in that order. */
function keys(indicator: string, n: number, by: 'ageGroup' | 'ethnicity' = 'ageGroup'): FigureKey[] {
  const out: FigureKey[] = [];
  for (const group of by === 'ageGroup' ? AGES : ETHNICITIES)
    for (const orgUnit of ctx.communes)
      for (const sex of SEXES) {
        if (out.length === n) return out;
        out.push({ indicator, orgUnit, [by]: group, sex });
      }
  return out;
}

const post = (rows: object[], extra: object = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/observations',
    payload: { rows, acknowledgeWarnings: true, ...extra },
    headers: ctx.coordinator,
  });

/** Counts the SQL statements the database handle runs while `run` runs (its own and its transactions'). */
async function countStatements(db: Database, run: () => Promise<unknown>): Promise<number> {
  type Logger = { logQuery(query: string, params: unknown[]): void };
  const session = (db as unknown as { session: { logger: Logger; options: { logger?: Logger } } }).session;
  const saved = { logger: session.logger, options: session.options.logger };
  let count = 0;
  const counter: Logger = { logQuery: () => void count++ };
  session.logger = counter;
  session.options.logger = counter;
  try {
    await run();
  } finally {
    session.logger = saved.logger;
    session.options.logger = saved.options;
  }
  return count;
}

interface AuditRow {
  before: { key: string; value: number; version: number }[] | null;
  after: CompactFigureAudit;
  bytes: number;
}

const lastAudit = async () =>
  (
    await queryRows<AuditRow>(
      ctx.database.db,
      sql`select before, after, octet_length(before::text) + octet_length(after::text) as bytes from audit_log
        where action = 'observation.record' order by id desc limit 1`,
    )
  )[0]!;

describe('outliers against several years of history', () => {
  it('flags the lines the history itself flags, computing the history in SQL', async () => {
    const next = random(7);
    // The share of women among the trained (BDG-16): configured range 40–100%.
    const range = { min: 40, max: 100 };
    const figures = keys('BDG-16', 300, 'ethnicity');
    // Histories of 0 to 7 earlier years, odd and even, with ties, some flat (no spread), in 2016–2024; a third of
    // the figures also hold a 2025 value, which the 2025 batch replaces and must not count as history.
    const histories = figures.map((_, i) => {
      const years = i % 8;
      const centre = 60 + next() * 20;
      return Array.from({ length: years }, () =>
        i % 11 === 0 ? centre : Math.round((centre + (next() - 0.5) * 10) * 4) / 4,
      );
    });
    const stored: FigureRow[] = figures.flatMap((f, i) => [
      ...histories[i]!.map((value, y) => ({ ...f, period: String(2016 + y), value })),
      ...(i % 3 === 0 ? [{ ...f, period: '2025', value: 99 }] : []),
    ]);
    for (let at = 0; at < stored.length; at += 2_000) await recordFigures(ctx, stored.slice(at, at + 2_000));

    const batch = figures.map((f, i) => {
      const history = histories[i]!;
      const centre = history.length > 0 ? history[0]! : 50;
      // Near the history, or far from it (every other), sometimes below the configured range.
      const value = i % 2 === 0 ? centre - 30 : centre + (next() - 0.5) * 4;
      return { ...f, line: i + 1, period: '2025', value: i % 50 === 0 ? 35 : Math.round(value * 100) / 100 };
    });
    const { warnings, problems } = await validateObservations(ctx.database.db, batch, {
      locale: 'en',
      isDemo: false,
    });
    expect(problems).toEqual([]);

    const expected = batch.flatMap((row, i) =>
      outlierWarnings(row.value, histories[i]!, range).map((w) => ({
        line: row.line,
        code: w.kind === 'z_score' ? 'outlier' : w.kind,
        median: w.kind === 'z_score' ? Math.round(w.median * 100) / 100 : null,
      })),
    );
    const actual = warnings.map((w) => ({
      line: w.line,
      code: w.code,
      median: w.code === 'outlier' ? Number(/trung vị ([-\d.]+)/.exec(w.message)![1]) : null,
    }));
    expect(actual).toEqual(expected);
    // The check means something: far values with a history are flagged, flat and short histories are not.
    const flagged = new Set(actual.filter((w) => w.code === 'outlier').map((w) => w.line));
    expect(flagged.size).toBeGreaterThan(20);
    expect(flagged.has(5)).toBe(true); // 4 earlier years, far away
    expect(flagged.has(3)).toBe(false); // far, but 2 earlier years: too short
    expect(flagged.has(45)).toBe(false); // far, but 4 earlier years all the same: no spread
    expect(actual.filter((w) => w.code === 'below_min').map((w) => w.line)).toEqual(
      expect.arrayContaining([1, 51, 101, 151, 201, 251]),
    );
  });
});

describe('a large batch', () => {
  it('is audited compactly: counts, keys, and the values it replaced, retrievable in a figure history', async () => {
    const rows = keys('BDG-07', 2_000).map((f, i) => ({ ...f, period: '2026', value: 40 + (i % 20) }));
    expect((await post(rows)).statusCode).toBe(201);
    const first = await lastAudit();
    expect(first.after).toMatchObject({
      inserted: 2_000,
      updated: 0,
      periods: ['2026'],
      indicators: ['BDG-07'],
    });
    expect(first.after.insertedKeys).toHaveLength(2_000);
    expect(first.before).toEqual([]);
    // A key and a count per figure, no copy of its value: under 60 bytes a figure.
    expect(first.bytes).toBeLessThan(2_000 * 60);

    const changed = rows.slice(0, 5).map((r) => ({ ...r, value: 77 }));
    const fresh = keys('BDG-07', 2_003)
      .slice(2_000)
      .map((f) => ({ ...f, period: '2026', value: 41 }));
    expect((await post([...changed, ...fresh])).statusCode).toBe(201);
    const second = await lastAudit();
    expect(second.after).toMatchObject({ inserted: 3, updated: 5 });
    const key = `BDG-07|${rows[0]!.orgUnit}|2026|total|||`;
    expect(second.after.updatedKeys).toContain(key);
    expect(second.before).toContainEqual(expect.objectContaining({ key, value: 40, version: 1 }));

    const history = await ctx.app.inject({
      method: 'GET',
      url: `/api/history/observation?key=${encodeURIComponent(key)}`,
      headers: ctx.coordinator,
    });
    expect(history.statusCode).toBe(200);
    const items = history.json<{ items: { before: unknown; after: unknown }[] }>().items;
    expect(items).toHaveLength(2);
    // Newest first: 40 → 77 (the value written is the stored figure), then — → 40 (the next row's "before").
    expect(items[0]!.before).toEqual([expect.objectContaining({ key, value: 40, version: 1 })]);
    expect(items[0]!.after).toEqual([expect.objectContaining({ key, value: 77, version: 2 })]);
    expect(items[1]!.before).toEqual([]);
    expect(items[1]!.after).toEqual([expect.objectContaining({ key, value: 40, version: 1 })]);
  });

  it('issues as many SQL statements for 2,000 rows over many communes as for 10', async () => {
    const db = ctx.database.db;
    const all = keys('BDG-08', 2_000);
    const units = (rows: object[]) => new Set(rows.map((r) => (r as FigureRow).orgUnit)).size;
    const small = all
      .filter((_, i) => i % 3 === 0)
      .slice(0, 10)
      .map((f) => ({ ...f, period: '2027', value: 30 }));
    const large = all.map((f) => ({ ...f, period: '2028', value: 30 }));
    expect(units(small)).toBe(10);
    expect(units(large)).toBeGreaterThan(10);
    const statements = async (rows: object[]) =>
      countStatements(db, async () => expect((await post(rows)).statusCode).toBe(201));
    const forSmall = await statements(small);
    const forLarge = await statements(large);
    expect(forSmall).toBeGreaterThan(5);
    expect(forLarge).toBe(forSmall);
  });

  it('leaves the statistics alone for a batch small beside the table (as autovacuum would)', () => {
    expect(needsAnalyze(6_000, 0)).toBe(true);
    expect(needsAnalyze(6_000, 60_000)).toBe(true);
    expect(needsAnalyze(6_000, 60_001)).toBe(false);
    expect(needsAnalyze(4_999, 0)).toBe(false);
  });

  it('refreshes the planner statistics after 5,000 rows or more', async () => {
    const rows = ['BDG-06', 'BDG-07', 'BDG-08']
      .flatMap((indicator) => keys(indicator, 2_000))
      .map((f) => ({
        ...f,
        period: '2030',
        value: 50,
        note: 'Số liệu rà soát của xã, năm 2030. '.repeat(6),
      }));
    expect(rows.length).toBeGreaterThanOrEqual(5_000);
    // Over the 5,000 rows and the 1 MB a JSON body was held to before.
    expect(JSON.stringify({ rows }).length).toBeGreaterThan(1024 * 1024);
    expect((await post(rows)).statusCode).toBe(201);
    const [stats] = await queryRows<{ tuples: number }>(
      ctx.database.db,
      sql`select reltuples::int as tuples from pg_class where relname = 'observations'`,
    );
    const [count] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int n from observations`,
    );
    expect(stats!.tuples).toBe(count!.n);
  });

  it('refuses a CSV of more than 60,000 rows, naming the first line over', async () => {
    const line = `BDG-08,${ctx.communes[0]},2031,total,50`;
    const csv = ['indicator,org_unit,period,sex,value', ...Array.from({ length: 60_001 }, () => line)].join(
      '\n',
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/observations/import',
      payload: csv,
      headers: { ...ctx.coordinator, 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { issues: object[] } }>().error.issues).toEqual([
      expect.objectContaining({ code: 'too_many_rows', line: 60_002 }),
    ]);
  });
});
