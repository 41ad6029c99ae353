import { formatNumber, formatQuantity, PER_TEXT, type Locale, type Measure } from './measure.js';
import type { ProgressResult, StatusKey } from './progress.js';

export const STATUS_LABEL: Record<Locale, Record<StatusKey, string>> = {
  vi: {
    achieved: 'Đã đạt',
    on_track: 'Đúng tiến độ',
    needs_acceleration: 'Cần đẩy nhanh',
    limited: 'Tiến triển chậm',
    deteriorating: 'Đang xấu đi',
    cannot_assess: 'Chưa đánh giá được',
    not_started: 'Chưa thực hiện',
    in_progress: 'Đang thực hiện',
  },
  en: {
    achieved: 'Achieved',
    on_track: 'On track',
    needs_acceleration: 'Needs acceleration',
    limited: 'Limited progress',
    deteriorating: 'Deteriorating',
    cannot_assess: 'Cannot assess',
    not_started: 'Not started',
    in_progress: 'In progress',
  },
};

const pct = (rate: number, locale: Locale) => `${formatNumber(Math.round(rate * 1000) / 10, locale)}%`;

/**
 * One plain sentence that explains a status, e.g.
 * "Cần đẩy nhanh: tốc độ hiện tại 3,1%/năm, cần 4,2%/năm để đạt 75% vào năm 2030".
 */
export function explainProgress(
  status: StatusKey,
  result: ProgressResult | null,
  measure: Measure,
  locale: Locale,
): string {
  const vi = locale === 'vi';
  const label = STATUS_LABEL[locale][status];
  const per = measure.per ? ` ${PER_TEXT[locale][measure.per]}` : '';
  const goal = `${formatQuantity(measure.value, measure.unit, locale)}${per}${measure.year ? (vi ? ` vào năm ${measure.year}` : ` by ${measure.year}`) : ''}`;
  const latest = result?.latest
    ? formatQuantity(Math.round(result.latest.value * 100) / 100, measure.unit, locale)
    : null;
  switch (status) {
    case 'not_started':
    case 'in_progress':
      return vi
        ? `${label}: mốc cần hoàn thành${measure.year ? ` vào năm ${measure.year}` : ''}`
        : `${label}: milestone due${measure.year ? ` by ${measure.year}` : ''}`;
    case 'achieved':
      return latest
        ? vi
          ? `${label}: giá trị mới nhất ${latest} đã đạt chỉ tiêu ${goal}`
          : `${label}: the latest value ${latest} meets the target ${goal}`
        : label;
    case 'cannot_assess': {
      const why: Record<string, [string, string]> = {
        too_few_points: ['cần ít nhất hai giá trị theo thời gian', 'needs at least two values over time'],
        zero_value: [
          'có giá trị bằng 0, không tính được tốc độ tăng',
          'a zero value makes the growth rate undefined',
        ],
        sign_change: ['giá trị đổi dấu, không tính được tốc độ tăng', 'the values change sign'],
        no_time_span: ['các giá trị cùng một kỳ', 'all values are from the same period'],
        target_year_passed: ['năm mục tiêu không sau năm gốc', 'the target year is not after the base year'],
      };
      const reason = why[result?.reason ?? 'too_few_points']!;
      return `${label}: ${vi ? reason[0] : reason[1]}`;
    }
    default: {
      const observed = result?.observedGrowth;
      const required = result?.requiredGrowth;
      if (observed === null || observed === undefined) return label;
      if (required === null || required === undefined || required === 0) {
        return vi
          ? `${label}: tốc độ hiện tại ${pct(observed, locale)}/năm`
          : `${label}: current rate ${pct(observed, locale)} a year`;
      }
      return vi
        ? `${label}: tốc độ hiện tại ${pct(observed, locale)}/năm, cần ${pct(required, locale)}/năm để đạt ${goal}`
        : `${label}: current rate ${pct(observed, locale)} a year, ${pct(required, locale)} a year needed to reach ${goal}`;
    }
  }
}
