import { describe, expect, it } from 'vitest';
import { upperCase, upperFirst } from './vietnamese.js';

describe('capitals, Vietnamese rules', () => {
  it('upperCase keeps the tone marks and đ', () => {
    expect(upperCase('Ủy ban nhân dân tỉnh Lạng Sơn')).toBe('ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN');
    expect(upperCase('UBND tỉnh Đắk Lắk, đường ưu tiên')).toBe('UBND TỈNH ĐẮK LẮK, ĐƯỜNG ƯU TIÊN');
  });

  it('upperFirst capitalises the first letter only', () => {
    expect(upperFirst('đạt 90% vào năm 2027')).toBe('Đạt 90% vào năm 2027');
  });
});
