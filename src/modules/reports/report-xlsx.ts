import ExcelJS from 'exceljs';
import {
  APPENDIX_HEADINGS,
  appendixReferenceLine,
  appendixRows,
  splitAppendixTitle,
  type AppendixRow,
  type ReportDocument,
} from './report-document.js';

/** The sheet that holds the appendix table. */
export const APPENDIX_SHEET = 'Phụ lục';

/** Columns of the appendix: heading, width in characters, and the cell's lines. */
const COLUMNS: { key: keyof AppendixRow; width: number; centre: boolean }[] = [
  { key: 'stt', width: 6, centre: true },
  { key: 'target', width: 58, centre: false },
  { key: 'measureTarget', width: 24, centre: false },
  { key: 'baseline', width: 18, centre: true },
  { key: 'female', width: 12, centre: true },
  { key: 'male', width: 12, centre: true },
  { key: 'total', width: 12, centre: true },
  { key: 'period', width: 12, centre: true },
  { key: 'status', width: 18, centre: false },
  { key: 'lead', width: 24, centre: false },
];

const FONT = { name: 'Times New Roman', size: 12 } as const;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const LINE_HEIGHT = 15.75; // points per line of 12 pt text

/** Lines a wrapped text takes in a column `width` characters wide (a generous estimate; Excel does not auto-fit). */
function wrappedLines(lines: string[], width: number): number {
  return lines.reduce(
    (n, line) => n + Math.max(1, Math.ceil((line.length * 1.1) / Math.max(1, width - 1))),
    0,
  );
}

/**
 * The appendix of a report as an XLSX workbook: title rows, the two-row header (repeated when printed and
 * frozen on screen) and one row per target. Pure: data in, bytes out.
 */
export async function renderAppendixXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = doc.issuer;
  wb.title = doc.appendixTitle;
  const ws = wb.addWorksheet(APPENDIX_SHEET, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.39, footer: 0.39 },
    },
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = COLUMNS.length;

  const { heading, title } = splitAppendixTitle(doc.appendixTitle);
  let r = 1;
  const titleRow = (text: string, font: Partial<ExcelJS.Font>, height = 20) => {
    ws.mergeCells(r, 1, r, last);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { ...FONT, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = height;
    r++;
  };
  if (doc.parentBody) titleRow(`${doc.parentBody} - ${doc.issuer}`, { bold: true, size: 12 });
  else titleRow(doc.issuer, { bold: true, size: 12 });
  titleRow(heading, { bold: true, size: 14 });
  titleRow(title, { bold: true, size: 14 }, 22);
  titleRow(appendixReferenceLine(doc), { italic: true });
  if (doc.isDemo) {
    titleRow('DỮ LIỆU MINH HỌA (số liệu không có thật, không dùng để ban hành)', {
      bold: true,
      color: { argb: 'FFC00000' },
    });
  }
  r++; // a blank row before the table

  // Two header rows: "Giá trị mới nhất" spans Nữ | Nam | Tổng; every other heading spans both rows.
  const h = APPENDIX_HEADINGS;
  const top = r;
  const headings: Record<string, string> = {
    stt: h.stt,
    target: h.target,
    measureTarget: h.measureTarget,
    baseline: h.baseline,
    period: h.period,
    status: h.status,
    lead: h.lead,
  };
  COLUMNS.forEach((c, i) => {
    const col = i + 1;
    const text = headings[c.key];
    if (text !== undefined) {
      ws.mergeCells(top, col, top + 1, col);
      ws.getCell(top, col).value = text;
    }
  });
  const latestFirst = COLUMNS.findIndex((c) => c.key === 'female') + 1;
  ws.mergeCells(top, latestFirst, top, latestFirst + 2);
  ws.getCell(top, latestFirst).value = h.latest;
  ws.getCell(top + 1, latestFirst).value = h.female;
  ws.getCell(top + 1, latestFirst + 1).value = h.male;
  ws.getCell(top + 1, latestFirst + 2).value = h.total;
  for (const row of [top, top + 1]) {
    ws.getRow(row).height = 20;
    for (let col = 1; col <= last; col++) {
      const cell = ws.getCell(row, col);
      cell.font = { ...FONT, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
  }
  r = top + 2;

  for (const row of appendixRows(doc)) {
    const excelRow = ws.getRow(r);
    let lines = 1;
    COLUMNS.forEach((c, i) => {
      const value = row[c.key];
      const cellLines = Array.isArray(value) ? value : [value];
      const cell = excelRow.getCell(i + 1);
      cell.value = c.key === 'stt' ? Number(row.stt) : cellLines.join('\n');
      cell.font = FONT;
      cell.alignment = { horizontal: c.centre ? 'center' : 'left', vertical: 'top', wrapText: true };
      cell.border = THIN;
      lines = Math.max(lines, wrappedLines(cellLines, c.width));
    });
    excelRow.height = lines * LINE_HEIGHT + 4;
    r++;
  }

  ws.views = [
    { state: 'frozen', xSplit: 0, ySplit: top + 1, topLeftCell: `A${top + 2}`, activeCell: `A${top + 2}` },
  ];
  ws.pageSetup.printTitlesRow = `${top}:${top + 1}`;
  ws.headerFooter.oddFooter = '&C&"Times New Roman"&12&P/&N';

  return Buffer.from(await wb.xlsx.writeBuffer());
}
