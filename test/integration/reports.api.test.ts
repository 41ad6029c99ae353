import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatQuantity, type MeasureUnit } from '../../src/domain/measure.js';
import { STATUS_LABEL } from '../../src/domain/progress-explain.js';
import type { StatusKey } from '../../src/domain/progress.js';
import { openDocx } from '../support/docx.js';
import { createTestApp } from '../support/server.js';

type Ctx = Awaited<ReturnType<typeof createTestApp>>;
let ctx: Ctx;
let coordinator: Awaited<ReturnType<Ctx['signIn']>>;
let cycleId: string;

interface Progress {
  targets: {
    code: string;
    measures: { status: StatusKey; target: { unit: MeasureUnit }; latest: { value: number } | null }[];
  }[];
}

beforeAll(async () => {
  ctx = await createTestApp({ demo: true, now: () => new Date('2026-12-10T08:00:00Z') });
  coordinator = await ctx.signIn('coordinator', '20');
  const cycles = (await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.demoPlanId}/cycles` })).json<{
    cycles: { id: string; kind: string; year: number }[];
  }>();
  cycleId = cycles.cycles.find((c) => c.kind === 'annual' && c.year === 2026)!.id;
});
afterAll(async () => {
  await ctx?.close();
});

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
      url: `/api/cycles/${cycleId}/reports/20/report.docx`,
      headers: coordinator,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    xml = (await openDocx(res.rawPayload)).document;
    progress = (
      await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.demoPlanId}/progress?year=2026` })
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
    expect(dataRows).toHaveLength(20);
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
      url: `/api/cycles/${cycleId}/reports/20/appendix.xlsx`,
      headers: coordinator,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Phụ lục')!;
    const rows: string[] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      if (/^\d+$/.test(row.getCell(1).text)) rows.push(cells.join(' | '));
    });
    expect(rows).toHaveLength(20);
    const t11 = progress.targets[0]!.measures[0]!;
    expect(rows[0]).toContain(formatQuantity(Math.round(t11.latest!.value * 100) / 100, '%', 'vi'));
  });

  it('is refused to a commune reporter (403) and to anonymous callers (401)', async () => {
    const reporter = await ctx.signIn('reporter', '05977');
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/cycles/${cycleId}/reports/20/report.docx`,
          headers: reporter,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/cycles/${cycleId}/reports/20/report.docx` }))
        .statusCode,
    ).toBe(401);
  });
});

describe('the written sections and the signed PDF', () => {
  const base = () => `/api/cycles/${cycleId}/reports/20`;

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
    const saved = await ctx.app.inject({
      method: 'PUT',
      url: `${base()}/draft`,
      headers: coordinator,
      payload: body,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<{ version: number }>().version).toBe(1);
    const stale = await ctx.app.inject({
      method: 'PUT',
      url: `${base()}/draft`,
      headers: coordinator,
      payload: body,
    });
    expect(stale.statusCode).toBe(409);
    const docx = await ctx.app.inject({ method: 'GET', url: `${base()}/report.docx`, headers: coordinator });
    const xml = (await openDocx(docx.rawPayload)).document;
    for (const text of ['12 hội nghị', 'Thiếu số liệu', 'hướng dẫn biểu mẫu', 'Trần Thanh Nhàn'])
      expect(xml).toContain(text);
  });

  it('refuses a file that is not a PDF and leaves nothing behind', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${base()}/signed`,
      headers: { ...coordinator, 'content-type': 'application/pdf' },
      payload: Buffer.from('MZ not a pdf'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/PDF/);
    expect(fs.readdirSync(ctx.filesDir)).toEqual([]);
    const draft = await ctx.app.inject({ method: 'GET', url: `${base()}/draft`, headers: coordinator });
    expect(draft.json<{ signed: unknown }>().signed).toBeNull();
  });

  it('keeps the signed PDF outside the rows, shows the report as sent and serves the file back', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${base()}/signed`,
      headers: { ...coordinator, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ signed: { size: number; sentAt: string } }>().signed).toMatchObject({
      size: pdf.length,
    });
    expect(fs.readdirSync(ctx.filesDir)).toHaveLength(1);
    const back = await ctx.app.inject({ method: 'GET', url: `${base()}/signed.pdf`, headers: coordinator });
    expect(back.statusCode).toBe(200);
    expect(Buffer.compare(back.rawPayload, pdf)).toBe(0);
  });
});
