import { Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { computeUnitFigures, type Computation } from '../../../domain/computed';
import { formatMeasure } from '../../../domain/measure';
import { periodLabel } from '../../../domain/period';
import { meetsTarget } from '../../../domain/progress';
import { queries, type OrgUnitDetail } from '../../api';
import { QueryError } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { useLocalized } from '../../i18n';
import { ComputedBadge, measuresOf, useProvincePlanProgress } from './ComputedIndicator';
import { workQueries } from '../../api/work';
import { quartersOf, todayIso } from './work-format';

/** BDG-22's rule (src/db/reference/indicators.json): the unit's communication items in the quarter. */
const BDG22: Computation = { kind: 'activity_count', activity: 'communication' };

/**
 * The unit's own figure of BDG-22 for each quarter of a year, computed from its log by the same rule as the
 * province's figure, against the plan's target (≥ 4 a quarter). A quarter still running is not counted yet.
 */
export function QuarterCounts({ unit }: { unit: OrgUnitDetail }) {
  const { t, locale } = useLocalized();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, error, refetch } = useQuery(
    workQueries.activities(unit.code, {
      kind: 'communication',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      limit: 1000,
    }),
  );
  const { progress } = useProvincePlanProgress(unit);
  // As far back as figures count for the plans: five years before the earliest one starts.
  const plans = useQuery(queries.plans());
  const starts = (plans.data?.items ?? []).map((p) => p.document.period.from - 5);
  const firstYear = Math.min(thisYear - 1, ...starts);
  const measure = measuresOf(progress, 'BDG-22')[0]?.measure.target;
  const today = todayIso();
  const records = { terms: [], activities: data?.items ?? [] };
  return (
    <SectionCard
      title={t('activities.quarters.title')}
      hint={
        <>
          {t('activities.quarters.hint')}
          {measure && ` ${t('activities.quarters.target', { measure: formatMeasure(measure, locale) })}`}
        </>
      }
      gap="xs"
      data-testid="quarter-counts"
      aside={
        <Group gap="xs">
          <ComputedBadge />
          <NativeSelect
            aria-label={t('activities.quarters.year')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={Array.from({ length: thisYear - firstYear + 1 }, (_, i) => String(thisYear - i))}
            data-testid="quarter-year"
            w={110}
          />
        </Group>
      }
    >
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table withTableBorder maw={640}>
          <Table.Thead>
            <Table.Tr>
              {quartersOf(year).map((q) => (
                <Table.Th key={q.index}>{periodLabel(q, locale)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              {quartersOf(year).map((q) => {
                const running = q.end >= today;
                const value = data
                  ? (computeUnitFigures(BDG22, records, q.start, q.end)[0]?.value ?? 0)
                  : null;
                const met =
                  measure && value !== null ? meetsTarget(value, measure.comparator, measure.value) : null;
                return (
                  <Table.Td
                    key={q.index}
                    data-testid={`quarter-count-Q${q.index}`}
                    data-value={value ?? undefined}
                  >
                    <Text fw={700} span>
                      {value ?? '…'}
                    </Text>{' '}
                    <Text span size="xs" c={running ? 'dimmed' : met ? 'teal.8' : 'orange.8'}>
                      {running
                        ? t('activities.quarters.running')
                        : met === null
                          ? ''
                          : met
                            ? t('activities.quarters.met')
                            : t('activities.quarters.notMet')}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
