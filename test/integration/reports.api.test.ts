import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatQuantity, type MeasureUnit } from '../../src/domain/measure.js';
import { STATUS_LABEL } from '../../src/domain/progress-explain.js';
import type { StatusKey } from '../../src/domain/progress.js';
import { openDocx, textOf } from '../support/docx.js';
import { acceptFigures, recordFigures } from '../support/factories/figures.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan, cyclesOf, type TargetSpec } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Four targets: two with accepted province figures of 2024 and 2025 (women among masters, BDG-18; women in wage
 * work, BDG-02), one rolled up from two communes' accepted figures (people reached, BDG-20), one without an
 * indicator.
 */
const TARGETS: TargetSpec[] = [
  { code: '1.1', measures: [{ value: 50, indicator: 'BDG-18' }], lead: ['Sở Nội vụ'] },
  { code: '2.1', measures: [{ value: 60, indicator: 'BDG-02' }], lead: ['Sở Nội vụ'] },
  { code: '2.2', measures: [{ value: 80, indicator: 'BDG-20' }], lead: ['Sở Văn hóa, Thể thao và Du lịch'] },
  { code: '2.3', measures: [{ value: 100 }], lead: ['Sở Y tế'] },
];

/** The province's published plan above with its cycles and accepted figures; the app's clock at 10/12/2026. */
const ctx = useTestApp({ now: () => new Date('2026-12-10T08:00:00Z') }, async (app) => {
  const province = await provinceUnits(app);
  const plan = await createPlan(app, { province, published: true, cycles: true, targets: TARGETS });
  const communes = province.communes.slice(0, 2).map((c) => c.code);
  for (const [year, masters, wage, reached] of [
    ['2024', 45.2, 28.9, [9_100, 23_800]],
    ['2025', 47.3, 31.4, [11_250, 24_100]],
  ] as const) {
    await recordFigures(app, [
      { indicator: 'BDG-18', orgUnit: province.code, period: year, value: masters },
      { indicator: 'BDG-02', orgUnit: province.code, period: year, value: wage },
      ...communes.map((orgUnit, i) => ({
        indicator: 'BDG-20',
        orgUnit,
        period: year,
        numerator: reached[i]!,
        denominator: 30_000,
      })),
    ]);
    await acceptFigures(app, { planId: plan.id, period: year, units: [province.code, ...communes] });
  }
  const cycles = await cyclesOf(app, plan.id);
  return {
    province,
    commune: communes[0]!,
    planId: plan.id,
    cycleId: cycles.find((c) => c.kind === 'annual' && c.year === 2026)!.id,
    coordinator: await app.signIn('coordinator', province.code),
  };
});

interface Progress {
  targets: {
    code: string;
    measures: { status: StatusKey; target: { unit: MeasureUnit }; latest: { value: number } | null }[];
  }[];
}

/** Text of each cell of each row of a table in WordprocessingML. */
function tableRows(tableXml: string): string[][] {
  return [...tableXml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' '),
    ),
  );
}

describe('the province report of the 2026 annual cycle', () => {
  let xml: string;
  let progress: Progress;
  beforeAll(async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/cycles/${ctx.cycleId}/reports/${ctx.province.code}/report.docx`,
      headers: ctx.coordinator,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    xml = (await openDocx(res.rawPayload)).document;
    progress = (
      await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.planId}/progress?year=2026` })
    ).json<Progress>();
  });

  it('is A4 with margins inside Nghị định 30/2020’s ranges and the national header', () => {
    const size = /<w:pgSz [^>]*w:w="(\d+)"[^>]*w:h="(\d+)"/.exec(xml)!;
    expect([Number(size[1]), Number(size[2])]).toEqual([11906, 16838]);
    const mar = /<w:pgMar [^>]*>/.exec(xml)![0];
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(mar)![1]);
    const mm = (t: number) => (t * 25.4) / 1440;
    expect(mm(twips('top'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(twips('top'))).toBeLessThanOrEqual(25.1);
    expect(mm(twips('bottom'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(twips('left'))).toBeGreaterThanOrEqual(29.9);
    expect(mm(twips('left'))).toBeLessThanOrEqual(35.1);
    expect(mm(twips('right'))).toBeGreaterThanOrEqual(14.9);
    expect(mm(twips('right'))).toBeLessThanOrEqual(20.1);
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toContain('/BC-UBND');
    expect(xml).toContain('BÁO CÁO');
  });

  it('has an appendix row per target whose latest totals and statuses equal /progress', () => {
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const appendix = tableRows(tables.at(-1)!);
    const dataRows = appendix.filter((cells) => /^\d+$/.test(cells[0]?.trim() ?? ''));
    expect(dataRows).toHaveLength(TARGETS.length);
    progress.targets.forEach((t, i) => {
      const row = dataRows[i]!.join(' | ');
      expect(row).toContain(`${t.code}.`);
      for (const m of t.measures) {
        if (m.latest)
          expect(row, t.code).toContain(
            formatQuantity(Math.round(m.latest.value * 100) / 100, m.target.unit, 'vi'),
          );
        expect(row, t.code).toContain(STATUS_LABEL.vi[m.status]);
      }
    });
  });

  it('gives the same appendix as XLSX', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/cycles/${ctx.cycleId}/reports/${ctx.province.code}/appendix.xlsx`,
      headers: ctx.coordinator,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Phụ lục')!;
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') rows.push(row);
    });
    expect(rows).toHaveLength(TARGETS.length);
    // The figures are numbers with a display format, not text: 1.1's latest value and the unit's format.
    const t11 = progress.targets[0]!.measures[0]!;
    expect(rows[0]!.getCell(7).value).toBe(t11.latest!.value);
    expect(rows[0]!.getCell(7).numFmt).toBe('0.0"%"');
    expect(rows[0]!.getCell(12).text).toBe('Nhập trực tiếp');
  });

  it('is refused to a commune reporter (403) and to anonymous callers (401)', async () => {
    const reporter = await ctx.signIn('reporter', ctx.commune);
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/cycles/${ctx.cycleId}/reports/${ctx.province.code}/report.docx`,
          headers: reporter,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/cycles/${ctx.cycleId}/reports/${ctx.province.code}/report.docx`,
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('the written sections and the signed PDF', () => {
  const base = () => `/api/cycles/${ctx.cycleId}/reports/${ctx.province.code}`;

  it('puts the unit’s own sections into the DOCX, with a version check', async () => {
    const body = {
      activities: 'Tổ chức 12 hội nghị tuyên truyền nhân Tháng hành động.',
      difficulties: 'Thiếu số liệu tách biệt theo giới tính ở cấp xã.',
      proposals: 'Đề nghị Bộ Nội vụ hướng dẫn biểu mẫu thống kê.',
      signerAuthority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      signerName: 'Trần Thanh Nhàn',
      recipients: ['Bộ Nội vụ;', 'Lưu: VT.'],
      version: 0,
    };
    const saveDraft = () =>
      ctx.app.inject({ method: 'PUT', url: `${base()}/draft`, headers: ctx.coordinator, payload: body });
    const saved = await saveDraft();
    expect(saved.statusCode).toBe(200);
    expect(saved.json<{ version: number }>().version).toBe(1);
    const stale = await saveDraft();
    expect(stale.statusCode).toBe(409);
    const docx = await ctx.app.inject({
      method: 'GET',
      url: `${base()}/report.docx`,
      headers: ctx.coordinator,
    });
    const xml = (await openDocx(docx.rawPayload)).document;
    for (const text of ['12 hội nghị', 'Thiếu số liệu', 'hướng dẫn biểu mẫu', 'Trần Thanh Nhàn'])
      expect(xml).toContain(text);
    // "Kính gửi" names the addressee: Nơi nhận starts with "Như trên" (Nghị định 30/2020).
    expect(textOf(xml)).toContain('Kính gửi: Bộ Nội vụ');
    expect(textOf(xml)).toContain('Nơi nhận:- Như trên;- Bộ Nội vụ;- Lưu: VT.');
  });

  it('refuses a file that is not a PDF and leaves nothing behind', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${base()}/signed`,
      headers: { ...ctx.coordinator, 'content-type': 'application/pdf' },
      payload: Buffer.from('MZ not a pdf'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/PDF/);
    expect(fs.readdirSync(ctx.filesDir)).toEqual([]);
    const draft = await ctx.app.inject({ method: 'GET', url: `${base()}/draft`, headers: ctx.coordinator });
    expect(draft.json<{ signed: unknown }>().signed).toBeNull();
  });

  it('keeps the signed PDF outside the rows, shows the report as sent and serves the file back', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${base()}/signed`,
      headers: { ...ctx.coordinator, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ signed: { size: number; sentAt: string } }>().signed).toMatchObject({
      size: pdf.length,
    });
    expect(fs.readdirSync(ctx.filesDir)).toHaveLength(1);
    const back = await ctx.app.inject({
      method: 'GET',
      url: `${base()}/signed.pdf`,
      headers: ctx.coordinator,
    });
    expect(back.statusCode).toBe(200);
    expect(Buffer.compare(back.rawPayload, pdf)).toBe(0);
  });
});
