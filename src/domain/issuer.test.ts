import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { communeNameIn, findProvinceIn, isNationalIssuer, isProvincialCommittee } from './issuer.js';

interface Province {
  code: string;
  name: string;
}

/** The 34 provinces and centrally-run cities since 1/7/2025, from the reference data. */
const provinces: Province[] = (
  JSON.parse(
    fs.readFileSync(new URL('../db/reference/admin-units-2026-07-25.json', import.meta.url), 'utf8'),
  ) as { Code: string; Name: string }[]
).map((p) => ({ code: p.Code, name: p.Name }));

const nameOf = (p: Province | null) => p?.name ?? null;

describe('findProvinceIn (real province list)', () => {
  it('uses the 34-province list', () => {
    expect(provinces).toHaveLength(34);
    expect(provinces.map((p) => p.name)).toContain('Lạng Sơn');
    expect(provinces.map((p) => p.name)).not.toContain('Bình Phước');
  });

  it('finds the province in the issuer', () => {
    const found = findProvinceIn(['UBND tỉnh Lạng Sơn'], provinces);
    expect(found?.code).toBe('20');
    expect(nameOf(found)).toBe('Lạng Sơn');
    expect(nameOf(findProvinceIn(['Ủy ban nhân dân thành phố Hải Phòng'], provinces))).toBe('Hải Phòng');
  });

  it('finds it in the parent body or the place when the issuer is a Sở', () => {
    expect(nameOf(findProvinceIn(['Sở Xây dựng', 'UBND tỉnh Lạng Sơn', null], provinces))).toBe('Lạng Sơn');
    expect(nameOf(findProvinceIn(['Sở Nội vụ', null, 'Cao Bằng'], provinces))).toBe('Cao Bằng');
    expect(nameOf(findProvinceIn([undefined, '', 'Lạng Sơn'], provinces))).toBe('Lạng Sơn');
  });

  it('finds no province for a parent body naming Bình Phước, merged into Đồng Nai in 2025', () => {
    // Bình Phước is not a province any more; the matcher goes by name and must not guess.
    expect(findProvinceIn(['Sở Xây dựng', 'UBND tỉnh Bình Phước'], provinces)).toBeNull();
    expect(findProvinceIn(['UBND tỉnh Hà Nam'], provinces)).toBeNull();
  });

  it('matches regardless of case, NFD input and tone-mark placement', () => {
    expect(nameOf(findProvinceIn(['UBND TỈNH LẠNG SƠN'], provinces))).toBe('Lạng Sơn');
    expect(nameOf(findProvinceIn(['UBND tỉnh Lạng Sơn'.normalize('NFD')], provinces))).toBe('Lạng Sơn');
    // The reference list writes "Thanh Hoá" and "Khánh Hoà"; documents often write "Hóa", "Hòa".
    expect(nameOf(findProvinceIn(['UBND tỉnh Thanh Hóa'], provinces))).toBe('Thanh Hoá');
    expect(nameOf(findProvinceIn(['UBND tỉnh Khánh Hòa'], provinces))).toBe('Khánh Hoà');
    expect(nameOf(findProvinceIn(['UBND thành phố Đà Nẵng'], provinces))).toBe('Đà Nẵng');
  });

  it('matches whole words only', () => {
    // "Huế" is a province; "Thuế" (tax) must not match it, nor "Sơn La" inside "Sơn Lâm".
    expect(findProvinceIn(['Cục Thuế'], provinces)).toBeNull();
    expect(findProvinceIn(['UBND xã Sơn Lâm'], provinces)).toBeNull();
    expect(nameOf(findProvinceIn(['UBND thành phố Huế'], provinces))).toBe('Huế');
  });

  it('lets the longest matching name win, whatever the order of the list', () => {
    const list = [{ name: 'Giang' }, { name: 'An Giang' }, { name: 'An' }];
    expect(findProvinceIn(['UBND tỉnh An Giang'], list)?.name).toBe('An Giang');
    expect(findProvinceIn(['UBND tỉnh An Giang'], [...list].reverse())?.name).toBe('An Giang');
    // Two real provinces in one text: the longer name wins.
    expect(nameOf(findProvinceIn(['Sở Y tế tỉnh Sơn La', 'UBND tỉnh Lạng Sơn'], provinces))).toBe('Lạng Sơn');
  });

  it('does not match across the boundary between two texts', () => {
    expect(findProvinceIn(['Sở Văn hóa Lạng', 'Sơn'], provinces)).toBeNull();
  });

  it('returns null when no province occurs', () => {
    expect(findProvinceIn(['Sở Xây dựng'], provinces)).toBeNull();
    expect(findProvinceIn(['Bộ Nội vụ', null, undefined], provinces)).toBeNull();
    expect(findProvinceIn([], provinces)).toBeNull();
    expect(findProvinceIn(['UBND tỉnh Lạng Sơn'], [])).toBeNull();
  });
});

describe('isProvincialCommittee', () => {
  it('is true for the provincial People’s Committee in its usual spellings', () => {
    expect(isProvincialCommittee('UBND tỉnh Lạng Sơn')).toBe(true);
    expect(isProvincialCommittee('Ủy ban nhân dân tỉnh Lạng Sơn')).toBe(true);
    expect(isProvincialCommittee('Uỷ ban nhân dân thành phố Hải Phòng')).toBe(true);
    expect(isProvincialCommittee('ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN')).toBe(true);
    expect(isProvincialCommittee('UBND tỉnh')).toBe(true);
  });

  it('is false for communes, departments and other bodies', () => {
    expect(isProvincialCommittee('UBND xã Hữu Lũng')).toBe(false);
    expect(isProvincialCommittee('Ủy ban nhân dân phường Lương Văn Tri')).toBe(false);
    expect(isProvincialCommittee('Sở Nội vụ tỉnh Lạng Sơn')).toBe(false);
    expect(isProvincialCommittee('Văn phòng UBND tỉnh Lạng Sơn')).toBe(false);
    expect(isProvincialCommittee('Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn')).toBe(false);
    expect(isProvincialCommittee('UBND tinhlang')).toBe(false);
    expect(isProvincialCommittee('')).toBe(false);
  });
});

describe('communeNameIn', () => {
  it('returns the folded commune name of a commune committee', () => {
    expect(communeNameIn('UBND xã Hữu Lũng')).toBe('huu lung');
    expect(communeNameIn('Ủy ban nhân dân phường Lương Văn Tri')).toBe('luong van tri');
    expect(communeNameIn('UBND đặc khu Vân Đồn')).toBe('van don');
    expect(communeNameIn('ỦY BAN NHÂN DÂN XÃ ĐỒNG ĐĂNG')).toBe('dong dang');
  });

  it('returns null for anything that is not a commune committee', () => {
    expect(communeNameIn('UBND tỉnh Lạng Sơn')).toBeNull();
    expect(communeNameIn('Sở Y tế')).toBeNull();
    expect(communeNameIn('Trạm Y tế xã Hữu Lũng')).toBeNull();
    expect(communeNameIn('UBND xã')).toBeNull();
    expect(communeNameIn('')).toBeNull();
  });
});

describe('isNationalIssuer', () => {
  it('recognises the national bodies and ministries', () => {
    for (const issuer of [
      'Chính phủ',
      'CHÍNH PHỦ',
      'Thủ tướng Chính phủ',
      'Quốc hội',
      'Bộ Nội vụ',
      'Bộ Y tế',
    ])
      expect(isNationalIssuer(issuer), issuer).toBe(true);
  });

  it('leaves provincial and commune issuers, and a provincial military command, to the province', () => {
    for (const issuer of [
      'UBND tỉnh Lạng Sơn',
      'Sở Nội vụ',
      'UBND xã Hữu Lũng',
      'Bộ Chỉ huy Quân sự tỉnh Lạng Sơn',
      'Văn phòng UBND tỉnh',
      'Chính phủ điện tử tỉnh',
    ])
      expect(isNationalIssuer(issuer), issuer).toBe(false);
  });
});
