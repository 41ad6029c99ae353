import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { sortVietnamese } from '../../domain/vietnamese';
import { queries, type OrgUnitSummary } from '../api';
import { unitPath } from '../components/Crumbs';
import { OrgKindBadge } from '../components/OrgKindBadge';
import { PageHeader } from '../components/PageHeader';
import { PageSection } from '../components/PageSection';
import { QueryView } from '../components/QueryState';

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const search = useQuery({
    ...queries.orgUnitSearch(q),
    placeholderData: keepPreviousData,
  });
  // Commune names repeat across provinces; the province tells them apart.
  const { data: nation } = useQuery(queries.orgUnitChildren('VN'));
  const provinceName = useMemo(() => new Map(nation?.items.map((p) => [p.code, p.name])), [nation]);
  const describe = (unit: OrgUnitSummary) => {
    const parts = [unit.fullName];
    if (unit.kind === 'agency') parts.push(unit.type);
    if (unit.kind === 'commune' && unit.parentCode)
      parts.push(provinceName.get(unit.parentCode) ?? unit.parentCode);
    parts.push(unit.code);
    return parts.join(' · ');
  };
  return (
    <PageSection title={t('orgUnits.results')} size="h4" gap="xs">
      <QueryView
        query={search}
        isEmpty={(data) => data.items.length === 0}
        empty={t('orgUnits.noResults', { q })}
      >
        {(data) =>
          data.items.map((unit) => (
            <Paper key={unit.code} withBorder radius="md" px="md" py="sm" data-testid="org-result">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <OrgKindBadge kind={unit.kind} width={124} />
                <div>
                  <Anchor component={Link} to={unitPath(unit.code)} fw={600}>
                    {unit.name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {describe(unit)}
                  </Text>
                </div>
              </Group>
            </Paper>
          ))
        }
      </QueryView>
    </PageSection>
  );
}

function Provinces() {
  const { t } = useTranslation();
  const nation = useQuery(queries.orgUnitChildren('VN'));
  const provinces = useMemo(
    () =>
      sortVietnamese<OrgUnitSummary>(
        nation.data?.items.filter((u) => u.kind === 'province') ?? [],
        (u) => u.name,
      ),
    [nation.data],
  );
  return (
    <QueryView query={nation}>
      {() => (
        <PageSection title={t('orgUnits.provinces', { count: provinces.length })} size="h4" gap="xs">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="xs">
            {provinces.map((unit) => (
              <Paper key={unit.code} withBorder radius="md" px="md" py="xs" data-testid="org-province">
                <Group justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={unitPath(unit.code)} fw={600}>
                    {unit.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {unit.type}
                  </Text>
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
        </PageSection>
      )}
    </QueryView>
  );
}

/** Finds any province, commune or agency by name (diacritics optional); lists the provinces otherwise. */
export function OrgUnitBrowserPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [value, setValue] = useState(() => params.get('q') ?? '');
  const [q] = useDebouncedValue(value.trim(), 250);

  // Keep the query in the address so that Back and a shared link return to the same results.
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParams(q ? { q } : {}, { replace: true });
  }, [q, params, setParams]);

  const searching = q.length > 0;
  const { isFetching } = useQuery({ ...queries.orgUnitSearch(q), enabled: searching });

  return (
    <Stack gap="lg">
      <PageHeader title={t('orgUnits.title')} description={t('orgUnits.description')} />
      <TextInput
        type="search"
        label={t('orgUnits.search')}
        description={t('orgUnits.searchHint')}
        placeholder={t('orgUnits.searchPlaceholder')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        rightSection={searching && isFetching ? <Loader size="xs" /> : null}
        maw={560}
        data-testid="org-search"
        autoComplete="off"
      />
      {searching ? <SearchResults q={q} /> : <Provinces />}
    </Stack>
  );
}
