import { describe, expect, it } from 'vitest';
import type { Comparator } from './measure.js';
import {
  THRESHOLDS,
  assessMilestone,
  assessProgress,
  cagr,
  directionSign,
  linearProjection,
  meetsTarget,
  type CannotAssessReason,
  type Direction,
  type NumericTarget,
  type Point,
  type ProgressInput,
  type ProgressResult,
} from './progress.js';

const higher: Direction = { kind: 'higher' };
const lower: Direction = { kind: 'lower' };
/** Sex ratio at birth: normal between 104 and 109 boys per 100 girls. */
const srbBand: Direction = { kind: 'band', min: 104, max: 109 };

/** Points from [year, value] pairs. */
const pts = (...pairs: [number, number][]): Point[] => pairs.map(([t, value]) => ({ t, value }));
const target = (comparator: Comparator, value: number, year = 2030): NumericTarget => ({
  value,
  comparator,
  year,
});

function assess(overrides: Partial<ProgressInput>): ProgressResult {
  return assessProgress({
    points: [],
    direction: higher,
    target: null,
    baseline: null,
    currentYear: 2025,
    ...overrides,
  });
}

/** CAGR straight from docs/DOMAIN.md §5, to state expectations by the method rather than by the code. */
const growth = (y: number, y0: number, t: number, t0: number) => Math.pow(y / y0, 1 / (t - t0)) - 1;

describe('cagr', () => {
  it('is the compound yearly growth between two points', () => {
    expect(cagr(121, 100, 2022, 2020)).toBeCloseTo(0.1, 12);
    expect(cagr(55, 40, 2024, 2020)).toBeCloseTo(0.08286838, 7);
    expect(cagr(110, 100, 2021, 2020)).toBeCloseTo(0.1, 12);
  });

  it('is negative for a fall and zero for no change', () => {
    expect(cagr(81, 100, 2022, 2020)).toBeCloseTo(-0.1, 12);
    expect(cagr(50, 50, 2024, 2020)).toBe(0);
  });

  it('works on fractional years (half-years, quarters)', () => {
    // +10 % in half a year is +21 % a year.
    expect(cagr(110, 100, 2020.5, 2020)).toBeCloseTo(0.21, 12);
    expect(cagr(101, 100, 2020.25, 2020)).toBeCloseTo(Math.pow(1.01, 4) - 1, 12);
  });

  it('is defined between two negative values (the ratio is positive)', () => {
    expect(cagr(-5, -10, 2024, 2020)).toBeCloseTo(Math.pow(0.5, 0.25) - 1, 12);
  });

  it('is null when a value is zero (no silent 0.001 substitute)', () => {
    expect(cagr(5, 0, 2024, 2020)).toBeNull();
    expect(cagr(0, 5, 2024, 2020)).toBeNull();
    expect(cagr(0, 0, 2024, 2020)).toBeNull();
  });

  it('is null when the values change sign', () => {
    expect(cagr(5, -10, 2024, 2020)).toBeNull();
    expect(cagr(-5, 10, 2024, 2020)).toBeNull();
  });

  it('is null when both points are at the same time', () => {
    expect(cagr(55, 40, 2024, 2024)).toBeNull();
  });
});

describe('meetsTarget', () => {
  it.each<[value: number, comparator: Comparator, target: number, meets: boolean]>([
    // >= accepts the target itself and more, not less.
    [75, '>=', 75, true],
    [80, '>=', 75, true],
    [74.99, '>=', 75, false],
    // > rejects the target itself.
    [60, '>', 60, false],
    [60.01, '>', 60, true],
    [59, '>', 60, false],
    // <= accepts the target itself and less, not more.
    [109, '<=', 109, true],
    [105, '<=', 109, true],
    [109.01, '<=', 109, false],
    // < rejects the target itself.
    [18, '<', 18, false],
    [17.99, '<', 18, true],
    [19, '<', 18, false],
    // = accepts only the target value.
    [100, '=', 100, true],
    [99.99, '=', 100, false],
    [100.01, '=', 100, false],
    // ≈ accepts values within 2.5 % of the target, both sides, edges included.
    [100, '~', 100, true],
    [102.5, '~', 100, true],
    [97.5, '~', 100, true],
    [102.6, '~', 100, false],
    [97.4, '~', 100, false],
    // 2.5 % of 109 is 2.725.
    [111.7, '~', 109, true],
    [111.8, '~', 109, false],
    [106.3, '~', 109, true],
    [106.2, '~', 109, false],
    // The tolerance is relative to the size of the target, also for a negative target.
    [-102.5, '~', -100, true],
    [-103, '~', -100, false],
    // Absorbs floating-point noise at the boundary, scaled to the target.
    [0.1 + 0.2, '>=', 0.3, true],
    [0.1 + 0.2, '<=', 0.3, true],
    [0.1 + 0.2, '=', 0.3, true],
    [75 - 1e-10, '>=', 75, true],
    [18 - 1e-10, '<', 18, false],
    [60 + 1e-10, '>', 60, false],
    // The tolerance grows with the target: 1e-9 × 1e6 = 1e-3.
    [1e6 + 1e-4, '=', 1e6, true],
    [1e6 + 1e-2, '=', 1e6, false],
    // …and never falls below 1e-9 for small targets.
    [1e-10, '=', 0, true],
    [1e-8, '=', 0, false],
  ])('%d %s %d: %s', (value, comparator, target, meets) => {
    expect(meetsTarget(value, comparator, target)).toBe(meets);
  });
});

describe('directionSign', () => {
  it('is +1 for higher-is-better and −1 for lower-is-better, whatever the value', () => {
    for (const v of [-5, 0, 50, 1e6]) {
      expect(directionSign(higher, v)).toBe(1);
      expect(directionSign(lower, v)).toBe(-1);
    }
  });

  it('in a band: lower is better above it, higher below it, nothing inside (edges included)', () => {
    expect(directionSign(srbBand, 112)).toBe(-1);
    expect(directionSign(srbBand, 109.0001)).toBe(-1);
    expect(directionSign(srbBand, 109)).toBeNull();
    expect(directionSign(srbBand, 106.5)).toBeNull();
    expect(directionSign(srbBand, 104)).toBeNull();
    expect(directionSign(srbBand, 103.9999)).toBe(1);
    expect(directionSign(srbBand, 100)).toBe(1);
  });
});

describe('assessProgress: acceptance series of the issue', () => {
  it('a share 40 % (2020) → 55 % (2024), target ≥ 75 % in 2030, is on track with R ≈ 1.28', () => {
    const r = assess({ points: pts([2020, 40], [2024, 55]), target: target('>=', 75) });
    expect(r.status).toBe('on_track');
    expect(r.reason).toBeNull();
    expect(r.ratio).toBeCloseTo(1.28, 2);
    expect(r.observedGrowth).toBeCloseTo(growth(55, 40, 2024, 2020), 12);
    expect(r.requiredGrowth).toBeCloseTo(growth(75, 40, 2030, 2020), 12);
    expect(r.base).toEqual({ t: 2020, value: 40 });
    expect(r.latest).toEqual({ t: 2024, value: 55 });
    expect(r.lowConfidence).toBe(true);
  });

  it('sex ratio at birth 112 (2015) → 111 (2024), target ≤ 109 in 2030, lower is better: limited, R ≈ 0.55', () => {
    const r = assess({ points: pts([2015, 112], [2024, 111]), direction: lower, target: target('<=', 109) });
    expect(r.status).toBe('limited');
    expect(r.ratio).toBeCloseTo(0.55, 2);
    expect(r.observedGrowth!).toBeLessThan(0);
    expect(r.requiredGrowth!).toBeLessThan(0);
  });

  it('the same series with the band {104, 109} gives the same R (above the band lower is better)', () => {
    const banded = assess({
      points: pts([2015, 112], [2024, 111]),
      direction: srbBand,
      target: target('<=', 109),
    });
    const lowerBetter = assess({
      points: pts([2015, 112], [2024, 111]),
      direction: lower,
      target: target('<=', 109),
    });
    expect(banded.status).toBe('limited');
    expect(banded.ratio).toBeCloseTo(0.55, 2);
    expect(banded.ratio).toBe(lowerBetter.ratio);
  });

  it('a lower-is-better value that rose is deteriorating', () => {
    // Maternal mortality per 100,000: 60 → 65 while the target is ≤ 42 by 2030.
    const r = assess({ points: pts([2020, 60], [2024, 65]), direction: lower, target: target('<=', 42) });
    expect(r.status).toBe('deteriorating');
    expect(r.ratio!).toBeLessThan(0);
  });

  it('one value only (not meeting the target) cannot be assessed', () => {
    const r = assess({ points: pts([2024, 55]), target: target('>=', 75) });
    expect(r.status).toBe('cannot_assess');
    expect(r.reason).toBe('too_few_points');
    expect(r.ratio).toBeNull();
    expect(r.observedGrowth).toBeNull();
  });
});

describe('assessProgress: each status', () => {
  it('achieved when the latest value meets the target (higher is better)', () => {
    const r = assess({ points: pts([2020, 60], [2024, 76]), target: target('>=', 75) });
    expect(r.status).toBe('achieved');
    expect(r.reason).toBeNull();
    expect(r.latest).toEqual({ t: 2024, value: 76 });
  });

  it('achieved when the latest value meets the target (lower is better)', () => {
    const r = assess({ points: pts([2020, 30], [2024, 24]), direction: lower, target: target('<', 25) });
    expect(r.status).toBe('achieved');
  });

  it('achieved is judged on the latest value, whatever the order of the points', () => {
    const r = assess({ points: pts([2024, 76], [2020, 60], [2022, 70]), target: target('>=', 75) });
    expect(r.status).toBe('achieved');
    expect(r.latest).toEqual({ t: 2024, value: 76 });
    expect(r.base).toEqual({ t: 2020, value: 60 });
  });

  it('on track (lower is better)', () => {
    const r = assess({ points: pts([2020, 60], [2024, 50]), direction: lower, target: target('<=', 42) });
    const expected = (-1 * growth(50, 60, 2024, 2020)) / Math.abs(growth(42, 60, 2030, 2020));
    expect(r.status).toBe('on_track');
    expect(r.ratio).toBeCloseTo(expected, 12);
    expect(r.ratio!).toBeGreaterThanOrEqual(0.95);
  });

  it('needs acceleration (higher is better)', () => {
    const r = assess({ points: pts([2020, 40], [2024, 49]), target: target('>=', 75) });
    const expected = growth(49, 40, 2024, 2020) / growth(75, 40, 2030, 2020);
    expect(r.ratio).toBeCloseTo(expected, 12);
    expect(r.ratio).toBeCloseTo(0.802, 3);
    expect(r.status).toBe('needs_acceleration');
  });

  it('needs acceleration (lower is better)', () => {
    // Required: 60 → 42 over 10 years; observed 60 → 53.5 over 4 years.
    const r = assess({ points: pts([2020, 60], [2024, 53.5]), direction: lower, target: target('<=', 42) });
    expect(r.ratio!).toBeGreaterThanOrEqual(0.6);
    expect(r.ratio!).toBeLessThan(0.95);
    expect(r.status).toBe('needs_acceleration');
  });

  it('limited progress (higher is better)', () => {
    const r = assess({ points: pts([2020, 40], [2024, 43]), target: target('>=', 75) });
    expect(r.ratio).toBeCloseTo(growth(43, 40, 2024, 2020) / growth(75, 40, 2030, 2020), 12);
    expect(r.ratio).toBeCloseTo(0.281, 3);
    expect(r.status).toBe('limited');
  });

  it('deteriorating (higher is better, the value fell)', () => {
    const r = assess({ points: pts([2020, 40], [2024, 38]), target: target('>=', 75) });
    expect(r.status).toBe('deteriorating');
    expect(r.ratio).toBeCloseTo(growth(38, 40, 2024, 2020) / growth(75, 40, 2030, 2020), 12);
  });

  it('an improvement has the same sign of R whichever the direction', () => {
    const up = assess({ points: pts([2020, 40], [2024, 50]), target: target('>=', 60) });
    const down = assess({ points: pts([2020, 50], [2024, 40]), direction: lower, target: target('<=', 30) });
    expect(up.ratio!).toBeGreaterThan(0);
    expect(down.ratio!).toBeGreaterThan(0);
  });
});

describe('assessProgress: cannot assess, with its reason', () => {
  const cases: [string, Partial<ProgressInput>, CannotAssessReason][] = [
    ['no points at all', { points: [], target: target('>=', 75) }, 'too_few_points'],
    [
      'a single point below the target',
      { points: pts([2024, 55]), target: target('>=', 75) },
      'too_few_points',
    ],
    ['a single point, no numeric target', { points: pts([2024, 55]) }, 'too_few_points'],
    ['a zero base', { points: pts([2020, 0], [2024, 5]), target: target('>=', 10) }, 'zero_value'],
    ['a zero latest value', { points: pts([2020, 5], [2024, 0]), target: target('>=', 10) }, 'zero_value'],
    ['a zero base, no numeric target', { points: pts([2020, 0], [2024, 5]) }, 'zero_value'],
    [
      'a target of zero',
      { points: pts([2020, 5], [2024, 3]), direction: lower, target: target('<=', 0) },
      'zero_value',
    ],
    [
      'values that change sign',
      { points: pts([2020, -2], [2024, 3]), target: target('>=', 10) },
      'sign_change',
    ],
    [
      'a target on the other side of zero than the base',
      { points: pts([2020, -10], [2024, -5]), target: target('>=', 5) },
      'sign_change',
    ],
    [
      'two values of the same time',
      { points: pts([2024, 40], [2024, 50]), target: target('>=', 75) },
      'no_time_span',
    ],
    [
      'a target year equal to the base year',
      { points: pts([2020, 40], [2024, 55]), target: target('>=', 75, 2020) },
      'target_year_passed',
    ],
    [
      'a target year before the base year',
      { points: pts([2020, 40], [2024, 55]), target: target('>=', 75, 2018) },
      'target_year_passed',
    ],
  ];

  it.each(cases)('%s', (_name, input, reason) => {
    const r = assess(input);
    expect(r.status).toBe('cannot_assess');
    expect(r.reason).toBe(reason);
    expect(r.ratio).toBeNull();
  });

  it('does not substitute a small number for a zero value', () => {
    const r = assess({ points: pts([2020, 0], [2022, 3], [2024, 5]), target: target('>=', 10) });
    expect(r.observedGrowth).toBeNull();
    expect(r.ratio).toBeNull();
  });

  it('only the base and the latest value matter for zero: a zero in between is fine', () => {
    const r = assess({ points: pts([2020, 40], [2022, 0], [2024, 55]), target: target('>=', 75) });
    expect(r.status).toBe('on_track');
  });

  it('the other statuses carry no reason', () => {
    for (const latest of [38, 43, 49, 55, 80]) {
      expect(assess({ points: pts([2020, 40], [2024, latest]), target: target('>=', 75) }).reason).toBeNull();
    }
  });
});

describe('assessProgress: a band (sex ratio at birth)', () => {
  /** The sex ratio at birth from a first to a latest [year, value], judged by the band and `goal` if given. */
  const srb = (first: [number, number], latest: [number, number], goal: NumericTarget | null = null) =>
    assess({ points: pts(first, latest), direction: srbBand, target: goal });

  it('inside the band with no numeric target is achieved', () => {
    const r = srb([2015, 112], [2024, 107]);
    expect(r.status).toBe('achieved');
  });

  it('inside the band on its edges is achieved, just outside is not', () => {
    expect(srb([2015, 112], [2024, 109]).status).toBe('achieved');
    expect(srb([2015, 100], [2024, 104]).status).toBe('achieved');
    expect(srb([2015, 112], [2024, 109.5]).status).not.toBe('achieved');
  });

  it('above the band, with no numeric target, behaves as lower-is-better', () => {
    const banded = srb([2020, 115], [2024, 112]);
    const lowerBetter = assess({ points: pts([2020, 115], [2024, 112]), direction: lower });
    expect(banded.ratio).toBe(lowerBetter.ratio);
    expect(banded.ratio).toBeCloseTo(-growth(112, 115, 2024, 2020), 12);
    expect(banded.status).toBe('needs_acceleration');
  });

  it('above the band and rising is deteriorating', () => {
    const r = srb([2020, 110], [2024, 113], target('<=', 109));
    expect(r.status).toBe('deteriorating');
  });

  it('below the band behaves as higher-is-better', () => {
    const banded = srb([2022, 96], [2024, 100]);
    const higherBetter = assess({ points: pts([2022, 96], [2024, 100]), direction: higher });
    expect(banded.ratio).toBe(higherBetter.ratio);
    expect(banded.status).toBe('on_track');
  });

  it('inside the band but short of a stricter target, moving towards the target is progress', () => {
    // 110 → 108 with a target < 107: the band says nothing at 108, the target says "go down".
    const r = srb([2020, 110], [2024, 108], target('<', 107));
    expect(r.ratio!).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(-growth(108, 110, 2024, 2020) / Math.abs(growth(107, 110, 2030, 2020)), 12);
    expect(r.status).toBe('on_track');
    // Moving away from it is deteriorating.
    const away = srb([2020, 107.5], [2024, 108], target('<', 107));
    expect(away.status).toBe('deteriorating');
  });

  it('inside the band, an = or ≈ target gives the way from the latest value towards it', () => {
    const down = srb([2020, 109], [2024, 108], target('=', 105));
    expect(down.ratio!).toBeGreaterThan(0);
    const up = srb([2020, 104], [2024, 104.5], target('~', 108));
    expect(up.ratio!).toBeGreaterThan(0);
  });
});

describe('assessProgress: a target already met at the first point', () => {
  it('is achieved while the latest value still meets it', () => {
    const r = assess({ points: pts([2020, 60], [2024, 65]), target: target('>=', 50) });
    expect(r.status).toBe('achieved');
  });

  it('is deteriorating when the value then fell below the target', () => {
    const r = assess({ points: pts([2020, 60], [2024, 45]), target: target('>=', 50) });
    expect(r.status).toBe('deteriorating');
    // The required growth from an over-achieving base is negative; R uses its absolute value.
    expect(r.requiredGrowth!).toBeLessThan(0);
    expect(r.ratio!).toBeLessThan(0);
  });

  it('a lower-is-better target met at first and then exceeded is deteriorating', () => {
    const r = assess({ points: pts([2020, 15], [2024, 25]), direction: lower, target: target('<=', 20) });
    expect(r.status).toBe('deteriorating');
  });
});

describe('assessProgress: a single point', () => {
  it('that already meets the target is achieved (the target is met, no trend needed)', () => {
    const r = assess({ points: pts([2024, 80]), target: target('>=', 75) });
    expect(r.status).toBe('achieved');
  });

  it('that does not is cannot_assess, with the point as both base and latest, and no low-confidence flag', () => {
    const r = assess({ points: pts([2024, 55]), target: target('>=', 75) });
    expect(r.status).toBe('cannot_assess');
    expect(r.base).toEqual({ t: 2024, value: 55 });
    expect(r.latest).toEqual({ t: 2024, value: 55 });
    expect(r.lowConfidence).toBe(false);
  });
});

describe('assessProgress: negative values', () => {
  it('a negative base flips the sign (s = −1): −10 → −5 with higher better is an improvement', () => {
    const r = assess({ points: pts([2020, -10], [2024, -5]), target: target('>=', -2) });
    const observed = growth(-5, -10, 2024, 2020);
    const required = growth(-2, -10, 2030, 2020);
    // Both CAGRs are negative although the value rises: s = −1 corrects it.
    expect(r.observedGrowth).toBeCloseTo(observed, 12);
    expect(observed).toBeLessThan(0);
    expect(r.ratio).toBeCloseTo((-1 * observed) / Math.abs(required), 12);
    expect(r.ratio).toBeCloseTo(1.07, 2);
    expect(r.status).toBe('on_track');
  });

  it('without a numeric target, P = s·d·CAGRo for a negative base', () => {
    const r = assess({ points: pts([2020, -10], [2024, -5]) });
    expect(r.ratio).toBeCloseTo(1 - Math.pow(0.5, 0.25), 12);
    expect(r.status).toBe('on_track');
  });

  it('−10 → −5 with lower better is deteriorating', () => {
    const r = assess({ points: pts([2020, -10], [2024, -5]), direction: lower });
    expect(r.status).toBe('deteriorating');
  });

  it('−5 → −10 with lower better is an improvement', () => {
    const r = assess({ points: pts([2020, -5], [2024, -10]), direction: lower, target: target('<=', -12) });
    expect(r.ratio!).toBeGreaterThan(0);
  });
});

describe('assessProgress: a baseline stated in the text', () => {
  /** A target of at least 75 %, its progress measured from `points` and the stated baseline. */
  const withBaseline = (points: Point[], baseline: Point) =>
    assess({ points, baseline, target: target('>=', 75) });

  it('earlier than the data becomes the base (and base + one point is low confidence)', () => {
    const r = withBaseline(pts([2024, 55]), { t: 2020, value: 40 });
    expect(r.base).toEqual({ t: 2020, value: 40 });
    expect(r.status).toBe('on_track');
    expect(r.ratio).toBeCloseTo(1.28, 2);
    expect(r.lowConfidence).toBe(true);
  });

  it('earlier than the data, with two points, is the base and not low confidence', () => {
    const r = withBaseline(pts([2022, 45], [2024, 55]), { t: 2020, value: 40 });
    expect(r.base).toEqual({ t: 2020, value: 40 });
    expect(r.observedGrowth).toBeCloseTo(growth(55, 40, 2024, 2020), 12);
    expect(r.lowConfidence).toBe(false);
  });

  it('later than the first point is ignored', () => {
    const r = withBaseline(pts([2020, 40], [2024, 55]), { t: 2022, value: 50 });
    expect(r.base).toEqual({ t: 2020, value: 40 });
    expect(r.ratio).toBeCloseTo(1.28, 2);
    expect(r.lowConfidence).toBe(true);
  });

  it('in the same year as the first point is ignored (the data wins)', () => {
    const r = withBaseline(pts([2020, 40], [2024, 55]), { t: 2020, value: 30 });
    expect(r.base).toEqual({ t: 2020, value: 40 });
    expect(r.lowConfidence).toBe(true);
  });

  it('with no data at all cannot be assessed, but gives the required path', () => {
    const r = withBaseline([], { t: 2020, value: 40 });
    expect(r.status).toBe('cannot_assess');
    expect(r.reason).toBe('too_few_points');
    expect(r.latest).toBeNull();
    expect(r.base).toEqual({ t: 2020, value: 40 });
    expect(r.neededThisYear).toBeCloseTo(40 * Math.pow(75 / 40, 0.5), 9);
  });

  it('a zero baseline cannot be assessed', () => {
    const r = assess({ points: pts([2024, 5]), baseline: { t: 2020, value: 0 }, target: target('>=', 10) });
    expect(r.status).toBe('cannot_assess');
    expect(r.reason).toBe('zero_value');
  });
});

describe('assessProgress: low confidence', () => {
  it('is set with exactly two values, not with one or three', () => {
    expect(assess({ points: pts([2024, 55]), target: target('>=', 75) }).lowConfidence).toBe(false);
    expect(assess({ points: pts([2020, 40], [2024, 55]), target: target('>=', 75) }).lowConfidence).toBe(
      true,
    );
    expect(
      assess({ points: pts([2020, 40], [2022, 47], [2024, 55]), target: target('>=', 75) }).lowConfidence,
    ).toBe(false);
  });
});

describe('assessProgress: projection', () => {
  it('is absent with three points', () => {
    const r = assess({ points: pts([2020, 10], [2021, 12], [2022, 11]), target: target('>=', 20) });
    expect(r.projection).toBeNull();
  });

  it('is the least-squares line at the target year with four points', () => {
    // Mean t 2021.5, mean value 11.5, slope 4/5 = 0.8 → 11.5 + 0.8 × 8.5 = 18.3 in 2030.
    const r = assess({
      points: pts([2020, 10], [2021, 12], [2022, 11], [2023, 13]),
      target: target('>=', 20),
    });
    expect(r.projection?.t).toBe(2030);
    expect(r.projection?.value).toBeCloseTo(18.3, 9);
  });

  it('follows a straight line exactly, whatever the order of the points', () => {
    const r = assess({
      points: pts([2023, 46], [2020, 40], [2022, 44], [2024, 48], [2021, 42]),
      target: target('>=', 75, 2030),
    });
    expect(r.projection?.value).toBeCloseTo(60, 9);
  });

  it('does not count a baseline from the text as one of the four points', () => {
    const r = assess({
      points: pts([2021, 12], [2022, 11], [2023, 13]),
      baseline: { t: 2020, value: 10 },
      target: target('>=', 20),
    });
    expect(r.projection).toBeNull();
  });

  it('is given even when the target is already met', () => {
    const r = assess({
      points: pts([2020, 70], [2021, 72], [2022, 74], [2023, 76]),
      target: target('>=', 75),
    });
    expect(r.status).toBe('achieved');
    expect(r.projection?.value).toBeCloseTo(90, 9);
  });
});

describe('linearProjection', () => {
  it('evaluates the fitted line at any time', () => {
    const points = pts([2020, 10], [2021, 12], [2022, 11], [2023, 13]);
    expect(linearProjection(points, 2021.5)).toBeCloseTo(11.5, 12);
    expect(linearProjection(points, 2025)).toBeCloseTo(14.3, 12);
  });

  it('is the mean when all points share one time (no slope)', () => {
    expect(linearProjection(pts([2024, 10], [2024, 20]), 2030)).toBe(15);
  });
});

describe('assessProgress: the value needed this year', () => {
  it('lies on the required path from the base to the target', () => {
    const at = (currentYear: number) =>
      assess({ points: pts([2020, 40], [2024, 55]), target: target('>=', 75), currentYear }).neededThisYear;
    expect(at(2020)).toBeCloseTo(40, 9);
    expect(at(2025)).toBeCloseTo(40 * Math.pow(75 / 40, 5 / 10), 9);
    expect(at(2025)).toBeCloseTo(54.772, 3);
    expect(at(2030)).toBeCloseTo(75, 9);
  });

  it('falls for a lower-is-better target', () => {
    const r = assess({
      points: pts([2015, 112], [2024, 111]),
      direction: lower,
      target: target('<=', 109),
      currentYear: 2025,
    });
    expect(r.neededThisYear).toBeCloseTo(112 * Math.pow(109 / 112, 10 / 15), 9);
    expect(r.neededThisYear!).toBeLessThan(111);
  });

  it('is null without a numeric target', () => {
    expect(assess({ points: pts([2020, 40], [2024, 55]) }).neededThisYear).toBeNull();
  });
});

describe('assessProgress: status thresholds', () => {
  it('has the thresholds of DOMAIN.md §5', () => {
    expect(THRESHOLDS.withTarget).toEqual({ onTrack: 0.95, needsAcceleration: 0.6 });
    expect(THRESHOLDS.withoutTarget).toEqual({ onTrack: 0.015, needsAcceleration: 0.005 });
  });

  // One-year spans make CAGR a plain relative change: 100 → 119 against a required 100 → 120 is R = 0.95.
  const oneYear = (latest: number, required: number) =>
    assess({ points: pts([0, 100], [1, latest]), target: target('>=', required, 1), currentYear: 1 });

  it.each([
    [0.95, 'on_track', 'needs_acceleration', 119, 118.99, 120],
    [0.6, 'needs_acceleration', 'limited', 103, 102.99, 105],
  ] as const)(
    'R exactly %s is %s; just below is %s',
    (ratio, status, statusBelow, latest, latestBelow, required) => {
      const edge = oneYear(latest, required);
      expect(edge.ratio).toBe(ratio);
      expect(edge.status).toBe(status);
      const below = oneYear(latestBelow, required);
      expect(below.ratio!).toBeLessThan(ratio);
      expect(below.status).toBe(statusBelow);
    },
  );

  it('R exactly 0 (no change) is limited; any fall is deteriorating', () => {
    const flat = oneYear(100, 105);
    expect(flat.ratio).toBe(0);
    expect(flat.status).toBe('limited');
    const flatLower = assess({
      points: pts([2020, 60], [2024, 60]),
      direction: lower,
      target: target('<=', 42),
    });
    expect(flatLower.ratio === 0).toBe(true); // −0 for d = −1, still zero
    expect(flatLower.status).toBe('limited');
    expect(oneYear(99.99, 105).status).toBe('deteriorating');
  });
});

describe('assessProgress: no numeric target (P thresholds 1.5 % / 0.5 % / 0 a year)', () => {
  const noTarget = (latest: number, direction: Direction = higher) =>
    assess({ points: pts([0, 1000], [1, latest]), direction, target: null, currentYear: 1 });

  it('P is s·d·CAGRo and there is no required growth', () => {
    const r = noTarget(1020);
    expect(r.ratio).toBeCloseTo(0.02, 12);
    expect(r.ratio).toBe(r.observedGrowth);
    expect(r.requiredGrowth).toBeNull();
    expect(r.neededThisYear).toBeNull();
    expect(r.projection).toBeNull();
  });

  it.each([
    [1015.01, 'on_track'],
    [1014.99, 'needs_acceleration'],
    [1005.01, 'needs_acceleration'],
    [1004.99, 'limited'],
    [1000, 'limited'],
    [999.99, 'deteriorating'],
  ] as const)('higher is better, 1000 → %s is %s', (latest, status) => {
    expect(noTarget(latest).status).toBe(status);
  });

  it.each([
    [984.99, 'on_track'],
    [985.01, 'needs_acceleration'],
    [994.99, 'needs_acceleration'],
    [995.01, 'limited'],
    [1000.01, 'deteriorating'],
  ] as const)('lower is better, 1000 → %s is %s', (latest, status) => {
    expect(noTarget(latest, lower).status).toBe(status);
  });

  it('P is per year over longer spans', () => {
    // 2 % a year over four years.
    const r = assess({ points: pts([2020, 100], [2024, 100 * 1.02 ** 4]) });
    expect(r.ratio).toBeCloseTo(0.02, 12);
    expect(r.status).toBe('on_track');
  });
});

describe('assessProgress: the base already equals the target value (required growth 0)', () => {
  // Adolescent births "from 18 to below 18 per 1,000".
  const from18 = (latest: number) =>
    assess({ points: pts([2020, 18], [2024, latest]), direction: lower, target: target('<', 18) });

  it('no change: required growth 0, P = 0, limited, and 18 is the value needed every year', () => {
    const r = from18(18);
    expect(r.requiredGrowth).toBe(0);
    expect(r.ratio === 0).toBe(true);
    expect(r.status).toBe('limited');
    expect(r.neededThisYear).toBeCloseTo(18, 12);
  });

  it('a rise is deteriorating, with P = s·d·CAGRo (no division by a zero required growth)', () => {
    const r = from18(19);
    expect(r.requiredGrowth).toBe(0);
    expect(r.ratio).toBeCloseTo(-growth(19, 18, 2024, 2020), 12);
    expect(Number.isFinite(r.ratio)).toBe(true);
    expect(r.status).toBe('deteriorating');
  });

  it('any fall meets "below 18" and is achieved', () => {
    expect(from18(17.9).status).toBe('achieved');
  });

  it('classifies with the growth thresholds (1.5 % / 0.5 %), not the R thresholds', () => {
    // "Maintain 100" (=) as a higher-is-better count: +1 % in a year is P = 0.01 → needs acceleration.
    const r = assess({ points: pts([2020, 100], [2021, 101]), target: target('=', 100), currentYear: 2021 });
    expect(r.requiredGrowth).toBe(0);
    expect(r.ratio).toBeCloseTo(0.01, 12);
    expect(r.status).toBe('needs_acceleration');
    const fell = assess({
      points: pts([2020, 100], [2021, 96]),
      target: target('=', 100),
      currentYear: 2021,
    });
    expect(fell.status).toBe('deteriorating');
  });
});

describe('assessMilestone', () => {
  it('is not started without evidence', () => {
    expect(assessMilestone([])).toBe('not_started');
  });

  it.each([
    [0, 'not_started'],
    [-1, 'not_started'],
    [0.5, 'in_progress'],
    [0.01, 'in_progress'],
    [0.99, 'in_progress'],
    [1, 'achieved'],
    [1.5, 'achieved'],
  ] as const)('latest value %s is %s', (value, status) => {
    expect(assessMilestone(pts([2025, value]))).toBe(status);
  });

  it('takes the latest point by time, not the last one given', () => {
    expect(assessMilestone(pts([2027, 1], [2026, 0.5], [2025, 0]))).toBe('achieved');
    expect(assessMilestone(pts([2024, 1], [2026, 0.5], [2025, 0]))).toBe('in_progress');
    expect(assessMilestone(pts([2026, 0], [2025, 1]))).toBe('not_started');
  });
});
