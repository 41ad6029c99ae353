import type { MeasureUnit } from '../../domain/measure.js';
/**
 * The input of a periodic report (BÁO CÁO) as the document writers need it: every text already worded
 * and every number already formatted, so rendering DOCX or XLSX is layout only (data in, bytes out).
 */

import { upperFirst } from '../../domain/vietnamese.js';

export interface ReportDocument {
  /** Line 1 of the header in capitals ("UBND TỈNH LẠNG SƠN"); null when the issuer is the province itself. */
  parentBody: string | null;
  /** The issuing body in capitals ("SỞ NỘI VỤ", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"). */
  issuer: string;
  /** Null leaves the number blank for the clerical office: "Số:      /BC-SNV". */
  number: string | null;
  /** The part after the slash ("BC-SNV"). */
  symbol: string;
  /** Place name of the date line ("Lạng Sơn"). */
  place: string;
  /** Blank parts stay blank for the clerical office: "Lạng Sơn, ngày      tháng 12 năm 2026". */
  date: { day: number | null; month: number | null; year: number };
  /** The trích yếu, e.g. "Kết quả thực hiện công tác bình đẳng giới năm 2026". */
  title: string;
  /** "Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn"; null when the report has no addressee line. */
  recipientLine: string | null;
  /** The opening paragraph ("Thực hiện Kế hoạch số …, Sở Nội vụ báo cáo … như sau:"). */
  intro: string;
  /** Adds a visible "DỮ LIỆU MINH HỌA" note so demo figures are never mistaken for real ones. */
  isDemo: boolean;
  goals: ReportGoal[];
  /** Sentences about who reported late and which figures are missing (section II). */
  lateOrMissing: string[];
  /** User-written sections; paragraphs separated by a blank line ("\n\n"). */
  activities: string;
  difficulties: string;
  proposals: string;
  /** The last paragraph before the signature; a plain "Trên đây là báo cáo …./." when absent. */
  closing?: string;
  /** Authority lines in capitals (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]) and the signer's full name. */
  signer: { authority: string[]; name: string };
  /** The Nơi nhận list, one recipient a line, the last one usually "Lưu: VT, …". */
  recipients: string[];
  /** "Phụ lục: Kết quả thực hiện các chỉ tiêu …"; a leading "Phụ lục" becomes its own line. */
  appendixTitle: string;
}

export interface ReportGoal {
  /** "1" */
  code: string;
  /** "Trong lĩnh vực chính trị" */
  title: string;
  targets: ReportTarget[];
}

export interface ReportTarget {
  /** "3.2": goal code, dot, target number within the goal. */
  code: string;
  /** The target as the plan words it. */
  text: string;
  /** One per number the target commits to (3.2 has two). */
  measures: ReportMeasure[];
  /** Lead agencies ("Sở Y tế"). */
  lead: string[];
}

export interface ReportMeasure {
  /** Names the measure when the target has several ("người gây bạo lực được tư vấn, tham vấn"). */
  label: string | null;
  /** The measure as a person reads it: "≥ 75% vào năm 2030". */
  target: string;
  /** "18/1.000 (năm 2020)", or null when the plan states none. */
  baseline: string | null;
  /** The latest accepted figures, formatted ("47,9%"); null where there is none. */
  latest: { period: string | null; female: string | null; male: string | null; total: string | null };
  /** The status in Vietnamese ("Cần đẩy nhanh"). */
  status: string;
  /** The StatusKey behind `status` ("needs_acceleration"). */
  statusKey: string;
  /** One sentence: "Cần đẩy nhanh: tốc độ hiện tại 3,1%/năm, cần 4,2%/năm để đạt 75% vào năm 2030". */
  explanation: string;
  /** The latest figures as numbers, for the spreadsheet appendix; null where there is none. */
  figures: ReportFigures;
}

/** The numbers behind a measure's latest figures, and where they come from. */
export interface ReportFigures {
  unit: MeasureUnit;
  female: number | null;
  male: number | null;
  total: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The indicator is broken down by sex (else the sex columns do not apply). */
  bySex: boolean;
  /** The indicator has a numerator and a denominator (else those columns do not apply). */
  hasParts: boolean;
  /** Units counted / owing, for a rolled-up figure; null for one entered for the unit itself or none. */
  coverage: { reported: number; owed: number } | null;
  /** "Nhập trực tiếp", "Tổng hợp từ 65 đơn vị", "Tính từ sổ theo dõi"; null without a figure. */
  source: string | null;
}

/** "Số:        /BC-SNV" with a blank number for the clerk, or "Số: 125/BC-SNV". */
export function numberLine(doc: Pick<ReportDocument, 'number' | 'symbol'>): string {
  return doc.number === null ? `Số:        /${doc.symbol}` : `Số: ${doc.number}/${doc.symbol}`;
}

/**
 * "Lạng Sơn, ngày 05 tháng 02 năm 2026": days below 10 and the months 1 and 2 take a leading zero
 * (Nghị định 30/2020/NĐ-CP); a blank day or month leaves room for the clerk to write it in.
 */
export function dateLine(doc: Pick<ReportDocument, 'place' | 'date'>): string {
  const { day, month, year } = doc.date;
  const d = day === null ? '      ' : day < 10 ? `0${day}` : String(day);
  const m = month === null ? '      ' : month <= 2 ? `0${month}` : String(month);
  return `${doc.place}, ngày ${d} tháng ${m} năm ${year}`;
}

/** "(Kèm theo Báo cáo số      /BC-SNV ngày    /12/2026)": the line that ties an appendix to its report. */
export function appendixReferenceLine(doc: Pick<ReportDocument, 'number' | 'symbol' | 'date'>): string {
  const { day, month, year } = doc.date;
  const d = day === null ? '      ' : String(day).padStart(2, '0');
  const m = month === null ? '      ' : String(month).padStart(2, '0');
  const n = doc.number ?? '      ';
  return `(Kèm theo Báo cáo số ${n}/${doc.symbol} ngày ${d}/${m}/${year})`;
}

/** Splits "Phụ lục: Kết quả …" into the heading "Phụ lục" and the title "Kết quả …". */
export function splitAppendixTitle(title: string): { heading: string; title: string } {
  const m = /^\s*(phụ lục(?:\s+[0-9IVXivx]+)?)\s*[:.\-–—]?\s*(.*)$/iu.exec(title.normalize('NFC'));
  if (!m) return { heading: 'Phụ lục', title: title.trim() };
  return { heading: upperFirst(m[1]!), title: m[2]!.trim() };
}

/** The target's number within its goal ("3.2" in goal "3" → "2"), or the whole code when it is not nested. */
export function localTargetNumber(goalCode: string, targetCode: string): string {
  return targetCode.startsWith(`${goalCode}.`) ? targetCode.slice(goalCode.length + 1) : targetCode;
}

/**
 * The cells of one appendix row, one line per measure. A target with several measures names them
 * under its text ("a) người bị bạo lực …") and every other cell marks its lines with the same letter
 * ("a) 85,1%"), which keeps the narrow number columns readable.
 */
export interface AppendixRow {
  stt: string;
  code: string;
  /** The target text, then one "a) label" line per measure when there are several. */
  target: string[];
  measureTarget: string[];
  baseline: string[];
  female: string[];
  male: string[];
  total: string[];
  period: string[];
  status: string[];
  lead: string[];
}

/** Column headings of the appendix; the three "latest value" columns sit under one spanning heading. */
export const APPENDIX_HEADINGS = {
  stt: 'STT',
  target: 'Chỉ tiêu',
  measureTarget: 'Mức cần đạt',
  baseline: 'Giá trị gốc',
  latest: 'Giá trị mới nhất',
  female: 'Nữ',
  male: 'Nam',
  total: 'Tổng',
  period: 'Kỳ',
  status: 'Tình trạng',
  lead: 'Cơ quan chủ trì',
} as const;

/** Text for an empty cell: an en dash, so a blank is never mistaken for a forgotten entry. */
const NO_VALUE = '–';

/** "a", "b", … for the measures of one target. */
const measureLetter = (index: number): string => String.fromCharCode(97 + (index % 26));

/** One row per target, in plan order, numbered 1, 2, 3 … across goals. */
export function appendixRows(doc: Pick<ReportDocument, 'goals'>): AppendixRow[] {
  const rows: AppendixRow[] = [];
  for (const goal of doc.goals) {
    for (const t of goal.targets) {
      const several = t.measures.length > 1;
      const cell = (value: (m: ReportMeasure) => string | null): string[] =>
        t.measures.map((m, i) => {
          const v = value(m) ?? NO_VALUE;
          return several ? `${measureLetter(i)}) ${v}` : v;
        });
      const labels = several
        ? t.measures.map((m, i) => `${measureLetter(i)}) ${upperFirst(m.label ?? m.target)}`)
        : [];
      rows.push({
        stt: String(rows.length + 1),
        code: t.code,
        target: [`${t.code}. ${upperFirst(t.text.trim())}`, ...labels],
        measureTarget: cell((m) => m.target),
        baseline: cell((m) => m.baseline),
        female: cell((m) => m.latest.female),
        male: cell((m) => m.latest.male),
        total: cell((m) => m.latest.total),
        period: cell((m) => m.latest.period),
        status: cell((m) => m.status),
        lead: t.lead.length > 0 ? t.lead : [NO_VALUE],
      });
    }
  }
  return rows;
}

/** Splits a user-written section into paragraphs at blank lines; single line breaks also start a paragraph. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
