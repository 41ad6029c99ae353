import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { nodeFileWriter, type FileWriter } from '../../src/core/file-store.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/** Strict input: what no column can hold is refused with 400 (or 413/507) naming where, never a 500. */

/** When set, the next upload's write fails like a full disk after writing half the file. */
let diskFull = false;

const fullDiskWriter: FileWriter = {
  ...nodeFileWriter,
  writeFile: async (file, data) => {
    if (!diskFull) return nodeFileWriter.writeFile(file, data);
    await fs.promises.writeFile(file, data.subarray(0, data.length >> 1));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  },
};

/** Cao Bằng: the province whose figures these tests enter, in JSON and in CSV files. */
const PROVINCE = '04';

/** The province's published plan measured by BDG-04, its coordinator, and the reporter of one of its communes. */
const ctx = useTestApp({ fileWriter: fullDiskWriter }, async (app) => {
  const province = await provinceUnits(app, PROVINCE);
  const plan = await createPlan(app, {
    province,
    published: true,
    targets: [{ code: '2.3', measures: [{ value: 30, indicator: 'BDG-04' }] }],
  });
  const commune = province.communes[0]!.code;
  return {
    planId: plan.id,
    commune,
    coordinator: await app.signIn('coordinator', PROVINCE),
    reporter: await app.signIn('reporter', commune),
  };
});

interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues?: { path: string; message: string; column?: string; code?: string; line?: number }[];
    issueCount?: number;
  };
}

const count = async (table: string) =>
  (
    await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int n from ${sql.identifier(table)}`)
  )[0]!.n;

const postRows = (rows: object[], extra: object = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/observations',
    payload: { rows, ...extra },
    headers: ctx.coordinator,
  });

const postCsv = (body: string | Buffer, contentType = 'text/csv', query = '') =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/observations/import${query}`,
    payload: body,
    headers: { ...ctx.coordinator, 'content-type': contentType },
  });

/** A figure the province may enter: BDG-04 (a share with parts) for 2026. */
const GOOD = {
  indicator: 'BDG-04',
  orgUnit: PROVINCE,
  period: '2026',
  numerator: '640',
  denominator: '2500',
};
const HEADER = 'indicator,org_unit,period,numerator,denominator,note';

const expect400 = (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(400);
  return JSON.parse(res.body) as ErrorBody;
};

describe('numbers no column can hold', () => {
  it('refuses NaN, Infinity and 400-digit parts in a JSON batch with 400 naming the field; progress stays 200', async () => {
    const before = await count('observations');
    const cases: [object, string][] = [
      [{ numerator: 'NaN' }, 'numerator'],
      [{ numerator: 'Infinity' }, 'numerator'],
      [{ numerator: '1' + '0'.repeat(59) }, 'numerator'],
      [{ denominator: '9'.repeat(60) }, 'denominator'],
      [{ numerator: 1e300, denominator: 1e301 }, 'numerator'],
    ];
    for (const [patch, column] of cases) {
      const body = expect400(await postRows([{ ...GOOD, ...patch }]));
      expect(body.error.issues!.map((i) => i.column)).toContain(column);
    }
    // A 400-digit numerator is too long a text before it is too large a number.
    const long = expect400(await postRows([{ ...GOOD, numerator: '1' + '0'.repeat(400) }]));
    expect(long.error.issues![0]!.path).toBe('$.body.rows[0].numerator');
    // JSON numbers beyond double range parse as Infinity and are refused by the schema.
    const inf = await ctx.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: { ...ctx.coordinator, 'content-type': 'application/json' },
      payload: `{"rows":[{"indicator":"BDG-04","orgUnit":"${PROVINCE}","period":"2026","value":1e400}]}`,
    });
    expect400(inf);
    expect(await count('observations')).toBe(before);
    const progress = await ctx.app.inject(`/api/plans/${ctx.planId}/progress?year=2026`);
    expect(progress.statusCode).toBe(200);
  });

  it('refuses the same numbers in a CSV, naming line and column', async () => {
    const body = expect400(
      await postCsv(
        `${HEADER}\n${['BDG-04', PROVINCE, '2026', '1' + '0'.repeat(50), '2500', ''].join(',')}\n`,
      ),
    );
    expect(body.error.issues).toEqual([
      expect.objectContaining({ line: 2, column: 'numerator', code: 'number_out_of_range' }),
    ]);
    const nan = expect400(await postCsv(`${HEADER}\nBDG-04,${PROVINCE},2026,NaN,2500,\n`));
    expect(nan.error.issues![0]).toMatchObject({ line: 2, column: 'numerator', code: 'number_invalid' });
  });

  it('refuses integers beyond int4 in versions and participant counts', async () => {
    expect400(await postRows([{ ...GOOD, version: 2 ** 31 }]));
    const activity = await ctx.app.inject({
      method: 'POST',
      url: `/api/org-units/${ctx.commune}/activities`,
      headers: ctx.reporter,
      payload: { kind: 'training', title: 'Tập huấn', date: '2026-03-08', participantsFemale: 3_000_000_000 },
    });
    expect(expect400(activity).error.issues![0]!.path).toBe('$.body.participantsFemale');
    const staff = await ctx.app.inject({
      method: 'PUT',
      url: `/api/org-units/${ctx.commune}/staff`,
      headers: ctx.reporter,
      payload: { asOf: '2026-01-01', female: 1, male: 2 ** 40 },
    });
    expect(expect400(staff).error.issues![0]!.path).toBe('$.body.male');
  });
});

describe('NUL characters', () => {
  it('answers 400 naming where, in a JSON body, a query, and a CSV', async () => {
    const body = expect400(await postRows([{ ...GOOD, note: 'a\u0000b' }]));
    expect(body.error.issues![0]).toMatchObject({ path: '$.body.rows[0].note', code: 'nul_character' });
    const query = expect400(await ctx.app.inject('/api/org-units/search?q=a%00b'));
    expect(query.error.issues![0]!.path).toBe('$.query.q');
    const csv = expect400(await postCsv(`${HEADER}\nBDG-04,${PROVINCE},2026,640,2500,x\u0000y\n`));
    expect(csv.error.issues![0]!.path).toBe('$.body (line 2)');
    const key = expect400(await postRows([{ ...GOOD, ['x\u0000']: 1 }]));
    expect(key.error.issues![0]!.code).toBe('nul_character');
  });

  it('refuses a lone UTF-16 surrogate (found by fuzzing: it answered 500)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/org-units/${ctx.commune}/activities`,
      headers: ctx.reporter,
      payload: { kind: 'communication', title: '\ud800', channel: 'radio', date: '2026-03-08' },
    });
    expect(expect400(res).error.issues![0]).toMatchObject({ path: '$.body.title', code: 'invalid_unicode' });
  });
});

describe('texts', () => {
  it('limits free texts in JSON and CSV alike', async () => {
    const json = expect400(await postRows([{ ...GOOD, note: 'x'.repeat(2001) }]));
    expect(json.error.issues![0]!.path).toBe('$.body.rows[0].note');
    const csv = expect400(await postCsv(`${HEADER}\nBDG-04,${PROVINCE},2026,640,2500,${'x'.repeat(2001)}\n`));
    expect(csv.error.issues![0]).toMatchObject({ line: 2, column: 'note', code: 'text_too_long' });
  });

  it('takes disaggregations from the vocabulary, reading aliases as their value', async () => {
    const bad = expect400(
      await postRows([
        { indicator: 'BDG-02', orgUnit: PROVINCE, period: '2026', ageGroup: '15 đến 24', value: 30 },
        { indicator: 'BDG-11', orgUnit: PROVINCE, period: '2026', ethnicity: 'Klingon', value: 30 },
      ]),
    );
    expect(bad.error.issues!.map((i) => `${i.line}:${i.code}`)).toEqual([
      '1:age_group_invalid',
      '2:ethnicity_invalid',
    ]);
    const ok = await postRows(
      [
        {
          indicator: 'BDG-02',
          orgUnit: PROVINCE,
          period: '2026',
          area: 'Thành thị',
          ageGroup: '15-24',
          value: 30,
        },
      ],
      { acknowledgeWarnings: true },
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const stored = await ctx.app.inject({
      url: `/api/observations?indicator=BDG-02&orgUnit=${PROVINCE}&period=2026`,
      headers: ctx.coordinator,
    });
    expect(stored.json<{ items: { area: string; ageGroup: string }[] }>().items).toEqual([
      expect.objectContaining({ area: 'urban', ageGroup: '15-24' }),
    ]);
  });

  it('refuses titles of only invisible characters and links other than http, https, mailto', async () => {
    const log = (body: object) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/org-units/${ctx.commune}/activities`,
        headers: ctx.reporter,
        payload: { kind: 'communication', channel: 'portal', date: '2026-03-08', ...body },
      });
    for (const title of ['\u200b\u200b', '\u00a0\u2003', '\u200d\ufeff\u2060', '\u3164']) {
      expect(expect400(await log({ title })).error.issues![0]!.path).toBe('$.body.title');
    }
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'ftp://x.vn/a',
    ]) {
      expect(expect400(await log({ title: 'Bài viết', url })).error.issues![0]!.path).toBe('$.body.url');
    }
    for (const url of ['https://langson.gov.vn/bai-viet', 'http://x.vn', 'mailto:hoi.phunu@langson.gov.vn']) {
      expect((await log({ title: 'Bài viết', url })).statusCode).toBe(201);
    }
  });
});

describe('CSV files', () => {
  it('answers 400 to an empty CSV or one with a header only, writing no audit row', async () => {
    const audit = await count('audit_log');
    for (const body of ['', '\ufeff', '  \n\n', `${HEADER}\n`]) {
      const res = expect400(await postCsv(body));
      expect(res.error.issues![0]!.code).toBe('csv_empty');
    }
    expect400(await postCsv(`${HEADER}\n`, 'text/csv', '?mode=valid-only'));
    expect(await count('audit_log')).toBe(audit);
  });

  it('lists the first 100 problems of thousands of bad rows, with their total, in a small answer', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `BDG-04,${PROVINCE},2026,x${i},2500,`);
    const csv = `${HEADER}\n${lines.join('\n')}\n`;
    const res = await postCsv(csv);
    const body = expect400(res);
    expect(body.error.issues).toHaveLength(100);
    expect(body.error.issueCount).toBe(5000);
    expect(body.error.issues![99]!.line).toBe(101);
    expect(res.body.length).toBeLessThan(40_000);
    // valid-only keeps the good rows and caps the list of refused ones the same way.
    const mixed = `${HEADER}\n${GOOD.indicator},${PROVINCE},2026,640,2500,\n${lines.join('\n')}\n`;
    const partial = await postCsv(mixed, 'text/csv', '?mode=valid-only');
    expect(partial.statusCode, partial.body).toBe(201);
    const result = partial.json<{ stored: number; rejected: unknown[]; rejectedCount: number }>();
    expect(result).toMatchObject({ stored: 1, rejectedCount: 5000 });
    expect(result.rejected).toHaveLength(100);
  });

  it('refuses invalid UTF-8 naming the encoding problem', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\nBDG-04,${PROVINCE},2026,640,2500,S`),
      Buffer.from([0xe1, 0x28]),
      Buffer.from('\n'),
    ]);
    const body = expect400(await postCsv(bytes));
    expect(body.error.message).toMatch(/UTF-8/);
    expect(body.error.message).toMatch(/0xe1/);
    expect(body.error.issues![0]!.code).toBe('encoding_invalid');
    const unknown = expect400(await postCsv(Buffer.from(`${HEADER}\n`), 'text/csv; charset=koi8-r'));
    expect(unknown.error.issues![0]!.code).toBe('encoding_unsupported');
  });

  it('decodes UTF-16 LE with a byte-order mark and a file declared as Windows-1258', async () => {
    const note = 'Số liệu điều tra';
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`${HEADER}\nBDG-04,${PROVINCE},2027,640,2500,${note}\n`, 'utf16le'),
    ]);
    const a = await postCsv(utf16, 'text/csv', '?acknowledgeWarnings=true');
    expect(a.statusCode, a.body).toBe(201);
    const cp1258 = encodeWindows1258(`${HEADER}\nBDG-04,${PROVINCE},2028,640,2500,${note}\n`);
    expect(cp1258.toString('utf8')).not.toContain(note);
    const b = await postCsv(cp1258, 'text/csv; charset=windows-1258', '?acknowledgeWarnings=true');
    expect(b.statusCode, b.body).toBe(201);
    const notes = await queryRows<{ note: string }>(
      ctx.database.db,
      sql`select note from observations where period in ('2027', '2028') and org_unit_code = ${PROVINCE}`,
    );
    expect(notes.map((n) => n.note)).toEqual([note, note]);
  });
});

/**
 * Windows-1258 bytes of a text. The code page has the letters â ê ô ơ ư ă đ but writes the five tone marks and the
 * dot below as combining characters after them: ệ is ê + combining dot below.
 */
function encodeWindows1258(text: string): Buffer {
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  const byteOf = (ch: string) => {
    const b = byChar.get(ch);
    if (b === undefined) throw new Error(`not in windows-1258: ${ch}`);
    return b;
  };
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (byChar.has(ch)) {
      out.push(byteOf(ch));
      continue;
    }
    let [base, ...marks] = [...ch.normalize('NFD')];
    for (const m of [...marks]) {
      const composed = (base! + m).normalize('NFC');
      if (composed.length === 1 && byChar.has(composed)) {
        base = composed;
        marks = marks.filter((x) => x !== m);
      }
    }
    out.push(byteOf(base!), ...marks.map(byteOf));
  }
  return Buffer.from(out);
}

describe('plans over the documented size', () => {
  it('answers 400 (not 500) to 100,000 goals, and lists at most 100 issues', async () => {
    const exported = await ctx.app.inject({ url: `/api/plans/${ctx.planId}/export` });
    const doc = exported.json<Record<string, unknown>>();
    const goals = Array.from({ length: 100_000 }, (_, i) => ({ code: `G${i}`, title: 'x', targets: [] }));
    const plans = await count('plans');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/plans/import',
      headers: ctx.coordinator,
      payload: { ...doc, goals },
    });
    expect([400, 413]).toContain(res.statusCode);
    const body = res.json<ErrorBody>();
    expect(body.error.issues?.length ?? 0).toBeLessThanOrEqual(100);
    expect(body.error.issues?.[0]?.path).toBe('$.goals');
    expect(await count('plans')).toBe(plans);
  });

  it('imports a plan at the size limits (1,000 targets, 2,000 measures, 2,000 tasks) without error', async () => {
    const exported = (await ctx.app.inject({ url: `/api/plans/${ctx.planId}/export` })).json<{
      document: Record<string, unknown>;
      assignments: unknown[];
    }>();
    const measure = { value: 50, unit: '%', comparator: '>=', year: 2030, baseline: null, per: null };
    const goals = Array.from({ length: 200 }, (_, g) => ({
      code: `${g + 1}`,
      title: `Mục tiêu ${g + 1}`,
      targets: Array.from({ length: 5 }, (_, t) => ({
        code: `${g + 1}.${t + 1}`,
        text: 'Chỉ tiêu',
        measures: [measure, measure],
      })),
    }));
    const tasks = Array.from({ length: 2000 }, (_, i) => ({ code: `T${i}`, text: 'Nhiệm vụ', agencies: [] }));
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/plans/import',
      headers: ctx.coordinator,
      payload: {
        ...exported,
        document: { ...exported.document, title: 'Kế hoạch lớn', number: '999' },
        references: [],
        goals,
        tasks,
        assignments: [],
      },
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
  }, 60_000);
});

describe('a full disk', () => {
  it('answers 507 with a clear message and leaves no partial file nor a row', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/org-units/${ctx.commune}/activities`,
      headers: ctx.reporter,
      payload: { kind: 'communication', title: 'Bài viết', channel: 'portal', date: '2026-03-08' },
    });
    const { id } = created.json<{ id: string }>();
    const dir = path.join(ctx.filesDir, 'attachments');
    const filesBefore = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const rows = await count('attachments');
    diskFull = true;
    try {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/activities/${id}/attachments`,
        headers: { ...ctx.reporter, 'content-type': 'application/pdf', 'x-file-name': 'bien-ban.pdf' },
        payload: Buffer.from('%PDF-1.4\n' + 'x'.repeat(10_000)),
      });
      expect(res.statusCode).toBe(507);
      expect(res.json<ErrorBody>().error).toMatchObject({ code: 'INSUFFICIENT_STORAGE' });
      expect(res.json<ErrorBody>().error.message).toMatch(/hết dung lượng/);
    } finally {
      diskFull = false;
    }
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual(filesBefore);
    expect(await count('attachments')).toBe(rows);
  });
});
