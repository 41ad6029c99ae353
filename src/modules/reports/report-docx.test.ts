import { describe, expect, it } from 'vitest';
import { appendixRows, dateLine, numberLine, splitAppendixTitle } from './report-document.js';
import { mm, renderReportDocx, textWidth } from './report-docx.js';
import { sampleReportDocument } from './report-fixture.js';
import { attr, elements, issuerLines, textOf, useRenderedDocx } from '../../../test/support/docx.js';

describe('renderReportDocx (Nghị định 30/2020/NĐ-CP layout)', () => {
  const doc = sampleReportDocument();
  const targetCount = doc.goals.reduce((n, g) => n + g.targets.length, 0);
  const docx = useRenderedDocx(renderReportDocx, doc);

  it('sample has the 20 targets in 6 goals of the Lạng Sơn plan', () => {
    expect(doc.goals).toHaveLength(6);
    expect(targetCount).toBe(20);
  });

  it('puts the report on A4 portrait with margins inside the decree ranges', () => {
    const first = docx.sections[0]!;
    expect(attr(first, 'w:pgSz', 'w:w')).toBe(11906);
    expect(attr(first, 'w:pgSz', 'w:h')).toBe(16838);
    const margin = (side: string) => attr(first, 'w:pgMar', `w:${side}`);
    expect(margin('top')).toBe(1134);
    expect(margin('bottom')).toBe(1134);
    expect(margin('left')).toBe(1701);
    expect(margin('right')).toBe(850);
    for (const [side, lo, hi] of [
      ['top', 20, 25],
      ['bottom', 20, 25],
      ['left', 30, 35],
      ['right', 15, 20],
    ] as const) {
      expect(margin(side)).toBeGreaterThanOrEqual(mm(lo));
      expect(margin(side)).toBeLessThanOrEqual(mm(hi));
    }
  });

  it('sets Times New Roman as the document default for every script', () => {
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(docx.pkg.styles)?.[0] ?? '';
    const fonts = /<w:rFonts [^>]*\/>/.exec(defaults)?.[0] ?? '';
    for (const a of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) {
      expect(fonts).toContain(`${a}="Times New Roman"`);
    }
    expect(docx.pkg.styles).not.toMatch(/w:asciiTheme=/);
    // No run anywhere names another font.
    const named = [...docx.pkg.document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]);
    expect(named.every((f) => f === 'Times New Roman')).toBe(true);
  });

  it('writes the header as a borderless two-column table', () => {
    const header = docx.tables[0]!;
    expect(elements(header, 'w:tc')).toHaveLength(2);
    const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(header)?.[1] ?? '';
    expect([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1])).toEqual(Array(6).fill('none'));
    expect(header).not.toContain('<w:tcBorders>');
    const [left, right] = elements(header, 'w:tc').map(textOf);
    expect(left).toContain('UBND TỈNH LẠNG SƠN');
    expect(left).toContain('SỞ NỘI VỤ');
    expect(left).toContain('Số:');
    expect(left).toContain('/BC-SNV');
    expect(right).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(right).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(right).toContain('Lạng Sơn, ngày');
    expect(right).toContain('tháng 12 năm 2026');
  });

  it('sizes and weights the header lines as the decree does', () => {
    const runWith = (text: string) => {
      const m = elements(docx.pkg.document, 'w:r').find((r) => textOf(r).includes(text));
      if (!m) throw new Error(`no run with ${text}`);
      return m;
    };
    const lines: [text: string, weight: string, size: string][] = [
      ['SỞ NỘI VỤ', '<w:b/>', '<w:sz w:val="26"/>'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '<w:b/>', '<w:sz w:val="24"/>'],
      ['Độc lập - Tự do - Hạnh phúc', '<w:b/>', '<w:sz w:val="26"/>'],
      ['Lạng Sơn, ngày', '<w:i/>', '<w:sz w:val="28"/>'],
    ];
    for (const [text, weight, size] of lines) {
      expect(runWith(text), text).toContain(weight);
      expect(runWith(text), text).toContain(size);
    }
    // Rules (paragraph borders) under the issuer and the motto, plus one under the trích yếu.
    expect(docx.tables[0]!.match(/<w:pBdr>/g)).toHaveLength(2);
  });

  it('titles the document "BÁO CÁO" (bold, centred) with the trích yếu below', () => {
    const paragraphs = elements(docx.pkg.document, 'w:p');
    const i = paragraphs.findIndex((p) => textOf(p) === 'BÁO CÁO');
    expect(i).toBeGreaterThan(-1);
    expect(paragraphs[i]).toContain('<w:jc w:val="center"/>');
    expect(paragraphs[i]).toContain('<w:b/>');
    expect(textOf(paragraphs[i + 1]!)).toBe(doc.title);
    expect(paragraphs[i + 1]).toContain('<w:b/>');
  });

  it('justifies the 14 pt body with a first-line indent and has the five sections', () => {
    const paragraphs = elements(docx.pkg.document, 'w:p');
    const intro = paragraphs.find((p) => textOf(p).startsWith('Thực hiện Kế hoạch'));
    expect(intro).toContain('<w:jc w:val="both"/>');
    expect(intro).toMatch(/<w:ind w:firstLine="\d+"\/>/);
    const text = textOf(docx.pkg.document);
    for (const heading of [
      'I. KẾT QUẢ THỰC HIỆN',
      'II. TÌNH HÌNH BÁO CÁO, SỐ LIỆU CÒN THIẾU',
      'III. HOẠT ĐỘNG ĐÃ TRIỂN KHAI',
      'IV. KHÓ KHĂN, VƯỚNG MẮC',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('1. Mục tiêu 1: Trong lĩnh vực chính trị');
    expect(text).toContain('6. Mục tiêu 6: Trong lĩnh vực thông tin, truyền thông');
    expect(text).toContain('số liệu mới nhất (năm 2026): nữ 85,1%, nam 79,3%, tổng 84,2%');
    expect(text).toContain('đánh giá: Cần đẩy nhanh (tốc độ hiện tại 3,5%/năm');
    expect(text).toContain('Trên đây là báo cáo kết quả thực hiện công tác bình đẳng giới năm 2026./.');
  });

  it('marks demo data visibly and only then', async () => {
    expect(textOf(docx.pkg.document)).toContain('DỮ LIỆU MINH HỌA');
    const real = await docx.variant({ isDemo: false });
    expect(textOf(real.document)).not.toContain('DỮ LIỆU MINH HỌA');
  });

  it('ends with the signature block: authority and name bold at right, Nơi nhận at left', () => {
    const signature = docx.tables[1]!;
    expect(signature).not.toMatch(/w:val="single"/);
    expect(signature).toContain('<w:cantSplit/>');
    const [left, right] = elements(signature, 'w:tc');
    expect(textOf(left!)).toMatch(/^Nơi nhận:- UBND tỉnh \(b\/c\);/);
    expect(textOf(left!)).toContain('- Lưu: VT, CTTN&BĐG.');
    const noiNhan = elements(left!, 'w:r')[0]!;
    expect(noiNhan).toContain('<w:b/>');
    expect(noiNhan).toContain('<w:i/>');
    expect(noiNhan).toContain('<w:sz w:val="24"/>');
    expect(elements(left!, 'w:r')[1]!).toContain('<w:sz w:val="22"/>');
    expect(textOf(right!)).toBe('KT. GIÁM ĐỐCPHÓ GIÁM ĐỐCNguyễn Văn A');
    for (const r of elements(right!, 'w:r')) expect(r).toContain('<w:b/>');
  });

  it('numbers pages from page 2 only: titlePg with an empty first-page header', () => {
    const first = docx.sections[0]!;
    expect(first).toContain('<w:titlePg/>');
    const firstHeader = docx.header('first');
    const defaultHeader = docx.header('default');
    expect(firstHeader).not.toMatch(/PAGE/);
    expect(defaultHeader).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(defaultHeader).toContain('<w:jc w:val="center"/>');
  });

  it('starts the appendix in a new landscape section after a section break', () => {
    expect(docx.sections).toHaveLength(2);
    // The first section ends inside a paragraph (a section break, next page), before the appendix table.
    const breakAt = docx.pkg.document.indexOf('<w:pPr><w:sectPr>');
    const signatureAt = docx.pkg.document.indexOf(docx.tables[1]!);
    const appendixAt = docx.pkg.document.indexOf(docx.tables[2]!);
    expect(breakAt).toBeGreaterThan(signatureAt);
    expect(breakAt).toBeLessThan(appendixAt);
    const afterBreak = elements(docx.pkg.document.slice(breakAt), 'w:p').map(textOf);
    expect(afterBreak.slice(0, 2)).toEqual(['Phụ lục', splitAppendixTitle(doc.appendixTitle).title]);
    expect(docx.sections[0]).not.toMatch(/<w:type w:val="(continuous|nextColumn)"\/>/);
    const last = docx.sections[1]!;
    expect(last).toContain('w:orient="landscape"');
    expect(attr(last, 'w:pgSz', 'w:w')).toBe(16838);
    expect(attr(last, 'w:pgSz', 'w:h')).toBe(11906);
    expect(last).not.toContain('<w:titlePg/>');
  });

  it('has one appendix row per target under a repeated two-row header', () => {
    const appendix = docx.tables.at(-1)!;
    expect(docx.tables).toHaveLength(3);
    expect(appendix).toMatch(/<w:insideH w:val="single"/);
    const rows = elements(appendix, 'w:tr');
    const headerRows = rows.filter((r) => r.includes('<w:tblHeader/>'));
    expect(headerRows).toHaveLength(2);
    expect(rows.length - headerRows.length).toBe(targetCount);
    expect(textOf(headerRows[0]!)).toBe(
      'STTChỉ tiêuMức cần đạtGiá trị gốcGiá trị mới nhấtKỳTình trạngCơ quan chủ trì',
    );
    expect(textOf(headerRows[1]!)).toBe('NữNamTổng');
    const data = rows.filter((r) => !r.includes('<w:tblHeader/>'));
    const cells = (r: string) => elements(r, 'w:tc').map(textOf);
    expect(data.map((r) => cells(r)[0])).toEqual(data.map((_, i) => String(i + 1)));
    const codes = data.map((r) => /^(\d+\.\d+)\. /.exec(cells(r)[1]!)?.[1]);
    expect(codes).toEqual(doc.goals.flatMap((g) => g.targets.map((t) => t.code)));
    // Each row has 10 cells; a target with two measures lists both, lettered, in one cell.
    for (const r of data) expect(elements(r, 'w:tc')).toHaveLength(10);
    const twoMeasures = data.find((r) => textOf(r).includes('3.2. Đến năm 2030'))!;
    const female = elements(twoMeasures, 'w:tc')[4]!;
    expect(elements(female, 'w:p').map(textOf)).toEqual(['a) 85,1%', 'b) 48,6%']);
  });

  it('leaves blank number and day for the clerk, and fills them when given', async () => {
    expect(numberLine(doc)).toBe('Số:        /BC-SNV');
    const filled = await docx.variant({ number: '125', date: { day: 5, month: 2, year: 2027 } });
    const text = textOf(filled.document);
    expect(text).toContain('Số: 125/BC-SNV');
    expect(text).toContain('Lạng Sơn, ngày 05 tháng 02 năm 2027');
    expect(text).toContain('(Kèm theo Báo cáo số 125/BC-SNV ngày 05/02/2027)');
  });

  it('writes a province-level issuer on two lines without a parent body', async () => {
    const province = await docx.variant({
      parentBody: null,
      issuer: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
      symbol: 'BC-UBND',
      signer: { authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn B' },
    });
    const lines = issuerLines(province);
    expect(lines).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN', 'Số:        /BC-UBND']);
  });

  it('escapes XML special characters in user text', async () => {
    const pkg2 = await docx.variant({ activities: 'Tỷ lệ <50% & "chưa đạt"' });
    expect(pkg2.document).toContain('Tỷ lệ &lt;50% &amp; &quot;chưa đạt&quot;');
  });
});

describe('report text helpers', () => {
  it('pads days below 10 and the months 1 and 2 with a zero', () => {
    expect(dateLine({ place: 'Lạng Sơn', date: { day: 9, month: 1, year: 2026 } })).toBe(
      'Lạng Sơn, ngày 09 tháng 01 năm 2026',
    );
    expect(dateLine({ place: 'Lạng Sơn', date: { day: 15, month: 12, year: 2026 } })).toBe(
      'Lạng Sơn, ngày 15 tháng 12 năm 2026',
    );
    expect(dateLine({ place: 'Lạng Sơn', date: { day: null, month: null, year: 2026 } })).toMatch(
      /^Lạng Sơn, ngày {2,}tháng {2,}năm 2026$/,
    );
  });

  it('splits "Phụ lục: …" into its heading and title', () => {
    expect(splitAppendixTitle('Phụ lục: Kết quả thực hiện')).toEqual({
      heading: 'Phụ lục',
      title: 'Kết quả thực hiện',
    });
    expect(splitAppendixTitle('Phụ lục II. Danh mục')).toEqual({ heading: 'Phụ lục II', title: 'Danh mục' });
    expect(splitAppendixTitle('Kết quả')).toEqual({ heading: 'Phụ lục', title: 'Kết quả' });
  });

  it('letters the measures of a target with several, and only then', () => {
    const rows = appendixRows(sampleReportDocument());
    const one = rows.find((r) => r.code === '1.1')!;
    expect(one.total).toEqual(['62,5%']);
    expect(one.target).toHaveLength(1);
    const two = rows.find((r) => r.code === '5.4')!;
    expect(two.target.slice(1)).toEqual(['a) Nữ thạc sĩ', 'b) Nữ tiến sĩ']);
    expect(two.measureTarget).toEqual(['a) ≥ 50% vào năm 2030', 'b) ≥ 35% vào năm 2030']);
    expect(rows.map((r) => r.stt)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it('estimates text widths close to Times New Roman', () => {
    // "Độc lập - Tự do - Hạnh phúc" in bold 13 pt measures about 158 pt in Liberation Serif Bold.
    const w = textWidth('Độc lập - Tự do - Hạnh phúc', 13, true) / 20;
    expect(w).toBeGreaterThan(150);
    expect(w).toBeLessThan(170);
  });
});
