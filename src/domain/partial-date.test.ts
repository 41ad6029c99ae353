import { describe, expect, it } from 'vitest';
import {
  formatPartialDate,
  formatPartialDateVi,
  fromStoredDate,
  parsePartialDate,
  precisionOf,
  toStoredDate,
  type PartialDate,
} from './partial-date.js';

describe('parsePartialDate', () => {
  it.each([
    // A full date, a month and a year.
    ['2026-04-26', { year: 2026, month: 4, day: 26 }],
    ['2026-04', { year: 2026, month: 4, day: null }],
    ['2026', { year: 2026, month: null, day: null }],
    ['2021-03-03', { year: 2021, month: 3, day: 3 }],
    ['2026-12-31', { year: 2026, month: 12, day: 31 }],
    ['2026-01-01', { year: 2026, month: 1, day: 1 }],
    // 29 February in a leap year, and the last days of months.
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['2026-02-28', { year: 2026, month: 2, day: 28 }],
    ['2026-03-31', { year: 2026, month: 3, day: 31 }],
  ])('parses %j', (text, date) => {
    expect(parsePartialDate(text)).toEqual(date);
  });

  const NO_LEAP_YEAR = '29 February outside a leap year';
  const NO_SUCH_DAY = 'a day that does not exist in the month';
  const NO_SUCH_MONTH = 'a month outside 1–12';
  const NOT_ISO = 'anything that is not zero-padded ISO';
  it.each([
    [NO_LEAP_YEAR, '2026-02-29'],
    [NO_LEAP_YEAR, '2100-02-29'],
    [NO_SUCH_DAY, '2026-02-30'],
    [NO_SUCH_DAY, '2026-04-31'],
    [NO_SUCH_DAY, '2026-01-32'],
    [NO_SUCH_DAY, '2026-01-00'],
    [NO_SUCH_MONTH, '2026-13'],
    [NO_SUCH_MONTH, '2026-00'],
    [NO_SUCH_MONTH, '2026-13-01'],
    [NOT_ISO, '26-04'],
    [NOT_ISO, '2026-4'],
    [NOT_ISO, '2026-04-5'],
    [NOT_ISO, '26/4/2026'],
    [NOT_ISO, '2026/04/26'],
    [NOT_ISO, '20260426'],
    [NOT_ISO, ' 2026'],
    [NOT_ISO, '2026-04-26T00:00:00Z'],
    [NOT_ISO, ''],
    [NOT_ISO, 'năm 2026'],
  ])('rejects %s: %j', (_rule, text) => {
    expect(parsePartialDate(text)).toBeNull();
  });
});

describe('precisionOf', () => {
  it('is day, month or year by what is given', () => {
    expect(precisionOf({ year: 2026, month: 4, day: 26 })).toBe('day');
    expect(precisionOf({ year: 2026, month: 4, day: null })).toBe('month');
    expect(precisionOf({ year: 2026, month: null, day: null })).toBe('year');
  });
});

describe('formatPartialDate', () => {
  it('writes ISO text as precise as the date, zero-padded', () => {
    expect(formatPartialDate({ year: 2026, month: 4, day: 6 })).toBe('2026-04-06');
    expect(formatPartialDate({ year: 2026, month: 4, day: null })).toBe('2026-04');
    expect(formatPartialDate({ year: 2026, month: null, day: null })).toBe('2026');
    expect(formatPartialDate({ year: 2026, month: 12, day: 31 })).toBe('2026-12-31');
  });

  it('is the inverse of parsePartialDate', () => {
    for (const text of ['2026-04-26', '2024-02-29', '2026-04', '2026-11', '2026']) {
      const parsed = parsePartialDate(text);
      expect(parsed).not.toBeNull();
      expect(formatPartialDate(parsed as PartialDate)).toBe(text);
    }
  });
});

describe('toStoredDate / fromStoredDate', () => {
  it('stores the first day the date covers with its precision', () => {
    expect(toStoredDate({ year: 2026, month: 4, day: 26 })).toEqual({
      firstDay: '2026-04-26',
      precision: 'day',
    });
    expect(toStoredDate({ year: 2026, month: 4, day: null })).toEqual({
      firstDay: '2026-04-01',
      precision: 'month',
    });
    expect(toStoredDate({ year: 2026, month: null, day: null })).toEqual({
      firstDay: '2026-01-01',
      precision: 'year',
    });
    expect(toStoredDate({ year: 2026, month: 3, day: 3 }).firstDay).toBe('2026-03-03');
  });

  it('reads back the stored form', () => {
    expect(fromStoredDate('2026-04-26', 'day')).toEqual({ year: 2026, month: 4, day: 26 });
    expect(fromStoredDate('2026-04-01', 'month')).toEqual({ year: 2026, month: 4, day: null });
    expect(fromStoredDate('2026-01-01', 'year')).toEqual({ year: 2026, month: null, day: null });
  });

  it.each([
    ['day', { year: 2026, month: 4, day: 26 }],
    ['day', { year: 2024, month: 2, day: 29 }],
    ['day', { year: 2026, month: 1, day: 1 }],
    ['month', { year: 2026, month: 4, day: null }],
    ['month', { year: 2026, month: 12, day: null }],
    ['year', { year: 2026, month: null, day: null }],
  ] as const)('round-trips a %s-precision date %o', (precision, date) => {
    const stored = toStoredDate(date);
    expect(stored.precision).toBe(precision);
    expect(fromStoredDate(stored.firstDay, stored.precision)).toEqual(date);
  });

  it('round-trips through the ISO text too', () => {
    for (const text of ['2026-04-26', '2026-04', '2026']) {
      const stored = toStoredDate(parsePartialDate(text) as PartialDate);
      expect(formatPartialDate(fromStoredDate(stored.firstDay, stored.precision))).toBe(text);
    }
  });
});

describe('formatPartialDateVi', () => {
  it('reads as a Vietnamese document writes dates (no zero padding)', () => {
    expect(formatPartialDateVi({ year: 2026, month: 4, day: 26 })).toBe('ngày 26/4/2026');
    expect(formatPartialDateVi({ year: 2024, month: 5, day: 6 })).toBe('ngày 6/5/2024');
    expect(formatPartialDateVi({ year: 2026, month: 4, day: null })).toBe('tháng 4/2026');
    expect(formatPartialDateVi({ year: 2026, month: 12, day: null })).toBe('tháng 12/2026');
    expect(formatPartialDateVi({ year: 2026, month: null, day: null })).toBe('năm 2026');
  });
});
