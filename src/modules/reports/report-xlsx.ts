import ExcelJS from 'exceljs';
import { formatMilestone, type MeasureUnit } from '../../domain/measure.js';
import { upperFirst } from '../../domain/vietnamese.js';
import {
  APPENDIX_HEADINGS,
  appendixReferenceLine,
  splitAppendixTitle,
  type ReportDocument,
} from './report-document.js';

/** The sheet that holds the appendix table. */
export const APPENDIX_SHEET = 'Phụ lục';

/** One row of the spreadsheet: a measure, with its target's text on the first measure of the target. */
interface SheetRow {
  stt: number | null;
  target: string;
  measureTarget: string;
  baseline: string;
  female: SheetValue;
  male: SheetValue;
  total: SheetValue;
  numerator: SheetValue;
  denominator: SheetValue;
  period: string;
  coverage: string;
  source: string;
  status: string;
  lead: string;
}

/** A number with its display format, a milestone in words, or a mark for "no figure" / "does not apply". */
type SheetValue = { number: number; format: string } | string;

/** Marks for empty cells, told apart (a legend under the table says which is which). */
export const MISSING = '–';
export const NOT_APPLICABLE = 'x';

/** Display formats by unit: Excel shows them with the reader's separators (Vietnamese: "47,9%", "1.234"). */
const FORMAT: Record<MeasureUnit, string> = {
  '%': '0.0"%"',
  times: '0.00" lần"',
  per100: '0.0"/100"',
  per1000: '0.0"/1.000"',
  per100000: '0.00"/100.000"',
  count: '#,##0',
  milestone: '@',
};
const COUNT_FORMAT = '#,##0';

type Key = keyof SheetRow;

/** Columns of the appendix: heading, width in characters. */
const COLUMNS: { key: Key; width: number; centre: boolean }[] = [
  { key: 'stt', width: 6, centre: true },
  { key: 'target', width: 52, centre: false },
  { key: 'measureTarget', width: 22, centre: false },
  { key: 'baseline', width: 16, centre: true },
  { key: 'female', width: 11, centre: true },
  { key: 'male', width: 11, centre: true },
  { key: 'total', width: 11, centre: true },
  { key: 'numerator', width: 12, centre: true },
  { key: 'denominator', width: 12, centre: true },
  { key: 'period', width: 12, centre: true },
  { key: 'coverage', width: 11, centre: true },
  { key: 'source', width: 20, centre: false },
  { key: 'status', width: 18, centre: false },
  { key: 'lead', width: 24, centre: false },
];

/** A figure's cell: the number with its unit's format; a milestone in words; else the right mark. */
function valueCell(
  value: number | null,
  unit: MeasureUnit,
  applies: boolean,
  format = FORMAT[unit],
): SheetValue {
  if (!applies) return NOT_APPLICABLE;
  if (value === null) return MISSING;
  if (unit === 'milestone') return formatMilestone(value, 'vi');
  return { number: value, format };
}

/** The rows of the spreadsheet: one per measure, in plan order; targets numbered 1, 2, 3 … across goals. */
export function sheetRows(doc: Pick<ReportDocument, 'goals'>): SheetRow[] {
  const rows: SheetRow[] = [];
  let n = 0;
  for (const goal of doc.goals) {
    for (const t of goal.targets) {
      n++;
      const several = t.measures.length > 1;
      t.measures.forEach((m, i) => {
        const f = m.figures;
        const label = several
          ? `${String.fromCharCode(97 + (i % 26))}) ${upperFirst(m.label ?? m.target)}`
          : '';
        const head = `${t.code}. ${upperFirst(t.text.trim())}`;
        rows.push({
          stt: i === 0 ? n : null,
          target: i === 0 ? (several ? `${head}\n${label}` : head) : label,
          measureTarget: m.target,
          baseline: m.baseline ?? MISSING,
          female: valueCell(f.female, f.unit, f.bySex),
          male: valueCell(f.male, f.unit, f.bySex),
          total: valueCell(f.total, f.unit, true),
          numerator: valueCell(f.numerator, f.unit, f.hasParts, COUNT_FORMAT),
          denominator: valueCell(f.denominator, f.unit, f.hasParts, COUNT_FORMAT),
          period: m.latest.period ?? MISSING,
          coverage: f.coverage
            ? `${f.coverage.reported}/${f.coverage.owed}`
            : f.total === null
              ? MISSING
              : NOT_APPLICABLE,
          source: f.source ?? MISSING,
          status: m.status,
          lead: i === 0 ? (t.lead.length > 0 ? t.lead.join('\n') : MISSING) : '',
        });
      });
    }
  }
  return rows;
}

/** Headings of the columns (the three latest values sit under one spanning heading). */
const HEADINGS: Partial<Record<Key, string>> = {
  stt: APPENDIX_HEADINGS.stt,
  target: APPENDIX_HEADINGS.target,
  measureTarget: APPENDIX_HEADINGS.measureTarget,
  baseline: APPENDIX_HEADINGS.baseline,
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  period: APPENDIX_HEADINGS.period,
  coverage: 'Đơn vị đã báo cáo',
  source: 'Nguồn số liệu',
  status: APPENDIX_HEADINGS.status,
  lead: APPENDIX_HEADINGS.lead,
};

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
  COLUMNS.forEach((c, i) => {
    const col = i + 1;
    const text = HEADINGS[c.key];
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
    ws.getRow(row).height = 32;
    for (let col = 1; col <= last; col++) {
      const cell = ws.getCell(row, col);
      cell.font = { ...FONT, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
  }
  r = top + 2;

  for (const row of sheetRows(doc)) {
    const excelRow = ws.getRow(r);
    let lines = 1;
    COLUMNS.forEach((c, i) => {
      const value = row[c.key];
      const cell = excelRow.getCell(i + 1);
      if (value !== null && typeof value === 'object') {
        cell.value = value.number;
        cell.numFmt = value.format;
      } else {
        cell.value = value ?? '';
        lines = Math.max(lines, wrappedLines(String(value ?? '').split('\n'), c.width));
      }
      cell.font = FONT;
      cell.alignment = { horizontal: c.centre ? 'center' : 'left', vertical: 'top', wrapText: true };
      cell.border = THIN;
    });
    excelRow.height = lines * LINE_HEIGHT + 4;
    r++;
  }
  const legend = ws.getCell(r + 1, 1);
  legend.value = `Ghi chú: ${MISSING} chưa có số liệu; ${NOT_APPLICABLE} không áp dụng. Các giá trị là số, hiển thị theo định dạng của máy (tiếng Việt: 47,9%; 1.234).`;
  legend.font = { ...FONT, italic: true };

  ws.views = [
    { state: 'frozen', xSplit: 0, ySplit: top + 1, topLeftCell: `A${top + 2}`, activeCell: `A${top + 2}` },
  ];
  ws.pageSetup.printTitlesRow = `${top}:${top + 1}`;
  ws.headerFooter.oddFooter = '&C&"Times New Roman"&12&P/&N';

  return Buffer.from(await wb.xlsx.writeBuffer());
}
