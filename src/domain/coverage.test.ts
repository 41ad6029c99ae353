import { describe, expect, it } from 'vitest';
import { coverageOf, DEFAULT_COVERAGE_THRESHOLD, seriesForScope, type UnitFigure } from './rollup.js';

const owed = (n: number) => Array.from({ length: n }, (_, i) => `u${i + 1}`);
const RULE = { owed: owed(10), threshold: DEFAULT_COVERAGE_THRESHOLD };

describe('coverageOf', () => {
  it.each([
    [8, true],
    [7, false],
    [10, true],
    [0, false],
  ])('%i of 10 owed units reported: complete %s at the default 80 %', (n, complete) => {
    const c = coverageOf(RULE, owed(n));
    expect(c).toMatchObject({ owed: 10, reported: n, share: n / 10, complete });
    expect(c.missing).toEqual(owed(10).slice(n));
  });

  it('counts a unit that reported without owing in the population', () => {
    expect(coverageOf({ owed: ['a'], threshold: 0.8 }, ['a', 'x'])).toMatchObject({
      owed: 2,
      reported: 2,
      missing: [],
      complete: true,
    });
  });

  it('is never complete with nobody owing and nobody reporting', () => {
    expect(coverageOf({ owed: [], threshold: 0.8 }, [])).toMatchObject({ owed: 0, complete: false });
  });

  it('follows a threshold set for the indicator', () => {
    expect(coverageOf({ owed: owed(10), threshold: 0.5 }, owed(5)).complete).toBe(true);
    expect(coverageOf({ owed: owed(10), threshold: 1 }, owed(9)).complete).toBe(false);
  });
});

describe('seriesForScope with coverage', () => {
  const figure = (unitCode: string, period: string, value: number, extra: Partial<UnitFigure> = {}) => ({
    unitCode,
    period,
    sex: 'total',
    isScope: false,
    value,
    numerator: null,
    denominator: null,
    ...extra,
  });

  it('marks a roll-up from one of ten units partial, with the missing units, and a covered one complete', () => {
    const figures = [figure('u1', '2026', 5), ...owed(9).map((u) => figure(u, '2025', 1))];
    const series = seriesForScope('sum', null, figures, RULE);
    const of = (period: string) => series.find((p) => p.period === period)!;
    expect(of('2026')).toMatchObject({ value: 5, complete: false, coverage: { owed: 10, reported: 1 } });
    expect(of('2026').coverage!.missing).toHaveLength(9);
    expect(of('2025')).toMatchObject({ value: 9, complete: true, coverage: { owed: 10, reported: 9 } });
  });

  it('keeps a figure entered for the scope complete, with no coverage', () => {
    const series = seriesForScope('sum', null, [{ ...figure('scope', '2025', 42), isScope: true }], RULE);
    expect(series).toEqual([expect.objectContaining({ origin: 'entered', complete: true, coverage: null })]);
  });

  it('counts a computed 0 of a unit that recorded nothing in the value but not as reported', () => {
    const figures = owed(10).map((u, i) => figure(u, '2026-Q1', i === 0 ? 1 : 0, { recorded: i === 0 }));
    const [point] = seriesForScope('min', null, figures, RULE);
    expect(point).toMatchObject({ value: 0, complete: false, coverage: { reported: 1, owed: 10 } });
  });
});
