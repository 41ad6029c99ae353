import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodBounds,
  periodLabel,
  periodTime,
  periodWithinYears,
  type Period,
} from './period.js';

const p = (text: string): Period => {
  const parsed = parsePeriod(text);
  if (!parsed) throw new Error(`test period ${text} does not parse`);
  return parsed;
};

describe('parsePeriod and formatPeriod', () => {
  it.each([
    ['2024', { type: 'year', year: 2024, index: 1 }],
    ['2024-H1', { type: 'half', year: 2024, index: 1 }],
    ['2024-H2', { type: 'half', year: 2024, index: 2 }],
    ['2024-Q1', { type: 'quarter', year: 2024, index: 1 }],
    ['2024-Q4', { type: 'quarter', year: 2024, index: 4 }],
    ['2024-01', { type: 'month', year: 2024, index: 1 }],
    ['2024-07', { type: 'month', year: 2024, index: 7 }],
    ['2024-12', { type: 'month', year: 2024, index: 12 }],
  ] as const)('"%s" parses and formats back to itself', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
    expect(formatPeriod(period)).toBe(text);
  });

  it('round-trips every half, quarter and month of a year', () => {
    const texts = [
      '2026',
      '2026-H1',
      '2026-H2',
      ...[1, 2, 3, 4].map((q) => `2026-Q${q}`),
      ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    ];
    for (const text of texts) expect(formatPeriod(p(text))).toBe(text);
  });

  it('pads a month to two digits when formatting', () => {
    expect(formatPeriod({ type: 'month', year: 2024, index: 3 })).toBe('2024-03');
  });

  it('tolerates surrounding spaces', () => {
    expect(parsePeriod('  2024-Q3 ')).toEqual({ type: 'quarter', year: 2024, index: 3 });
  });

  it.each([
    '2024-Q5',
    '2024-Q0',
    '2024-H3',
    '2024-H0',
    '2024-13',
    '2024-00',
    '2024-7',
    '24',
    '202',
    '20245',
    '',
  ])('rejects "%s"', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  it.each(['2024-q3', '2024-h1', '2024Q3', '2024-Q3-01', '2024/07', 'năm 2024', '2024-07-01'])(
    'rejects other spellings such as "%s"',
    (text) => {
      expect(parsePeriod(text)).toBeNull();
    },
  );
});

describe('periodTime', () => {
  it('puts a whole year Y exactly at Y', () => {
    expect(periodTime(p('2024'))).toBe(2024);
    expect(periodTime(p('2030'))).toBe(2030);
  });

  it('puts halves, quarters and months at their midpoints, in order inside the year', () => {
    expect(periodTime(p('2024-H1'))).toBeCloseTo(2023.75, 12);
    expect(periodTime(p('2024-H2'))).toBeCloseTo(2024.25, 12);
    expect(periodTime(p('2024-Q1'))).toBeCloseTo(2023.625, 12);
    expect(periodTime(p('2024-Q4'))).toBeCloseTo(2024.375, 12);
    expect(periodTime(p('2024-01'))).toBeCloseTo(2023.5 + 1 / 24, 12);
    expect(periodTime(p('2024-12'))).toBeCloseTo(2024.5 - 1 / 24, 12);
  });

  it('orders the parts of a year strictly and keeps them inside the year (Y − 0.5, Y + 0.5)', () => {
    for (const parts of [
      ['2024-H1', '2024-H2'],
      ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'],
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    ]) {
      const times = parts.map((t) => periodTime(p(t)));
      for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
      expect(times[0]!).toBeGreaterThan(2023.5);
      expect(times.at(-1)!).toBeLessThan(2024.5);
    }
  });

  it('makes a half or a quarter the average of its months', () => {
    const mean = (texts: string[]) => texts.reduce((s, t) => s + periodTime(p(t)), 0) / texts.length;
    expect(periodTime(p('2024-Q3'))).toBeCloseTo(mean(['2024-07', '2024-08', '2024-09']), 12);
    expect(periodTime(p('2024-H1'))).toBeCloseTo(mean(['2024-Q1', '2024-Q2']), 12);
  });

  it('puts December of one year before January of the next', () => {
    expect(periodTime(p('2024-12'))).toBeLessThan(periodTime(p('2025-01')));
    expect(periodTime(p('2024-Q4'))).toBeLessThan(periodTime(p('2025-Q1')));
  });
});

describe('periodBounds', () => {
  it('gives February 29 in a leap year and 28 otherwise', () => {
    expect(periodBounds(p('2024-02'))).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodBounds(p('2025-02'))).toEqual({ start: '2025-02-01', end: '2025-02-28' });
    expect(periodBounds(p('2000-02')).end).toBe('2000-02-29');
    expect(periodBounds(p('2100-02')).end).toBe('2100-02-28');
  });

  it('gives months of 30 and 31 days', () => {
    expect(periodBounds(p('2024-04'))).toEqual({ start: '2024-04-01', end: '2024-04-30' });
    expect(periodBounds(p('2024-07'))).toEqual({ start: '2024-07-01', end: '2024-07-31' });
    expect(periodBounds(p('2024-12'))).toEqual({ start: '2024-12-01', end: '2024-12-31' });
  });

  it('gives quarters', () => {
    expect(periodBounds(p('2024-Q1'))).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodBounds(p('2024-Q2'))).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(periodBounds(p('2024-Q3'))).toEqual({ start: '2024-07-01', end: '2024-09-30' });
    expect(periodBounds(p('2024-Q4'))).toEqual({ start: '2024-10-01', end: '2024-12-31' });
  });

  it('gives halves and the whole year', () => {
    expect(periodBounds(p('2024-H1'))).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(periodBounds(p('2024-H2'))).toEqual({ start: '2024-07-01', end: '2024-12-31' });
    expect(periodBounds(p('2024'))).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });
});

describe('periodLabel', () => {
  /** How each type of period reads, in Vietnamese and in English. */
  const LABELS: Record<string, [vi: string, en: string]> = {
    '2024': ['năm 2024', '2024'],
    '2024-H1': ['6 tháng đầu năm 2024', 'first half of 2024'],
    '2024-H2': ['6 tháng cuối năm 2024', 'second half of 2024'],
    '2024-Q1': ['quý I/2024', 'Q1 2024'],
    '2024-Q2': ['quý II/2024', 'Q2 2024'],
    '2024-Q3': ['quý III/2024', 'Q3 2024'],
    '2024-Q4': ['quý IV/2024', 'Q4 2024'],
    '2024-01': ['tháng 1/2024', 'January 2024'],
    '2024-07': ['tháng 7/2024', 'July 2024'],
    '2024-12': ['tháng 12/2024', 'December 2024'],
  };

  it.each(Object.entries(LABELS))('reads %s as %j', (period, [vi, en]) => {
    expect(periodLabel(p(period), 'vi')).toBe(vi);
    expect(periodLabel(p(period), 'en')).toBe(en);
  });
});

describe('periodWithinYears', () => {
  it.each([
    // Both ends of the range are included, for every type of period.
    ['2026', 2026, 2030, true],
    ['2030-12', 2026, 2030, true],
    ['2026-Q1', 2026, 2030, true],
    ['2028-H2', 2026, 2030, true],
    // Years outside the range are excluded.
    ['2025-12', 2026, 2030, false],
    ['2031', 2026, 2030, false],
    ['2031-Q1', 2026, 2030, false],
    // A single-year range.
    ['2024-H1', 2024, 2024, true],
    ['2023', 2024, 2024, false],
  ])('%s within %d–%d: %s', (period, from, to, within) => {
    expect(periodWithinYears(p(period), from, to)).toBe(within);
  });
});

describe('comparePeriods', () => {
  it('sorts a mixed list by time, the coarser first on a shared midpoint', () => {
    const mixed = [
      '2025',
      '2024-07',
      '2024',
      '2024-Q3',
      '2024-08',
      '2023-12',
      '2024-H1',
      '2024-Q2',
      '2024-05',
      '2024-H2',
    ];
    const sorted = mixed
      .map(p)
      .sort(comparePeriods)
      .map((x) => formatPeriod(x));
    expect(sorted).toEqual([
      '2023-12', // 2023.458
      '2024-H1', // 2023.75
      '2024-Q2', // 2023.875, coarser than May at the same midpoint
      '2024-05', // 2023.875
      '2024', // 2024
      '2024-07', // 2024.042
      '2024-Q3', // 2024.125, coarser than August at the same midpoint
      '2024-08', // 2024.125
      '2024-H2', // 2024.25
      '2025',
    ]);
  });

  it('is zero for equal periods and antisymmetric otherwise', () => {
    expect(comparePeriods(p('2024-Q3'), p('2024-Q3'))).toBe(0);
    expect(comparePeriods(p('2024-Q3'), p('2024-08'))).toBeLessThan(0);
    expect(comparePeriods(p('2024-08'), p('2024-Q3'))).toBeGreaterThan(0);
    expect(comparePeriods(p('2023'), p('2024-01'))).toBeLessThan(0);
    expect(comparePeriods(p('2024-01'), p('2023'))).toBeGreaterThan(0);
  });
});
