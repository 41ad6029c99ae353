import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleReportDocument } from './report-fixture.js';
import { APPENDIX_SHEET, MISSING, NOT_APPLICABLE, renderAppendixXlsx, sheetRows } from './report-xlsx.js';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer interface; the runtime takes a Node Buffer.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const text = (cell: ExcelJS.Cell): string => cell.text;

describe('renderAppendixXlsx', () => {
  const doc = sampleReportDocument();
  const targets = doc.goals.flatMap((g) => g.targets);
  let ws: ExcelJS.Worksheet;
  let headerRow: number;

  beforeAll(async () => {
    const wb = await load(await renderAppendixXlsx(doc));
    const sheet = wb.getWorksheet(APPENDIX_SHEET);
    if (!sheet) throw new Error('no "Phụ lục" sheet');
    ws = sheet;
    headerRow = 0;
    ws.eachRow((row, n) => {
      if (!headerRow && text(row.getCell(1)) === 'STT') headerRow = n;
    });
  });

  it('names the sheet in Vietnamese and puts the title rows above the table', () => {
    expect(ws.name).toBe('Phụ lục');
    const titles = Array.from({ length: headerRow - 1 }, (_, i) => text(ws.getCell(i + 1, 1)));
    expect(titles).toContain('UBND TỈNH LẠNG SƠN - SỞ NỘI VỤ');
    expect(titles).toContain('Phụ lục');
    expect(titles).toContain(
      'Kết quả thực hiện các chỉ tiêu bình đẳng giới năm 2026 trên địa bàn tỉnh Lạng Sơn',
    );
    expect(titles.some((t) => t.startsWith('(Kèm theo Báo cáo số'))).toBe(true);
    expect(titles.some((t) => t.startsWith('DỮ LIỆU MINH HỌA'))).toBe(true);
  });

  it('has a bold two-row header, frozen on screen and repeated on print', () => {
    const top = ws.getRow(headerRow);
    const sub = ws.getRow(headerRow + 1);
    expect([1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14].map((c) => text(top.getCell(c)))).toEqual([
      'STT',
      'Chỉ tiêu',
      'Mức cần đạt',
      'Giá trị gốc',
      'Giá trị mới nhất',
      'Tử số',
      'Mẫu số',
      'Kỳ',
      'Đơn vị đã báo cáo',
      'Nguồn số liệu',
      'Tình trạng',
      'Cơ quan chủ trì',
    ]);
    expect([5, 6, 7].map((c) => text(sub.getCell(c)))).toEqual(['Nữ', 'Nam', 'Tổng']);
    expect(top.getCell(2).font?.bold).toBe(true);
    expect(top.getCell(2).font?.name).toBe('Times New Roman');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow + 1 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow + 1}`);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.getColumn(2).width).toBeGreaterThan(40);
  });

  it('has one row per measure, the figures stored as numbers with their display format', () => {
    const first = headerRow + 2;
    const rows = sheetRows(doc);
    const measures = targets.flatMap((t) => t.measures);
    expect(rows).toHaveLength(measures.length);
    rows.forEach((expected, i) => {
      const row = ws.getRow(first + i);
      expect(row.getCell(1).value).toBe(expected.stt ?? '');
      expect(text(row.getCell(2))).toBe(expected.target);
      expect(text(row.getCell(13))).toBe(expected.status);
      for (const [col, key] of [
        [5, 'female'],
        [6, 'male'],
        [7, 'total'],
      ] as const) {
        const value = expected[key];
        const cell = row.getCell(col);
        if (typeof value === 'object') {
          expect(cell.value, `${i} ${key}`).toBe(value.number);
          expect(cell.numFmt, `${i} ${key}`).toBe(value.format);
        } else expect(cell.value, `${i} ${key}`).toBe(value);
      }
    });
    const r11 = ws.getRow(first);
    expect(text(r11.getCell(2))).toMatch(/^1\.1\. Phấn đấu đến năm 2030, đạt 75%/);
    expect(r11.getCell(7).value).toBe(62.5);
    expect(r11.getCell(7).numFmt).toBe('0.0"%"');
    expect(text(r11.getCell(10))).toBe('năm 2026');
    expect(text(r11.getCell(13))).toBe('Cần đẩy nhanh');
    // The sample has no parts: those columns do not apply ("x"); a figure entered for the province has no coverage.
    expect([8, 9, 11].map((c) => r11.getCell(c).value)).toEqual([
      NOT_APPLICABLE,
      NOT_APPLICABLE,
      NOT_APPLICABLE,
    ]);
    // 3.2 has two measures: two rows, the target's text and number on the first.
    const at32 = rows.findIndex((r) => r.target.startsWith('3.2.'));
    expect(rows[at32]!.target).toMatch(/\na\) /);
    expect(rows[at32 + 1]!).toMatchObject({ stt: null, lead: '' });
    expect(rows[at32 + 1]!.target).toMatch(/^b\) /);
    expect(ws.getRow(first + at32).getCell(5).value).toBe(85.1);
  });

  it('tells a missing figure from one that does not apply, with a legend', () => {
    const values = sheetRows(doc).flatMap((r) => [r.female, r.male, r.total]);
    expect(values).toContain(MISSING);
    expect(values).toContain(NOT_APPLICABLE);
    const all: string[] = [];
    ws.eachRow((row) => all.push(text(row.getCell(1))));
    expect(all.at(-1)).toBe(
      `Ghi chú: ${MISSING} chưa có số liệu; ${NOT_APPLICABLE} không áp dụng. Các giá trị là số, hiển thị theo định dạng của máy (tiếng Việt: 47,9%; 1.234).`,
    );
  });

  it('omits the demo note for real data', async () => {
    const wb = await load(await renderAppendixXlsx({ ...doc, isDemo: false, parentBody: null }));
    const sheet = wb.getWorksheet(APPENDIX_SHEET)!;
    const all: string[] = [];
    sheet.eachRow((row) => all.push(text(row.getCell(1))));
    expect(all.some((t) => t.includes('MINH HỌA'))).toBe(false);
    expect(all[0]).toBe('SỞ NỘI VỤ');
  });
});
