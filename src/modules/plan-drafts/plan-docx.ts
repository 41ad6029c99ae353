import { AlignmentType, Paragraph, type ISectionOptions } from 'docx';
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
  planSubject,
  typeTitle,
} from './plan-draft-document.js';

/**
 * A plan-like document as DOCX in the layout of Nghị định 30/2020/NĐ-CP (the same page, header and signature block
 * as the report writer): a KẾ HOẠCH (drafted by an agency or a commune, or as a stored plan states it), a công văn
 * (no type title, "V/v …" under the number, "Kính gửi"), or a quyết định followed by the plan it issues. A blank
 * number or day and month stays blank for the clerical office. Pure: data in, bytes out.
 */
export async function renderPlanDraftDocx(doc: PlanDraftDocument): Promise<Buffer> {
  const word = doc.type === 'CV' ? 'Công văn' : typeTitle(doc.type).toLocaleLowerCase('vi');
  return packDocument({ creator: doc.issuer, title: `${upperFirst(word)} ${doc.title}` }, [planSection(doc)]);
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

/** "Về việc ban hành Kế hoạch …": the trích yếu of a quyết định. */
export function decisionExcerpt(title: string): string {
  const t = title.trim();
  return /^về việc\b/iu.test(t) ? upperFirst(t) : `Về việc ${lowerFirst(t)}`;
}

/** "V/v triển khai …": the trích yếu of a công văn, under its number. */
export function letterExcerpt(title: string): string {
  const t = title.trim();
  return /^v\/v\b/iu.test(t) ? t : `V/v ${lowerFirst(t)}`;
}

function titleBlock(doc: PlanDraftDocument, title = doc.title, word = typeTitle(doc.type)): Paragraph[] {
  const lines = titleLines(title);
  const widest = Math.max(...lines.map((l) => textWidth(l, 14, true)));
  const out: Paragraph[] = [
    centred([run(word, { bold: true })], { before: 360 }),
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

/** A công văn has no type title: the demo note, then "Kính gửi:" with its addressees. */
function letterTitleBlock(doc: PlanDraftDocument): Paragraph[] {
  const out: Paragraph[] = [centred([], { before: 240 })];
  if (doc.isDemo) out.push(demoNote());
  const to = doc.addressees.map((a) => a.trim().replace(/[;,.]$/, '')).filter(Boolean);
  if (to.length <= 1) {
    out.push(centred([run(`Kính gửi: ${to[0] ?? '…'}`)], { before: 120, after: 240 }));
  } else {
    out.push(
      new Paragraph({
        indent: { left: mm(25) },
        spacing: { before: 120, after: 0 },
        children: [run('Kính gửi:')],
      }),
      ...to.map(
        (a, i) =>
          new Paragraph({
            indent: { left: mm(45) },
            spacing: { before: 0, after: i === to.length - 1 ? 240 : 0 },
            children: [run(`- ${a}${i === to.length - 1 ? '.' : ';'}`)],
          }),
      ),
    );
  }
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
  const out: Paragraph[] = t.goal ? [body([run(t.goal, { bold: true, italics: true })], true)] : [];
  if (t.role === null) {
    // A plan's own target, as the plan writes it: "- Chỉ tiêu 1: tăng tỷ lệ … vào năm 2030."
    out.push(body([run(`- Chỉ tiêu ${t.code}: `, { italics: true }), run(`${lowerFirst(text)}.`)]));
  } else {
    const ref = t.parentCode ? [run(`(${parentReference(t.parentCode)})`, { italics: true }), run('.')] : [];
    out.push(
      body([
        run(`${t.code}. ${ROLE_LABEL[t.role]}: `, { bold: true }),
        run(t.parentCode ? `${text} ` : `${text}.`),
        ...ref,
      ]),
    );
  }
  t.measures.forEach((m, i) => {
    const line = measureLine(m).replace(/[.;,]$/, '');
    out.push(body([run(`- ${line}${i === t.measures.length - 1 ? '.' : ';'}`)]));
  });
  return out;
}

/** "1. Tăng cường … (mục IV.4 của Kế hoạch tỉnh). Thời gian thực hiện: Quý II/2027." */
function taskParagraphs(t: PlanDraftTask): Paragraph[] {
  // A task as a plan writes it may run over several lines ("…\n- Tăng cường …"): its first line carries the number.
  const [first = '', ...rest] = paragraphsOf(t.text);
  const text = upperFirst(first).replace(/[.;,]$/, '');
  const children = [run(`${t.code}. `, { bold: true }), run(t.parentCode ? `${text} ` : `${text}.`)];
  if (t.parentCode) children.push(run(`(${parentReference(t.parentCode)})`, { italics: true }), run('.'));
  if (t.due) children.push(run(` Thời gian thực hiện: ${withStop(t.due.trim())}`, { italics: true }));
  return [body(children), ...rest.map((line) => body([run(line)]))];
}

/** "Căn cứ A; B; C." in one paragraph, as a KẾ HOẠCH opens (seed 004). */
function legalBasisParagraph(doc: PlanDraftDocument): Paragraph[] {
  const bases = doc.legalBases.map((b) => b.trim().replace(/[;,.]$/, '')).filter(Boolean);
  return bases.length === 0 ? [] : [body([run(`Căn cứ ${bases.join('; ')}.`)])];
}

function planParagraphs(doc: PlanDraftDocument): Paragraph[] {
  const out: Paragraph[] = paragraphsOf(doc.preamble).map((p) => body([run(p)]));

  out.push(heading('I. MỤC ĐÍCH, YÊU CẦU'));
  out.push(heading('1. Mục đích'), ...paragraphsOrPlaceholder(doc.purposes));
  out.push(heading('2. Yêu cầu'), ...paragraphsOrPlaceholder(doc.requirements));

  out.push(heading(doc.targetsHeading ?? 'II. CHỈ TIÊU'));
  if (doc.generalGoal && doc.generalGoal.length > 0) {
    out.push(heading('1. Mục tiêu chung'), ...paragraphsOrPlaceholder(doc.generalGoal));
    out.push(heading('2. Mục tiêu cụ thể'));
  }
  if (doc.targets.length === 0) out.push(...paragraphsOrPlaceholder([]));
  for (const t of doc.targets) out.push(...targetParagraphs(t));

  out.push(heading('III. NHIỆM VỤ, GIẢI PHÁP'));
  if (doc.tasks.length === 0) out.push(...paragraphsOrPlaceholder([]));
  for (const t of doc.tasks) out.push(...taskParagraphs(t));

  out.push(heading('IV. KINH PHÍ THỰC HIỆN'), ...paragraphsOrPlaceholder(paragraphsOf(doc.funding)));
  out.push(heading('V. TỔ CHỨC THỰC HIỆN'), ...paragraphsOrPlaceholder(doc.organisation));
  return out;
}

function closingParagraph(doc: PlanDraftDocument, word: string): Paragraph {
  const closing = doc.closing?.trim() || `Trên đây là ${word} ${planSubject(doc.title, word)}./.`;
  return body([run(closing)], true);
}

function bodyParagraphs(doc: PlanDraftDocument): Paragraph[] {
  return [...legalBasisParagraph(doc), ...planParagraphs(doc), closingParagraph(doc, 'Kế hoạch')];
}

/** A công văn: the legal bases and opening, the numbered requests, the organisation, the closing. */
function letterParagraphs(doc: PlanDraftDocument): Paragraph[] {
  const out = [...legalBasisParagraph(doc), ...paragraphsOf(doc.preamble).map((p) => body([run(p)]))];
  for (const t of doc.tasks) out.push(...taskParagraphs(t));
  out.push(...doc.organisation.filter((p) => p.trim()).map((p) => body([run(p.trim())])));
  out.push(
    body([run(doc.closing?.trim() || 'Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.')], true),
  );
  return out;
}

/** A quyết định: the issuing body, "Căn cứ …;" one a line (italic), "QUYẾT ĐỊNH:", the articles. */
function decisionParagraphs(doc: PlanDraftDocument): Paragraph[] {
  const decision = doc.decision ?? { authority: doc.issuer, articles: [], issuedBy: doc.issuer };
  const bases = doc.legalBases.map((b) => b.trim().replace(/[;,.]$/, '')).filter(Boolean);
  const out: Paragraph[] = [centred([run(decision.authority, { bold: true })], { after: 240 })];
  bases.forEach((b, i) =>
    out.push(body([run(`Căn cứ ${b}${i === bases.length - 1 ? ';' : ';'}`, { italics: true })])),
  );
  out.push(...paragraphsOf(doc.preamble).map((p) => body([run(p, { italics: true })])));
  out.push(centred([run('QUYẾT ĐỊNH:', { bold: true })], { before: 120, after: 240 }));
  for (const article of decision.articles) {
    const m = /^(Điều \d+\.)\s*(.*)$/su.exec(article.trim());
    out.push(body(m ? [run(`${m[1]} `, { bold: true }), run(m[2]!)] : [run(article)]));
  }
  return out;
}

/** The plan a quyết định issues, on a new page after the decision: its title, "(Ban hành kèm theo …)", its body. */
function issuedPlanParagraphs(doc: PlanDraftDocument): Paragraph[] {
  const number = doc.number ?? '      ';
  const date =
    doc.date.day === null
      ? ''
      : ` ngày ${String(doc.date.day).padStart(2, '0')}/${String(doc.date.month).padStart(2, '0')}/${doc.date.year}`;
  const planTitle = planSubject(doc.title);
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      children: [run('KẾ HOẠCH', { bold: true })],
    }),
    ...titleLines(upperFirst(planTitle)).map((l) => centred([run(l, { bold: true })])),
    centred(
      [
        run(
          `(Ban hành kèm theo Quyết định số ${number}/${doc.symbol}${date} của ${doc.decision?.issuedBy ?? doc.issuer})`,
          { italics: true },
        ),
      ],
      { after: 120 },
    ),
    rule(mm(30), PORTRAIT_TEXT_WIDTH, 240),
    ...planParagraphs({ ...doc, preamble: '' }),
  ];
}

// ---- The one portrait section: no page number on page 1, top centre from page 2 ----

function planSection(doc: PlanDraftDocument): ISectionOptions {
  const header = {
    parentBody: doc.parentBody,
    issuer: doc.issuer,
    number: doc.number,
    symbol: doc.symbol,
    place: doc.place,
    date: doc.date,
  };
  if (doc.type === 'CV') {
    // The header of a công văn carries its trích yếu ("V/v …") under the number.
    return portraitSection({
      header: { ...header, excerpt: letterExcerpt(doc.title) },
      title: letterTitleBlock(doc),
      body: letterParagraphs(doc),
      signature: doc,
    });
  }
  if (doc.type === 'QD') {
    const section = portraitSection({
      header,
      title: titleBlock(doc, decisionExcerpt(doc.title)),
      body: decisionParagraphs(doc),
      signature: doc,
    });
    return { ...section, children: [...section.children, ...issuedPlanParagraphs(doc)] };
  }
  return portraitSection({ header, title: titleBlock(doc), body: bodyParagraphs(doc), signature: doc });
}
