import { describe, expect, it } from 'vitest';
import type { IndicatorRules } from './indicator.js';
import {
  checkSexTotals,
  derivedValue,
  sexGroupKey,
  validateObservation,
  type FieldError,
  type ObservationContext,
  type ObservationField,
  type ObservationInput,
} from './observation-rules.js';

/** A share of persons (%), numerator/denominator × 100, by sex, yearly, from the province and communes. */
function shareRules(overrides: Partial<IndicatorRules> = {}): IndicatorRules {
  return {
    code: 'BDG-01',
    unit: '%',
    direction: { kind: 'higher' },
    multiplier: 100,
    hasParts: true,
    disaggregations: ['sex'],
    aggregation: 'ratio',
    periodType: 'year',
    unitKinds: ['province', 'commune'],
    minValue: 0,
    maxValue: 100,
    ...overrides,
  };
}

/** A count (persons, items), summed across units, without parts. */
const countRules = shareRules({
  code: 'BDG-05',
  unit: 'count',
  direction: { kind: 'lower' },
  multiplier: null,
  hasParts: false,
  disaggregations: ['sex', 'age_group', 'ethnicity', 'area'],
  aggregation: 'sum',
  minValue: 0,
  maxValue: null,
});

/** Sex ratio at birth: boys per 100 girls (the numerator is not a part of the denominator). */
const srbRules = shareRules({
  code: 'BDG-10',
  unit: 'per100',
  direction: { kind: 'band', min: 104, max: 109 },
  disaggregations: ['area'],
  minValue: 95,
  maxValue: 125,
});

/** Adolescent births per 1,000 women aged 15–19. */
const per1000Rules = shareRules({ code: 'BDG-12', unit: 'per1000', multiplier: 1000, disaggregations: [] });

const milestoneRules = shareRules({
  code: 'BDG-20',
  unit: 'milestone',
  multiplier: null,
  hasParts: false,
  disaggregations: [],
  aggregation: 'max',
  unitKinds: ['province', 'agency'],
  minValue: 0,
  maxValue: 1,
});

function obs(overrides: Partial<ObservationInput> = {}): ObservationInput {
  return {
    period: '2024',
    sex: 'total',
    ageGroup: '',
    ethnicity: '',
    area: '',
    value: null,
    numerator: null,
    denominator: null,
    ...overrides,
  };
}

const ctx: ObservationContext = { orgUnitKind: 'province', years: { from: 2021, to: 2030 } };

const codes = (errors: FieldError[]) => errors.map((e) => `${e.field}:${e.code}`);
const validate = (rules: IndicatorRules, input: Partial<ObservationInput>, context = ctx) =>
  validateObservation(rules, obs(input), context);
const only = (rules: IndicatorRules, input: Partial<ObservationInput>, context = ctx) => {
  const { errors } = validate(rules, input, context);
  expect(errors).toHaveLength(1);
  return errors[0]!;
};

/** The Vietnamese name of each field, which its messages must contain. */
const FIELD_VI: Record<ObservationField, string> = {
  indicator: 'chỉ tiêu',
  org_unit: 'đơn vị',
  reporting_unit: 'đơn vị báo cáo',
  period: 'kỳ',
  sex: 'giới tính',
  age_group: 'nhóm tuổi',
  ethnicity: 'dân tộc',
  area: 'khu vực',
  value: 'giá trị',
  numerator: 'tử số',
  denominator: 'mẫu số',
};

describe('validateObservation: valid figures', () => {
  it('accepts a share given by its parts and derives the value', () => {
    const r = validate(shareRules(), { numerator: 3, denominator: 10 });
    expect(r.errors).toEqual([]);
    expect(r.value).toBe(30);
    expect(r.period).toEqual({ type: 'year', year: 2024, index: 1 });
  });

  it('accepts a share given by its value only', () => {
    const r = validate(shareRules(), { value: 42.5 });
    expect(r.errors).toEqual([]);
    expect(r.value).toBe(42.5);
  });

  it('accepts a matching value with its parts, and keeps the value derived from the parts', () => {
    const r = validate(shareRules(), { value: 33.33, numerator: 1, denominator: 3 });
    expect(r.errors).toEqual([]);
    expect(r.value).toBe(33.333333);
  });

  it('derives per 1,000 and per 100 values with the multiplier', () => {
    expect(validate(per1000Rules, { numerator: 18, denominator: 1000 }).value).toBe(18);
    expect(validate(per1000Rules, { numerator: 27, denominator: 1500 }).value).toBe(18);
    expect(validate(srbRules, { numerator: 1120, denominator: 1000 }).value).toBe(112);
  });

  it('accepts the edges of a share (0 and 100) and the milestone steps', () => {
    expect(validate(shareRules(), { value: 0 }).errors).toEqual([]);
    expect(validate(shareRules(), { value: 100 }).errors).toEqual([]);
    for (const value of [0, 0.5, 1]) expect(validate(milestoneRules, { value }).errors).toEqual([]);
  });

  it('accepts disaggregated figures the indicator provides for', () => {
    const r = validate(countRules, {
      value: 12,
      sex: 'female',
      ageGroup: '15-24',
      ethnicity: 'Tày',
      area: 'rural',
    });
    expect(r.errors).toEqual([]);
  });

  it('accepts any year when the context has no plan years', () => {
    expect(validate(shareRules(), { period: '1999', value: 1 }, { ...ctx, years: null }).errors).toEqual([]);
  });
});

describe('validateObservation: each error, with its field', () => {
  it('period_invalid for a period that does not parse (and no period type check on top)', () => {
    for (const period of ['2024-Q5', '2024-13', '24', 'năm 2024']) {
      const r = validate(shareRules(), { period, value: 10 });
      expect(codes(r.errors)).toEqual(['period:period_invalid']);
      expect(r.errors[0]!.message).toContain(`"${period}"`);
      expect(r.period).toBeNull();
    }
  });

  it('period_type when the period is not of the indicator type', () => {
    const e = only(shareRules(), { period: '2024-Q3', value: 10 });
    expect(`${e.field}:${e.code}`).toBe('period:period_type');
    expect(e.message).toBe('Kỳ: chỉ tiêu BDG-01 báo cáo theo năm, không theo quý');
    const monthly = only(shareRules({ periodType: 'quarter' }), { period: '2024-07', value: 10 });
    expect(monthly.message).toBe('Kỳ: chỉ tiêu BDG-01 báo cáo theo quý, không theo tháng');
    const half = only(shareRules(), { period: '2024-H1', value: 10 });
    expect(half.message).toContain('không theo 6 tháng');
  });

  it('period_outside_plan before and after the plan years, not on its edges', () => {
    for (const period of ['2020', '2031']) {
      const e = only(shareRules(), { period, value: 10 });
      expect(`${e.field}:${e.code}`).toBe('period:period_outside_plan');
      expect(e.message).toBe(`Kỳ ${period} nằm ngoài giai đoạn 2021–2030 của kế hoạch`);
    }
    expect(validate(shareRules(), { period: '2021', value: 10 }).errors).toEqual([]);
    expect(validate(shareRules(), { period: '2030', value: 10 }).errors).toEqual([]);
  });

  it('org_unit_not_allowed when the kind of unit does not report the indicator', () => {
    const e = only(shareRules(), { value: 10 }, { ...ctx, orgUnitKind: 'agency' });
    expect(`${e.field}:${e.code}`).toBe('org_unit:org_unit_not_allowed');
    expect(e.message).toBe('Đơn vị: cấp cơ quan, đơn vị không báo cáo chỉ tiêu BDG-01');
    expect(validate(shareRules(), { value: 10 }, { ...ctx, orgUnitKind: 'commune' }).errors).toEqual([]);
  });

  it('not_disaggregated by sex: only "total" is accepted', () => {
    for (const sex of ['female', 'male'] as const) {
      const e = only(srbRules, { sex, value: 110 });
      expect(`${e.field}:${e.code}`).toBe('sex:not_disaggregated');
      expect(e.message).toContain('BDG-10');
    }
    expect(validate(srbRules, { sex: 'total', value: 110 }).errors).toEqual([]);
  });

  it('not_disaggregated by age group, ethnicity and area, each on its own field', () => {
    const rules = shareRules({ disaggregations: [] });
    expect(codes(validate(rules, { ageGroup: '15-24', value: 10 }).errors)).toEqual([
      'age_group:not_disaggregated',
    ]);
    expect(codes(validate(rules, { ethnicity: 'Nùng', value: 10 }).errors)).toEqual([
      'ethnicity:not_disaggregated',
    ]);
    expect(codes(validate(rules, { area: 'urban', value: 10 }).errors)).toEqual(['area:not_disaggregated']);
    expect(only(rules, { ageGroup: '15-24', value: 10 }).message).toBe(
      'Nhóm tuổi: chỉ tiêu BDG-01 không tách theo nhóm tuổi',
    );
  });

  it('area_invalid for an area other than urban or rural', () => {
    const e = only(srbRules, { area: 'thành thị', value: 110 });
    expect(`${e.field}:${e.code}`).toBe('area:area_invalid');
    expect(validate(srbRules, { area: 'urban', value: 110 }).errors).toEqual([]);
    expect(validate(srbRules, { area: 'rural', value: 110 }).errors).toEqual([]);
    // Both problems at once when the indicator is not by area either.
    expect(codes(validate(shareRules(), { area: 'city', value: 10 }).errors)).toEqual([
      'area:not_disaggregated',
      'area:area_invalid',
    ]);
  });

  it('no_parts for an indicator without numerator and denominator, on the field given', () => {
    expect(codes(validate(countRules, { value: 3, numerator: 3 }).errors)).toEqual(['numerator:no_parts']);
    expect(codes(validate(countRules, { value: 3, denominator: 10 }).errors)).toEqual([
      'denominator:no_parts',
    ]);
    expect(codes(validate(countRules, { value: 3, numerator: 3, denominator: 10 }).errors)).toEqual([
      'numerator:no_parts',
    ]);
    // The parts are ignored: the value stays the one entered.
    expect(validate(countRules, { value: 3, numerator: 1, denominator: 10 }).value).toBe(3);
  });

  it('part_missing on the missing part, and no value_missing on top', () => {
    expect(codes(validate(shareRules(), { numerator: 3 }).errors)).toEqual(['denominator:part_missing']);
    expect(codes(validate(shareRules(), { denominator: 10 }).errors)).toEqual(['numerator:part_missing']);
    // The value entered alongside a lone part is kept.
    const r = validate(shareRules(), { numerator: 3, value: 30 });
    expect(codes(r.errors)).toEqual(['denominator:part_missing']);
    expect(r.value).toBe(30);
  });

  it('negative numerator', () => {
    const r = validate(srbRules, { numerator: -1, denominator: 100 });
    expect(codes(r.errors)).toContain('numerator:negative');
  });

  it('not_positive denominator (zero or negative), without a derived value', () => {
    for (const denominator of [0, -5]) {
      const r = validate(srbRules, { numerator: 3, denominator });
      expect(codes(r.errors)).toEqual(['denominator:not_positive']);
      expect(r.value).toBeNull();
    }
    // For a share, a zero denominator is reported once, not also as a numerator larger than it.
    expect(codes(validate(shareRules(), { numerator: 3, denominator: 0 }).errors)).toEqual([
      'denominator:not_positive',
    ]);
    expect(codes(validate(shareRules(), { numerator: 0, denominator: 0 }).errors)).toEqual([
      'denominator:not_positive',
    ]);
  });

  it('numerator_gt_denominator for a % and per 1,000 and per 100,000', () => {
    // The derived 110 % is then also out of range.
    const share = validate(shareRules(), { numerator: 11, denominator: 10 }).errors;
    expect(codes(share)).toEqual(['numerator:numerator_gt_denominator', 'value:share_out_of_range']);
    expect(share[0]!.message).toBe('Tử số (11) không được lớn hơn mẫu số (10)');
    expect(codes(validate(per1000Rules, { numerator: 1001, denominator: 1000 }).errors)).toEqual([
      'numerator:numerator_gt_denominator',
    ]);
    const per100000 = shareRules({ unit: 'per100000', multiplier: 100000, disaggregations: [] });
    expect(codes(validate(per100000, { numerator: 5, denominator: 4 }).errors)).toContain(
      'numerator:numerator_gt_denominator',
    );
    // Equal parts are fine.
    expect(validate(shareRules(), { numerator: 10, denominator: 10 }).errors).toEqual([]);
  });

  it('no numerator_gt_denominator for the sex ratio at birth (per 100), where more boys than girls is normal', () => {
    const r = validate(srbRules, { numerator: 1120, denominator: 1000 });
    expect(r.errors).toEqual([]);
    expect(r.value).toBe(112);
  });

  it('value_mismatch when the value entered disagrees with the parts; the parts win', () => {
    const r = validate(shareRules(), { value: 31, numerator: 3, denominator: 10 });
    expect(codes(r.errors)).toEqual(['value:value_mismatch']);
    expect(r.errors[0]!.message).toBe('Giá trị 31 không khớp với tử số / mẫu số (30)');
    expect(r.value).toBe(30);
  });

  it('value_mismatch tolerates rounding (0.01, or 0.1 % of the value)', () => {
    expect(validate(shareRules(), { value: 30.01, numerator: 3, denominator: 10 }).errors).toEqual([]);
    expect(validate(shareRules(), { value: 30.02, numerator: 3, denominator: 10 }).errors).toEqual([]);
    expect(codes(validate(shareRules(), { value: 30.05, numerator: 3, denominator: 10 }).errors)).toEqual([
      'value:value_mismatch',
    ]);
    expect(validate(shareRules(), { value: 0.005, numerator: 0, denominator: 10 }).errors).toEqual([]);
  });

  it('value_missing when nothing is entered', () => {
    const r = validate(shareRules(), {});
    expect(codes(r.errors)).toEqual(['value:value_missing']);
    expect(r.errors[0]!.message).toBe('Giá trị: chưa nhập số liệu');
    expect(r.value).toBeNull();
  });

  it('share_out_of_range for a % above 100 or below 0, naming "Giá trị" and 0 đến 100', () => {
    const e = only(shareRules(), { value: 120 });
    expect(`${e.field}:${e.code}`).toBe('value:share_out_of_range');
    expect(e.message).toContain('Giá trị');
    expect(e.message).toContain('0 đến 100');
    expect(e.message).toContain('120');
    expect(codes(validate(shareRules(), { value: -5 }).errors)).toEqual(['value:share_out_of_range']);
    expect(codes(validate(shareRules(), { value: 100.01 }).errors)).toEqual(['value:share_out_of_range']);
  });

  it('milestone_out_of_range outside 0–1', () => {
    for (const value of [2, -1, 1.5]) {
      expect(codes(validate(milestoneRules, { value }).errors)).toEqual(['value:milestone_out_of_range']);
    }
  });

  it('negative value for other units', () => {
    expect(codes(validate(countRules, { value: -1 }).errors)).toEqual(['value:negative']);
    expect(codes(validate(srbRules, { value: -1 }).errors)).toEqual(['value:negative']);
  });

  it('not_integer for a count with decimals, but decimals are fine elsewhere', () => {
    const e = only(countRules, { value: 2.5 });
    expect(`${e.field}:${e.code}`).toBe('value:not_integer');
    expect(validate(countRules, { value: 3 }).errors).toEqual([]);
    expect(validate(srbRules, { value: 110.5 }).errors).toEqual([]);
  });

  it('reports every problem at once', () => {
    const r = validateObservation(
      srbRules,
      obs({ period: '2024-Q1', sex: 'female', ageGroup: '0-4', area: 'x', numerator: -1, denominator: 0 }),
      { orgUnitKind: 'agency', years: { from: 2026, to: 2030 } },
    );
    expect(codes(r.errors)).toEqual([
      'period:period_type',
      'period:period_outside_plan',
      'org_unit:org_unit_not_allowed',
      'sex:not_disaggregated',
      'age_group:not_disaggregated',
      'area:area_invalid',
      'numerator:negative',
      'denominator:not_positive',
    ]);
  });

  it('writes every message in Vietnamese, naming its field', () => {
    const inputs: [IndicatorRules, Partial<ObservationInput>, ObservationContext][] = [
      [shareRules(), { period: '2024-Q5', value: 1 }, ctx],
      [shareRules(), { period: '2024-Q3', value: 1 }, ctx],
      [shareRules(), { period: '2019', value: 1 }, ctx],
      [shareRules(), { value: 1 }, { ...ctx, orgUnitKind: 'nation' }],
      [srbRules, { sex: 'male', value: 110 }, ctx],
      [shareRules({ disaggregations: [] }), { ageGroup: 'a', ethnicity: 'b', area: 'c', value: 1 }, ctx],
      [countRules, { value: 1, numerator: 1 }, ctx],
      [countRules, { value: 1, denominator: 1 }, ctx],
      [shareRules(), { numerator: 1 }, ctx],
      [shareRules(), { denominator: 1 }, ctx],
      [srbRules, { numerator: -1, denominator: 0 }, ctx],
      [shareRules(), { numerator: 5, denominator: 4 }, ctx],
      [shareRules(), { value: 50, numerator: 1, denominator: 4 }, ctx],
      [shareRules(), {}, ctx],
      [shareRules(), { value: 120 }, ctx],
      [milestoneRules, { value: 3 }, ctx],
      [countRules, { value: -2 }, ctx],
      [countRules, { value: 2.5 }, ctx],
      [countRules, { value: 1e16 }, ctx],
      [shareRules(), { numerator: Infinity, denominator: NaN }, ctx],
      [shareRules(), { numerator: 1e15, denominator: 1e-9 }, ctx],
    ];
    const seen = new Set<string>();
    for (const [rules, input, context] of inputs) {
      for (const e of validate(rules, input, context).errors) {
        seen.add(e.code);
        expect(e.message.toLowerCase(), `${e.field}:${e.code}`).toContain(FIELD_VI[e.field]);
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'age_group_invalid',
        'area_invalid',
        'ethnicity_invalid',
        'milestone_out_of_range',
        'number_out_of_range',
        'negative',
        'no_parts',
        'not_disaggregated',
        'not_integer',
        'not_positive',
        'numerator_gt_denominator',
        'org_unit_not_allowed',
        'part_missing',
        'period_invalid',
        'period_outside_plan',
        'period_type',
        'share_out_of_range',
        'value_mismatch',
        'value_missing',
      ].sort(),
    );
  });
});

describe('derivedValue', () => {
  it('is numerator / denominator × multiplier, rounded to 6 decimals', () => {
    expect(derivedValue(shareRules(), obs({ numerator: 1, denominator: 3 }))).toBe(33.333333);
    expect(derivedValue(shareRules(), obs({ numerator: 2, denominator: 3 }))).toBe(66.666667);
  });

  it('falls back to the value without both parts, with a zero denominator or without a multiplier', () => {
    expect(derivedValue(shareRules(), obs({ value: 7, numerator: 1 }))).toBe(7);
    expect(derivedValue(shareRules(), obs({ value: 7, numerator: 1, denominator: 0 }))).toBe(7);
    expect(derivedValue(countRules, obs({ value: 7, numerator: 1, denominator: 2 }))).toBe(7);
    expect(derivedValue(shareRules(), obs())).toBeNull();
  });
});

describe('sexGroupKey', () => {
  it('is the same for the female, male and total rows of one figure, and differs across figures', () => {
    const female = sexGroupKey('BDG-01', 'u1', obs({ sex: 'female', value: 1 }));
    expect(sexGroupKey('BDG-01', 'u1', obs({ sex: 'male', value: 2 }))).toBe(female);
    expect(sexGroupKey('BDG-01', 'u1', obs({ sex: 'total', value: 3 }))).toBe(female);
    expect(sexGroupKey('BDG-01', 'u1', obs({ period: '2025' }))).not.toBe(female);
    expect(sexGroupKey('BDG-01', 'u2', obs())).not.toBe(female);
    expect(sexGroupKey('BDG-02', 'u1', obs())).not.toBe(female);
    expect(sexGroupKey('BDG-01', 'u1', obs({ ageGroup: '15-24' }))).not.toBe(female);
    expect(sexGroupKey('BDG-01', 'u1', obs({ area: 'urban' }))).not.toBe(female);
    expect(sexGroupKey('BDG-01', 'u1', obs({ ethnicity: 'Tày' }))).not.toBe(female);
  });
});

describe('checkSexTotals', () => {
  const row = (
    sex: 'female' | 'male' | 'total',
    value: number | null,
    numerator = null as number | null,
    denominator = null as number | null,
  ) => ({
    sex,
    value,
    numerator,
    denominator,
  });

  it('a count: female + male must equal the total value', () => {
    expect(checkSexTotals(countRules, [row('female', 10), row('male', 12), row('total', 22)])).toEqual([]);
    const errors = checkSexTotals(countRules, [row('female', 10), row('male', 12), row('total', 23)]);
    expect(codes(errors)).toEqual(['value:sex_total_mismatch']);
    expect(errors[0]!.message).toBe('Giá trị: nữ (10) + nam (12) phải bằng tổng (23)');
  });

  it('a count: tolerates floating-point noise only', () => {
    expect(checkSexTotals(countRules, [row('female', 0.1), row('male', 0.2), row('total', 0.3)])).toEqual([]);
    expect(
      checkSexTotals(countRules, [row('female', 1000), row('male', 1000), row('total', 2001)]),
    ).toHaveLength(1);
  });

  /** A ratio's sex totals: 3 of 10 women and 5 of 20 men, against the `total` row. */
  const againstWomenAndMen = (total: ReturnType<typeof row>) =>
    checkSexTotals(shareRules(), [row('female', 30, 3, 10), row('male', 25, 5, 20), total]);

  it('a ratio: checks numerators and denominators, not the shares', () => {
    // 30 % of women, 25 % of men, 26.67 % overall: the shares do not add up, the parts do.
    expect(againstWomenAndMen(row('total', 26.67, 8, 30))).toEqual([]);
  });

  it('a ratio: names the part that does not add up', () => {
    expect(codes(againstWomenAndMen(row('total', 30, 9, 30)))).toEqual(['numerator:sex_total_mismatch']);
    const wrongDen = againstWomenAndMen(row('total', 25, 8, 32));
    expect(codes(wrongDen)).toEqual(['denominator:sex_total_mismatch']);
    expect(wrongDen[0]!.message).toBe('Mẫu số: nữ (10) + nam (20) phải bằng tổng (32)');
    expect(codes(againstWomenAndMen(row('total', 1, 1, 1)))).toEqual([
      'numerator:sex_total_mismatch',
      'denominator:sex_total_mismatch',
    ]);
  });

  it('a ratio entered as values only has nothing to check', () => {
    expect(checkSexTotals(shareRules(), [row('female', 30), row('male', 25), row('total', 90)])).toEqual([]);
  });

  it('says nothing when one of the three rows is missing', () => {
    expect(checkSexTotals(countRules, [row('female', 10), row('male', 12)])).toEqual([]);
    expect(checkSexTotals(countRules, [row('female', 10), row('total', 99)])).toEqual([]);
    expect(checkSexTotals(countRules, [row('male', 10), row('total', 99)])).toEqual([]);
    expect(checkSexTotals(countRules, [])).toEqual([]);
  });

  it('skips a field that is empty in one of the rows', () => {
    expect(checkSexTotals(countRules, [row('female', null), row('male', 12), row('total', 99)])).toEqual([]);
  });

  it('checks nothing for an indicator that neither sums nor has parts (e.g. a maximum)', () => {
    const rules = shareRules({ aggregation: 'max', hasParts: false, unit: 'count', multiplier: null });
    expect(checkSexTotals(rules, [row('female', 1), row('male', 1), row('total', 5)])).toEqual([]);
  });
});

describe('validateObservation: input limits', () => {
  it('refuses non-finite and huge numbers on the field that holds them, and nothing else about them', () => {
    for (const value of [Infinity, -Infinity, NaN, 1e15 + 2, -1e16, Number.MAX_VALUE]) {
      const r = validate(countRules, { value });
      expect(codes(r.errors)).toEqual(['value:number_out_of_range']);
      expect(r.value).toBeNull();
    }
    expect(codes(validate(shareRules(), { numerator: Infinity, denominator: 10 }).errors)).toEqual([
      'numerator:number_out_of_range',
    ]);
    expect(codes(validate(shareRules(), { numerator: 1, denominator: 1e300 }).errors)).toEqual([
      'denominator:number_out_of_range',
    ]);
    expect(validate(countRules, { value: 1e15 }).errors).toEqual([]);
  });

  it('refuses a value derived from parts that is beyond the limit', () => {
    const rules = shareRules({ unit: 'times', multiplier: 1 });
    expect(codes(validate(rules, { numerator: 1e15, denominator: 1e-6 }).errors)).toEqual([
      'value:number_out_of_range',
    ]);
  });

  it('takes age groups, ethnicities and areas from the vocabulary only', () => {
    expect(
      validate(countRules, { value: 1, ageGroup: '60+', ethnicity: 'Ê Đê', area: 'urban' }).errors,
    ).toEqual([]);
    expect(
      codes(
        validate(countRules, { value: 1, ageGroup: '15 đến 24', ethnicity: 'Klingon', area: 'city' }).errors,
      ),
    ).toEqual(['area:area_invalid', 'age_group:age_group_invalid', 'ethnicity:ethnicity_invalid']);
  });
});
