/**
 * The input of a KẾ HOẠCH that an agency (Sở) or a commune drafts from the provincial plan: every text
 * already worded, so rendering the DOCX is layout only (data in, bytes out). The number is always left
 * blank for the clerical office, and so are the day and month of the date line.
 */

import { upperFirst } from '../../domain/vietnamese.js';

export interface PlanDraftDocument {
  /** Line 1 of the header in capitals ("UBND TỈNH LẠNG SƠN"); null for a commune's UBND. */
  parentBody: string | null;
  /** The issuing body in capitals ("SỞ Y TẾ", "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG KINH"). */
  issuer: string;
  /** The part after the slash ("KH-SYT"); the number before it stays blank: "Số:      /KH-SYT". */
  symbol: string;
  /** Place name of the date line ("Lạng Sơn"). */
  place: string;
  /** Year of the date line: "Lạng Sơn, ngày      tháng      năm 2027". */
  year: number;
  /** The trích yếu: "Thực hiện công tác bình đẳng giới năm 2027". */
  title: string;
  /** The opening paragraph: "Thực hiện Kế hoạch số …/KH-UBND … của UBND tỉnh …; Sở Y tế ban hành … như sau:". */
  preamble: string;
  /** Adds a visible "DỰ THẢO – DỮ LIỆU MINH HỌA" note so demo content is never mistaken for a real plan. */
  isDemo: boolean;
  /** I. MỤC ĐÍCH, YÊU CẦU: one paragraph per item. */
  purposes: string[];
  requirements: string[];
  /** II. CHỈ TIÊU: the parent plan's targets this plan carries, restated, in the order to print them. */
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
}

/** Whether the drafting agency leads a target or coordinates on it (the assignment matrix of the parent plan). */
export type PlanDraftRole = 'lead' | 'coordinate';

export interface PlanDraftTarget {
  /** Number of the target in this plan ("1"). */
  code: string;
  /** Code of the parent plan's target it restates ("3.2"). */
  parentCode: string;
  role: PlanDraftRole;
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
