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
  it('parses a full date, a month and a year', () => {
    expect(parsePartialDate('2026-04-26')).toEqual({ year: 2026, month: 4, day: 26 });
    expect(parsePartialDate('2026-04')).toEqual({ year: 2026, month: 4, day: null });
    expect(parsePartialDate('2026')).toEqual({ year: 2026, month: null, day: null });
    expect(parsePartialDate('2021-03-03')).toEqual({ year: 2021, month: 3, day: 3 });
    expect(parsePartialDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
    expect(parsePartialDate('2026-01-01')).toEqual({ year: 2026, month: 1, day: 1 });
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('2000-02-29')).not.toBeNull();
    expect(parsePartialDate('2026-02-29')).toBeNull();
    expect(parsePartialDate('2100-02-29')).toBeNull();
    expect(parsePartialDate('2026-02-28')).not.toBeNull();
  });

  it('rejects days that do not exist in the month', () => {
    expect(parsePartialDate('2026-02-30')).toBeNull();
    expect(parsePartialDate('2026-04-31')).toBeNull();
    expect(parsePartialDate('2026-01-32')).toBeNull();
    expect(parsePartialDate('2026-01-00')).toBeNull();
    expect(parsePartialDate('2026-03-31')).not.toBeNull();
  });

  it('rejects months outside 1–12', () => {
    expect(parsePartialDate('2026-13')).toBeNull();
    expect(parsePartialDate('2026-00')).toBeNull();
    expect(parsePartialDate('2026-13-01')).toBeNull();
  });

  it('rejects anything that is not zero-padded ISO', () => {
    expect(parsePartialDate('26-04')).toBeNull();
    expect(parsePartialDate('2026-4')).toBeNull();
    expect(parsePartialDate('2026-04-5')).toBeNull();
    expect(parsePartialDate('26/4/2026')).toBeNull();
    expect(parsePartialDate('2026/04/26')).toBeNull();
    expect(parsePartialDate('20260426')).toBeNull();
    expect(parsePartialDate(' 2026')).toBeNull();
    expect(parsePartialDate('2026-04-26T00:00:00Z')).toBeNull();
    expect(parsePartialDate('')).toBeNull();
    expect(parsePartialDate('năm 2026')).toBeNull();
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
