import { describe, expect, it } from 'vitest';
import type { Measure } from './measure.js';
import { STATUS_LABEL, explainProgress } from './progress-explain.js';
import {
  MILESTONE_STATUSES,
  PROGRESS_STATUSES,
  assessProgress,
  type CannotAssessReason,
  type ProgressResult,
} from './progress.js';

/** ≥ 75 % by 2030, the seed-004 shape. */
function measure(overrides: Partial<Measure> = {}): Measure {
  return { value: 75, unit: '%', comparator: '>=', year: 2030, baseline: null, per: null, ...overrides };
}

function result(overrides: Partial<ProgressResult> = {}): ProgressResult {
  return {
    status: 'needs_acceleration',
    reason: null,
    latest: { t: 2024, value: 55 },
    base: { t: 2020, value: 40 },
    observedGrowth: 0.031,
    requiredGrowth: 0.042,
    ratio: 0.031 / 0.042,
    neededThisYear: null,
    projection: null,
    lowConfidence: false,
    neededFromLatest: null,
    neededNextPeriod: null,
    projectionMeetsTarget: null,
    absolute: false,
    ...overrides,
  };
}

describe('STATUS_LABEL', () => {
  it('names every progress and milestone status in both languages', () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const status of [...PROGRESS_STATUSES, ...MILESTONE_STATUSES]) {
        expect(STATUS_LABEL[locale][status]).toMatch(/\S/);
      }
    }
    expect(STATUS_LABEL.vi.needs_acceleration).toBe('Cần đẩy nhanh');
    expect(STATUS_LABEL.en.on_track).toBe('On track');
  });
});

describe('explainProgress: statuses with a rate', () => {
  it('needs acceleration: the exact Vietnamese sentence', () => {
    expect(explainProgress('needs_acceleration', result(), measure(), 'vi')).toBe(
      'Cần đẩy nhanh: tốc độ hiện tại 3,1%/năm, cần 4,2%/năm để đạt 75% vào năm 2030',
    );
  });

  it('needs acceleration in English', () => {
    expect(explainProgress('needs_acceleration', result(), measure(), 'en')).toBe(
      'Needs acceleration: current rate 3.1% a year, 4.2% a year needed to reach 75% by 2030',
    );
  });

  it('on track, from a real assessment (40 % → 55 %, ≥ 75 % in 2030)', () => {
    const r = assessProgress({
      points: [
        { t: 2020, value: 40 },
        { t: 2024, value: 55 },
      ],
      direction: { kind: 'higher' },
      target: { value: 75, comparator: '>=', year: 2030 },
      currentYear: 2025,
    });
    expect(r.status).toBe('on_track');
    expect(explainProgress(r.status, r, measure(), 'vi')).toBe(
      'Đúng tiến độ: tốc độ hiện tại 8,3%/năm, cần 6,5%/năm để đạt 75% vào năm 2030',
    );
    expect(explainProgress(r.status, r, measure(), 'en')).toBe(
      'On track: current rate 8.3% a year, 6.5% a year needed to reach 75% by 2030',
    );
  });

  it('limited progress', () => {
    const r = result({ observedGrowth: 0.012, requiredGrowth: 0.065 });
    expect(explainProgress('limited', r, measure(), 'vi')).toBe(
      'Tiến triển chậm: tốc độ hiện tại 1,2%/năm, cần 6,5%/năm để đạt 75% vào năm 2030',
    );
    expect(explainProgress('limited', r, measure(), 'en')).toBe(
      'Limited progress: current rate 1.2% a year, 6.5% a year needed to reach 75% by 2030',
    );
  });

  it('deteriorating, with a negative rate and a lower-is-better target', () => {
    const r = result({ observedGrowth: 0.02, requiredGrowth: -0.035, latest: { t: 2024, value: 65 } });
    const m = measure({ value: 42, unit: 'per100000', comparator: '<=' });
    expect(explainProgress('deteriorating', r, m, 'vi')).toBe(
      'Đang xấu đi: tốc độ hiện tại 2%/năm, cần -3,5%/năm để đạt 42/100.000 vào năm 2030',
    );
    expect(explainProgress('deteriorating', result({ observedGrowth: -0.012 }), measure(), 'en')).toBe(
      'Deteriorating: current rate -1.2% a year, 4.2% a year needed to reach 75% by 2030',
    );
  });

  it('rounds rates to one decimal of a percent', () => {
    const r = result({ observedGrowth: 0.03149, requiredGrowth: 0.04151 });
    expect(explainProgress('needs_acceleration', r, measure(), 'vi')).toContain('3,1%/năm, cần 4,2%/năm');
  });

  it('gives only the current rate without a numeric target or with a zero required growth', () => {
    expect(
      explainProgress('on_track', result({ requiredGrowth: null, observedGrowth: 0.021 }), measure(), 'vi'),
    ).toBe('Đúng tiến độ: tốc độ hiện tại 2,1%/năm');
    expect(
      explainProgress('limited', result({ requiredGrowth: 0, observedGrowth: 0.003 }), measure(), 'en'),
    ).toBe('Limited progress: current rate 0.3% a year');
  });

  it('gives only the label without an observed rate', () => {
    expect(explainProgress('on_track', result({ observedGrowth: null }), measure(), 'vi')).toBe(
      'Đúng tiến độ',
    );
    expect(explainProgress('limited', null, measure(), 'en')).toBe('Limited progress');
  });

  it('a target without a year leaves the year out', () => {
    expect(explainProgress('needs_acceleration', result(), measure({ year: null }), 'vi')).toBe(
      'Cần đẩy nhanh: tốc độ hiện tại 3,1%/năm, cần 4,2%/năm để đạt 75%',
    );
  });
});

describe('explainProgress: achieved', () => {
  it('names the latest value (rounded to 2 decimals) and the target', () => {
    const r = result({ status: 'achieved', latest: { t: 2024, value: 76.256 } });
    expect(explainProgress('achieved', r, measure(), 'vi')).toBe(
      'Đã đạt: giá trị mới nhất 76,26% đã đạt chỉ tiêu 75% vào năm 2030',
    );
    expect(explainProgress('achieved', r, measure(), 'en')).toBe(
      'Achieved: the latest value 76.26% meets the target 75% by 2030',
    );
  });

  it('writes the unit of the measure', () => {
    const r = result({ status: 'achieved', latest: { t: 2024, value: 108 } });
    expect(
      explainProgress('achieved', r, measure({ value: 109, unit: 'per100', comparator: '<=' }), 'vi'),
    ).toBe('Đã đạt: giá trị mới nhất 108/100 đã đạt chỉ tiêu 109/100 vào năm 2030');
  });

  it('is only the label without a latest value', () => {
    expect(explainProgress('achieved', null, measure(), 'vi')).toBe('Đã đạt');
    expect(explainProgress('achieved', result({ latest: null }), measure(), 'en')).toBe('Achieved');
  });
});

describe('explainProgress: measures per period', () => {
  const perQuarter = measure({ value: 4, unit: 'count', per: 'quarter' });

  it('says "mỗi quý" / "per quarter" in the target', () => {
    const r = result({ status: 'achieved', latest: { t: 2024, value: 5 } });
    expect(explainProgress('achieved', r, perQuarter, 'vi')).toBe(
      'Đã đạt: giá trị mới nhất 5 đã đạt chỉ tiêu 4 mỗi quý vào năm 2030',
    );
    expect(explainProgress('achieved', r, perQuarter, 'en')).toBe(
      'Achieved: the latest value 5 meets the target 4 per quarter by 2030',
    );
    expect(explainProgress('needs_acceleration', result(), perQuarter, 'vi')).toBe(
      'Cần đẩy nhanh: tốc độ hiện tại 3,1%/năm, cần 4,2%/năm để đạt 4 mỗi quý vào năm 2030',
    );
  });

  it('says "mỗi tháng" for a monthly measure', () => {
    expect(
      explainProgress('limited', result(), measure({ value: 2, unit: 'count', per: 'month' }), 'vi'),
    ).toContain('để đạt 2 mỗi tháng vào năm 2030');
  });
});

describe('explainProgress: cannot assess', () => {
  const reasons: [CannotAssessReason, string, string][] = [
    ['too_few_points', 'cần ít nhất hai giá trị theo thời gian', 'needs at least two values over time'],
    [
      'zero_value',
      'có giá trị bằng 0, không tính được tốc độ tăng',
      'a zero value makes the growth rate undefined',
    ],
    ['sign_change', 'giá trị đổi dấu, không tính được tốc độ tăng', 'the values change sign'],
    ['no_time_span', 'các giá trị cùng một kỳ', 'all values are from the same period'],
    ['target_year_passed', 'năm mục tiêu không sau năm gốc', 'the target year is not after the base year'],
  ];

  it.each(reasons)('gives the reason %s', (reason, vi, en) => {
    const r = result({ status: 'cannot_assess', reason, observedGrowth: null, requiredGrowth: null });
    expect(explainProgress('cannot_assess', r, measure(), 'vi')).toBe(`Chưa đánh giá được: ${vi}`);
    expect(explainProgress('cannot_assess', r, measure(), 'en')).toBe(`Cannot assess: ${en}`);
  });

  it('without a result (no indicator) says that two values are needed', () => {
    expect(explainProgress('cannot_assess', null, measure(), 'vi')).toBe(
      'Chưa đánh giá được: cần ít nhất hai giá trị theo thời gian',
    );
  });

  it('explains a real assessment of a single value', () => {
    const r = assessProgress({
      points: [{ t: 2024, value: 55 }],
      direction: { kind: 'higher' },
      target: { value: 75, comparator: '>=', year: 2030 },
      currentYear: 2025,
    });
    expect(explainProgress(r.status, r, measure(), 'en')).toBe(
      'Cannot assess: needs at least two values over time',
    );
  });
});

describe('explainProgress: milestones', () => {
  const milestone = measure({ value: 1, unit: 'milestone', comparator: '=' });

  it('not started and in progress name the due year', () => {
    expect(explainProgress('not_started', null, milestone, 'vi')).toBe(
      'Chưa thực hiện: mốc cần hoàn thành vào năm 2030',
    );
    expect(explainProgress('in_progress', null, milestone, 'vi')).toBe(
      'Đang thực hiện: mốc cần hoàn thành vào năm 2030',
    );
    expect(explainProgress('not_started', null, milestone, 'en')).toBe('Not started: milestone due by 2030');
    expect(explainProgress('in_progress', null, milestone, 'en')).toBe('In progress: milestone due by 2030');
  });

  it('leaves the year out when there is none', () => {
    expect(explainProgress('in_progress', null, { ...milestone, year: null }, 'vi')).toBe(
      'Đang thực hiện: mốc cần hoàn thành',
    );
    expect(explainProgress('not_started', null, { ...milestone, year: null }, 'en')).toBe(
      'Not started: milestone due',
    );
  });
});
