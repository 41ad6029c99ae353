/**
 * The input of a plan-like document as DOCX: a KẾ HOẠCH that an agency (Sở) or a commune drafts from the provincial
 * plan, or any stored plan as its document states it (a KẾ HOẠCH, a công văn, a quyết định that issues a kế hoạch).
 * Every text is already worded, so rendering the DOCX is layout only (data in, bytes out). A draft's number is
 * left blank for the clerical office, and so are the day and month of its date line.
 */

import { upperFirst } from '../../domain/vietnamese.js';

export interface PlanDraftDocument {
  /**
   * The document type of binhdang.plan/1: `CV` is laid out as a công văn (no type title, "V/v …" under the number,
   * "Kính gửi"), `QD` as a quyết định that issues the plan (articles, then the plan it issues on a new page); any
   * other type as a KẾ HOẠCH-like document titled with its type word (KẾ HOẠCH, CHƯƠNG TRÌNH, …).
   */
  type: string;
  /** Line 1 of the header in capitals ("UBND TỈNH LẠNG SƠN", "BỘ CÔNG AN"); null when there is none. */
  parentBody: string | null;
  /** The issuing body in capitals ("SỞ Y TẾ", "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG KINH"). */
  issuer: string;
  /** The number as issued; null leaves it blank: "Số:      /KH-SYT". */
  number: string | null;
  /** The part after the slash ("KH-SYT"). */
  symbol: string;
  /** Place name of the date line ("Lạng Sơn"). */
  place: string;
  /** The date line as precise as the document: "Lạng Sơn, ngày      tháng 4 năm 2026". */
  date: { day: number | null; month: number | null; year: number };
  /** The trích yếu: "Thực hiện công tác bình đẳng giới năm 2027" (for a công văn, what "V/v" says). */
  title: string;
  /** The legal bases, each as the document cites it ("Luật Bình đẳng giới số 73/2006/QH11"): the "Căn cứ …". */
  legalBases: string[];
  /** The opening paragraph: "Thực hiện Kế hoạch số …/KH-UBND … của UBND tỉnh …; Sở Y tế ban hành … như sau:". */
  preamble: string;
  /** "Kính gửi" of a công văn, one addressee a line. */
  addressees: string[];
  /** Adds a visible "DỰ THẢO – DỮ LIỆU MINH HỌA" note so demo content is never mistaken for a real plan. */
  isDemo: boolean;
  /** I. MỤC ĐÍCH, YÊU CẦU: one paragraph per item. */
  purposes: string[];
  requirements: string[];
  /** The heading of section II: "II. CHỈ TIÊU" for a drafted plan, "II. MỤC TIÊU" for a plan as issued. */
  targetsHeading?: string;
  /** "1. Mục tiêu chung", when the plan states it (then the targets follow under "2. Mục tiêu cụ thể"). */
  generalGoal?: string[];
  /** Section II: the targets, in the order to print them. */
  targets: PlanDraftTarget[];
  /** III. NHIỆM VỤ, GIẢI PHÁP. */
  tasks: PlanDraftTask[];
  /** IV. KINH PHÍ THỰC HIỆN; a line break starts a new paragraph. */
  funding: string;
  /** V. TỔ CHỨC THỰC HIỆN: one paragraph per agency or unit, including the reporting clause and its deadlines. */
  organisation: string[];
  /** The last paragraph before the signature; a plain "Trên đây là Kế hoạch …./." when absent. */
  closing?: string;
  /** Authority lines in capitals (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]) and the signer's full name. */
  signer: { authority: string[]; name: string };
  /** The Nơi nhận list, one recipient a line, the last one usually "Lưu: VT, …". */
  recipients: string[];
  /**
   * A quyết định: the body that issues ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "GIÁM ĐỐC SỞ Y TẾ") and its articles
   * ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …"). Absent for other types.
   */
  decision?: {
    authority: string;
    articles: string[];
    /** The issuer as the line under the issued plan names it ("UBND tỉnh Lạng Sơn"). */
    issuedBy: string;
  };
}

/** Whether the drafting agency leads a target or coordinates on it (the assignment matrix of the parent plan). */
export type PlanDraftRole = 'lead' | 'coordinate';

export interface PlanDraftTarget {
  /** Number of the target in this plan ("1"). */
  code: string;
  /** Code of the parent plan's target it restates ("3.2"); null for a plan's own target. */
  parentCode: string | null;
  /** Lead or coordinate for a drafted plan; null for a plan as issued ("- Chỉ tiêu 1: …"). */
  role: PlanDraftRole | null;
  /** The goal heading printed before this target ("Mục tiêu 1: Trong lĩnh vực chính trị"), on a goal's first. */
  goal?: string;
  /** The target as the parent plan words it. */
  text: string;
  /** What this plan commits to, one per number: "≥ 90% vào năm 2027", or "label: ≥ 85% vào năm 2027". */
  measures: string[];
}

export interface PlanDraftTask {
  /** Number of the task in this plan ("1"). */
  code: string;
  text: string;
  /** The parent plan's task ("IV.4") or target ("4.1") it carries out; null when it is the plan's own. */
  parentCode: string | null;
  /** When it is done, as the plan writes it ("Quý II/2027", "Thường xuyên"); null when not stated. */
  due: string | null;
}

/** The role as the document writes it. */
export const ROLE_LABEL: Record<PlanDraftRole, string> = { lead: 'Chủ trì', coordinate: 'Phối hợp' };

/** What the documents call the parent plan in a reference ("chỉ tiêu 3.2 của Kế hoạch tỉnh"). */
const PARENT_PLAN = 'Kế hoạch tỉnh';

/** "chỉ tiêu 3.2 của Kế hoạch tỉnh" for a target code, "mục IV.4 của Kế hoạch tỉnh" for a section or task. */
export function parentReference(code: string): string {
  const c = code.trim();
  return /^\d+\.\d+$/.test(c) ? `chỉ tiêu ${c} của ${PARENT_PLAN}` : `mục ${c} của ${PARENT_PLAN}`;
}

/**
 * The line of one measure: a bare value ("≥ 90% vào năm 2027") reads "Mức cần đạt: ≥ 90% vào năm 2027";
 * a labelled one ("người gây bạo lực được tư vấn: ≥ 60% …") keeps its label, capitalised.
 */
export function measureLine(measure: string): string {
  const m = measure.trim();
  if (/^[≥≤<>=≈~\d]/u.test(m)) return `Mức cần đạt: ${m}`;
  return upperFirst(m);
}

/** The title a document of each type carries ("KẾ HOẠCH"); a công văn has none. */
const TYPE_TITLE: Record<string, string> = {
  KH: 'KẾ HOẠCH',
  QD: 'QUYẾT ĐỊNH',
  BC: 'BÁO CÁO',
  CTR: 'CHƯƠNG TRÌNH',
  HD: 'HƯỚNG DẪN',
  NQ: 'NGHỊ QUYẾT',
  ND: 'NGHỊ ĐỊNH',
  TT: 'THÔNG TƯ',
  CT: 'CHỈ THỊ',
  KL: 'KẾT LUẬN',
  LUAT: 'LUẬT',
};

export function typeTitle(type: string): string {
  return TYPE_TITLE[type] ?? 'KẾ HOẠCH';
}

/** How a reference names a document of each type ("Nghị quyết số 28/NQ-CP"). */
const TYPE_WORD: Record<string, string> = {
  KH: 'Kế hoạch',
  CV: 'Công văn',
  QD: 'Quyết định',
  BC: 'Báo cáo',
  CTR: 'Chương trình',
  HD: 'Hướng dẫn',
  NQ: 'Nghị quyết',
  ND: 'Nghị định',
  TT: 'Thông tư',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  LUAT: 'Luật',
};

/** "03/3/2021": as Nghị định 30/2020 writes dates (a leading 0 for days below 10 and for months 1 and 2). */
export function dayMonthYear(d: { day: number | null; month: number | null; year: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d.month === null) return `năm ${d.year}`;
  const month = d.month < 3 ? pad(d.month) : String(d.month);
  return d.day === null ? `tháng ${d.month}/${d.year}` : `ngày ${pad(d.day)}/${month}/${d.year}`;
}

/** A cited document as it is written in "Căn cứ …" and "Thực hiện …". */
export interface CitedDocument {
  type: string | null;
  number: string | null;
  symbol: string | null;
  date: { day: number | null; month: number | null; year: number } | null;
  issuer: string | null;
  title: string | null;
}

/**
 * "Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến lược …", "Luật Bình đẳng giới số
 * 73/2006/QH11" (a law is named by its title and cited without its issuer), "Công văn số 2855/BNV-CTTN&BDG ngày
 * 27/3/2026 của Bộ Nội vụ về hướng dẫn …", as seed 004 writes its legal bases.
 */
export function citation(ref: CitedDocument): string {
  const word = ref.type ? (TYPE_WORD[ref.type] ?? '') : '';
  const title = ref.title?.trim() ?? '';
  const numbered =
    ref.number || ref.symbol ? `số ${ref.number ?? '…'}${ref.symbol ? `/${ref.symbol}` : ''}` : '';
  const lower = (t: string) => t.toLocaleLowerCase('vi');
  // "Luật Bình đẳng giới": a law is named by its title.
  if (ref.type === 'LUAT' && lower(title).startsWith(lower(word))) {
    return [upperFirst(title), numbered].filter(Boolean).join(' ');
  }
  // "Kế hoạch thực hiện …" as a title: the type word is said once.
  const rest = word && lower(title).startsWith(`${lower(word)} `) ? title.slice(word.length + 1) : title;
  const about = !rest
    ? ''
    : /^\p{Ll}/u.test(rest)
      ? rest
      : `về ${rest.charAt(0).toLocaleLowerCase('vi')}${rest.slice(1)}`;
  return [
    word || 'Văn bản',
    numbered,
    ref.date ? dayMonthYear(ref.date) : '',
    ref.issuer && ref.type !== 'LUAT' ? `của ${ref.issuer}` : '',
    about,
  ]
    .filter(Boolean)
    .join(' ');
}

export { periodPhrase, planSubject, statesPeriod } from '../../domain/plan-words.js';
