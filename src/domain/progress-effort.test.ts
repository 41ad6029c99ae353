import { describe, expect, it } from 'vitest';
import type { Measure } from './measure.js';
import { effortWords, explainProgress } from './progress-explain.js';
import { assessProgress, type Point, type ProgressInput } from './progress.js';

const HIGHER = { kind: 'higher' } as const;
const yearly = (values: Record<number, number>): Point[] =>
  Object.entries(values).map(([t, value]) => ({ t: Number(t), value, period: t }));

const input = (over: Partial<ProgressInput>): ProgressInput => ({
  points: [],
  direction: HIGHER,
  target: { value: 60, comparator: '>', year: 2030 },
  currentYear: 2026,
  ...over,
});

const share: Measure = { value: 60, unit: '%', comparator: '>', year: 2030, baseline: null, per: null };

describe('the effort from the latest value', () => {
  // Demo target 2.1: wage work 26,8 % (2021) … 34,6 % (2025), above 60 % by 2030.
  const r = assessProgress(input({ points: yearly({ 2021: 26.8, 2023: 30.4, 2025: 34.6 }) }));

  it('is the CAGR from the latest value to the target, not the rate from the base', () => {
    expect(r.neededFromLatest).toBeCloseTo(Math.pow(60 / 34.6, 1 / 5) - 1, 10);
    expect(r.neededFromLatest).toBeCloseTo(0.116, 3);
    expect(r.requiredGrowth).toBeCloseTo(Math.pow(60 / 26.8, 1 / 9) - 1, 10);
  });

  it('gives the value needed one period after the latest', () => {
    expect(r.neededNextPeriod!.t).toBe(2026);
    expect(r.neededNextPeriod!.value).toBeCloseTo(34.6 * (1 + r.neededFromLatest!), 10);
    const quarterly = assessProgress(
      input({
        points: [
          { t: 2025.875, value: 2 },
          { t: 2024.875, value: 1 },
        ],
        periodLength: 0.25,
      }),
    );
    expect(quarterly.neededNextPeriod!.t).toBeCloseTo(2026.125, 10);
  });

  it('says it in one sentence, naming the latest period', () => {
    expect(effortWords(r, share, 'vi')).toBe('Từ mức năm 2025, cần 11,6%/năm; kỳ tới cần 38,6%');
    expect(effortWords(r, share, 'en')).toBe('From 2025, 11.6% a year needed; 38.6% needed next period');
  });

  it('is not given once the target is met or the target year has passed', () => {
    const met = assessProgress(input({ points: yearly({ 2024: 50, 2025: 61 }) }));
    expect(met.neededFromLatest).toBeNull();
    const late = assessProgress(input({ points: yearly({ 2029: 50, 2031: 55 }) }));
    expect(late.neededFromLatest).toBeNull();
  });
});

describe('projection and status', () => {
  it('keeps a projected share inside 0–100', () => {
    const r = assessProgress(
      input({
        points: yearly({ 2022: 70, 2023: 80, 2024: 90, 2025: 99 }),
        target: { value: 100, comparator: '>=', year: 2030 },
        bounds: { min: 0, max: 100 },
      }),
    );
    expect(r.projection!.value).toBe(100);
    expect(r.projectionMeetsTarget).toBe(true);
  });

  it('says why when the status is on track but the linear trend misses the target', () => {
    // Flat for years, then one jump: the compound rate from the base is enough, the linear trend is not.
    const r = assessProgress(
      input({
        points: yearly({ 2021: 40, 2022: 41, 2023: 42, 2024: 43, 2025: 52.5 }),
        target: { value: 75, comparator: '>=', year: 2030 },
      }),
    );
    expect(r.status).toBe('on_track');
    expect(r.projectionMeetsTarget).toBe(false);
    const measure: Measure = { ...share, value: 75, comparator: '>=' };
    expect(explainProgress(r.status, r, measure, 'vi')).toContain(
      'Xu hướng tuyến tính các kỳ đã qua chỉ đến 62,6% năm 2030: trạng thái tính theo tốc độ tăng bình quân từ kỳ gốc đến kỳ mới nhất',
    );
  });
});

describe('a count from 0', () => {
  const count = (points: Point[]) =>
    assessProgress(
      input({
        points,
        target: { value: 10, comparator: '>=', year: 2030 },
        absoluteFromZero: true,
      }),
    );

  it('is assessed on absolute change a year instead of "cannot assess"', () => {
    // 0 → 4 in two years (2 a year) against 10 by 2030 from 0 in 2023 (10/7 a year): on track.
    const r = count(yearly({ 2023: 0, 2025: 4 }));
    expect(r).toMatchObject({ status: 'on_track', absolute: true, reason: null });
    expect(r.ratio).toBeCloseTo(2 / (10 / 7), 10);
  });

  it('reads a fall from a count as deteriorating, and without the option stays undefined', () => {
    expect(count(yearly({ 2023: 0, 2025: 0 })).status).toBe('limited');
    const plain = assessProgress(input({ points: yearly({ 2023: 0, 2025: 4 }) }));
    expect(plain).toMatchObject({ status: 'cannot_assess', reason: 'zero_value' });
  });
});
