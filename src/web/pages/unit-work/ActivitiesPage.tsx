import { Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { OrgUnitDetail } from '../../api';
import { PageSection } from '../../components/PageSection';
import { QueryView } from '../../components/QueryState';
import { useMayWriteFor } from '../../session';
import { ActivityFilters, FILTER_KEYS, serverQuery, type Filters } from './ActivityFilters';
import { ActivityForm } from './ActivityForm';
import { ActivityList } from './ActivityList';
import { ComputedIndicator } from './ComputedIndicator';
import { QuarterCounts } from './QuarterCounts';
import { unitWorkPage } from './UnitWorkFrame';
import { useLinkables } from './useLinkables';
import { workQueries } from '../../api/work';

function ActivitiesView({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The filters live here and are mirrored to the URL: URL updates are navigations, which quick successive
  // changes would otherwise overwrite with stale values.
  const [filters, setFilters] = useState<Filters>(() =>
    Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))),
  );
  useEffect(() => {
    const set = Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]));
    const next = new URLSearchParams(set);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [filters, params, setParams]);
  const query = serverQuery(filters);
  const list = useQuery({ ...workQueries.activities(unit.code, query), placeholderData: keepPreviousData });
  const { targets, tasks } = useLinkables(unit);
  const canWrite = useMayWriteFor(unit);
  // BDG-22 is reported by communes and rolled up to the province (the lowest commune's count).
  const countsCommunication = unit.kind === 'commune' || unit.kind === 'province';
  const shown = list.data?.items ?? [];

  return (
    <Stack gap="lg">
      {countsCommunication && (
        <ComputedIndicator unit={unit} indicator="BDG-22">
          {t('activities.computedHint')}
        </ComputedIndicator>
      )}
      {unit.kind === 'commune' && <QuarterCounts unit={unit} />}
      {canWrite && <ActivityForm unit={unit} targets={targets} tasks={tasks} />}
      <PageSection
        title={t('activities.list.title')}
        aside={
          list.data && (
            <Text size="sm" c="dimmed" data-testid="activities-count">
              {t('activities.list.count', { count: shown.length })}
              {list.data.items.length >= (query.limit ?? 0) && ` ${t('activities.list.limited')}`}
            </Text>
          )
        }
      >
        <ActivityFilters value={filters} onChange={setFilters} targets={targets} tasks={tasks} />
        <QueryView query={list}>
          {() => <ActivityList items={shown} targets={targets} tasks={tasks} canWrite={canWrite} />}
        </QueryView>
      </PageSection>
    </Stack>
  );
}

/** A unit's activity log: communication items, events, trainings, meetings and inspections, with files. */
export const ActivitiesPage = unitWorkPage('activities', ActivitiesView);
