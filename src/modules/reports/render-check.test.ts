import { describe, expect, it } from 'vitest';
import { isExpectedFont, numbersSplitAcrossLines, parsePdfFonts } from './render-check.js';

const PDFFONTS = `name                                 type              encoding         emb sub uni object ID
------------------------------------ ----------------- ---------------- --- --- --- ---------
BAAAAA+LiberationSerif-Bold          TrueType          WinAnsi          yes yes yes      6  0
CAAAAA+LiberationSerif               TrueType          WinAnsi          yes yes yes     11  0
DAAAAA+DejaVuSerif                   TrueType          WinAnsi          yes yes yes     16  0
CAAAAA+LiberationSerif               TrueType          WinAnsi          yes yes yes     21  0
`;

describe('render check font rules', () => {
  it('reads the font names pdffonts prints, without subset prefixes, once each', () => {
    expect(parsePdfFonts(PDFFONTS)).toEqual(['LiberationSerif-Bold', 'LiberationSerif', 'DejaVuSerif']);
  });

  it('accepts Times New Roman and Liberation Serif and flags a fallback font for Vietnamese letters', () => {
    for (const ok of [
      'LiberationSerif',
      'LiberationSerif-BoldItalic',
      'TimesNewRomanPSMT',
      'TimesNewRoman-Bold',
    ]) {
      expect(isExpectedFont(ok), ok).toBe(true);
    }
    for (const bad of ['DejaVuSerif', 'DejaVuSans', 'LiberationSans', 'NotoSerif'])
      expect(isExpectedFont(bad), bad).toBe(false);
  });
});

describe('numbers split across lines', () => {
  const SOURCE = 'đạt 86,1% năm 2025; giảm −3,2%/năm; các năm 2024, 2025; 1.234 người';

  it('finds a break inside a number the document writes whole', () => {
    for (const [pdf, expected] of [
      ['đạt 86,\n1% năm 2025', '86,⏎1%'],
      ['giảm −\n3,2%/năm', '−⏎3,2%'],
      ['đạt 86,1\n% năm', '86,1⏎%'],
      ['1.\n234 người', '1.⏎234'],
    ]) {
      expect(numbersSplitAcrossLines(SOURCE, pdf!), pdf).toEqual([expected]);
    }
  });

  it('accepts breaks between numbers and words', () => {
    for (const pdf of ['các năm 2024,\n2025;', 'đạt 86,1%\nnăm 2025', 'năm\n2025', 'giảm\n−3,2%/năm']) {
      expect(numbersSplitAcrossLines(SOURCE, pdf), pdf).toEqual([]);
    }
  });
});
