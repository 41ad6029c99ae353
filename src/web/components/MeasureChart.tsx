import { useMemo } from 'react';
import { formatNumber, formatQuantity, type Locale } from '../../domain/measure';
import { parsePeriod, periodTime } from '../../domain/period';
import type { MeasureDetailProgress } from '../api';
import { useLocalized } from '../i18n';
import { formatValue, periodText } from '../status';
import { EChart, type ChartOption } from './EChart';

const SEXES = ['total', 'female', 'male'] as const;
const SEX_COLOR: Record<(typeof SEXES)[number], string> = {
  total: '#4263eb',
  female: '#d6336c',
  male: '#1c7ed6',
};
const TRAJECTORY_COLOR = '#868e96';
const TARGET_COLOR = '#0ca678';

/** [x in years, value, period text for the tooltip]. */
type Point = [number, number, string];

/**
 * Round bounds a little outside [lo, hi] on a tick step of 1, 2 or 5 × 10ⁿ (at most 8 steps), so that every
 * point and the target line fit and every tick label is a round number.
 */
function niceAxis(lo: number, hi: number, percent: boolean): { min: number; max: number; interval: number } {
  const span = hi - lo || Math.abs(hi) || 1;
  const padded = { lo: lo - span * 0.08, hi: hi + span * 0.08 };
  const magnitude = 10 ** Math.floor(Math.log10(span / 8));
  let interval = magnitude;
  for (const f of [1, 2, 5, 10, 20]) {
    interval = f * magnitude;
    if ((padded.hi - padded.lo) / interval <= 8) break;
  }
  let min = Math.floor(padded.lo / interval) * interval;
  let max = Math.ceil(padded.hi / interval) * interval;
  if (lo >= 0) min = Math.max(0, min);
  if (percent && hi <= 100) max = Math.min(100, max);
  // Floating steps (0.1 × 3) must not print as 0,30000000000000004.
  const round = (n: number) => Number(n.toPrecision(12));
  return { min: round(min), max: round(max), interval: round(interval) };
}

function buildOption(
  measure: MeasureDetailProgress,
  labels: { sex: Record<string, string>; trajectory: string; target: string },
  locale: Locale,
): ChartOption {
  const unit = measure.target.unit;
  const series: NonNullable<ChartOption['series']> = [];
  const values: number[] = [measure.target.value];
  const xs: number[] = [];

  for (const sex of SEXES) {
    const points: Point[] = [];
    for (const s of measure.series) {
      const p = s.sex === sex ? parsePeriod(s.period) : null;
      if (p) points.push([periodTime(p), s.value, periodText(s.period, locale)]);
    }
    if (points.length === 0) continue;
    points.sort((a, b) => a[0] - b[0]);
    points.forEach(([x, v]) => (xs.push(x), values.push(v)));
    series.push({
      type: 'line',
      name: labels.sex[sex],
      data: points,
      color: SEX_COLOR[sex],
      symbol: 'circle',
      symbolSize: sex === 'total' ? 8 : 6,
      lineStyle: { width: sex === 'total' ? 3 : 2 },
      z: sex === 'total' ? 3 : 2,
    });
  }

  const trajectory: Point[] = measure.trajectory.map((p) => [p.year, p.value, String(p.year)]);
  trajectory.forEach(([x, v]) => (xs.push(x), values.push(v)));
  if (measure.target.year !== null) xs.push(measure.target.year);
  const targetLine = {
    silent: true,
    symbol: 'none',
    lineStyle: { color: TARGET_COLOR, type: 'solid' as const, width: 2 },
    label: {
      formatter: labels.target,
      position: 'insideStartTop' as const,
      color: TARGET_COLOR,
      fontWeight: 600,
    },
    data: [{ yAxis: measure.target.value }],
  };
  series.push({
    type: 'line',
    name: labels.trajectory,
    data: trajectory,
    color: TRAJECTORY_COLOR,
    symbol: 'none',
    lineStyle: { type: 'dashed', width: 2 },
    z: 1,
    markLine: targetLine,
  });

  const y = niceAxis(Math.min(...values), Math.max(...values), unit === '%');
  if (xs.length === 0) xs.push(new Date().getFullYear());
  const xMin = Math.floor(Math.min(...xs));
  const xMax = Math.ceil(Math.max(...xs));
  // Every year labelled when they fit; every other (third …) year over a long span.
  const xInterval = Math.max(1, Math.ceil((xMax - xMin) / 12));

  return {
    animation: false,
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 18, itemHeight: 4 },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0]?.data as Point | undefined;
        const head = first ? first[2] : '';
        const lines = list.map((p) => {
          const d = p.data as Point;
          return `${p.marker as string} ${p.seriesName ?? ''}: <b>${formatValue(d[1], unit, locale)}</b>`;
        });
        return [head, ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      min: xMin,
      max: xMax,
      interval: xInterval,
      splitLine: { show: false },
      axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') },
    },
    yAxis: {
      type: 'value',
      min: y.min,
      max: y.max,
      interval: y.interval,
      axisLabel: {
        formatter: (v: number) => (unit === '%' ? formatQuantity(v, '%', locale) : formatNumber(v, locale)),
      },
    },
    series,
  };
}

/** Observed values by sex over time, the dashed path required to reach the target, and the target itself. */
export function MeasureChart({ measure }: { measure: MeasureDetailProgress }) {
  const { t, locale } = useLocalized();
  const option = useMemo(
    () =>
      buildOption(
        measure,
        {
          sex: { total: t('sex.total'), female: t('sex.female'), male: t('sex.male') },
          trajectory: t('target.trajectory'),
          target: t('target.targetLine', {
            value: formatQuantity(measure.target.value, measure.target.unit, locale),
          }),
        },
        locale,
      ),
    [measure, locale, t],
  );
  return (
    <EChart option={option} height={340} data-testid="measure-chart" aria-label={t('target.chartLabel')} />
  );
}
