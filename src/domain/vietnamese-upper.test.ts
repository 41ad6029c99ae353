import { describe, expect, it } from 'vitest';
import { upperCase, upperFirst } from './vietnamese.js';

describe('capitals, Vietnamese rules', () => {
  it.each([
    ['Ủy ban nhân dân tỉnh Lạng Sơn', 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN'],
    ['đường ưu tiên', 'ĐƯỜNG ƯU TIÊN'],
    ['UBND tỉnh Đắk Lắk', 'UBND TỈNH ĐẮK LẮK'],
  ])('upperCase(%j) = %j', (text, expected) => {
    expect(upperCase(text)).toBe(expected);
  });

  it('upperFirst capitalises the first letter only', () => {
    expect(upperFirst('đạt 90% vào năm 2027')).toBe('Đạt 90% vào năm 2027');
  });
});
