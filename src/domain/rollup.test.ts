import { describe, expect, it } from 'vitest';
import { rollUp, seriesForScope, type Figure, type SeriesPoint, type UnitFigure } from './rollup.js';

const part = (numerator: number, denominator: number, multiplier = 100): Figure => ({
  value: (numerator / denominator) * multiplier,
  numerator,
  denominator,
});
const plain = (value: number): Figure => ({ value, numerator: null, denominator: null });

describe('rollUp: ratio', () => {
  it('pools numerators and denominators instead of averaging the percentages', () => {
    // Commune A: 1 of 2 (50 %); commune B: 30 of 100 (30 %). Pooled: 31 / 102 = 30.39 %, not the mean 40 %.
    const r = rollUp('ratio', 100, [part(1, 2), part(30, 100)]);
    expect(r).not.toBeNull();
    expect(r!.numerator).toBe(31);
    expect(r!.denominator).toBe(102);
    expect(r!.value).toBeCloseTo((31 / 102) * 100, 12);
    expect(r!.value).toBeCloseTo(30.39, 2);
    expect(r!.value).not.toBeCloseTo(40, 0);
  });

  it('applies the multiplier (per 1,000, per 100,000, per 100)', () => {
    expect(rollUp('ratio', 1000, [part(9, 500, 1000), part(9, 500, 1000)])!.value).toBeCloseTo(18, 12);
    expect(rollUp('ratio', 100000, [part(1, 2000, 100000), part(0, 500, 100000)])!.value).toBeCloseTo(40, 12);
    // Sex ratio at birth: boys per 100 girls, more boys than girls.
    expect(rollUp('ratio', 100, [part(560, 500), part(550, 500)])!.value).toBeCloseTo(111, 12);
  });

  it('ignores the children values and uses only their parts', () => {
    const children: Figure[] = [
      { value: 99, numerator: 1, denominator: 4 },
      { value: 99, numerator: 3, denominator: 4 },
    ];
    expect(rollUp('ratio', 100, children)!.value).toBe(50);
  });

  it('a single child gives its own ratio', () => {
    expect(rollUp('ratio', 100, [part(3, 10)])).toEqual({ value: 30, numerator: 3, denominator: 10 });
  });

  it('is null when a child has no parts (its percentage cannot be pooled)', () => {
    expect(rollUp('ratio', 100, [part(1, 2), plain(30)])).toBeNull();
    expect(rollUp('ratio', 100, [part(1, 2), { value: 30, numerator: 3, denominator: null }])).toBeNull();
    expect(rollUp('ratio', 100, [part(1, 2), { value: 30, numerator: null, denominator: 10 }])).toBeNull();
  });

  it('is null without a multiplier or with a zero total denominator', () => {
    expect(rollUp('ratio', null, [part(1, 2)])).toBeNull();
    expect(rollUp('ratio', 100, [{ value: 0, numerator: 0, denominator: 0 }])).toBeNull();
  });
});

describe('rollUp: other rules', () => {
  const children = [plain(4), plain(7), plain(2)];

  it('sum adds the values', () => {
    expect(rollUp('sum', null, children)).toEqual({ value: 13, numerator: null, denominator: null });
  });

  it('min and max take the lowest and highest unit', () => {
    expect(rollUp('min', null, children)).toEqual({ value: 2, numerator: null, denominator: null });
    expect(rollUp('max', null, children)).toEqual({ value: 7, numerator: null, denominator: null });
  });

  it('min, max and sum work on values even when the children carry parts', () => {
    expect(rollUp('sum', 100, [part(1, 2), part(30, 100)])!.value).toBe(80);
    expect(rollUp('min', 100, [part(1, 2), part(30, 100)])!.value).toBe(30);
  });

  it('none never rolls up', () => {
    expect(rollUp('none', null, children)).toBeNull();
    expect(rollUp('none', 100, [part(1, 2)])).toBeNull();
  });

  it('no children gives null for every rule', () => {
    for (const rule of ['ratio', 'sum', 'min', 'max', 'none'] as const)
      expect(rollUp(rule, 100, [])).toBeNull();
  });
});

describe('seriesForScope', () => {
  const fig = (period: string, sex: string, isScope: boolean, f: Figure): UnitFigure => ({
    period,
    sex,
    isScope,
    ...f,
  });
  const find = (series: SeriesPoint[], period: string, sex: string) =>
    series.find((s) => s.period === period && s.sex === sex);

  /** Two children's ratios of 2024 (1/2 and 30/100), around the unit's own figures. */
  const withChildren = (own: UnitFigure[]) => [
    fig('2024', 'total', false, part(1, 2)),
    ...own,
    fig('2024', 'total', false, part(30, 100)),
  ];

  it.each([
    [
      'an entered figure for the unit itself takes precedence over its children',
      [fig('2024', 'total', true, part(45, 100))],
      { origin: 'entered', value: 45, numerator: 45, denominator: 100, contributors: 0 },
    ],
    [
      'without one, rolls the children up and counts the contributors',
      [],
      {
        origin: 'computed',
        contributors: 2,
        numerator: 31,
        denominator: 102,
        value: expect.closeTo(30.39, 2) as number,
      },
    ],
  ])('%s', (_rule, own, point) => {
    expect(seriesForScope('ratio', 100, withChildren(own))).toEqual([expect.objectContaining(point)]);
  });

  it('groups by period and sex, each group decided on its own', () => {
    const series = seriesForScope('sum', null, [
      fig('2023', 'total', false, plain(5)),
      fig('2023', 'total', false, plain(6)),
      fig('2024', 'total', true, plain(100)),
      fig('2024', 'total', false, plain(7)),
      fig('2024', 'female', false, plain(3)),
      fig('2024', 'female', false, plain(4)),
      fig('2024', 'male', false, plain(8)),
    ]);
    expect(series).toHaveLength(4);
    expect(find(series, '2023', 'total')).toMatchObject({ value: 11, origin: 'computed', contributors: 2 });
    expect(find(series, '2024', 'total')).toMatchObject({ value: 100, origin: 'entered', contributors: 0 });
    expect(find(series, '2024', 'female')).toMatchObject({ value: 7, origin: 'computed', contributors: 2 });
    expect(find(series, '2024', 'male')).toMatchObject({ value: 8, origin: 'computed', contributors: 1 });
  });

  it('leaves out a group that cannot be rolled up', () => {
    const series = seriesForScope('ratio', 100, [
      fig('2023', 'total', false, part(1, 2)),
      fig('2023', 'total', false, plain(30)),
      fig('2024', 'total', false, part(3, 10)),
    ]);
    expect(series.map((s) => s.period)).toEqual(['2024']);
  });

  it('with the rule none, keeps only entered figures', () => {
    const series = seriesForScope('none', null, [
      fig('2023', 'total', false, plain(5)),
      fig('2024', 'total', true, plain(9)),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ period: '2024', value: 9, origin: 'entered' });
  });

  it('is empty for no figures', () => {
    expect(seriesForScope('sum', null, [])).toEqual([]);
  });
});
