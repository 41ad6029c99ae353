import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { writeExport } from '../../src/modules/export/export.js';
import { planDocumentSchema } from '../../src/modules/plans/plan-format.js';
import { recordObservations } from '../../src/modules/observations/observations.service.js';
import { enteredIndicators, loadProvinces, provinceYear } from '../../bench/national/dataset.js';
import { useTestApp } from '../support/test-app.js';

/** `binhdang export --format csv|json DIR` on the demo: everything, as files a spreadsheet or a program reads. */
const now = () => new Date('2026-12-07T08:00:00Z');
/** The demo, and another province's three years of figures beside it: past the 5,000 rows the list API stops at. */
const ctx = useTestApp({ demo: true, now }, async (app) => {
  const [, other] = await loadProvinces(app.database.db, 2);
  const indicators = await enteredIndicators(app.database.db);
  const rows = [2021, 2022, 2023].flatMap((year) => provinceYear(other!, indicators, year));
  await recordObservations({ db: app.database.db, now }, rows, {
    locale: 'vi',
    mode: 'all',
    acknowledgeWarnings: true,
  });
  return {};
});
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
const newDir = () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'binhdang-export-')), 'out');
  dirs.push(path.dirname(dir));
  return dir;
};
const count = async (table: string) =>
  (await queryRows<{ n: number }>(ctx.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

describe('the full export of the demo', () => {
  it('writes every plan, every figure (past 5,000), the registers, the activity log and the audit trail as CSV', async () => {
    const dir = newDir();
    const manifest = await writeExport(dir, 'csv', { db: ctx.database.db, now: ctx.now });
    const rowsOf = (name: string) => manifest.files.find((f) => f.path === name)!.rows;
    const csv = (name: string) =>
      parse<Record<string, string>>(fs.readFileSync(path.join(dir, name), 'utf8'), {
        columns: true,
        bom: true,
      });

    const plans = await count('plans');
    expect(plans).toBeGreaterThan(0);
    expect(csv('plans.csv')).toHaveLength(plans);
    for (const row of csv('plans.csv')) {
      const document = planDocumentSchema.parse(
        JSON.parse(fs.readFileSync(path.join(dir, row.file!), 'utf8')),
      );
      expect(document.document.title).toBe(row.title);
    }

    const figures = await count('observations');
    expect(figures).toBeGreaterThan(5000);
    const figureRows = csv('figures.csv');
    expect(figureRows).toHaveLength(figures);
    expect(rowsOf('figures.csv')).toBe(figures);
    expect(new Set(figureRows.map((r) => r.id)).size).toBe(figures);
    expect(Object.keys(figureRows[0]!)).toEqual(
      expect.arrayContaining([
        'indicator',
        'org_unit',
        'period',
        'sex',
        'age_group',
        'value',
        'source',
        'state',
      ]),
    );
    expect(new Set(figureRows.map((r) => r.state))).toContain('accepted');

    for (const [file, table] of [
      ['audit_log.csv', 'audit_log'],
      ['activities.csv', 'activities'],
      ['leadership_terms.csv', 'leadership_terms'],
      ['staff_counts.csv', 'staff_counts'],
    ] as const) {
      expect(csv(file), file).toHaveLength(await count(table));
    }
    expect(await count('audit_log')).toBeGreaterThan(0);
    // Accounts are not part of it: no password hash anywhere.
    for (const f of fs.readdirSync(dir))
      expect(fs.readFileSync(path.join(dir, f === 'plans' ? 'manifest.json' : f), 'utf8')).not.toContain(
        '$argon2id$',
      );
  });

  it('writes the same as JSON, and refuses a folder that holds files', async () => {
    const dir = newDir();
    await writeExport(dir, 'json', { db: ctx.database.db, now: ctx.now });
    const figures = JSON.parse(fs.readFileSync(path.join(dir, 'figures.json'), 'utf8')) as { id: string }[];
    expect(figures).toHaveLength(await count('observations'));
    const audit = JSON.parse(fs.readFileSync(path.join(dir, 'audit_log.json'), 'utf8')) as unknown[];
    expect(audit).toHaveLength(await count('audit_log'));
    await expect(writeExport(dir, 'json', { db: ctx.database.db, now: ctx.now })).rejects.toThrow(
      /không trống/,
    );
  });
});

describe('the paged figures list (GET /api/observations)', () => {
  interface Page {
    items: { id: string }[];
    total: number;
    nextCursor: string | null;
  }
  const pages = async (headers: Record<string, string> | undefined, limit: number) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    for (let i = 0; i < 100; i++) {
      const res: LightMyRequestResponse = await ctx.app.inject({
        url: `/api/observations?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        ...(headers ? { headers } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      const page: Page = res.json<Page>();
      ids.push(...page.items.map((f) => f.id));
      total = page.total;
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return { ids, total };
  };

  it('returns every figure a page at a time, with the total on each page, and nothing twice', async () => {
    const admin = await ctx.signIn('admin', 'VN');
    const all = await count('observations');
    const { ids, total } = await pages(admin, 5000);
    expect(total).toBe(all);
    expect(ids).toHaveLength(all);
    expect(new Set(ids).size).toBe(all);
  });

  it('shows anonymous callers the accepted figures only, and refuses a cursor it did not write', async () => {
    const accepted = (
      await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from observations o where exists (select 1 from submissions s
            where s.org_unit_code = o.reporting_unit_code and s.period = left(o.period, 4) and s.status = 'accepted')`,
      )
    )[0]!.n;
    expect(accepted).toBeGreaterThan(0);
    const { ids, total } = await pages(undefined, 250);
    expect(total).toBe(accepted);
    expect(ids).toHaveLength(accepted);
    const bad = await ctx.app.inject({ url: '/api/observations?cursor=not-a-cursor' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { issues: { path: string }[] } }>().error.issues[0]!.path).toBe(
      '$.query.cursor',
    );
  });
});
