import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agencyUnitFor, type AgencyCatalogueEntry } from './agency-names.js';
import { defaultSignerLines, fillLetterheadLine, letterheadOf, splitAuthority } from './letterhead.js';

const catalogue = (
  JSON.parse(fs.readFileSync(new URL('../db/reference/agencies.json', import.meta.url), 'utf8')) as {
    agencies: AgencyCatalogueEntry[];
  }
).agencies;

const langSon = { code: '20', name: 'Lạng Sơn', isCity: false };
const haiPhong = { code: '31', name: 'Hải Phòng', isCity: true };
const unit = (abbr: string, province = langSon) => {
  const entry = catalogue.find((e) => e.abbr === abbr);
  if (!entry) throw new Error(`No catalogue entry ${abbr}`);
  return { kind: 'agency', ...agencyUnitFor(entry, province) };
};

describe('fillLetterheadLine', () => {
  it('fills the level and the province name, in capitals', () => {
    expect(fillLetterheadLine('UBND {tỉnh} {name}', langSon)).toBe('UBND TỈNH LẠNG SƠN');
    expect(fillLetterheadLine('UBND {tỉnh} {name}', haiPhong)).toBe('UBND THÀNH PHỐ HẢI PHÒNG');
    expect(fillLetterheadLine('Bộ Công an', langSon)).toBe('BỘ CÔNG AN');
  });
});

describe('the catalogue’s letterheads (Lạng Sơn)', () => {
  it.each([
    ['SYT', 'UBND TỈNH LẠNG SƠN', 'SỞ Y TẾ', 'Giám đốc'],
    ['SDTTG', 'UBND TỈNH LẠNG SƠN', 'SỞ DÂN TỘC VÀ TÔN GIÁO', 'Giám đốc'],
    ['SKHCN', 'UBND TỈNH LẠNG SƠN', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Giám đốc'],
    ['TTR', 'UBND TỈNH LẠNG SƠN', 'THANH TRA TỈNH', 'Chánh Thanh tra'],
    ['CA', 'BỘ CÔNG AN', 'CÔNG AN TỈNH LẠNG SƠN', 'Giám đốc'],
    ['TK', 'CỤC THỐNG KÊ', 'THỐNG KÊ TỈNH LẠNG SƠN', 'Trưởng Thống kê'],
    ['BTGDV', 'TỈNH ỦY LẠNG SƠN', 'BAN TUYÊN GIÁO VÀ DÂN VẬN', 'Trưởng ban'],
    ['MTTQ', null, 'ỦY BAN MTTQ VIỆT NAM TỈNH LẠNG SƠN', 'Chủ tịch'],
    ['HLHPN', 'HỘI LHPN VIỆT NAM', 'HỘI LIÊN HIỆP PHỤ NỮ TỈNH LẠNG SƠN', 'Chủ tịch'],
    ['LDLD', 'TỔNG LĐLĐ VIỆT NAM', 'LIÊN ĐOÀN LAO ĐỘNG TỈNH LẠNG SƠN', 'Chủ tịch'],
    ['TD', 'ĐOÀN TNCS HỒ CHÍ MINH', 'TỈNH ĐOÀN LẠNG SƠN', 'Bí thư'],
  ])('%s: %j / %j, signed by the %s', (abbr, parent, issuer, title) => {
    const u = unit(abbr);
    expect(letterheadOf(u, langSon)).toEqual({ parentBody: parent, issuer });
    expect(u.signerTitle).toBe(title);
  });

  it('gives every agency a signer title and fills every parent line', () => {
    for (const e of catalogue) {
      for (const p of [langSon, haiPhong]) {
        const u = agencyUnitFor(e, p);
        expect(u.signerTitle, e.abbr).toBeTruthy();
        expect(u.letterheadParent ?? '', e.abbr).not.toContain('{');
      }
    }
  });

  it('writes the city forms in a centrally-run city', () => {
    expect(letterheadOf(unit('SYT', haiPhong), haiPhong)).toEqual({
      parentBody: 'UBND THÀNH PHỐ HẢI PHÒNG',
      issuer: 'SỞ Y TẾ',
    });
    expect(letterheadOf(unit('BTGDV', haiPhong), haiPhong)).toEqual({
      parentBody: 'THÀNH ỦY HẢI PHÒNG',
      issuer: 'BAN TUYÊN GIÁO VÀ DÂN VẬN',
    });
    expect(letterheadOf(unit('CA', haiPhong), haiPhong).issuer).toBe('CÔNG AN THÀNH PHỐ HẢI PHÒNG');
  });

  it('writes a people’s committee without a parent line, and takes a parent line a document gave', () => {
    const province = { kind: 'province', name: 'Lạng Sơn', fullName: 'Tỉnh Lạng Sơn' };
    expect(letterheadOf({ ...province, letterheadParent: null, signerTitle: null }, null)).toEqual({
      parentBody: null,
      issuer: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
    });
    expect(letterheadOf(unit('SXD'), langSon, 'UBND tỉnh Lạng Sơn')).toEqual({
      parentBody: 'UBND TỈNH LẠNG SƠN',
      issuer: 'SỞ XÂY DỰNG',
    });
  });
});

describe('signer lines', () => {
  it('defaults to the head’s title for an agency and to the committee’s forms for a province or commune', () => {
    expect(defaultSignerLines(unit('TTR'))).toEqual(['CHÁNH THANH TRA']);
    expect(defaultSignerLines(unit('CA'))).toEqual(['GIÁM ĐỐC']);
    expect(defaultSignerLines(unit('HLHPN'))).toEqual(['CHỦ TỊCH']);
    expect(defaultSignerLines({ kind: 'province', signerTitle: null })).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
    expect(defaultSignerLines({ kind: 'commune', signerTitle: null })).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
    ]);
  });

  it.each([
    [
      'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
      ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    ],
    ['KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']],
    ['GIÁM ĐỐC', ['GIÁM ĐỐC']],
    ['PHÓ GIÁM ĐỐC', ['PHÓ GIÁM ĐỐC']],
    ['TM. BAN THƯỜNG VỤ CHỦ TỊCH', ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH']],
    ['KT. CHÁNH THANH TRA\nPHÓ CHÁNH THANH TRA', ['KT. CHÁNH THANH TRA', 'PHÓ CHÁNH THANH TRA']],
    ['  KT. CHỦ TỊCH  ', ['KT. CHỦ TỊCH']],
  ])('splits %j', (authority, lines) => {
    expect(splitAuthority(authority)).toEqual(lines);
  });
});
