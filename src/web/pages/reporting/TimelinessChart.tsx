/** The on-time rate of each cycle past its deadline. Loaded lazily: it brings ECharts with it. */
import { useMemo } from 'react';
import { formatQuantity } from '../../../domain/measure';
import { EChart, type ChartOption } from '../../components/EChart';
import { useLocalized } from '../../i18n';
import { cycleName, formatDay } from './format';
import type { ReportKind, TimelinessItem } from '../../api/reporting';

export default function TimelinessChart({ items }: { items: readonly TimelinessItem[] }) {
  const { t, locale } = useLocalized();
  const option = useMemo<ChartOption>(() => {
    const labels = items.map((i) =>
      cycleName(t, { kind: i.kind as ReportKind, year: Number(i.period.slice(0, 4)) }),
    );
    const percent = (i: TimelinessItem) => (i.rate === null ? null : Math.round(i.rate * 1000) / 10);
    const pct = (v: unknown) => (typeof v === 'number' ? formatQuantity(v, '%', locale) : '—');
    return {
      grid: { left: 48, right: 24, top: 32, bottom: 56 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: pct,
      },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { interval: 0, width: 120, overflow: 'break' },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('reporting.plan.chartSeries'),
          data: items.map((i) => ({
            value: percent(i),
            name: `${formatDay(i.due, locale)} · ${t('reporting.plan.rate', { onTime: i.onTime, obligated: i.obligated })}`,
          })),
          symbolSize: 12,
          lineStyle: { width: 3 },
          itemStyle: { color: '#4263eb' },
          label: {
            show: true,
            position: 'top',
            formatter: (p) => pct(p.value),
          },
        },
      ],
    };
  }, [items, t, locale]);
  return (
    <EChart
      option={option}
      height={280}
      aria-label={t('reporting.plan.chartLabel')}
      data-testid="timeliness-chart"
    />
  );
}
