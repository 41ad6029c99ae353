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

  it('finds no province for a former name without the table of the 2025 merger', () => {
    // Bình Phước is not a province any more; without the merger table the matcher goes by name and must not guess.
    expect(findProvinceIn(['Sở Xây dựng', 'UBND tỉnh Bình Phước'], provinces, [])).toBeNull();
    expect(findProvinceIn(['UBND tỉnh Hà Nam'], provinces, [])).toBeNull();
  });

  it('finds the current province of a former one, keeping the former name as written', () => {
    const found = findProvinceIn(['Sở Xây dựng', 'UBND tỉnh Bình Phước', 'Bình Phước'], provinces);
    expect(found?.code).toBe('75');
    expect(found?.name).toBe('Đồng Nai');
    expect(found?.former).toEqual({ name: 'Bình Phước', written: 'Bình Phước' });
    expect(findProvinceIn(['ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC'], provinces)?.former).toEqual({
      name: 'Bình Phước',
      written: 'BÌNH PHƯỚC',
    });
    expect(nameOf(findProvinceIn(['UBND tỉnh Hà Nam'], provinces))).toBe('Ninh Bình');
    expect(nameOf(findProvinceIn(['Sở Y tế tỉnh Bà Rịa – Vũng Tàu'], provinces))).toBe('Hồ Chí Minh');
    expect(findProvinceIn(['Sở Y tế tỉnh Bà Rịa – Vũng Tàu'], provinces)?.former?.written).toBe(
      'Bà Rịa – Vũng Tàu',
    );
  });

  it('finds a former name in either tone-mark placement, NFD input and any case', () => {
    for (const written of ['Hòa Bình', 'Hoà Bình', 'HOÀ BÌNH', 'Hòa Bình'.normalize('NFD')]) {
      const found = findProvinceIn([`UBND tỉnh ${written}`], provinces);
      expect(found?.name, written).toBe('Phú Thọ');
      expect(found?.former?.name, written).toBe('Hòa Bình');
      expect(found?.former?.written, written).toBe(written.normalize('NFC'));
    }
  });

  it('says nothing of a former province when the document names a current one', () => {
    expect(findProvinceIn(['UBND tỉnh Lạng Sơn'], provinces)?.former).toBeNull();
    // Khánh Hòa and Thanh Hóa kept their names: they are current, whatever the tone-mark placement.
    expect(findProvinceIn(['UBND tỉnh Khánh Hòa'], provinces)?.former).toBeNull();
    expect(findProvinceIn(['UBND tỉnh Thanh Hóa'], provinces)?.former).toBeNull();
    // The place names the current province, the parent body the former one: both say Đồng Nai.
    expect(nameOf(findProvinceIn(['Sở Xây dựng', 'UBND tỉnh Bình Phước', 'Đồng Nai'], provinces))).toBe(
      'Đồng Nai',
    );
  });

  it('lets the longest name win across current and former names', () => {
    // "Huế" occurs inside "Thừa Thiên Huế": the longer, former name wins and still leads to Huế.
    const found = findProvinceIn(['UBND tỉnh Thừa Thiên Huế'], provinces);
    expect(found?.name).toBe('Huế');
    expect(found?.former?.name).toBe('Thừa Thiên Huế');
    // A former name shorter than a current one found elsewhere does not displace it.
    expect(nameOf(findProvinceIn(['Sở Y tế tỉnh Hà Nam', 'UBND tỉnh Lạng Sơn'], provinces))).toBe('Lạng Sơn');
    // At equal length the current name wins.
    expect(
      findProvinceIn(['Lạng Sơn'], provinces, [{ name: 'Lạng Sơn', current: 'Cao Bằng' }])?.former,
    ).toBeNull();
  });

  it('ignores a former province whose current province is not in the list', () => {
    expect(findProvinceIn(['UBND tỉnh Bình Phước'], [{ name: 'Lạng Sơn' }])).toBeNull();
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

describe('isProvincialCommittee / communeNameIn', () => {
  it.each([
    // The provincial People’s Committee in its usual spellings.
    ['UBND tỉnh Lạng Sơn', true, null],
    ['Ủy ban nhân dân tỉnh Lạng Sơn', true, null],
    ['Uỷ ban nhân dân thành phố Hải Phòng', true, null],
    ['ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN', true, null],
    ['UBND tỉnh', true, null],
    // Commune committees, with the folded commune name.
    ['UBND xã Hữu Lũng', false, 'huu lung'],
    ['Ủy ban nhân dân phường Lương Văn Tri', false, 'luong van tri'],
    ['UBND đặc khu Vân Đồn', false, 'van don'],
    ['ỦY BAN NHÂN DÂN XÃ ĐỒNG ĐĂNG', false, 'dong dang'],
    // Departments and other bodies: neither.
    ['Sở Nội vụ tỉnh Lạng Sơn', false, null],
    ['Văn phòng UBND tỉnh Lạng Sơn', false, null],
    ['Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn', false, null],
    ['UBND tinhlang', false, null],
    ['Sở Y tế', false, null],
    ['Trạm Y tế xã Hữu Lũng', false, null],
    ['UBND xã', false, null],
    ['', false, null],
  ])('%j: the provincial committee %s, the commune %j', (issuer, provincial, commune) => {
    expect(isProvincialCommittee(issuer)).toBe(provincial);
    expect(communeNameIn(issuer)).toBe(commune);
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
