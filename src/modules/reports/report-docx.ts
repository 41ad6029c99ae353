import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { upperFirst } from '../../domain/vietnamese.js';
import {
  APPENDIX_HEADINGS,
  appendixReferenceLine,
  appendixRows,
  dateLine,
  localTargetNumber,
  numberLine,
  paragraphsOf,
  splitAppendixTitle,
  type AppendixRow,
  type ReportDocument,
  type ReportMeasure,
  type ReportTarget,
} from './report-document.js';

/**
 * A periodic report (BÁO CÁO) as DOCX in the layout of Nghị định 30/2020/NĐ-CP: A4, Times New Roman,
 * the two-column header, the body, the signature block with Nơi nhận, and the appendix on its own
 * landscape section. Pure: data in, bytes out.
 */
export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  return packDocument({ creator: doc.issuer, title: `Báo cáo ${doc.title}` }, [
    portraitSection({ header: doc, title: titleBlock(doc), body: bodyParagraphs(doc), signature: doc }),
    appendixSection(doc),
  ]);
}

/** A document in the decree's type (Times New Roman 14 pt, Vietnamese, paragraphs without spacing), packed. */
export function packDocument(
  meta: { creator: string; title: string },
  sections: ISectionOptions[],
): Promise<Buffer> {
  const document = new Document({
    ...meta,
    styles: {
      default: {
        document: {
          run: { font: FONT_ALL, size: pt(14), language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections,
  });
  return Packer.toBuffer(document);
}

// ---- Page geometry (twips; 1 mm = 1440 / 25.4 twips) ----

/** Millimetres to twips, rounded (20 mm → 1134). */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

export const A4 = { width: 11906, height: 16838 } as const;
/** Inside the decree's ranges: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;
export const PORTRAIT_TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGINS.left - MARGINS.right;

const TIMES = 'Times New Roman';
export const FONT_ALL = { ascii: TIMES, hAnsi: TIMES, eastAsia: TIMES, cs: TIMES };

/** Points to the half-points docx sizes are given in. */
export const pt = (points: number): number => Math.round(points * 2);

const FIRST_LINE_INDENT = mm(10);
const BODY_SPACING = { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO };
const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
}

const NBSP = '\u00A0';

/** Keeps a comparator with its number ("≥ 75%") so a line never ends on "≥". */
const keepComparator = (text: string): string => text.replace(/([≥≤<>=≈]) (?=\d)/g, `$1${NBSP}`);

export const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({
    text: keepComparator(text),
    size: pt(style.size ?? 14),
    bold: style.bold,
    italics: style.italics,
    color: style.color,
  });

/** A centred single-spaced line, as in the header and the signature block. */
export function centred(
  children: ParagraphChild[],
  spacing: { before?: number; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...TIGHT, ...spacing },
    children,
  });
}

/** A justified body paragraph with the first-line indent. */
export function body(children: ParagraphChild[], keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: BODY_SPACING,
    keepNext,
    children,
  });
}

// ---- Short horizontal rules under the issuer, the motto and the trích yếu ----

// Advance widths of Times New Roman (per 1000 em) by base letter, enough to size a rule to a line of text.
const REGULAR_WIDTHS: Record<string, number> = widthTable(
  'a444 b500 c444 d500 e444 f333 g500 h500 i278 j278 k500 l278 m778 n500 o500 p500 q500 r333 s389 t278 u500 v500 w722 x500 y500 z444 ' +
    'A722 B667 C667 D722 E611 F556 G722 H722 I333 J389 K722 L611 M889 N722 O722 P556 Q722 R667 S556 T611 U722 V722 W944 X722 Y722 Z611',
);
const BOLD_WIDTHS: Record<string, number> = widthTable(
  'a500 b556 c444 d556 e444 f333 g500 h556 i278 j333 k556 l278 m833 n556 o500 p556 q556 r444 s389 t333 u556 v500 w722 x500 y500 z444 ' +
    'A722 B667 C722 D722 E667 F611 G778 H778 I389 J500 K778 L667 M944 N722 O778 P611 Q778 R722 S556 T667 U722 V722 W1000 X722 Y722 Z667',
);

function widthTable(spec: string): Record<string, number> {
  const table: Record<string, number> = { ' ': 250, '-': 333, '/': 278, ':': 333, ',': 250, '.': 250 };
  for (const entry of spec.split(' ')) table[entry[0]!] = Number(entry.slice(1));
  return table;
}

/** Estimated width of one line of Times New Roman text, in twips. */
export function textWidth(text: string, sizePt: number, bold: boolean): number {
  const table = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
  let units = 0;
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')) {
    units += table[ch] ?? 500;
  }
  return Math.round((units / 1000) * sizePt * 20);
}

/**
 * An empty, thin paragraph whose top border is a centred rule `length` twips long inside a column
 * `columnWidth` wide (the decree draws these as solid lines under the text).
 */
export function rule(length: number, columnWidth: number, spaceAfter = 0): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - length) / 2));
  const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  return new Paragraph({
    indent: { left: side, right: side },
    // The gap before keeps the rule clear of the dots under ạ, ộ, ụ on the line above.
    spacing: { before: 50, after: spaceAfter, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: line },
    children: [run('', { size: 2 })],
  });
}

// ---- Header (Quốc hiệu, issuer, number, place and date) ----

const HEADER_COLUMNS = [3700, PORTRAIT_TEXT_WIDTH - 3700] as const;
const CELL_PADDING = 60;

/** "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" is written on two lines, as the province writes it. */
function issuerLines(issuer: string): string[] {
  const m = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(.+)$/u.exec(issuer.normalize('NFC').trim());
  return m ? [m[1]!, m[2]!] : [issuer];
}

export function headerTable(
  doc: Pick<ReportDocument, 'parentBody' | 'issuer' | 'number' | 'symbol' | 'place' | 'date'> & {
    /** A công văn's trích yếu ("V/v …"), under the number. */
    excerpt?: string;
  },
): Table {
  const leftInner = HEADER_COLUMNS[0] - 2 * CELL_PADDING;
  const rightInner = HEADER_COLUMNS[1] - 2 * CELL_PADDING;
  const issuer = issuerLines(doc.issuer);
  const issuerWidth = Math.min(leftInner, Math.max(...issuer.map((l) => textWidth(l, 13, true))));
  const motto = 'Độc lập - Tự do - Hạnh phúc';

  const left: Paragraph[] = [];
  if (doc.parentBody) left.push(centred([run(doc.parentBody, { size: 13 })]));
  issuer.forEach((line) => left.push(centred([run(line, { size: 13, bold: true })])));
  left.push(rule(Math.max(mm(12), Math.round(issuerWidth * 0.4)), leftInner));
  left.push(centred([run(numberLine(doc), { size: 13 })], { before: 100 }));
  if (doc.excerpt) left.push(centred([run(doc.excerpt, { size: 12 })], { before: 60 }));

  const right: Paragraph[] = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true })]),
    centred([run(motto, { size: 13, bold: true })]),
    rule(textWidth(motto, 13, true), rightInner),
    centred([run(dateLine(doc), { size: 14, italics: true })], { before: 100 }),
  ];

  return twoColumns(HEADER_COLUMNS, left, right);
}

/** Two borderless columns across the text block, as the header and the signature block are laid out. */
function twoColumns(
  columns: readonly [number, number],
  left: Paragraph[],
  right: Paragraph[],
  row: { cantSplit?: boolean } = {},
): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
      children,
    });
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ ...row, children: [cell(left, columns[0]), cell(right, columns[1])] })],
  });
}

/** "BÁO CÁO", the trích yếu with its rule, the demo note and "Kính gửi". */
function titleBlock(doc: ReportDocument): Paragraph[] {
  const titleWidth = Math.min(PORTRAIT_TEXT_WIDTH, textWidth(doc.title, 14, true));
  const out: Paragraph[] = [
    centred([run('BÁO CÁO', { bold: true })], { before: 360 }),
    centred([run(doc.title, { bold: true })]),
    rule(Math.max(mm(20), Math.round(titleWidth / 3)), PORTRAIT_TEXT_WIDTH, 120),
  ];
  if (doc.isDemo) out.push(demoNote());
  if (doc.recipientLine) out.push(centred([run(doc.recipientLine)], { before: 120, after: 240 }));
  else out.push(centred([], { after: 120 }));
  return out;
}

function demoNote(): Paragraph {
  return centred(
    [
      run('DỮ LIỆU MINH HỌA', { size: 13, bold: true, color: 'C00000' }),
      run(' (số liệu không có thật, không dùng để ban hành)', { size: 13, italics: true, color: 'C00000' }),
    ],
    { after: 120 },
  );
}

// ---- Body ----

export const heading = (text: string): Paragraph => body([run(text, { bold: true })], true);

/** "Cần đẩy nhanh: tốc độ …" → runs "Cần đẩy nhanh" (bold) + " (tốc độ …)". */
function statusRuns(m: ReportMeasure): TextRun[] {
  const prefix = `${m.status}: `;
  const rest = m.explanation.startsWith(prefix)
    ? m.explanation.slice(prefix.length)
    : m.explanation === m.status
      ? ''
      : m.explanation;
  return [run('đánh giá: '), run(m.status, { bold: true }), run(rest ? ` (${rest}).` : '.')];
}

/** "nữ 47,9%, nam 55,2%, tổng 51,7%", or "chưa có số liệu". */
function latestPhrase(m: ReportMeasure): string {
  const parts: string[] = [];
  if (m.latest.female !== null) parts.push(`nữ ${m.latest.female}`);
  if (m.latest.male !== null) parts.push(`nam ${m.latest.male}`);
  if (m.latest.total !== null) parts.push(`tổng ${m.latest.total}`);
  if (parts.length === 0) return 'chưa có số liệu';
  return `số liệu mới nhất${m.latest.period ? ` (${m.latest.period})` : ''}: ${parts.join(', ')}`;
}

function measureParagraph(m: ReportMeasure, labelled: boolean): Paragraph {
  const head = labelled && m.label ? `- ${upperFirst(m.label)}: mức cần đạt` : '- Mức cần đạt';
  const baseline = m.baseline ? `; giá trị gốc ${m.baseline}` : '';
  return body([run(`${head} ${m.target}${baseline}; ${latestPhrase(m)}; `), ...statusRuns(m)]);
}

function targetParagraphs(goalCode: string, t: ReportTarget): Paragraph[] {
  const text = upperFirst(t.text.trim()).replace(/[.;]$/, '');
  const out = [
    body([
      run(`Chỉ tiêu ${localTargetNumber(goalCode, t.code)}: `, { bold: true, italics: true }),
      run(`${text}.`),
    ]),
  ];
  const labelled = t.measures.length > 1;
  for (const m of t.measures) out.push(measureParagraph(m, labelled));
  return out;
}

/** A user-written section, or a visible placeholder so an empty section is noticed before signing. */
function freeText(text: string): Paragraph[] {
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length === 0) return [body([run('(Chưa có nội dung.)', { italics: true })])];
  return paragraphs.map((p) => body([run(p)]));
}

function bodyParagraphs(doc: ReportDocument): Paragraph[] {
  const out: Paragraph[] = [...paragraphsOf(doc.intro).map((p) => body([run(p)]))];

  out.push(heading('I. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU'));
  doc.goals.forEach((goal, i) => {
    out.push(heading(`${i + 1}. Mục tiêu ${goal.code}: ${goal.title}`));
    for (const t of goal.targets) out.push(...targetParagraphs(goal.code, t));
  });
  out.push(body([run('(Chi tiết tại Phụ lục kèm theo.)', { italics: true })]));

  out.push(heading('II. TÌNH HÌNH BÁO CÁO, SỐ LIỆU CÒN THIẾU'));
  if (doc.lateOrMissing.length === 0) {
    // Empty only when every measure has a figure of the report's year: nothing more is claimed.
    out.push(body([run('Không có số liệu còn thiếu.')]));
  } else {
    out.push(...doc.lateOrMissing.map((s) => body([run(`- ${s}`)])));
  }

  out.push(heading('III. HOẠT ĐỘNG ĐÃ TRIỂN KHAI'), ...freeText(doc.activities));
  out.push(heading('IV. KHÓ KHĂN, VƯỚNG MẮC'), ...freeText(doc.difficulties));
  out.push(heading('V. ĐỀ XUẤT, KIẾN NGHỊ'), ...freeText(doc.proposals));

  const closing = doc.closing ?? `Trên đây là báo cáo ${lowerFirst(doc.title)}./.`;
  out.push(body([run(closing)], true));
  return out;
}

export const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

// ---- Signature block with Nơi nhận ----

const SIGNATURE_COLUMNS = [4300, PORTRAIT_TEXT_WIDTH - 4300] as const;

/** "- Sở Y tế;" for every recipient but the last, which ends with a full stop. */
function recipientLines(recipients: string[]): string[] {
  return recipients.map((r, i) => {
    const text = r.trim().replace(/[;,.]$/, '');
    return `- ${text}${i === recipients.length - 1 ? '.' : ';'}`;
  });
}

export function signatureTable(doc: Pick<ReportDocument, 'signer' | 'recipients'>): Table {
  const left = [
    new Paragraph({ spacing: TIGHT, children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
    ...recipientLines(doc.recipients).map(
      (line) => new Paragraph({ spacing: TIGHT, children: [run(line, { size: 11 })] }),
    ),
  ];
  const right = [
    ...doc.signer.authority.map((line) => centred([run(line, { bold: true })])),
    centred([run(doc.signer.name, { bold: true })], { before: 1700 }),
  ];
  // The signature block is never split across pages.
  return twoColumns(SIGNATURE_COLUMNS, left, right, { cantSplit: true });
}

// ---- Page numbers: none on page 1, top centre from page 2 ----

const pageNumberHeader = (): Header =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })],
      }),
    ],
  });

const HEADER_DISTANCE = mm(10);

/** An A4 page with the decree's margins; the page number sits 10 mm from the top edge. */
const a4Page = (orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) => ({
  size: { width: A4.width, height: A4.height, orientation },
  margin: { ...MARGINS, header: HEADER_DISTANCE, footer: HEADER_DISTANCE },
});

/**
 * The portrait section of a report or a plan: the header table, the title block and the body, then the signature
 * block; no page number on page 1, then at the top centre.
 */
export function portraitSection(parts: {
  header: Parameters<typeof headerTable>[0];
  title: Paragraph[];
  body: Paragraph[];
  signature: Parameters<typeof signatureTable>[0];
}): ISectionOptions {
  return {
    properties: { titlePage: true, page: a4Page(PageOrientation.PORTRAIT) },
    headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
    children: [
      headerTable(parts.header),
      ...parts.title,
      ...parts.body,
      new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
      signatureTable(parts.signature),
    ],
  };
}

// ---- Appendix: a landscape section with the bordered table ----

// The number columns fit the longest figure on one line at 11 pt ("70,21/100.000"): a number never wraps inside.
const APPENDIX_COLUMNS = [
  600, // STT
  2750, // Chỉ tiêu
  1550, // Mức cần đạt
  1500, // Giá trị gốc
  1450, // Nữ
  1450, // Nam
  1450, // Tổng
  900, // Kỳ
  1300, // Tình trạng
  LANDSCAPE_TEXT_WIDTH - (600 + 2750 + 1550 + 1500 + 1450 * 3 + 900 + 1300), // Cơ quan chủ trì
] as const;

/** Table text is smaller than the body (11 pt; headings 12 pt) so that number cells fit on one line. */
const TABLE_SIZE = 11;

const TABLE_LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const TABLE_BORDERS = {
  top: TABLE_LINE,
  bottom: TABLE_LINE,
  left: TABLE_LINE,
  right: TABLE_LINE,
  insideHorizontal: TABLE_LINE,
  insideVertical: TABLE_LINE,
};

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

function tableCell(
  lines: string[],
  width: number,
  opts: {
    bold?: boolean;
    align?: Align;
    columnSpan?: number;
    rowSpan?: number;
    italicAfterFirst?: boolean;
  } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    verticalAlign: opts.bold ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { left: 70, right: 70, top: 40, bottom: 20 },
    children: lines.map(
      (line, i) =>
        new Paragraph({
          alignment: opts.align ?? AlignmentType.LEFT,
          spacing: { before: 0, after: 40, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            // "(năm 2024)" stays on one line in the narrow number columns.
            run(line.replace(/\(năm (\d{4})\)/g, `(năm${NBSP}$1)`), {
              size: opts.bold ? 12 : TABLE_SIZE,
              bold: opts.bold,
              italics: opts.italicAfterFirst && i > 0,
            }),
          ],
        }),
    ),
  });
}

function appendixHeaderRows(): TableRow[] {
  const h = APPENDIX_HEADINGS;
  const c = APPENDIX_COLUMNS;
  const head = (text: string, width: number, span: { columnSpan?: number; rowSpan?: number } = {}) =>
    tableCell([text], width, { bold: true, align: AlignmentType.CENTER, ...span });
  return [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        head(h.stt, c[0], { rowSpan: 2 }),
        head(h.target, c[1], { rowSpan: 2 }),
        head(h.measureTarget, c[2], { rowSpan: 2 }),
        head(h.baseline, c[3], { rowSpan: 2 }),
        head(h.latest, c[4] + c[5] + c[6], { columnSpan: 3 }),
        head(h.period, c[7], { rowSpan: 2 }),
        head(h.status, c[8], { rowSpan: 2 }),
        head(h.lead, c[9], { rowSpan: 2 }),
      ],
    }),
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [head(h.female, c[4]), head(h.male, c[5]), head(h.total, c[6])],
    }),
  ];
}

function appendixDataRow(row: AppendixRow): TableRow {
  const c = APPENDIX_COLUMNS;
  const centre = { align: AlignmentType.CENTER };
  return new TableRow({
    cantSplit: true,
    children: [
      tableCell([row.stt], c[0], centre),
      tableCell(row.target, c[1], { align: AlignmentType.JUSTIFIED, italicAfterFirst: true }),
      tableCell(row.measureTarget, c[2]),
      tableCell(row.baseline, c[3], centre),
      tableCell(row.female, c[4], centre),
      tableCell(row.male, c[5], centre),
      tableCell(row.total, c[6], centre),
      tableCell(row.period, c[7], centre),
      tableCell(row.status, c[8]),
      tableCell(row.lead, c[9]),
    ],
  });
}

function appendixSection(doc: ReportDocument): ISectionOptions {
  const { heading: appendixHeading, title } = splitAppendixTitle(doc.appendixTitle);
  const children: (Paragraph | Table)[] = [
    centred([run(appendixHeading, { bold: true })]),
    centred([run(title, { bold: true })]),
    centred([run(appendixReferenceLine(doc), { size: 13, italics: true })], { after: doc.isDemo ? 60 : 240 }),
  ];
  if (doc.isDemo) children.push(demoNote());
  children.push(
    new Table({
      width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [...APPENDIX_COLUMNS],
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      rows: [...appendixHeaderRows(), ...appendixRows(doc).map(appendixDataRow)],
    }),
  );
  return {
    // docx swaps width and height for a landscape page: w:w = 16838, w:h = 11906.
    properties: { page: a4Page(PageOrientation.LANDSCAPE) },
    headers: { default: pageNumberHeader() },
    children,
  };
}
