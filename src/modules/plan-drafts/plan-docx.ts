import { Paragraph, type ISectionOptions } from 'docx';
import { upperFirst } from '../../domain/vietnamese.js';
import { paragraphsOf } from '../reports/report-document.js';
import {
  PORTRAIT_TEXT_WIDTH,
  body,
  centred,
  heading,
  lowerFirst,
  mm,
  packDocument,
  portraitSection,
  rule,
  run,
  textWidth,
} from '../reports/report-docx.js';
import {
  ROLE_LABEL,
  measureLine,
  parentReference,
  type PlanDraftDocument,
  type PlanDraftTarget,
  type PlanDraftTask,
} from './plan-draft-document.js';

/**
 * A KẾ HOẠCH drafted by an agency or a commune from the provincial plan, as DOCX in the layout of Nghị định
 * 30/2020/NĐ-CP (the same page, header and signature block as the report writer). The number and the day
 * and month stay blank for the clerical office. Pure: data in, bytes out.
 */
export async function renderPlanDraftDocx(doc: PlanDraftDocument): Promise<Buffer> {
  return packDocument({ creator: doc.issuer, title: `Kế hoạch ${doc.title}` }, [planSection(doc)]);
}

// ---- Title: "KẾ HOẠCH", the trích yếu in balanced lines with its rule, the demo note ----

/** The trích yếu is kept narrower than the text block, as the clerical offices set it. */
const TITLE_MAX_WIDTH = Math.round(PORTRAIT_TEXT_WIDTH * 0.85);

/** Words a trích yếu is broken before ("… bình đẳng giới / và hoạt động …", "… / của Sở Xây dựng năm 2024"). */
const BREAK_BEFORE = new Set([
  'và',
  'của',
  'trên',
  'về',
  'tại',
  'trong',
  'theo',
  'nhằm',
  'đến',
  'giai',
  'năm',
]);

/**
 * Splits a long trích yếu into lines (bold 14 pt) the way the seed plans break it: at a phrase boundary
 * near the middle ("Triển khai thực hiện công tác bình đẳng giới / và hoạt động vì sự tiến bộ của phụ nữ
 * năm 2022"), never leaving one or two words alone and, where it can, never splitting a compound word.
 */
export function titleLines(title: string, maxWidth = TITLE_MAX_WIDTH): string[] {
  const width = (words: string[]) => textWidth(words.join(' '), 14, true);
  const lines: string[] = [];
  let rest = title.normalize('NFC').trim().split(/\s+/);
  for (;;) {
    const count = Math.ceil(width(rest) / maxWidth);
    if (count <= 1 || rest.length < 2) break;
    const share = width(rest) / count;
    let best = 1;
    let bestScore = Infinity;
    for (let i = 1; i < rest.length; i++) {
      const w = width(rest.slice(0, i));
      if (w > maxWidth && i > 1) break;
      // A break between two ordinary words may split "bình / đẳng": take it only when no phrase boundary is near.
      const penalty = BREAK_BEFORE.has(rest[i]!.toLocaleLowerCase('vi')) ? 0 : share / 2;
      const score = Math.abs(w - share) + penalty;
      if (score < bestScore) [best, bestScore] = [i, score];
    }
    lines.push(rest.slice(0, best).join(' '));
    rest = rest.slice(best);
  }
  lines.push(rest.join(' '));
  return lines;
}

function titleBlock(doc: PlanDraftDocument): Paragraph[] {
  const lines = titleLines(doc.title);
  const widest = Math.max(...lines.map((l) => textWidth(l, 14, true)));
  const out: Paragraph[] = [
    centred([run('KẾ HOẠCH', { bold: true })], { before: 360 }),
    // A little air above the rule keeps it clear of the dots under ị, ạ and of g, p on the last line.
    ...lines.map((line, i) =>
      centred([run(line, { bold: true })], { after: i === lines.length - 1 ? 120 : 0 }),
    ),
    rule(Math.max(mm(20), Math.round(widest / 3)), PORTRAIT_TEXT_WIDTH, 120),
  ];
  if (doc.isDemo) out.push(demoNote());
  out.push(centred([], { after: 120 }));
  return out;
}

function demoNote(): Paragraph {
  const red = 'C00000';
  return centred(
    [
      run('DỰ THẢO – DỮ LIỆU MINH HỌA', { size: 13, bold: true, color: red }),
      run(' (không dùng để ban hành)', { size: 13, italics: true, color: red }),
    ],
    { after: 120 },
  );
}

// ---- Body: preamble, sections I–V, closing ----

/** A list the user left empty prints a visible placeholder, so a missing section is noticed before signing. */
function paragraphsOrPlaceholder(texts: string[]): Paragraph[] {
  const kept = texts.map((t) => t.trim()).filter((t) => t.length > 0);
  if (kept.length === 0) return [body([run('(Chưa có nội dung.)', { italics: true })])];
  return kept.map((t) => body([run(t)]));
}

/** Ends a clause with a full stop unless it already ends a sentence. */
const withStop = (text: string): string => (/[.!?:]$/.test(text) ? text : `${text.replace(/[;,]$/, '')}.`);

/**
 * "1. Chủ trì: 100% số nạn nhân … (chỉ tiêu 3.3 của Kế hoạch tỉnh)." then one "- Mức cần đạt: …" line
 * per measure.
 */
function targetParagraphs(t: PlanDraftTarget): Paragraph[] {
  const text = upperFirst(t.text.trim()).replace(/[.;,]$/, '');
  const out = [
    body([
      run(`${t.code}. ${ROLE_LABEL[t.role]}: `, { bold: true }),
      run(`${text} `),
      run(`(${parentReference(t.parentCode)})`, { italics: true }),
      run('.'),
    ]),
  ];
  t.measures.forEach((m, i) => {
    const line = measureLine(m).replace(/[.;,]$/, '');
    out.push(body([run(`- ${line}${i === t.measures.length - 1 ? '.' : ';'}`)]));
  });
  return out;
}

/** "1. Tăng cường … (mục IV.4 của Kế hoạch tỉnh). Thời gian thực hiện: Quý II/2027." */
function taskParagraph(t: PlanDraftTask): Paragraph {
  const text = upperFirst(t.text.trim()).replace(/[.;,]$/, '');
  const children = [run(`${t.code}. `, { bold: true }), run(t.parentCode ? `${text} ` : `${text}.`)];
  if (t.parentCode) children.push(run(`(${parentReference(t.parentCode)})`, { italics: true }), run('.'));
  if (t.due) children.push(run(` Thời gian thực hiện: ${withStop(t.due.trim())}`, { italics: true }));
  return body(children);
}

function bodyParagraphs(doc: PlanDraftDocument): Paragraph[] {
  const out: Paragraph[] = paragraphsOf(doc.preamble).map((p) => body([run(p)]));

  out.push(heading('I. MỤC ĐÍCH, YÊU CẦU'));
  out.push(heading('1. Mục đích'), ...paragraphsOrPlaceholder(doc.purposes));
  out.push(heading('2. Yêu cầu'), ...paragraphsOrPlaceholder(doc.requirements));

  out.push(heading('II. CHỈ TIÊU'));
  if (doc.targets.length === 0) out.push(...paragraphsOrPlaceholder([]));
  for (const t of doc.targets) out.push(...targetParagraphs(t));

  out.push(heading('III. NHIỆM VỤ, GIẢI PHÁP'));
  if (doc.tasks.length === 0) out.push(...paragraphsOrPlaceholder([]));
  for (const t of doc.tasks) out.push(taskParagraph(t));

  out.push(heading('IV. KINH PHÍ THỰC HIỆN'), ...paragraphsOrPlaceholder(paragraphsOf(doc.funding)));
  out.push(heading('V. TỔ CHỨC THỰC HIỆN'), ...paragraphsOrPlaceholder(doc.organisation));

  const closing = doc.closing?.trim() || `Trên đây là Kế hoạch ${lowerFirst(doc.title.trim())}./.`;
  out.push(body([run(closing)], true));
  return out;
}

// ---- The one portrait section: no page number on page 1, top centre from page 2 ----

function planSection(doc: PlanDraftDocument): ISectionOptions {
  const header = {
    parentBody: doc.parentBody,
    issuer: doc.issuer,
    number: null,
    symbol: doc.symbol,
    place: doc.place,
    date: { day: null, month: null, year: doc.year },
  };
  return portraitSection({ header, title: titleBlock(doc), body: bodyParagraphs(doc), signature: doc });
}
