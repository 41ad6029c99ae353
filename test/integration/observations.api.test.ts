import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/connection.js';
import { acceptFigures, recordFigures } from '../support/factories/figures.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * A province with a plan measured by the share of women in wage work (BDG-02, a province survey figure), five
 * years of its share of women in farming (BDG-03, 56–62%: the history outliers are judged against) and its
 * 2025 share of women heading firms (BDG-04), accepted.
 */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const { id: planId } = await createPlan(app, {
    province,
    targets: [{ code: '2.1', measures: [{ value: 60, indicator: 'BDG-02' }] }],
  });
  await recordFigures(app, [
    ...[56.4, 58.1, 59.3, 61.2, 62.0].map((value, i) => ({
      indicator: 'BDG-03',
      orgUnit: province.code,
      period: String(2021 + i),
      value,
    })),
    { indicator: 'BDG-04', orgUnit: province.code, period: '2025', numerator: 612, denominator: 2_480 },
  ]);
  await acceptFigures(app, { planId, period: '2025', units: [province.code] });
  return {
    province,
    commune: province.communes[0]!.code,
    coordinator: await app.signIn('coordinator', province.code),
    /** The only caller who passes the permission check with a unit nobody covers (an unknown code, no unit). */
    nationAdmin: await app.signIn('admin', 'VN'),
  };
});

/** Unit codes in the tables below, resolved when the tests run: the province, its commune, an agency of it. */
const unitOf = (code: string) =>
  code === 'province'
    ? ctx.province.code
    : code === 'commune'
      ? ctx.commune
      : code.startsWith('agency:')
        ? ctx.province.agency(code.slice(7))
        : code;

interface Issue {
  line: number;
  column: string;
  code: string;
  message: string;
}
interface ErrorBody {
  error: { code: string; message: string; issues: Issue[] };
}

const post = (rows: object[], extra: object = {}, headers: Record<string, string> = ctx.coordinator) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/observations',
    payload: { rows, ...extra },
    headers,
  });

const countObservations = async () =>
  (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int n from observations`))[0]!.n;

describe('POST /api/observations', () => {
  it('stores a figure and replaces it on a second entry, raising its version', async () => {
    const row = {
      indicator: 'BDG-04',
      orgUnit: ctx.province.code,
      period: '2026',
      numerator: '640',
      denominator: '2.500',
    };
    const first = await post([row]);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ stored: 1, rejected: [], warnings: [] });
    const second = await post([{ ...row, numerator: '650' }]);
    expect(second.statusCode).toBe(201);
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/observations?indicator=BDG-04&orgUnit=${ctx.province.code}&period=2026`,
      headers: ctx.coordinator,
    });
    const items = list.json<{
      items: { value: number; numerator: number; denominator: number; version: number }[];
    }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ value: 26, numerator: 650, denominator: 2500, version: 2 });
  });

  it('reads numbers in the Vietnamese locale ("1.234,5")', async () => {
    const res = await post(
      [
        {
          indicator: 'BDG-20',
          orgUnit: ctx.commune,
          period: '2026',
          sex: 'female',
          numerator: '1.234',
          denominator: '2.468,0',
        },
      ],
      { acknowledgeWarnings: true },
    );
    expect(res.statusCode).toBe(201);
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/observations?indicator=BDG-20&orgUnit=${ctx.commune}&period=2026`,
      headers: ctx.coordinator,
    });
    const female = list
      .json<{ items: { sex: string; value: number }[] }>()
      .items.find((i) => i.sex === 'female');
    expect(female?.value).toBe(50);
  });

  it('answers 400 naming the field for 120 in a percentage, storing nothing', async () => {
    const before = await countObservations();
    const res = await post([
      { indicator: 'BDG-02', orgUnit: ctx.province.code, period: '2025', value: '120' },
    ]);
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.issues).toEqual([
      expect.objectContaining({
        line: 1,
        column: 'value',
        code: 'share_out_of_range',
        message: expect.stringMatching(/^Giá trị: .*0 đến 100/) as string,
      }),
    ]);
    expect(await countObservations()).toBe(before);
  });

  it.each([
    [
      'numerator above denominator',
      { indicator: 'BDG-04', orgUnit: 'province', period: '2026', numerator: 12, denominator: 10 },
      'numerator',
      'numerator_gt_denominator',
    ],
    [
      'a figure of an indicator computed from the activity log',
      { indicator: 'BDG-22', orgUnit: 'commune', period: '2026-Q1', value: 5 },
      'indicator',
      'computed',
    ],
    [
      'a period outside the plan and its baseline years',
      { indicator: 'BDG-02', orgUnit: 'province', period: '2012', value: 30 },
      'period',
      'period_outside_plan',
    ],
    [
      'a commune for a province-only survey figure',
      { indicator: 'BDG-02', orgUnit: 'commune', period: '2025', value: 30 },
      'org_unit',
      'org_unit_not_allowed',
    ],
    [
      'sex for an indicator not split by sex',
      { indicator: 'BDG-02', orgUnit: 'province', period: '2025', sex: 'male', value: 30 },
      'sex',
      'not_disaggregated',
    ],
    [
      'an unknown indicator',
      { indicator: 'XYZ', orgUnit: 'province', period: '2025', value: 30 },
      'indicator',
      'unknown',
    ],
    [
      'an unknown org unit (to a national admin: anyone else is refused first)',
      { indicator: 'BDG-02', orgUnit: '99999', period: '2025', value: 30 },
      'org_unit',
      'unknown',
    ],
    [
      'text that is not a number',
      { indicator: 'BDG-02', orgUnit: 'province', period: '2025', value: 'ba mươi' },
      'value',
      'number_invalid',
    ],
    [
      'a malformed period',
      { indicator: 'BDG-02', orgUnit: 'province', period: '2025-13', value: 30 },
      'period',
      'period_invalid',
    ],
    [
      'a figure computed from the leadership register',
      { indicator: 'BDG-01', orgUnit: 'agency:SYT', period: '2026', numerator: 1, denominator: 1 },
      'indicator',
      'computed',
    ],
  ])('rejects %s with the field named', async (_name, template, column, code) => {
    const row = { ...template, orgUnit: unitOf(template.orgUnit) };
    const res = await post([row], {}, row.orgUnit === '99999' ? ctx.nationAdmin : ctx.coordinator);
    expect(res.statusCode).toBe(400);
    const issues = res.json<ErrorBody>().error.issues;
    expect(issues).toContainEqual(expect.objectContaining({ line: 1, column, code }));
    for (const i of issues) expect(i.message.length).toBeGreaterThan(5);
  });

  it('checks female + male = total on numerators and denominators', async () => {
    const base = { indicator: 'BDG-06', orgUnit: ctx.province.code, period: '2025' };
    const res = await post([
      { ...base, sex: 'female', numerator: 40, denominator: 50 },
      { ...base, sex: 'male', numerator: 5, denominator: 10 },
      { ...base, sex: 'total', numerator: 44, denominator: 60 },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.issues).toEqual([
      expect.objectContaining({ line: 3, column: 'numerator', code: 'sex_total_mismatch' }),
    ]);
  });

  it('holds an outlier until the warning is acknowledged', async () => {
    // The share of women in farming has been 56–62% in the province; 15% is far from that history.
    const row = { indicator: 'BDG-03', orgUnit: ctx.province.code, period: '2026', value: '15' };
    const held = await post([row]);
    expect(held.statusCode).toBe(422);
    const body = held.json<ErrorBody>();
    expect(body.error.code).toBe('WARNINGS_UNACKNOWLEDGED');
    expect(body.error.issues[0]).toMatchObject({ line: 1, column: 'value', code: 'outlier' });
    const list = () =>
      ctx.app.inject({
        method: 'GET',
        url: `/api/observations?indicator=BDG-03&orgUnit=${ctx.province.code}&period=2026`,
        headers: ctx.coordinator,
      });
    expect((await list()).json<{ items: unknown[] }>().items).toHaveLength(0);
    const stored = await post([row], { acknowledgeWarnings: true });
    expect(stored.statusCode).toBe(201);
    expect(stored.json<{ warnings: Issue[] }>().warnings).toHaveLength(1);
    expect((await list()).json<{ items: unknown[] }>().items).toHaveLength(1);
  });
});

describe('POST /api/observations/import (CSV)', () => {
  const header = 'indicator,org_unit,period,sex,value,numerator,denominator,source,note';
  /** 1,000 figures of the province's communes (population reached, by sex, 2026–2030), all valid. */
  async function thousandRows(): Promise<string[]> {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/org-units/${ctx.province.code}/children?kind=commune`,
      headers: ctx.coordinator,
    });
    const communes = res.json<{ items: { code: string }[] }>().items.map((c) => c.code);
    const rows: string[] = [];
    // The commune's 2026 female figure was entered above: leave it out so that every row here is new.
    const fresh = communes.filter((c) => c !== ctx.commune);
    for (let year = 2026; year <= 2030; year++) {
      fresh.forEach((commune, i) => {
        const [f, fd, m, md] = [600 + i, 1000 + i, 500 + i, 1000 + 2 * i];
        rows.push(`BDG-20,${commune},${year},female,,${f},${fd},"Báo cáo, xã",`);
        rows.push(`BDG-20,${commune},${year},male,,${m},${md},"Báo cáo, xã",`);
        rows.push(`BDG-20,${commune},${year},total,,${f + m},${fd + md},"Báo cáo, xã",`);
      });
    }
    // Topped up with radio coverage (BDG-23), one figure per commune and year, to exactly 1,000.
    for (let i = 0; rows.length < 1000; i++) {
      const [commune, year] = [communes[i % communes.length]!, 2026 + Math.floor(i / communes.length)];
      rows.push(`BDG-23,${commune},${year},total,,${(i % 40) + 1},40,,`);
    }
    return rows.slice(0, 1000);
  }
  const importCsv = (csv: string, query = '', headers: Record<string, string> = ctx.coordinator) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/observations/import${query}`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: csv,
    });

  it('stores nothing when one row of 1,000 is bad, and reports its line and column', async () => {
    const rows = await thousandRows();
    rows[636] = rows[636]!.replace(/,(\d+),"Báo cáo/, ',0,"Báo cáo');
    const before = await countObservations();
    const res = await importCsv([header, ...rows].join('\n'));
    expect(res.statusCode).toBe(400);
    const issues = res.json<ErrorBody>().error.issues;
    expect(issues).toEqual([
      expect.objectContaining({ line: 638, column: 'denominator', code: 'not_positive' }),
    ]);
    expect(await countObservations()).toBe(before);

    const partial = await importCsv(
      [header, ...rows].join('\n'),
      '?mode=valid-only&acknowledgeWarnings=true',
    );
    expect(partial.statusCode).toBe(201);
    expect(partial.json()).toMatchObject({ stored: 999, rejected: [expect.objectContaining({ line: 638 })] });
    expect(await countObservations()).toBe(before + 999);
  });

  it('reads a Vietnamese spreadsheet export: semicolons and decimal commas', async () => {
    const { province } = ctx;
    const csv = [
      'indicator;org_unit;period;sex;numerator;denominator',
      `BDG-21;${province.agency('SYT')};2026;total;1;1`,
      `BDG-17;${province.code};2026;total;1.250;3.400`,
    ].join('\r\n');
    const res = await importCsv(`\uFEFF${csv}`, '?acknowledgeWarnings=true');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ stored: 2 });
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/observations?indicator=BDG-17&orgUnit=${province.code}&period=2026`,
      headers: ctx.coordinator,
    });
    expect(list.json<{ items: { denominator: number }[] }>().items[0]!.denominator).toBe(3400);
  });

  it('rejects a file without the required columns, naming them', async () => {
    // Without an org_unit column the file names no unit: it is checked against the caller's own unit, so someone
    // who may enter figures learns what is wrong with the file, and someone who may not gets 403.
    const csv = 'indicator,period,value\nBDG-02,2025,30';
    const viewer = await ctx.signIn('viewer', ctx.province.code);
    expect((await importCsv(csv, '', viewer)).statusCode).toBe(403);
    for (const who of [ctx.coordinator, ctx.nationAdmin]) {
      const res = await importCsv(csv, '', who);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error.issues).toContainEqual(
        expect.objectContaining({ line: 1, column: 'org_unit', code: 'column_missing' }),
      );
    }
  });

  it('rejects a row with the wrong number of fields as a CSV error with its line', async () => {
    // A file that cannot be read names no unit: the caller's own unit is checked instead.
    const csv = `${header}\nBDG-02,${ctx.province.code},2025,total,30\n`;
    const viewer = await ctx.signIn('viewer', ctx.province.code);
    expect((await importCsv(csv, '', viewer)).statusCode).toBe(403);
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.issues[0]).toMatchObject({ code: 'csv_syntax', line: 2 });
  });
});

describe('who sees which figures', () => {
  it('shows figures not yet accepted only to those with a role over the reporting unit', async () => {
    const url = `/api/observations?indicator=BDG-04&orgUnit=${ctx.province.code}&period=2026`;
    const anonymous = await ctx.app.inject({ method: 'GET', url });
    expect(anonymous.json<{ items: unknown[] }>().items).toEqual([]);
    const otherProvince = await ctx.signIn('coordinator', (await provinceUnits(ctx)).code);
    expect(
      (await ctx.app.inject({ method: 'GET', url, headers: otherProvince })).json<{ items: unknown[] }>()
        .items,
    ).toEqual([]);
    const own = await ctx.app.inject({ method: 'GET', url, headers: ctx.coordinator });
    expect(own.json<{ items: { accepted: boolean }[] }>().items).toEqual([
      expect.objectContaining({ accepted: false }),
    ]);
    // Accepted figures are public.
    const accepted = await ctx.app.inject({
      method: 'GET',
      url: `/api/observations?indicator=BDG-04&orgUnit=${ctx.province.code}&period=2025`,
    });
    expect(accepted.json<{ items: { accepted: boolean }[] }>().items).toEqual([
      expect.objectContaining({ accepted: true }),
    ]);
  });
});
