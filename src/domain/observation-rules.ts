import {
  numeratorIsPartOfDenominator,
  type IndicatorRules,
  type OrgUnitKind,
  type Sex,
} from './indicator.js';
import { parsePeriod, periodWithinYears, type Period } from './period.js';
import { isInVocabulary } from './disaggregation-vocabulary.js';
import { isStorableNumber, NUMBER_LIMIT } from './input-limits.js';

/** A user's text quoted in a message, cut to a readable length. */
const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The longest text of each column of a figure as entered (JSON batch and CSV alike). */
/**
 * Figures may go back this many years before a plan starts: the baseline that progress is measured from. Progress
 * reads no figure older than that, so that its cost does not grow with the years of history stored.
 */
export const BASELINE_YEARS = 5;

export const OBSERVATION_TEXT_LIMITS = {
  indicator: 40,
  org_unit: 40,
  reporting_unit: 40,
  period: 20,
  sex: 20,
  age_group: 40,
  ethnicity: 60,
  area: 40,
  value: 60,
  numerator: 60,
  denominator: 60,
  source: 500,
  note: 2000,
} as const;

/** A figure as entered, numbers already parsed. */
export interface ObservationInput {
  period: string;
  sex: Sex;
  ageGroup: string;
  ethnicity: string;
  area: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export type ObservationField =
  | 'indicator'
  | 'org_unit'
  | 'reporting_unit'
  | 'period'
  | 'sex'
  | 'age_group'
  | 'ethnicity'
  | 'area'
  | 'value'
  | 'numerator'
  | 'denominator';

export interface FieldError {
  field: ObservationField;
  code: string;
  /** Vietnamese, naming the field. */
  message: string;
}

export interface ObservationContext {
  orgUnitKind: OrgUnitKind;
  /** Years in which figures are accepted (plans using the indicator plus their baseline years); null = any. */
  years: { from: number; to: number } | null;
}

const PERIOD_TYPE_VI = { year: 'năm', half: '6 tháng', quarter: 'quý', month: 'tháng' } as const;
const KIND_VI = {
  nation: 'quốc gia',
  province: 'tỉnh',
  commune: 'xã, phường',
  agency: 'cơ quan, đơn vị',
  section: 'phòng, ban, trung tâm',
} as const;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The value implied by the parts, or the value itself. */
export function derivedValue(rules: IndicatorRules, input: ObservationInput): number | null {
  if (
    input.numerator !== null &&
    input.denominator !== null &&
    input.denominator !== 0 &&
    rules.multiplier !== null
  ) {
    return round((input.numerator / input.denominator) * rules.multiplier, 6);
  }
  return input.value;
}

/** Checks one figure against its indicator. Returns every problem, each naming its field. */
export function validateObservation(
  rules: IndicatorRules,
  input: ObservationInput,
  ctx: ObservationContext,
): { errors: FieldError[]; period: Period | null; value: number | null } {
  const errors: FieldError[] = [];
  const err = (field: ObservationField, code: string, message: string) =>
    errors.push({ field, code, message });

  const period = parsePeriod(input.period);
  if (!period) {
    err(
      'period',
      'period_invalid',
      `Kỳ "${input.period}" không hợp lệ: ghi 2024, 2024-H1, 2024-Q3 hoặc 2024-07`,
    );
  } else {
    if (period.type !== rules.periodType) {
      err(
        'period',
        'period_type',
        `Kỳ: chỉ tiêu ${rules.code} báo cáo theo ${PERIOD_TYPE_VI[rules.periodType]}, không theo ${PERIOD_TYPE_VI[period.type]}`,
      );
    }
    if (ctx.years && !periodWithinYears(period, ctx.years.from, ctx.years.to)) {
      err(
        'period',
        'period_outside_plan',
        `Kỳ ${input.period} nằm ngoài giai đoạn ${ctx.years.from}–${ctx.years.to} của kế hoạch`,
      );
    }
  }
  if (!rules.unitKinds.includes(ctx.orgUnitKind)) {
    err(
      'org_unit',
      'org_unit_not_allowed',
      `Đơn vị: cấp ${KIND_VI[ctx.orgUnitKind]} không báo cáo chỉ tiêu ${rules.code}`,
    );
  }
  if (input.sex !== 'total' && !rules.disaggregations.includes('sex')) {
    err(
      'sex',
      'not_disaggregated',
      `Giới tính: chỉ tiêu ${rules.code} không tách theo giới tính, chỉ nhập "total"`,
    );
  }
  for (const [field, key, label] of [
    ['age_group', 'ageGroup', 'Nhóm tuổi'],
    ['ethnicity', 'ethnicity', 'Dân tộc'],
    ['area', 'area', 'Khu vực'],
  ] as const) {
    if (input[key] !== '' && !rules.disaggregations.includes(field)) {
      err(
        field,
        'not_disaggregated',
        `${label}: chỉ tiêu ${rules.code} không tách theo ${label.toLowerCase()}`,
      );
    }
  }
  if (!isInVocabulary('area', input.area)) {
    err('area', 'area_invalid', 'Khu vực: chỉ nhận "urban" (thành thị) hoặc "rural" (nông thôn)');
  }
  if (!isInVocabulary('age_group', input.ageGroup)) {
    err(
      'age_group',
      'age_group_invalid',
      `Nhóm tuổi "${clip(input.ageGroup)}" không có trong danh mục (ví dụ 0-4, 15-24, 60+)`,
    );
  }
  if (!isInVocabulary('ethnicity', input.ethnicity)) {
    err(
      'ethnicity',
      'ethnicity_invalid',
      `Dân tộc "${clip(input.ethnicity)}" không có trong danh mục 54 dân tộc (hoặc "Dân tộc thiểu số")`,
    );
  }
  for (const [field, key, label] of [
    ['value', 'value', 'Giá trị'],
    ['numerator', 'numerator', 'Tử số'],
    ['denominator', 'denominator', 'Mẫu số'],
  ] as const) {
    const n = input[key];
    if (n !== null && !isStorableNumber(n)) {
      err(
        field,
        'number_out_of_range',
        `${label}: số phải hữu hạn và không vượt quá ±${NUMBER_LIMIT.toLocaleString('vi-VN')}`,
      );
    }
  }
  if (errors.some((e) => e.code === 'number_out_of_range')) return { errors, period, value: null };

  const { numerator, denominator } = input;
  if (!rules.hasParts && (numerator !== null || denominator !== null)) {
    err(
      numerator !== null ? 'numerator' : 'denominator',
      'no_parts',
      `Chỉ tiêu ${rules.code} không có tử số, mẫu số`,
    );
  }
  if (rules.hasParts && (numerator === null) !== (denominator === null)) {
    err(
      numerator === null ? 'numerator' : 'denominator',
      'part_missing',
      'Nhập cả tử số và mẫu số, hoặc chỉ nhập giá trị',
    );
  }
  if (numerator !== null && numerator < 0) err('numerator', 'negative', 'Tử số không được âm');
  if (denominator !== null && denominator <= 0) err('denominator', 'not_positive', 'Mẫu số phải lớn hơn 0');
  if (
    numerator !== null &&
    denominator !== null &&
    denominator > 0 &&
    numeratorIsPartOfDenominator(rules.unit) &&
    numerator > denominator
  ) {
    err(
      'numerator',
      'numerator_gt_denominator',
      `Tử số (${numerator}) không được lớn hơn mẫu số (${denominator})`,
    );
  }

  let value = input.value;
  const fromParts =
    rules.hasParts && numerator !== null && denominator !== null && denominator > 0
      ? derivedValue(rules, input)
      : null;
  if (fromParts !== null) {
    if (value !== null && Math.abs(value - fromParts) > Math.max(0.01, Math.abs(fromParts) * 0.001)) {
      err(
        'value',
        'value_mismatch',
        `Giá trị ${value} không khớp với tử số / mẫu số (${round(fromParts, 2)})`,
      );
    }
    value = fromParts;
  }
  if (value === null) {
    if (!errors.some((e) => e.field === 'numerator' || e.field === 'denominator')) {
      err('value', 'value_missing', 'Giá trị: chưa nhập số liệu');
    }
  } else if (!isStorableNumber(value)) {
    err(
      'value',
      'number_out_of_range',
      `Giá trị tính từ tử số / mẫu số vượt quá ±${NUMBER_LIMIT.toLocaleString('vi-VN')}`,
    );
  } else {
    if (rules.unit === '%' && (value < 0 || value > 100)) {
      err('value', 'share_out_of_range', `Giá trị: tỷ lệ phần trăm phải từ 0 đến 100 (đang là ${value})`);
    } else if (rules.unit === 'milestone' && (value < 0 || value > 1)) {
      err(
        'value',
        'milestone_out_of_range',
        'Giá trị: mốc nhận 0 (chưa thực hiện), 0,5 (đang thực hiện) hoặc 1 (hoàn thành)',
      );
    } else if (value < 0) {
      err('value', 'negative', 'Giá trị không được âm');
    } else if (rules.unit === 'count' && !Number.isInteger(value)) {
      err('value', 'not_integer', 'Giá trị: số lượng phải là số nguyên');
    }
  }
  return { errors, period, value };
}

/** Key of a figure without its sex, for the female + male = total check. */
export function sexGroupKey(indicator: string, orgUnit: string, input: ObservationInput): string {
  return [indicator, orgUnit, input.period, input.ageGroup, input.ethnicity, input.area].join('\u0000');
}

/**
 * Female + male = total when all three are given: for counts on the values, for ratios on numerators and
 * denominators (shares themselves do not add up). Returns the field of the total row that is wrong.
 */
export function checkSexTotals(
  rules: IndicatorRules,
  rows: { sex: Sex; value: number | null; numerator: number | null; denominator: number | null }[],
): FieldError[] {
  const bySex = new Map(rows.map((r) => [r.sex, r]));
  const f = bySex.get('female');
  const m = bySex.get('male');
  const t = bySex.get('total');
  if (!f || !m || !t) return [];
  const errors: FieldError[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  const fields: ('value' | 'numerator' | 'denominator')[] =
    rules.aggregation === 'sum' ? ['value'] : rules.hasParts ? ['numerator', 'denominator'] : [];
  const label = { value: 'Giá trị', numerator: 'Tử số', denominator: 'Mẫu số' };
  for (const field of fields) {
    const [a, b, c] = [f[field], m[field], t[field]];
    if (a !== null && b !== null && c !== null && !close(a + b, c)) {
      errors.push({
        field,
        code: 'sex_total_mismatch',
        message: `${label[field]}: nữ (${a}) + nam (${b}) phải bằng tổng (${c})`,
      });
    }
  }
  return errors;
}
