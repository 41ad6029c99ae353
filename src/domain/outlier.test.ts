import { describe, expect, it } from 'vitest';
import { MODIFIED_Z_THRESHOLD, modifiedZScore, outlierWarnings } from './outlier.js';

const history = [10, 11, 12, 13, 14]; // median 12, MAD 1

describe('modifiedZScore', () => {
  it('is 0.6745 · (x − median) / MAD', () => {
    expect(modifiedZScore(30, history)).toBeCloseTo(12.141, 9);
    expect(modifiedZScore(12, history)).toBe(0);
    expect(modifiedZScore(13, history)).toBeCloseTo(0.6745, 12);
    expect(modifiedZScore(-6, history)).toBeCloseTo(-12.141, 9);
  });

  it('does not depend on the order of the history', () => {
    expect(modifiedZScore(30, [14, 10, 13, 11, 12])).toBeCloseTo(12.141, 9);
  });

  it('takes the mean of the two middle values for an even history', () => {
    // Median 11.5; deviations 1.5, 0.5, 0.5, 1.5 → MAD 1.
    expect(modifiedZScore(21.5, [10, 11, 12, 13])).toBeCloseTo(6.745, 9);
  });

  it('resists one extreme value in the history (median, not mean)', () => {
    // Median 12, MAD 1 as before despite the 1000.
    expect(modifiedZScore(30, [10, 11, 12, 13, 1000])).toBeCloseTo(12.141, 9);
  });

  it('is null for a history shorter than three values', () => {
    expect(modifiedZScore(30, [])).toBeNull();
    expect(modifiedZScore(30, [10])).toBeNull();
    expect(modifiedZScore(30, [10, 20])).toBeNull();
    expect(modifiedZScore(30, [10, 20, 30])).not.toBeNull();
  });

  it('is null when the history has no spread (MAD 0)', () => {
    expect(modifiedZScore(30, [5, 5, 5])).toBeNull();
    // More than half the values equal: the median absolute deviation is still 0.
    expect(modifiedZScore(30, [5, 5, 5, 6, 100])).toBeNull();
  });
});

describe('outlierWarnings', () => {
  const open = { min: null, max: null };

  it('is empty for a normal value', () => {
    expect(outlierWarnings(13, history, open)).toEqual([]);
    expect(outlierWarnings(13, history, { min: 0, max: 100 })).toEqual([]);
  });

  it('warns below the configured minimum, not at it', () => {
    expect(outlierWarnings(-1, [], { min: 0, max: 100 })).toEqual([{ kind: 'below_min', min: 0 }]);
    expect(outlierWarnings(0, [], { min: 0, max: 100 })).toEqual([]);
  });

  it('warns above the configured maximum, not at it', () => {
    expect(outlierWarnings(101, [], { min: 0, max: 100 })).toEqual([{ kind: 'above_max', max: 100 }]);
    expect(outlierWarnings(100, [], { min: 0, max: 100 })).toEqual([]);
  });

  it('checks only the bounds that are configured', () => {
    expect(outlierWarnings(1e9, [], { min: 0, max: null })).toEqual([]);
    expect(outlierWarnings(-1e9, [], { min: null, max: 100 })).toEqual([]);
  });

  it('warns of a modified z-score above 3.5, with the score and the median', () => {
    const warnings = outlierWarnings(30, history, open);
    expect(warnings).toHaveLength(1);
    const w = warnings[0]!;
    expect(w.kind).toBe('z_score');
    if (w.kind !== 'z_score') return;
    expect(w.score).toBeCloseTo(12.141, 9);
    expect(w.median).toBe(12);
  });

  it('warns of a value far below the history too (negative score)', () => {
    const [w] = outlierWarnings(-6, history, open);
    expect(w?.kind).toBe('z_score');
    if (w?.kind !== 'z_score') return;
    expect(w.score).toBeLessThan(-MODIFIED_Z_THRESHOLD);
  });

  it('uses 3.5 as the threshold, on both sides', () => {
    expect(MODIFIED_Z_THRESHOLD).toBe(3.5);
    // z = 0.6745 · 5 = 3.37 (no warning); 0.6745 · 6 = 4.05 (warning).
    expect(outlierWarnings(17, history, open)).toEqual([]);
    expect(outlierWarnings(18, history, open).map((w) => w.kind)).toEqual(['z_score']);
    expect(outlierWarnings(7, history, open)).toEqual([]);
    expect(outlierWarnings(6, history, open).map((w) => w.kind)).toEqual(['z_score']);
  });

  it('gives no z-score warning when the score is undefined', () => {
    expect(outlierWarnings(1000, [10, 20], open)).toEqual([]);
    expect(outlierWarnings(1000, [5, 5, 5], open)).toEqual([]);
  });

  it('combines a range warning and a z-score warning', () => {
    const kinds = outlierWarnings(150, history, { min: 0, max: 100 }).map((w) => w.kind);
    expect(kinds).toEqual(['above_max', 'z_score']);
  });
});
