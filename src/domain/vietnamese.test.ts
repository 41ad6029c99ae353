import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  foldVietnamese,
  normalizeName,
  sortVietnamese,
  upperFirst,
} from './vietnamese.js';

const nfd = (s: string) => s.normalize('NFD');
const sorted = (names: readonly string[]) => sortVietnamese(names, (n) => n);

describe('foldVietnamese', () => {
  it.each([
    // Tone marks and vowel diacritics removed, lower-cased.
    ['Lạng Sơn', 'lang son'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['ĂÂÊÔƠƯ ăâêôơư', 'aaeoou aaeoou'],
    ['à á ả ã ạ', 'a a a a a'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    // đ and Đ folded to d.
    ['Đắk Lắk', 'dak lak'],
    ['ĐOÀN đoàn', 'doan doan'],
    ['Đông', 'dong'],
    // Punctuation dropped, spaces collapsed.
    ['Sở Văn hóa, Thể thao và Du lịch', 'so van hoa the thao va du lich'],
    ['Sở Văn hóa, Thể thao', 'so van hoa the thao'],
    ['Sở Lao động – Thương binh và Xã hội', 'so lao dong thuong binh va xa hoi'],
    ['  Hòa   bình!  ', 'hoa binh'],
    ['Vụ CTTN&BĐG; (Bộ Nội vụ).', 'vu cttn bdg bo noi vu'],
    ['\tA\n\nB ', 'a b'],
    // Digits kept.
    ['Phường 10', 'phuong 10'],
    ['158/KH-UBND', '158 kh ubnd'],
    // An empty string for text with no letters or digits.
    ['', ''],
    ['   ', ''],
    [' – , . ', ''],
  ])('folds %j to %j', (text, folded) => {
    expect(foldVietnamese(text)).toBe(folded);
  });

  it('folds NFC and NFD input alike, and tone-mark placement variants alike', () => {
    const nfc = 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lạng Sơn';
    expect(nfd(nfc)).not.toBe(nfc);
    expect(foldVietnamese(nfd(nfc))).toBe(foldVietnamese(nfc));
    expect(foldVietnamese(nfd(nfc))).toBe('uy ban mat tran to quoc viet nam tinh lang son');
    expect(foldVietnamese('Thanh Hóa')).toBe(foldVietnamese('Thanh Hoá'));
    expect(foldVietnamese('Khánh Hòa')).toBe('khanh hoa');
  });
});

describe('compareVietnamese / sortVietnamese', () => {
  it('orders single letters in the Vietnamese alphabet', () => {
    const alphabet = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy'];
    expect(sorted([...alphabet].reverse())).toEqual(alphabet);
  });

  it('puts đ after every d word and ă/â after every plain a word', () => {
    expect(compareVietnamese('Dương', 'Đông')).toBeLessThan(0);
    expect(compareVietnamese('Đông', 'Dương')).toBeGreaterThan(0);
    expect(sorted(['Đông', 'Dương', 'Dung', 'Đà'])).toEqual(['Dung', 'Dương', 'Đà', 'Đông']);
    expect(sorted(['Ân', 'Ăn', 'An', 'Anh'])).toEqual(['An', 'Anh', 'Ăn', 'Ân']);
  });

  it('puts o ô ơ and u ư as separate letters', () => {
    expect(sorted(['Ơn', 'Ông', 'Ong', 'Ô'])).toEqual(['Ong', 'Ô', 'Ông', 'Ơn']);
    expect(sorted(['Ưng', 'Uyên', 'Ủy'])).toEqual(['Ủy', 'Uyên', 'Ưng']);
  });

  it('sorts "Ủy …" after "Tỉnh …" (the tone mark does not move Ủ before T)', () => {
    expect(compareVietnamese('Tỉnh đoàn', 'Ủy ban MTTQ Việt Nam tỉnh')).toBeLessThan(0);
    expect(sorted(['Ủy ban MTTQ Việt Nam tỉnh', 'Tỉnh đoàn', 'Sở Y tế'])).toEqual([
      'Sở Y tế',
      'Tỉnh đoàn',
      'Ủy ban MTTQ Việt Nam tỉnh',
    ]);
  });

  it('treats tone marks as secondary: letters decide first, tones break ties', () => {
    expect(compareVietnamese('Ban', 'Bảo')).toBeLessThan(0);
    // Primary order "ba" < "ban" < "bao" wins over the tones.
    expect(sorted(['Bảo', 'Ban', 'Bà'])).toEqual(['Bà', 'Ban', 'Bảo']);
    expect(sorted(['Bạn', 'Bàn', 'Bao'])).toEqual(['Bàn', 'Bạn', 'Bao']);
    // Same letters: unmarked first, then the tones in dictionary order (huyền, hỏi, ngã, sắc, nặng).
    expect(sorted(['bạ', 'bá', 'bã', 'bả', 'bà', 'ba'])).toEqual(['ba', 'bà', 'bả', 'bã', 'bá', 'bạ']);
    expect(compareVietnamese('ba', 'bà')).toBeLessThan(0);
    expect(compareVietnamese('bà', 'ba')).toBeGreaterThan(0);
  });

  it('orders numbers inside names numerically', () => {
    expect(compareVietnamese('Phường 2', 'Phường 10')).toBeLessThan(0);
    expect(sorted(['Phường 10', 'Phường 2', 'Phường 1', 'Phường 9'])).toEqual([
      'Phường 1',
      'Phường 2',
      'Phường 9',
      'Phường 10',
    ]);
  });

  it('compares NFC and NFD spellings of the same name as equal', () => {
    expect(compareVietnamese('Lạng Sơn', nfd('Lạng Sơn'))).toBe(0);
  });

  it('sorts a copy by the key and leaves the input untouched', () => {
    const units = [{ name: 'Xã Đồng Đăng' }, { name: 'Phường Lương Văn Tri' }, { name: 'Xã Chi Lăng' }];
    const before = units.map((u) => u.name);
    const result = sortVietnamese(units, (u) => u.name);
    expect(result.map((u) => u.name)).toEqual(['Phường Lương Văn Tri', 'Xã Chi Lăng', 'Xã Đồng Đăng']);
    expect(result).not.toBe(units);
    expect(units.map((u) => u.name)).toEqual(before);
    expect(result[0]).toBe(units[1]);
  });
});

describe('normalizeName', () => {
  it('converts to NFC', () => {
    const name = normalizeName(nfd('Sở Giáo dục và Đào tạo'));
    expect(name).toBe('Sở Giáo dục và Đào tạo'.normalize('NFC'));
    expect(name.length).toBe('Sở Giáo dục và Đào tạo'.normalize('NFC').length);
  });

  it('collapses inner whitespace and trims, but keeps case, marks and punctuation', () => {
    expect(normalizeName('  Sở Văn hóa,\tThể thao\n và   Du lịch  ')).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(normalizeName('UBND tỉnh Lạng Sơn')).toBe('UBND tỉnh Lạng Sơn');
    expect(normalizeName('')).toBe('');
  });
});

describe('upperFirst', () => {
  it.each([
    ['nữ thạc sĩ', 'Nữ thạc sĩ'],
    ['đại biểu Hội đồng nhân dân', 'Đại biểu Hội đồng nhân dân'],
    ['ủy ban', 'Ủy ban'],
  ])('capitalises the first letter only, diacritics included: %j → %j', (text, capitalised) => {
    expect(upperFirst(text)).toBe(capitalised);
  });

  it.each(['Phụ lục', '3.2 tỷ lệ', ''])(
    'leaves text that starts with a capital, a digit or nothing as it is: %j',
    (text) => {
      expect(upperFirst(text)).toBe(text);
    },
  );
});
