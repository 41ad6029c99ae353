import {
  COMPARATOR_SYMBOL,
  formatNumber,
  roundForReading,
  formatQuantity,
  PER_TEXT,
  type Locale,
  type Measure,
} from './measure.js';
import type { PerPeriodResult } from './per-period.js';
import { periodWords } from './period.js';
import type { ProgressResult, StatusKey } from './progress.js';
import type { Coverage } from './rollup.js';

export const STATUS_LABEL: Record<Locale, Record<StatusKey, string>> = {
  vi: {
    achieved: 'Đã đạt',
    on_track: 'Đúng tiến độ',
    needs_acceleration: 'Cần đẩy nhanh',
    limited: 'Tiến triển chậm',
    deteriorating: 'Đang xấu đi',
    not_met: 'Chưa đạt',
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
    not_met: 'Not met',
    cannot_assess: 'Cannot assess',
    not_started: 'Not started',
    in_progress: 'In progress',
  },
};

const pct = (rate: number, locale: Locale) => `${formatNumber(Math.round(rate * 1000) / 10, locale)}%`;

/** What the status does not rest on, said beside it. */
export interface ExplainContext {
  /** A per-period target's assessment (src/domain/per-period.ts). */
  perPeriod?: PerPeriodResult | null;
  /** A newer figure left out because too few units have reported. */
  partial?: { period: string; coverage: Coverage | null } | null;
  /** Each sex's status, for a target that commits for each sex. */
  bySex?: { female: StatusKey; male: StatusKey } | null;
}

/** "1/65 đơn vị đã báo cáo" (the count a partial roll-up rests on). */
export function coverageWords(coverage: Coverage, locale: Locale): string {
  return locale === 'vi'
    ? `${coverage.reported}/${coverage.owed} đơn vị đã báo cáo`
    : `${coverage.reported} of ${coverage.owed} units reported`;
}

/**
 * One plain sentence that explains a status, e.g.
 * "Cần đẩy nhanh: tốc độ hiện tại 3,1%/năm, cần 4,2%/năm để đạt 75% vào năm 2030", followed by what the
 * status does not rest on (a newer partial figure) and, where they disagree, why the projection differs.
 */
export function explainProgress(
  status: StatusKey,
  result: ProgressResult | null,
  measure: Measure,
  locale: Locale,
  context: ExplainContext = {},
): string {
  const main = context.perPeriod
    ? explainPerPeriod(status, context.perPeriod, measure, locale)
    : explainStatus(status, result, measure, locale);
  const extra = [
    context.bySex ? sexWords(context.bySex, locale) : null,
    result ? projectionWords(status, result, measure, locale) : null,
    context.partial ? partialWords(context.partial, locale) : null,
  ].filter((x): x is string => x !== null);
  return extra.length === 0 ? main : `${main}. ${extra.join('. ')}`;
}

/**
 * The effort from now, said beside the status: "Từ mức năm 2025, cần 11,6%/năm; kỳ tới cần 38,6%". Null when
 * the target is met or no rate can be computed.
 */
export function effortWords(result: ProgressResult, measure: Measure, locale: Locale): string | null {
  const needed = result.neededFromLatest;
  const latest = result.latest;
  if (needed === null || !latest) return null;
  const vi = locale === 'vi';
  const from = periodWords(latest.period ?? String(Math.round(latest.t)), locale);
  const rate = result.absolute
    ? `${formatNumber(roundForReading(needed), locale)}${vi ? '/năm' : ' a year'}`
    : `${pct(needed, locale)}${vi ? '/năm' : ' a year'}`;
  const next = result.neededNextPeriod
    ? formatQuantity(roundForReading(result.neededNextPeriod.value), measure.unit, locale)
    : null;
  return vi
    ? `Từ mức ${from}, cần ${rate}${next ? `; kỳ tới cần ${next}` : ''}`
    : `From ${from}, ${rate} needed${next ? `; ${next} needed next period` : ''}`;
}

/** Said only when the linear projection and the status disagree. */
function projectionWords(
  status: StatusKey,
  result: ProgressResult,
  measure: Measure,
  locale: Locale,
): string | null {
  const p = result.projection;
  if (!p || result.projectionMeetsTarget === null) return null;
  const good = status === 'on_track' || status === 'achieved';
  const bad = status === 'needs_acceleration' || status === 'limited' || status === 'deteriorating';
  const value = formatQuantity(roundForReading(p.value), measure.unit, locale);
  const vi = locale === 'vi';
  if (good && !result.projectionMeetsTarget) {
    return vi
      ? `Xu hướng tuyến tính các kỳ đã qua chỉ đến ${value} năm ${p.t}: trạng thái tính theo tốc độ tăng bình quân từ kỳ gốc đến kỳ mới nhất, dự báo theo đường thẳng qua mọi kỳ`
      : `The linear trend of past periods reaches only ${value} in ${p.t}: the status uses the average rate from the base to the latest period, the projection a straight line through every period`;
  }
  if (bad && result.projectionMeetsTarget) {
    return vi
      ? `Xu hướng tuyến tính các kỳ đã qua đến ${value} năm ${p.t}: trạng thái so tốc độ tăng bình quân từ kỳ gốc với tốc độ cần thiết, dự báo theo đường thẳng qua mọi kỳ`
      : `The linear trend of past periods reaches ${value} in ${p.t}: the status compares the average rate from the base with the rate needed, the projection is a straight line through every period`;
  }
  return null;
}

/** Each sex's status for a target set for each sex; the measure takes the worse of the two. */
function sexWords(bySex: { female: StatusKey; male: StatusKey }, locale: Locale): string {
  const l = STATUS_LABEL[locale];
  return locale === 'vi'
    ? `Chỉ tiêu đặt cho từng giới: nữ ${l[bySex.female]}, nam ${l[bySex.male]}; trạng thái chung lấy theo giới có kết quả kém hơn`
    : `The target is set for each sex: women ${l[bySex.female]}, men ${l[bySex.male]}; the status follows the weaker of the two`;
}

function partialWords(partial: NonNullable<ExplainContext['partial']>, locale: Locale): string {
  const when = periodWords(partial.period, locale);
  const covered = partial.coverage ? coverageWords(partial.coverage, locale) : null;
  return locale === 'vi'
    ? `Số liệu ${when} chưa đủ${covered ? ` (${covered})` : ''}, chưa dùng để đánh giá`
    : `Figures for ${when} are incomplete${covered ? ` (${covered})` : ''} and not used for the status`;
}

/** A per-period target: how many units met it in the latest complete period. */
function explainPerPeriod(status: StatusKey, r: PerPeriodResult, measure: Measure, locale: Locale): string {
  const label = STATUS_LABEL[locale][status];
  const vi = locale === 'vi';
  if (!r.latest) {
    return vi
      ? `${label}: chưa có kỳ nào đã kết thúc và đủ đơn vị báo cáo`
      : `${label}: no period is over and covered by enough units yet`;
  }
  const threshold = `${COMPARATOR_SYMBOL[measure.comparator]} ${formatQuantity(measure.value, measure.unit, locale)}`;
  const when = periodWords(r.latest.period, locale);
  return vi
    ? `${label}: ${r.latest.meeting}/${r.latest.owed} đơn vị đạt ${threshold} trong ${when}`
    : `${label}: ${r.latest.meeting} of ${r.latest.owed} units reached ${threshold} in ${when}`;
}

function explainStatus(
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
