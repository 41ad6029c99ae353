import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { ATTACHMENT_LIMIT } from '../../src/domain/activity-log.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan } from '../support/factories/plans.js';
import { logArticles, recordHolders } from '../support/factories/records.js';
import type { MeasureProgressView } from '../../src/modules/progress/progress.schemas.js';
import { useTestApp } from '../support/test-app.js';

/** The activity log, its attachments and the registers, and the indicators computed from them (issue 6). */

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Measure = MeasureProgressView;
interface Activity {
  id: string;
  title: string;
  attachments: { id: string; fileName: string; size: number; url: string }[];
}

/**
 * A province with few communes (every commune counts for BDG-22, a commune without items as 0) and its published
 * plan measured by female key leaders (BDG-01) and items per commune per quarter (BDG-22, target 6.3: ≥ 4).
 * Records: `commune` has a man as chair since 2021 and a neighbour a woman since 2025; in 2025-Q4 every commune
 * logged four articles but two (`short`), which logged three.
 */
const ctx = useTestApp({ now: () => new Date('2026-11-20T08:00:00Z') }, async (app) => {
  const province = await provinceUnits(app, '12');
  const { id: planId } = await createPlan(app, {
    province,
    published: true,
    goals: [
      { code: '1', targets: [{ code: '1.1', measures: [{ value: 75, indicator: 'BDG-01' }] }] },
      {
        code: '6',
        targets: [
          { code: '6.3', measures: [{ value: 4, unit: 'count', per: 'quarter', indicator: 'BDG-22' }] },
        ],
      },
    ],
  });
  const [commune, neighbour, ...others] = province.communes.map((c) => c.code) as [
    string,
    string,
    ...string[],
  ];
  await recordHolders(app, commune, [{ holderSex: 'male', fromDate: '2021-01-01' }]);
  await recordHolders(app, neighbour, [
    { holderSex: 'male', fromDate: '2021-01-01' },
    { holderSex: 'female', fromDate: '2025-01-15' },
  ]);
  const short = others.slice(0, 2);
  for (const unit of [commune, neighbour, ...others]) {
    const dates = ['2025-10-06', '2025-11-10', '2025-12-01', '2025-12-20'];
    await logArticles(app, unit, short.includes(unit) ? dates.slice(0, 3) : dates);
  }
  return {
    province,
    planId,
    commune,
    neighbour,
    short,
    reporter: await app.signIn('reporter', commune),
    coordinator: await app.signIn('coordinator', province.code),
  };
});

/** The plan's measure driven by an indicator, as /progress reports it for a year. */
async function measureOf(code: string, year: number): Promise<Measure & { targetCode: string }> {
  const res = await ctx.app.inject(`/api/plans/${ctx.planId}/progress?year=${year}`);
  const body = res.json<{ targets: { code: string; measures: Measure[] }[] }>();
  for (const t of body.targets)
    for (const m of t.measures) if (m.indicator?.code === code) return { ...m, targetCode: t.code };
  throw new Error(`no measure for ${code}`);
}

const logActivity = (unit: string, body: Record<string, unknown>, headers = ctx.reporter) =>
  ctx.app.inject({ method: 'POST', url: `/api/org-units/${unit}/activities`, headers, payload: body });

async function newActivity(title: string): Promise<string> {
  const res = await logActivity(ctx.commune, {
    kind: 'communication',
    title,
    channel: 'portal',
    date: '2026-03-08',
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

const attach = (activityId: string, name: string, type: string | undefined, body: Buffer) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/activities/${activityId}/attachments`,
    headers: {
      ...ctx.reporter,
      ...(type ? { 'content-type': type } : {}),
      'x-file-name': encodeURIComponent(name),
    },
    payload: body,
  });

const storedFiles = () => {
  const dir = path.join(ctx.filesDir, 'attachments');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
const attachmentRows = async () =>
  (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int n from attachments`))[0]!.n;

// First: the items logged in 2026 by the later tests extend the computed quarters into 2026.
describe('indicators computed from the records', () => {
  it('BDG-01 (female key leaders) follows the leadership register as soon as a holder changes', async () => {
    // Two of the province's units keep a register: their share is shown as partial, never as the province's.
    const before = await measureOf('BDG-01', 2025);
    expect(before.latest).toBeNull();
    expect(before.partial).toMatchObject({ period: '2025', origin: 'computed', fromRecords: true });
    expect(before.partial!.coverage).toMatchObject({ reported: 2 });
    const terms = (await ctx.app.inject(`/api/org-units/${ctx.commune}/leadership`)).json<{
      items: { position: string; isKeyLeader: boolean; holderSex: string | null; toDate: string | null }[];
    }>().items;
    const chair = terms.find((t) => t.isKeyLeader && t.toDate === null && t.holderSex === 'male');
    expect(chair).toBeDefined();
    expect(terms.some((t) => t.isKeyLeader && t.toDate === null && t.holderSex === 'female')).toBe(false);

    /** The commune's reporter records who holds the chair's post from `fromDate` on. */
    const recordChair = (holderSex: string, fromDate: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/org-units/${ctx.commune}/leadership`,
        headers: ctx.reporter,
        payload: { position: chair!.position, isKeyLeader: true, holderSex, fromDate },
      });
    const change = await recordChair('female', '2025-07-01');
    expect(change.statusCode).toBe(201);
    const after = await measureOf('BDG-01', 2025);
    expect(after.partial!.period).toBe('2025');
    expect(after.partial!.value).toBeGreaterThan(before.partial!.value);

    // A start before the current holder's is refused, naming the field.
    const early = await recordChair('male', '2020-01-01');
    expect(early.statusCode).toBe(400);
    expect(JSON.stringify(early.json())).toContain('fromDate');
    expect((await measureOf('BDG-01', 2025)).partial!.value).toBe(after.partial!.value);
  });

  it('BDG-22 (items per commune per quarter) and target 6.3 move when the missing articles are logged', async () => {
    const before = await measureOf('BDG-22', 2025);
    expect(before.latest).toMatchObject({ period: '2025-Q4', value: 3, fromRecords: true });
    // The province's figure is the lowest commune count: the two communes with 3 items each get a fourth.
    for (const code of ctx.short) {
      const res = await logActivity(
        code,
        { kind: 'communication', title: 'Tin bài về bình đẳng giới', channel: 'radio', date: '2025-12-05' },
        ctx.coordinator,
      );
      expect(res.statusCode).toBe(201);
    }
    const after = await measureOf('BDG-22', 2025);
    expect(after.latest).toMatchObject({ period: '2025-Q4', value: 4 });
    // 6.3 is a standing requirement for every commune each quarter: not met while two communes had 3 items.
    expect(before.status).toBe('not_met');
    expect(before.explanation.vi).toBe(
      `Chưa đạt: ${ctx.province.communes.length - 2}/${ctx.province.communes.length} đơn vị đạt ≥ 4 trong quý IV/2025`,
    );
    expect(after.status).toBe('achieved');
  });

  it('staff counts by sex are stored per date and a negative count is refused', async () => {
    const ok = await ctx.app.inject({
      method: 'PUT',
      url: `/api/org-units/${ctx.commune}/staff`,
      headers: ctx.reporter,
      payload: { asOf: '2025-12-31', female: 12, male: 15 },
    });
    expect(ok.statusCode).toBe(200);
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: `/api/org-units/${ctx.commune}/staff`,
      headers: ctx.reporter,
      payload: { asOf: '2025-12-31', female: -1, male: 15 },
    });
    expect(bad.statusCode).toBe(400);
    const items = (await ctx.app.inject(`/api/org-units/${ctx.commune}/staff`)).json<{
      items: { asOf: string; female: number; male: number }[];
    }>().items;
    expect(items.find((s) => s.asOf === '2025-12-31')).toEqual({ asOf: '2025-12-31', female: 12, male: 15 });
  });
});

describe('the activity log', () => {
  it('logs an item with its links and filters by kind, channel, occasion, target and dates', async () => {
    const plan = (await ctx.app.inject(`/api/plans/${ctx.planId}`)).json<{
      goals: { targets: { id: string; code: string }[] }[];
    }>();
    const target63 = plan.goals.flatMap((g) => g.targets).find((t) => t.code === '6.3')!.id;
    const res = await logActivity(ctx.commune, {
      kind: 'event',
      title: 'Mít tinh hưởng ứng Tháng hành động vì bình đẳng giới',
      date: '2026-11-16',
      occasion: 'action-month',
      participantsFemale: 40,
      participantsMale: 25,
      targetIds: [target63],
    });
    expect(res.statusCode).toBe(201);
    const list = async (query: string) =>
      (await ctx.app.inject(`/api/org-units/${ctx.commune}/activities?${query}`))
        .json<{ items: Activity[] }>()
        .items.map((a) => a.title);
    expect(await list('occasion=action-month')).toContain(
      'Mít tinh hưởng ứng Tháng hành động vì bình đẳng giới',
    );
    expect(await list(`target=${target63}`)).toEqual([
      'Mít tinh hưởng ứng Tháng hành động vì bình đẳng giới',
    ]);
    expect(await list('kind=event&from=2026-11-01&to=2026-11-30')).toContain(
      'Mít tinh hưởng ứng Tháng hành động vì bình đẳng giới',
    );
    expect(await list('channel=radio&from=2026-11-01')).not.toContain(
      'Mít tinh hưởng ứng Tháng hành động vì bình đẳng giới',
    );
    expect((await ctx.app.inject(`/api/org-units/${ctx.commune}/activities?channel=fax`)).statusCode).toBe(
      400,
    );
  });

  it('names the field of a bad item and stores nothing', async () => {
    const before = (await ctx.app.inject(`/api/org-units/${ctx.commune}/activities?limit=1000`)).json<{
      items: unknown[];
    }>().items.length;
    const res = await logActivity(ctx.commune, {
      kind: 'training',
      title: 'Tập huấn lồng ghép giới',
      date: '2026-05-10',
      endDate: '2026-05-09',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { issues: { path: string }[] } }>().error.issues.map((i) => i.path)).toContain(
      '$.body.endDate',
    );
    const after = (await ctx.app.inject(`/api/org-units/${ctx.commune}/activities?limit=1000`)).json<{
      items: unknown[];
    }>().items.length;
    expect(after).toBe(before);
  });

  it('is written only by who may write for the unit', async () => {
    const other = await logActivity(ctx.neighbour, {
      kind: 'communication',
      title: 'Tin bài',
      date: '2026-03-08',
    });
    expect(other.statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: `/api/org-units/${ctx.commune}/activities`,
      payload: { kind: 'communication', title: 'Tin bài', date: '2026-03-08' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('attachments', () => {
  it('keeps a photo and a PDF outside the rows and serves the same bytes back', async () => {
    const id = await newActivity('Ảnh và biên bản hội nghị');
    const photo = await attach(id, 'ảnh hội nghị.png', 'image/png', PNG);
    expect(photo.statusCode).toBe(201);
    const minutes = await attach(id, 'biên bản.pdf', 'application/pdf', PDF);
    expect(minutes.statusCode).toBe(201);
    expect(minutes.json<{ fileName: string; size: number }>()).toMatchObject({
      fileName: 'biên bản.pdf',
      size: PDF.length,
    });
    const back = await ctx.app.inject({ url: minutes.json<{ url: string }>().url, headers: ctx.reporter });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toContain('application/pdf');
    expect(back.rawPayload.equals(PDF)).toBe(true);
    const listed = (
      await ctx.app.inject({
        url: `/api/org-units/${ctx.commune}/activities?limit=1000`,
        headers: ctx.reporter,
      })
    )
      .json<{ items: Activity[] }>()
      .items.find((a) => a.id === id)!;
    expect(listed.attachments.map((a) => a.fileName).sort()).toEqual(['biên bản.pdf', 'ảnh hội nghị.png']);
  });

  it('serves files and inspection findings to users of the unit and above, not to anonymous or outside callers', async () => {
    const logged = await logActivity(ctx.commune, {
      kind: 'inspection',
      title: 'Kiểm tra việc thực hiện pháp luật về bình đẳng giới',
      date: '2026-06-12',
      findings: 'Chưa bố trí cán bộ phụ trách công tác bình đẳng giới',
    });
    expect(logged.statusCode).toBe(201);
    const id = logged.json<{ id: string }>().id;
    const file = await attach(id, 'biên bản kiểm tra.pdf', 'application/pdf', PDF);
    expect(file.statusCode).toBe(201);
    const url = file.json<{ url: string }>().url;

    const sibling = await ctx.signIn('coordinator', ctx.neighbour);
    const otherProvince = await ctx.signIn('coordinator', (await provinceUnits(ctx)).code);
    const download = async (headers?: Record<string, string>) =>
      (await ctx.app.inject({ url, ...(headers ? { headers } : {}) })).statusCode;
    expect(await download()).toBe(401);
    expect(await download(sibling)).toBe(403);
    expect(await download(otherProvince)).toBe(403);
    expect(await download(ctx.reporter)).toBe(200);
    expect(await download(ctx.coordinator)).toBe(200);
    expect(await download(await ctx.signIn('viewer', 'VN'))).toBe(200);
    // A file that does not exist is refused like one the caller may not see; a national admin learns it is gone.
    const missing = (headers: Record<string, string>) =>
      ctx.app.inject({ url: '/api/attachments/00000000-0000-4000-8000-000000000000', headers });
    expect((await missing(ctx.coordinator)).statusCode).toBe(403);
    expect((await missing(await ctx.signIn('admin', 'VN'))).statusCode).toBe(404);

    const seen = async (headers?: Record<string, string>) =>
      (
        await ctx.app.inject({
          url: `/api/org-units/${ctx.commune}/activities?kind=inspection&limit=1000`,
          ...(headers ? { headers } : {}),
        })
      )
        .json<{ items: (Activity & { findings: string | null })[] }>()
        .items.find((a) => a.id === id)!;
    for (const outsider of [undefined, sibling, otherProvince]) {
      const item = await seen(outsider);
      expect(item.title).toBe('Kiểm tra việc thực hiện pháp luật về bình đẳng giới');
      expect(item.findings).toBeNull();
      expect(item.attachments).toEqual([]);
    }
    for (const insider of [ctx.reporter, ctx.coordinator]) {
      const item = await seen(insider);
      expect(item.findings).toBe('Chưa bố trí cán bộ phụ trách công tác bình đẳng giới');
      expect(item.attachments.map((a) => a.url)).toEqual([url]);
    }
  });

  it('refuses a file over the limit or of a forbidden type with a clear message, leaving nothing behind', async () => {
    const id = await newActivity('Tệp không hợp lệ');
    const rowsBefore = await attachmentRows();
    const filesBefore = storedFiles();
    const message = (res: Awaited<ReturnType<typeof attach>>) =>
      res.json<{ error: { message: string } }>().error.message;

    const big = Buffer.concat([PNG, Buffer.alloc(ATTACHMENT_LIMIT)]);
    const tooBig = await attach(id, 'ảnh lớn.png', 'image/png', big);
    expect(tooBig.statusCode).toBe(400);
    expect(message(tooBig)).toBe('Tệp đính kèm "ảnh lớn.png" vượt quá giới hạn 10 MB');

    // Far over the limit: the transport refuses it before the service sees it, still in Vietnamese first.
    const huge = await attach(id, 'video.png', 'image/png', Buffer.alloc(ATTACHMENT_LIMIT * 2));
    expect(huge.statusCode).toBe(413);
    expect(message(huge)).toMatch(/^Dữ liệu hoặc tệp gửi lên quá lớn/);

    const forbidden = 'chỉ nhận ảnh JPEG, PNG, tệp PDF hoặc Word (.docx)';
    for (const [name, type, body] of [
      ['ghi chú.txt', 'text/plain', Buffer.from('ghi chú')],
      ['chương trình.exe', 'application/octet-stream', Buffer.from('MZ')],
      ['biên bản.docx', DOCX, Buffer.from('không phải tệp Word')],
      ['ảnh.png', 'image/png', PDF],
      ['không rõ', undefined, PNG],
    ] as const) {
      const res = await attach(id, name, type, body);
      expect(res.statusCode, name).toBe(400);
      expect(message(res), name).toBe(`Tệp "${name}": ${forbidden}`);
    }
    const empty = await attach(id, 'rỗng.png', 'image/png', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(message(empty)).toBe('Tệp đính kèm "rỗng.png" rỗng');

    expect(await attachmentRows()).toBe(rowsBefore);
    expect(storedFiles()).toEqual(filesBefore);
  });
});
