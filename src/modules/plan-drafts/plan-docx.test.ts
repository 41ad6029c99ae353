import { beforeAll, describe, expect, it } from 'vitest';
import { mm, PORTRAIT_TEXT_WIDTH, textWidth } from '../reports/report-docx.js';
import { decisionExcerpt, letterExcerpt, renderPlanDraftDocx, titleLines } from './plan-docx.js';
import { citation, measureLine, parentReference, periodPhrase, planSubject } from './plan-draft-document.js';
import { sampleDecision, sampleLetter, samplePlanDraft } from './plan-draft-fixture.js';
import {
  attr,
  elements,
  issuerLines,
  openDocx,
  textOf,
  useRenderedDocx,
} from '../../../test/support/docx.js';

describe('renderPlanDraftDocx (Nghị định 30/2020/NĐ-CP KẾ HOẠCH layout)', () => {
  const doc = samplePlanDraft();
  const docx = useRenderedDocx(renderPlanDraftDocx, doc);
  let section: string;
  /** Body paragraphs outside the tables, in order. */
  let paragraphs: string[];
  let texts: string[];

  beforeAll(() => {
    expect(docx.sections).toHaveLength(1);
    section = docx.sections[0]!;
    let outside = docx.pkg.document;
    for (const t of docx.tables) outside = outside.replace(t, '');
    paragraphs = elements(outside, 'w:p');
    texts = paragraphs.map(textOf);
  });

  it('puts the plan on A4 portrait with margins 20/20/30/15 mm', () => {
    expect(attr(section, 'w:pgSz', 'w:w')).toBe(11906);
    expect(attr(section, 'w:pgSz', 'w:h')).toBe(16838);
    expect(section).not.toContain('w:orient="landscape"');
    const margin = (side: string) => attr(section, 'w:pgMar', `w:${side}`);
    expect(margin('top')).toBe(mm(20));
    expect(margin('bottom')).toBe(mm(20));
    expect(margin('left')).toBe(mm(30));
    expect(margin('right')).toBe(mm(15));
  });

  it('sets Times New Roman 14 pt as the document default and names no other font', () => {
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(docx.pkg.styles)?.[0] ?? '';
    const fonts = /<w:rFonts [^>]*\/>/.exec(defaults)?.[0] ?? '';
    for (const a of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) {
      expect(fonts).toContain(`${a}="Times New Roman"`);
    }
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(docx.pkg.styles).not.toMatch(/w:asciiTheme=/);
    const named = [...docx.pkg.document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]);
    expect(named.every((f) => f === 'Times New Roman')).toBe(true);
  });

  it('writes the header as a borderless two-column table with a blank number and date', () => {
    const header = docx.tables[0]!;
    const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(header)?.[1] ?? '';
    expect([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1])).toEqual(Array(6).fill('none'));
    const cells = elements(header, 'w:tc');
    expect(cells).toHaveLength(2);
    const leftLines = elements(cells[0]!, 'w:p').map(textOf).filter(Boolean);
    expect(leftLines[0]).toBe('UBND TỈNH LẠNG SƠN');
    expect(leftLines[1]).toBe('SỞ Y TẾ');
    expect(leftLines.at(-1)).toContain('Số:');
    expect(leftLines.at(-1)).toContain('/KH-SYT');
    // The number is left blank for the clerical office.
    expect(leftLines.at(-1)).toMatch(/^Số: +\/KH-SYT$/);
    const right = textOf(cells[1]!);
    expect(right).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(right).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(right).toMatch(/Lạng Sơn, ngày +tháng +năm 2027$/);
    // Rules under the issuer and the motto; the place and date in italics.
    expect(header.match(/<w:pBdr>/g)).toHaveLength(2);
    const date = elements(cells[1]!, 'w:r').find((r) => textOf(r).startsWith('Lạng Sơn'))!;
    expect(date).toContain('<w:i/>');
  });

  it('titles the document "KẾ HOẠCH" bold and centred, the trích yếu below it with a rule', () => {
    const i = texts.indexOf('KẾ HOẠCH');
    expect(i).toBeGreaterThan(-1);
    expect(paragraphs[i]).toContain('<w:jc w:val="center"/>');
    expect(paragraphs[i]).toContain('<w:b/>');
    expect(texts[i + 1]).toBe(doc.title);
    expect(paragraphs[i + 1]).toContain('<w:jc w:val="center"/>');
    expect(paragraphs[i + 1]).toContain('<w:b/>');
    expect(paragraphs[i + 2]).toContain('<w:pBdr>');
    expect(texts[i + 2]).toBe('');
  });

  it('opens with the preamble: justified 14 pt, first-line indent, not italic', () => {
    const i = texts.findIndex((t) => t.startsWith('Thực hiện Kế hoạch'));
    expect(i).toBeGreaterThan(texts.indexOf('KẾ HOẠCH'));
    expect(texts[i]).toBe(doc.preamble);
    const p = paragraphs[i]!;
    expect(p).toContain('<w:jc w:val="both"/>');
    expect(p).toMatch(/<w:ind w:firstLine="\d+"\/>/);
    expect(p).not.toContain('<w:i/>');
    expect(p).toContain('<w:sz w:val="28"/>');
  });

  it('has the sections I–V in order, as bold headings', () => {
    const headings = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '2. Yêu cầu',
      'II. CHỈ TIÊU',
      'III. NHIỆM VỤ, GIẢI PHÁP',
      'IV. KINH PHÍ THỰC HIỆN',
      'V. TỔ CHỨC THỰC HIỆN',
    ];
    const at = headings.map((h) => texts.indexOf(h));
    expect(at.every((i) => i > -1)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const i of at) {
      expect(paragraphs[i]).toContain('<w:b/>');
      expect(paragraphs[i]).toContain('<w:keepNext/>');
    }
    expect(at[0]).toBeGreaterThan(texts.findIndex((t) => t.startsWith('Thực hiện Kế hoạch')));
  });

  it('lists every target with its role word, the parent plan code and its measures', () => {
    const from = texts.indexOf('II. CHỈ TIÊU');
    const to = texts.indexOf('III. NHIỆM VỤ, GIẢI PHÁP');
    const section2 = texts.slice(from + 1, to);
    for (const t of doc.targets) {
      const role = t.role === 'lead' ? 'Chủ trì' : 'Phối hợp';
      const line = section2.find((s) => s.startsWith(`${t.code}. ${role}: `));
      expect(line, `target ${t.code}`).toBeDefined();
      expect(line).toContain(`(chỉ tiêu ${t.parentCode} của Kế hoạch tỉnh).`);
      const after = section2.slice(
        section2.indexOf(line!) + 1,
        section2.indexOf(line!) + 1 + t.measures.length,
      );
      expect(after).toHaveLength(t.measures.length);
      after.forEach((m) => expect(m).toMatch(/^- .+[;.]$/));
    }
    const byRole = (role: string) =>
      section2.filter((s) => s.includes(`. ${role}: `)).map((s) => /chỉ tiêu (\d+\.\d+) của/.exec(s)?.[1]);
    expect(byRole('Chủ trì')).toEqual(['3.3', '3.4', '4.1', '4.2', '4.3', '4.4']);
    expect(byRole('Phối hợp')).toEqual(['3.2']);
    expect(section2).toContain('- Mức cần đạt: ≥ 80% vào năm 2027.');
    expect(section2).toContain('- Người bị bạo lực được tiếp cận dịch vụ hỗ trợ: ≥ 85% vào năm 2027;');
    // The role and number are bold, the parent reference italic.
    const lead = paragraphs[from + 1]!;
    const runs = elements(lead, 'w:r');
    expect(textOf(runs[0]!)).toBe('1. Chủ trì: ');
    expect(runs[0]).toContain('<w:b/>');
    expect(runs.find((r) => textOf(r).startsWith('(chỉ tiêu'))).toContain('<w:i/>');
  });

  it('numbers the tasks in order with their parent reference and due time', () => {
    const from = texts.indexOf('III. NHIỆM VỤ, GIẢI PHÁP');
    const to = texts.indexOf('IV. KINH PHÍ THỰC HIỆN');
    const tasks = texts.slice(from + 1, to);
    expect(tasks.map((t) => /^(\d+)\. /.exec(t)?.[1])).toEqual(doc.tasks.map((t) => t.code));
    expect(tasks[0]).toMatch(/\(mục III\.1 của Kế hoạch tỉnh\)\. Thời gian thực hiện: Quý I\/2027\.$/);
    expect(tasks[4]).toContain('(chỉ tiêu 4.4 của Kế hoạch tỉnh)');
  });

  it('writes funding, organisation with the reporting deadlines, and the closing', () => {
    const text = texts.join('\n');
    expect(text).toContain(doc.funding);
    for (const p of doc.organisation) expect(texts).toContain(p);
    expect(text).toContain(
      'Báo cáo 6 tháng gửi Sở Nội vụ trước ngày 05/6/2027; báo cáo năm trước ngày 01/12/2027.',
    );
    const closing = texts.findIndex((t) => t.startsWith('Trên đây là Kế hoạch'));
    expect(closing).toBeGreaterThan(texts.indexOf('V. TỔ CHỨC THỰC HIỆN'));
    expect(texts[closing]).toMatch(/\.\/\.$/);
  });

  it('ends with the signature block at right and Nơi nhận at left', () => {
    expect(docx.tables).toHaveLength(2);
    const signature = docx.tables[1]!;
    expect(docx.pkg.document.indexOf(signature)).toBeGreaterThan(
      docx.pkg.document.indexOf('Trên đây là Kế hoạch'),
    );
    const [left, right] = elements(signature, 'w:tc');
    expect(textOf(left!)).toMatch(/^Nơi nhận:- UBND tỉnh \(b\/c\);/);
    expect(textOf(left!)).toContain('- Lưu: VT, VP.');
    expect(elements(left!, 'w:r')[0]).toContain('<w:b/>');
    expect(elements(left!, 'w:r')[0]).toContain('<w:i/>');
    expect(textOf(right!)).toBe('KT. GIÁM ĐỐCPHÓ GIÁM ĐỐCNguyễn Văn A');
  });

  it('numbers pages from page 2 only (titlePg, empty first-page header)', () => {
    expect(section).toContain('<w:titlePg/>');
    expect(docx.header('first')).not.toMatch(/PAGE/);
    expect(docx.header('default')).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
  });

  it('marks demo data visibly and only then', async () => {
    expect(texts.join('\n')).toContain('DỰ THẢO – DỮ LIỆU MINH HỌA');
    const real = await docx.variant({ isDemo: false });
    expect(textOf(real.document)).not.toContain('DỮ LIỆU MINH HỌA');
  });

  it("writes a commune's UBND on two lines without a parent body", async () => {
    const commune = await docx.variant({
      parentBody: null,
      issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG KINH',
      symbol: 'KH-UBND',
      signer: { authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn B' },
    });
    const lines = issuerLines(commune);
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG ĐÔNG KINH']);
    expect(lines[2]).toMatch(/^Số: +\/KH-UBND$/);
  });

  it('prints a placeholder for empty sections and a plain closing when none is given', async () => {
    const empty = await docx.variant({
      purposes: [],
      targets: [],
      tasks: [],
      funding: '  ',
      organisation: [],
      closing: undefined,
    });
    const t = elements(empty.document, 'w:p').map(textOf);
    expect(t.filter((x) => x === '(Chưa có nội dung.)')).toHaveLength(5);
    expect(t).toContain('Trên đây là Kế hoạch thực hiện công tác bình đẳng giới năm 2027./.');
  });

  it('escapes XML special characters in user text', async () => {
    const escaped = await docx.variant({ funding: 'Tỷ lệ <50% & "chưa đạt"' });
    expect(escaped.document).toContain('Tỷ lệ &lt;50% &amp; &quot;chưa đạt&quot;');
  });
});

describe('plan draft text helpers', () => {
  it('keeps a short trích yếu on one line and breaks a long one at a phrase boundary, as the seeds do', () => {
    expect(titleLines('Thực hiện công tác bình đẳng giới năm 2027')).toEqual([
      'Thực hiện công tác bình đẳng giới năm 2027',
    ]);
    // Seed 002 and seed 001 break their trích yếu exactly so.
    expect(
      titleLines(
        'Triển khai thực hiện công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2022',
      ),
    ).toEqual([
      'Triển khai thực hiện công tác bình đẳng giới',
      'và hoạt động vì sự tiến bộ của phụ nữ năm 2022',
    ]);
    expect(titleLines('Triển khai thực hiện công tác Bình đẳng giới của Sở Xây dựng năm 2024')).toEqual([
      'Triển khai thực hiện công tác Bình đẳng giới',
      'của Sở Xây dựng năm 2024',
    ]);
    const long =
      'Triển khai thực hiện công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2027 ' +
      'của Ủy ban nhân dân phường Đông Kinh';
    const lines = titleLines(long);
    expect(lines).toHaveLength(3);
    expect(lines.join(' ')).toBe(long);
    for (const l of lines)
      expect(textWidth(l, 14, true)).toBeLessThan(Math.round(PORTRAIT_TEXT_WIDTH * 0.85));
  });

  it('writes each line of a long trích yếu as its own centred bold paragraph', async () => {
    const title =
      'Triển khai thực hiện công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2027';
    const pkg = await openDocx(await renderPlanDraftDocx({ ...samplePlanDraft(), title }));
    const paragraphs = elements(pkg.document, 'w:p');
    const i = paragraphs.findIndex((p) => textOf(p) === 'KẾ HOẠCH');
    expect(paragraphs.slice(i + 1, i + 3).map(textOf)).toEqual(titleLines(title));
    expect(paragraphs[i + 3]).toContain('<w:pBdr>');
  });

  it('refers to a parent target or section and labels bare measures', () => {
    expect(parentReference('3.2')).toBe('chỉ tiêu 3.2 của Kế hoạch tỉnh');
    expect(parentReference('IV.4')).toBe('mục IV.4 của Kế hoạch tỉnh');
    expect(measureLine('≥ 90% vào năm 2027')).toBe('Mức cần đạt: ≥ 90% vào năm 2027');
    expect(measureLine('100% (duy trì) vào năm 2027')).toBe('Mức cần đạt: 100% (duy trì) vào năm 2027');
    expect(measureLine('người gây bạo lực được tư vấn: ≥ 60%')).toBe('Người gây bạo lực được tư vấn: ≥ 60%');
  });

  it('sample: Sở Y tế leads 3.3, 3.4, 4.1–4.4 and coordinates 3.2 (seed 004, section VI.4)', () => {
    const d = samplePlanDraft();
    const codes = (role: string) => d.targets.filter((t) => t.role === role).map((t) => t.parentCode);
    expect(codes('lead')).toEqual(['3.3', '3.4', '4.1', '4.2', '4.3', '4.4']);
    expect(codes('coordinate')).toEqual(['3.2']);
    expect(d.targets.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });
});

/** The paragraphs outside the tables, as text. */
function outsideTexts(document: string): string[] {
  let outside = document;
  for (const t of elements(document, 'w:tbl')) outside = outside.replace(t, '');
  return elements(outside, 'w:p').map(textOf);
}

describe('a công văn (type CV)', () => {
  const doc = sampleLetter();
  const docx = useRenderedDocx(renderPlanDraftDocx, doc);

  it('writes "V/v …" under the number in the header, and no type title', () => {
    expect(issuerLines(docx.pkg)).toEqual([
      'UBND TỈNH LẠNG SƠN',
      'SỞ Y TẾ',
      'Số: 245/SYT-NVY',
      'V/v triển khai thực hiện công tác bình đẳng giới năm 2026',
    ]);
    expect(textOf(docx.tables[0]!)).toContain('Lạng Sơn, ngày 04 tháng 5 năm 2026');
    const texts = outsideTexts(docx.pkg.document);
    expect(texts).not.toContain('KẾ HOẠCH');
    expect(texts).not.toContain('I. MỤC ĐÍCH, YÊU CẦU');
  });

  it('addresses "Kính gửi:" one addressee a line, then its requests and closing', () => {
    const texts = outsideTexts(docx.pkg.document);
    const i = texts.indexOf('Kính gửi:');
    expect(texts.slice(i + 1, i + 3)).toEqual([
      '- Các phòng chức năng thuộc Sở;',
      '- Các đơn vị trực thuộc Sở.',
    ]);
    expect(texts.findIndex((t) => t.startsWith('Thực hiện Kế hoạch số 58/KH-UBND'))).toBeGreaterThan(i);
    expect(texts.some((t) => t.startsWith('1. Xây dựng kế hoạch'))).toBe(true);
    expect(texts).toContain('Đề nghị các đơn vị quan tâm, triển khai thực hiện./.');
    const [left, right] = elements(docx.tables[1]!, 'w:tc');
    expect(textOf(left!)).toMatch(/^Nơi nhận:- Như trên;/);
    expect(textOf(right!)).toBe('KT. GIÁM ĐỐCPHÓ GIÁM ĐỐCNguyễn Văn A');
  });

  it('puts a single addressee on the "Kính gửi" line', async () => {
    const one = await docx.variant({ addressees: ['Sở Nội vụ tỉnh Lạng Sơn'] });
    expect(outsideTexts(one.document)).toContain('Kính gửi: Sở Nội vụ tỉnh Lạng Sơn');
  });
});

describe('a quyết định that issues a kế hoạch (type QD)', () => {
  const doc = sampleDecision();
  const docx = useRenderedDocx(renderPlanDraftDocx, doc);

  it('titles it "QUYẾT ĐỊNH" and "Về việc …", then the issuing body, the legal bases and the articles', () => {
    const texts = outsideTexts(docx.pkg.document);
    const i = texts.indexOf('QUYẾT ĐỊNH');
    expect(i).toBeGreaterThan(-1);
    const excerpt = titleLines(decisionExcerpt(doc.title));
    expect(texts.slice(i + 1, i + 1 + excerpt.length)).toEqual(excerpt);
    const order = [
      'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
      'Căn cứ Luật Bình đẳng giới số 73/2006/QH11;',
      'QUYẾT ĐỊNH:',
      doc.decision!.articles[0]!,
      doc.decision!.articles[2]!,
    ].map((t) => texts.indexOf(t));
    expect(order.every((n) => n > i)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(issuerLines(docx.pkg).at(-1)).toBe('Số: 12/QĐ-UBND');
  });

  it('prints the plan it issues on a new page after the signature, tied to the decision', () => {
    const texts = outsideTexts(docx.pkg.document);
    const plan = texts.lastIndexOf('KẾ HOẠCH');
    expect(plan).toBeGreaterThan(texts.indexOf('QUYẾT ĐỊNH:'));
    expect(docx.pkg.document.indexOf('<w:pageBreakBefore/>')).toBeGreaterThan(
      docx.pkg.document.indexOf(docx.tables[1]!),
    );
    expect(texts[plan + 1]).toBe('Thực hiện công tác bình đẳng giới năm 2026');
    expect(texts[plan + 2]).toBe(
      '(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 10/02/2026 của UBND tỉnh Lạng Sơn)',
    );
    expect(texts.indexOf('I. MỤC ĐÍCH, YÊU CẦU')).toBeGreaterThan(plan);
  });
});

describe('document wording helpers', () => {
  it('writes the trích yếu of a quyết định and a công văn', () => {
    expect(decisionExcerpt('Ban hành Kế hoạch X')).toBe('Về việc ban hành Kế hoạch X');
    expect(decisionExcerpt('Về việc ban hành Kế hoạch X')).toBe('Về việc ban hành Kế hoạch X');
    expect(letterExcerpt('Triển khai X')).toBe('V/v triển khai X');
    expect(letterExcerpt('V/v triển khai X')).toBe('V/v triển khai X');
  });

  it('names a plan by what follows "Kế hoạch", whichever way its title begins', () => {
    expect(planSubject('Thực hiện X năm 2027')).toBe('thực hiện X năm 2027');
    expect(planSubject('Kế hoạch thực hiện X')).toBe('thực hiện X');
    expect(planSubject('Ban hành Kế hoạch thực hiện X')).toBe('thực hiện X');
    expect(planSubject('Về việc ban hành Kế hoạch thực hiện X')).toBe('thực hiện X');
  });

  it('states a period as the plans do', () => {
    expect(periodPhrase({ from: 2026, to: 2030 })).toBe('giai đoạn 2026 - 2030');
    expect(periodPhrase({ from: 2027, to: 2027 })).toBe('năm 2027');
  });

  it('cites documents as seed 004 writes its legal bases', () => {
    const at = (y: number, m: number, d: number) => ({ year: y, month: m, day: d });
    expect(
      citation({
        type: 'LUAT',
        number: '73',
        symbol: '2006/QH11',
        date: null,
        issuer: 'Quốc hội',
        title: 'Luật Bình đẳng giới',
      }),
    ).toBe('Luật Bình đẳng giới số 73/2006/QH11');
    expect(
      citation({
        type: 'NQ',
        number: '28',
        symbol: 'NQ-CP',
        date: at(2021, 3, 3),
        issuer: 'Chính phủ',
        title: 'ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030',
      }),
    ).toBe(
      'Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030',
    );
    expect(
      citation({
        type: 'KH',
        number: '62',
        symbol: 'KH-UBND',
        date: at(2022, 3, 23),
        issuer: 'UBND tỉnh',
        title: 'Thực hiện công tác bình đẳng giới năm 2022',
      }),
    ).toBe(
      'Kế hoạch số 62/KH-UBND ngày 23/3/2022 của UBND tỉnh về thực hiện công tác bình đẳng giới năm 2022',
    );
    expect(
      citation({
        type: 'CV',
        number: null,
        symbol: 'BNV',
        date: { year: 2026, month: 3, day: null },
        issuer: 'Bộ Nội vụ',
        title: null,
      }),
    ).toBe('Công văn số …/BNV tháng 3/2026 của Bộ Nội vụ');
  });
});
