import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from './locale-number.js';

describe('parseLocaleNumber, Vietnamese', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1.234', 1234],
    ['12,5', 12.5],
    ['0,5', 0.5],
    ['-3,25', -3.25],
    ['+3,25', 3.25],
    ['1.234.567,89', 1234567.89],
    ['100.000', 100000],
    ['42', 42],
    [' 42 ', 42],
    ['0', 0],
    ['-7', -7],
    ['1 234,5', 1234.5],
    ['\u00a01.234,5\t', 1234.5],
  ] as const)('"%s" is %s', (text, value) => {
    expect(parseLocaleNumber(text, 'vi')).toBe(value);
  });

  it('reads a plain decimal point as spreadsheets export it, but a dot with three digits is thousands', () => {
    expect(parseLocaleNumber('12.5', 'vi')).toBe(12.5);
    expect(parseLocaleNumber('12.55', 'vi')).toBe(12.55);
    expect(parseLocaleNumber('-0.5', 'vi')).toBe(-0.5);
    expect(parseLocaleNumber('12.3456', 'vi')).toBe(12.3456);
    expect(parseLocaleNumber('12.345', 'vi')).toBe(12345);
  });

  it.each([
    '1,2,3',
    'abc',
    '',
    '   ',
    '1.23.4',
    '1.2345,6',
    '12,',
    ',5',
    '1.234,5,6',
    '1,234.5',
    '12a',
    '--1',
    '1e3',
  ])('rejects "%s"', (text) => {
    expect(parseLocaleNumber(text, 'vi')).toBeNull();
  });
});

describe('parseLocaleNumber, English', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['12.5', 12.5],
    ['1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['-3.25', -3.25],
    ['0.5', 0.5],
    [' 42 ', 42],
    ['1 234.5', 1234.5],
  ] as const)('"%s" is %s', (text, value) => {
    expect(parseLocaleNumber(text, 'en')).toBe(value);
  });

  it.each(['1.234,5', '12,5', '1,2,3', '1,23', 'abc', '', '1.2.3'])('rejects "%s"', (text) => {
    expect(parseLocaleNumber(text, 'en')).toBeNull();
  });
});
