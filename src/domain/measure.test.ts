import { describe, expect, it } from 'vitest';
import {
  COMPARATORS,
  MEASURE_UNITS,
  formatMeasure,
  formatNumber,
  formatQuantity,
  type Comparator,
  type Measure,
  type MeasureUnit,
} from './measure.js';

/** A measure with the defaults of a seed-004 target: ≥ 75% by 2030, no baseline, not per period. */
function measure(overrides: Partial<Measure> = {}): Measure {
  return { value: 75, unit: '%', comparator: '>=', year: 2030, baseline: null, per: null, ...overrides };
}

describe('formatNumber', () => {
  it('writes Vietnamese numbers with a decimal comma and dot thousands', () => {
    expect(formatNumber(1.4, 'vi')).toBe('1,4');
    expect(formatNumber(100000, 'vi')).toBe('100.000');
    expect(formatNumber(1000, 'vi')).toBe('1.000');
    expect(formatNumber(1234567.5, 'vi')).toBe('1.234.567,5');
    expect(formatNumber(75, 'vi')).toBe('75');
    expect(formatNumber(0, 'vi')).toBe('0');
  });

  it('writes English numbers with a decimal point and comma thousands', () => {
    expect(formatNumber(1.4, 'en')).toBe('1.4');
    expect(formatNumber(100000, 'en')).toBe('100,000');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(75, 'en')).toBe('75');
  });

  it('keeps at most three decimals and no trailing zeros', () => {
    expect(formatNumber(1 / 3, 'vi')).toBe('0,333');
    expect(formatNumber(2.5, 'en')).toBe('2.5');
    expect(formatNumber(2.0, 'vi')).toBe('2');
  });
});

describe('formatQuantity', () => {
  /** A quantity of each unit and how it reads in Vietnamese and in English. */
  const readings: Record<MeasureUnit, [value: number, vi: string, en: string]> = {
    '%': [75, '75%', '75%'],
    times: [1.4, '1,4 lần', '1.4×'],
    per100: [109, '109/100', '109/100'],
    per1000: [18, '18/1.000', '18/1,000'],
    per100000: [42, '42/100.000', '42/100,000'],
    count: [4, '4', '4'],
    milestone: [1, 'hoàn thành', 'done'],
  };

  it.each(MEASURE_UNITS.map((u) => [u] as const))('formats unit %s in both locales', (unit) => {
    const [value, vi, en] = readings[unit];
    expect(formatQuantity(value, unit, 'vi')).toBe(vi);
    expect(formatQuantity(value, unit, 'en')).toBe(en);
  });

  it('formats decimals inside a rate by locale', () => {
    expect(formatQuantity(42.5, 'per100000', 'vi')).toBe('42,5/100.000');
    expect(formatQuantity(42.5, 'per100000', 'en')).toBe('42.5/100,000');
    expect(formatQuantity(99.5, '%', 'vi')).toBe('99,5%');
  });
});

describe('formatMeasure', () => {
  it.each<[overrides: Partial<Measure>, vi: string, en: string]>([
    [{}, '≥ 75% vào năm 2030', '≥ 75% by 2030'],
    [{ comparator: '>', value: 60 }, '> 60% vào năm 2030', '> 60% by 2030'],
    [{ comparator: '<=', value: 1.4, unit: 'times' }, '≤ 1,4 lần vào năm 2030', '≤ 1.4× by 2030'],
    [{ comparator: '<=', value: 109, unit: 'per100' }, '≤ 109/100 vào năm 2030', '≤ 109/100 by 2030'],
    [{ comparator: '<=', value: 42, unit: 'per100000' }, '≤ 42/100.000 vào năm 2030', '≤ 42/100,000 by 2030'],
    [
      { comparator: '<', value: 18, unit: 'per1000', baseline: { value: 18, year: null } },
      '< 18/1.000 vào năm 2030 (từ 18/1.000)',
      '< 18/1,000 by 2030 (from 18/1,000)',
    ],
    [{ value: 4, unit: 'count', per: 'quarter' }, '≥ 4 mỗi quý vào năm 2030', '≥ 4 per quarter by 2030'],
    [
      { value: 1, unit: 'milestone', comparator: '=' },
      'Mốc: hoàn thành vào năm 2030',
      'Milestone: done by 2030',
    ],
  ])('reads the seed-004 target %o as %j in Vietnamese and %j in English', (overrides, vi, en) => {
    expect(formatMeasure(measure(overrides), 'vi')).toBe(vi);
    expect(formatMeasure(measure(overrides), 'en')).toBe(en);
  });

  const SYMBOLS: [Comparator, string][] = [
    ['>=', '≥'],
    ['>', '>'],
    ['<=', '≤'],
    ['<', '<'],
    ['=', '='],
    ['~', '≈'],
  ];
  it('knows the symbol of every comparator', () => {
    expect(SYMBOLS.map(([comparator]) => comparator)).toEqual([...COMPARATORS]);
  });
  it.each(SYMBOLS)('writes comparator %s as %s', (comparator, symbol) => {
    expect(formatMeasure(measure({ comparator, value: 100 }), 'vi')).toBe(`${symbol} 100% vào năm 2030`);
    expect(formatMeasure(measure({ comparator, value: 100 }), 'en')).toBe(`${symbol} 100% by 2030`);
  });

  it('writes every period', () => {
    const per = (p: Measure['per'], locale: 'vi' | 'en') =>
      formatMeasure(measure({ value: 3, unit: 'count', per: p, year: null }), locale);
    expect(per('quarter', 'vi')).toBe('≥ 3 mỗi quý');
    expect(per('month', 'vi')).toBe('≥ 3 mỗi tháng');
    expect(per('year', 'vi')).toBe('≥ 3 mỗi năm');
    expect(per('quarter', 'en')).toBe('≥ 3 per quarter');
    expect(per('month', 'en')).toBe('≥ 3 per month');
    expect(per('year', 'en')).toBe('≥ 3 per year');
    expect(per(null, 'vi')).toBe('≥ 3');
  });

  it('adds the baseline year when known', () => {
    const m = measure({ comparator: '<', value: 18, unit: 'per1000', baseline: { value: 22.5, year: 2024 } });
    expect(formatMeasure(m, 'vi')).toBe('< 18/1.000 vào năm 2030 (từ 22,5/1.000 năm 2024)');
    expect(formatMeasure(m, 'en')).toBe('< 18/1,000 by 2030 (from 22.5/1,000 in 2024)');
    const pct = measure({ value: 50, baseline: { value: 30, year: 2025 } });
    expect(formatMeasure(pct, 'vi')).toBe('≥ 50% vào năm 2030 (từ 30% năm 2025)');
  });

  it('leaves out the year when the measure has none', () => {
    expect(formatMeasure(measure({ year: null }), 'vi')).toBe('≥ 75%');
    expect(formatMeasure(measure({ year: null }), 'en')).toBe('≥ 75%');
    expect(formatMeasure(measure({ value: 1, unit: 'milestone', comparator: '=', year: null }), 'vi')).toBe(
      'Mốc: hoàn thành',
    );
    expect(
      formatMeasure(
        measure({ year: null, comparator: '<', value: 18, baseline: { value: 20, year: null } }),
        'vi',
      ),
    ).toBe('< 18% (từ 20%)');
  });
});
