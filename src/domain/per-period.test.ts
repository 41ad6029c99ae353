import { describe, expect, it } from 'vitest';
import { assessPerPeriod, shareOfPeriod, type PeriodUnits } from './per-period.js';

const AT_LEAST_4 = { value: 4, comparator: '>=' as const };
const OWED = ['a', 'b', 'c'];

const period = (name: string, values: Record<string, number>, complete = true): PeriodUnits => ({
  period: name,
  complete,
  owed: OWED,
  values: new Map(Object.entries(values)),
});

describe('shareOfPeriod', () => {
  it('counts the owed units reaching the threshold and names the others with their figure', () => {
    expect(shareOfPeriod(period('2025-Q4', { a: 4, b: 3, c: 7 }), AT_LEAST_4)).toEqual({
      period: '2025-Q4',
      meeting: 2,
      owed: 3,
      behind: [{ code: 'b', value: 3 }],
    });
  });

  it('counts an owed unit without a figure as behind, with no value', () => {
    expect(shareOfPeriod(period('2025-Q4', { a: 5, b: 5 }), AT_LEAST_4).behind).toEqual([
      { code: 'c', value: null },
    ]);
  });

  it('ignores figures of units that do not owe it', () => {
    expect(shareOfPeriod(period('2025-Q4', { a: 4, b: 4, c: 4, z: 0 }), AT_LEAST_4)).toMatchObject({
      meeting: 3,
      owed: 3,
    });
  });
});

describe('assessPerPeriod', () => {
  it.each([
    [
      'every unit reached it in the latest complete period',
      [
        { a: 1, b: 1, c: 1 },
        { a: 4, b: 5, c: 4 },
      ],
      'achieved',
    ],
    [
      'one unit fell short in the latest complete period',
      [
        { a: 4, b: 4, c: 4 },
        { a: 4, b: 3, c: 4 },
      ],
      'not_met',
    ],
  ] as const)('%s', (_, figures, status) => {
    const result = assessPerPeriod(
      AT_LEAST_4,
      figures.map((f, i) => period(`2025-Q${i + 1}`, f)),
    );
    expect(result.status).toBe(status);
    expect(result.latest!.period).toBe('2025-Q2');
    expect(result.periods).toHaveLength(2);
  });

  it('rests on the latest complete period: a partial newer one changes nothing', () => {
    const result = assessPerPeriod(AT_LEAST_4, [
      period('2025-Q4', { a: 4, b: 4, c: 4 }),
      period('2026-Q1', { a: 1 }, false),
    ]);
    expect(result).toMatchObject({ status: 'achieved', latest: { period: '2025-Q4', meeting: 3 } });
    expect(result.periods.map((p) => p.period)).toEqual(['2025-Q4']);
  });

  it('cannot assess without a complete period, or when nobody owes it', () => {
    expect(assessPerPeriod(AT_LEAST_4, [period('2026-Q1', { a: 9 }, false)]).status).toBe('cannot_assess');
    expect(
      assessPerPeriod(AT_LEAST_4, [{ period: '2026-Q1', complete: true, owed: [], values: new Map() }])
        .status,
    ).toBe('cannot_assess');
  });
});
