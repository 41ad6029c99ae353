import { describe, expect, it } from 'vitest';
import { isExpectedFont, parsePdfFonts } from './render-check.js';

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
