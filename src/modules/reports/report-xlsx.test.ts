import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendixRows } from './report-document.js';
import { sampleReportDocument } from './report-fixture.js';
import { APPENDIX_SHEET, renderAppendixXlsx } from './report-xlsx.js';

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
    expect([1, 2, 3, 4, 5, 8, 9, 10].map((c) => text(top.getCell(c)))).toEqual([
      'STT',
      'Chỉ tiêu',
      'Mức cần đạt',
      'Giá trị gốc',
      'Giá trị mới nhất',
      'Kỳ',
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

  it('has exactly one row per target with the values of the report', () => {
    const first = headerRow + 2;
    expect(ws.rowCount - first + 1).toBe(targets.length);
    const rows = appendixRows(doc);
    rows.forEach((expected, i) => {
      const row = ws.getRow(first + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(text(row.getCell(2))).toBe(expected.target.join('\n'));
      expect(text(row.getCell(3))).toBe(expected.measureTarget.join('\n'));
      expect(text(row.getCell(5))).toBe(expected.female.join('\n'));
      expect(text(row.getCell(6))).toBe(expected.male.join('\n'));
      expect(text(row.getCell(7))).toBe(expected.total.join('\n'));
      expect(text(row.getCell(9))).toBe(expected.status.join('\n'));
      expect(text(row.getCell(10))).toBe(expected.lead.join('\n'));
      expect(row.getCell(2).alignment?.wrapText).toBe(true);
    });
    const r11 = ws.getRow(first);
    expect(text(r11.getCell(2))).toMatch(/^1\.1\. Phấn đấu đến năm 2030, đạt 75%/);
    expect(text(r11.getCell(7))).toBe('62,5%');
    expect(text(r11.getCell(8))).toBe('năm 2026');
    expect(text(r11.getCell(9))).toBe('Cần đẩy nhanh');
    const r32 = ws.getRow(first + targets.findIndex((t) => t.code === '3.2'));
    expect(text(r32.getCell(5))).toBe('a) 85,1%\nb) 48,6%');
    expect(text(r32.getCell(10))).toBe('Sở Văn hóa, Thể thao và Du lịch');
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
