import { Alert, Anchor, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { parsePeriod } from '../../../domain/period';
import {
  historyKeys,
  observationKeys,
  progressKeys,
  queries,
  submissionKeys,
  type IndicatorView,
  type OrgUnitDetail,
  type SessionUser,
} from '../../api';
import { AuditTimeline } from '../../components/AuditTable';
import { unitCrumbs, unitPath } from '../../components/Crumbs';
import { WorkflowIcon } from '../../components/Icons';
import { OrgKindBadge } from '../../components/OrgKindBadge';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, Loading, QueryError, QueryView } from '../../components/QueryState';
import { YearSelect } from '../../components/YearSelect';
import { RequireLogin } from '../../components/RequireLogin';
import { useLocalized } from '../../i18n';
import { allows, ancestryOf } from '../../session';

import { periodsOf, byCode, type Provider } from './entry-rows';
import { EntryForm } from './EntryForm';

function useOwedIndicators(unit: OrgUnitDetail) {
  const indicators = useQuery(queries.indicators());
  const assignments = useQuery({ ...queries.orgUnitAssignments(unit.code), enabled: unit.kind === 'agency' });
  const { owed, elsewhere } = useMemo(() => {
    if (!indicators.data) return { owed: undefined, elsewhere: [] };
    const ofKind = indicators.data.items.filter((i) => i.unitKinds.includes(unit.kind));
    if (unit.kind !== 'agency') return { owed: ofKind.sort(byCode), elsewhere: [] };
    if (!assignments.data) return { owed: undefined, elsewhere: [] };
    const codes = new Set(
      assignments.data.items.flatMap((a) =>
        a.target.measures.flatMap((m) => (m.indicator ? [m.indicator] : [])),
      ),
    );
    const ofTargets = indicators.data.items.filter((i) => codes.has(i.code)).sort(byCode);
    return {
      owed: ofTargets.filter((i) => i.unitKinds.includes('agency')),
      // Indicators of the agency's targets that a province or commune reports, not the agency itself.
      elsewhere: ofTargets.filter((i) => !i.unitKinds.includes('agency')),
    };
  }, [indicators.data, assignments.data, unit.kind]);
  const error = indicators.error ?? assignments.error;
  const retry = () => {
    void indicators.refetch();
    if (unit.kind === 'agency') void assignments.refetch();
  };
  return { owed, elsewhere, error, retry };
}

function useYears(): number[] {
  const plans = useQuery(queries.plans());
  const thisYear = new Date().getFullYear();
  const items = plans.data?.items ?? [];
  // Figures reach back five years before a plan starts: the baseline progress is measured from.
  const from = items.length > 0 ? Math.min(...items.map((p) => p.document.period.from)) - 5 : thisYear - 5;
  const to = items.length > 0 ? Math.max(...items.map((p) => p.document.period.to)) : thisYear;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Province-level indicators with a provider agency in this province, which may report them itself. */
function useProviders(
  unit: OrgUnitDetail,
  indicators: IndicatorView[] | undefined,
): { providers: Map<string, Provider>; pending: boolean } {
  const children = useQuery({ ...queries.orgUnitChildren(unit.code), enabled: unit.kind === 'province' });
  const providers = useMemo(() => {
    const found = new Map<string, Provider>();
    if (unit.kind !== 'province' || !children.data) return found;
    const agencies = new Map(children.data.items.filter((c) => c.kind === 'agency').map((c) => [c.code, c]));
    for (const indicator of indicators ?? []) {
      if (!indicator.providerAbbr) continue;
      const agency = agencies.get(`${unit.code}-${indicator.providerAbbr}`);
      if (agency) found.set(indicator.code, { code: agency.code, name: agency.name });
    }
    return found;
  }, [unit, indicators, children.data]);
  // Without the agencies the reporting-unit choice cannot be offered; a failed lookup just leaves it out.
  return { providers, pending: unit.kind === 'province' && children.isPending };
}

/** The history of one figure, newest first, in a drawer beside the form. */
function HistoryDrawer({
  row,
  onClose,
}: {
  row: { key: string; label: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useQuery({ ...queries.observationHistory(row?.key ?? ''), enabled: row !== null });
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={<Text fw={700}>{t('entry.historyOf', { label: row?.label ?? '' })}</Text>}
      data-testid="history-drawer"
    >
      {row && (
        <Stack gap="sm">
          <Text size="xs" c="dimmed" ff="monospace">
            {row.key}
          </Text>
          <QueryView query={history}>
            {(data) => <AuditTimeline items={data.items} focus={row.key} />}
          </QueryView>
        </Stack>
      )}
    </Drawer>
  );
}

function EntryView({ unit, user }: { unit: OrgUnitDetail; user: SessionUser }) {
  const { t, locale } = useLocalized();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const years = useYears();
  const thisYear = new Date().getFullYear();
  const year = parsePeriod(params.get('period') ?? '')?.year ?? thisYear - 1;
  const yearOptions = [...new Set([...years, year])].sort((a, b) => b - a).map(String);
  const [saved, setSaved] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const [historyRow, setHistoryRow] = useState<{ key: string; label: string } | null>(null);

  const { owed, elsewhere, error, retry } = useOwedIndicators(unit);
  const { providers, pending: providersPending } = useProviders(unit, owed);
  const plans = useQuery(queries.plans());
  const unitAncestry = ancestryOf(unit);
  // Someone who may write neither for the unit nor as the provider of one of its figures only reads here.
  const readOnly =
    !allows(user.grants, 'observation.write', unitAncestry) &&
    ![...providers.values()].some((p) => allows(user.grants, 'observation.write', [p.code, ...unitAncestry]));
  const province = unit.ancestors.find((a) => a.kind === 'province');
  const periods = useMemo(() => [...new Set((owed ?? []).flatMap((i) => periodsOf(i, year)))], [owed, year]);
  const observations = useQueries({
    queries: periods.map((p) => queries.observations(unit.code, p)),
    combine: (results) => ({
      items: results.flatMap((r) => r.data?.items ?? []),
      pending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => Promise.all(results.map((r) => r.refetch())),
    }),
  });

  const onSaved = async (count: number) => {
    // Progress depends on every figure; the figures of this unit are shown again as stored.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: observationKeys.unit(unit.code) }),
      queryClient.invalidateQueries({ queryKey: progressKeys.all }),
      queryClient.invalidateQueries({ queryKey: submissionKeys.all }),
      queryClient.invalidateQueries({ queryKey: historyKeys.all }),
    ]);
    setSaved(count);
    setGeneration((g) => g + 1);
  };

  let body;
  if (unit.kind === 'nation') body = <EmptyState>{t('entry.notReporting')}</EmptyState>;
  else if (error) body = <QueryError error={error} onRetry={retry} />;
  else if (!owed) body = <Loading />;
  else if (owed.length === 0)
    body = <EmptyState>{unit.kind === 'agency' ? t('entry.noneAgency') : t('entry.none')}</EmptyState>;
  else if (observations.error)
    body = <QueryError error={observations.error} onRetry={() => void observations.refetch()} />;
  else if (observations.pending) body = <Loading />;
  else if (providersPending) body = <Loading />;
  else
    body = (
      <EntryForm
        key={`${year}-${locale}-${generation}`}
        unit={unit}
        user={user}
        providers={providers}
        onHistory={setHistoryRow}
        indicators={owed}
        year={year}
        stored={observations.items}
        saved={saved}
        onSaved={onSaved}
        onDismissSaved={() => setSaved(null)}
      />
    );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('entry.heading', { name: unit.name })}
        tabTitle={`${t('entry.title')} · ${unit.name}`}
        crumbs={unitCrumbs(t, unit, t('entry.title'))}
        badges={<OrgKindBadge kind={unit.kind} />}
      >
        <Group align="flex-end" gap="lg">
          <YearSelect
            label={t('entry.period')}
            years={yearOptions}
            value={year}
            onChange={(v) => {
              setSaved(null);
              setParams({ period: v });
            }}
            testId="entry-period"
          />
          {owed && owed.length > 0 && (
            <Text size="sm" c="dimmed" pb={8}>
              {t('entry.count', { count: owed.length })}
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('entry.hint')}
        </Text>
        {!readOnly && (plans.data?.items.length ?? 0) > 0 && (
          <Group gap="xs" data-testid="entry-workflow">
            <Text size="sm" c="dimmed">
              {t('entry.workflow')}
            </Text>
            {plans.data?.items.map((plan) => (
              <Button
                key={plan.id}
                component={Link}
                to={`/plans/${plan.id}/submissions?period=${year}`}
                size="compact-sm"
                variant="light"
                leftSection={<WorkflowIcon />}
                title={plan.document.title}
              >
                {t('workflow.open')}
                {(plans.data?.items.length ?? 0) > 1 &&
                  ` · ${plan.document.number ?? ''}/${plan.document.symbol ?? ''}`}
              </Button>
            ))}
          </Group>
        )}
      </PageHeader>
      {readOnly && (
        <Alert color="gray" variant="light" data-testid="entry-readonly-all">
          {t('entry.readOnlyAll')}
        </Alert>
      )}
      {elsewhere.length > 0 && (
        <Alert color="blue" variant="light" data-testid="entry-elsewhere">
          <Text size="sm">
            {t('entry.elsewhere', { codes: elsewhere.map((i) => i.code).join(', ') })}
            {province && (
              <>
                {' '}
                <Anchor component={Link} to={`${unitPath(province.code)}/entry?period=${year}`} inherit>
                  {t('entry.elsewhereLink', { name: province.name })}
                </Anchor>
              </>
            )}
          </Text>
        </Alert>
      )}
      {body}
      <HistoryDrawer row={historyRow} onClose={() => setHistoryRow(null)} />
    </Stack>
  );
}

function EntryQuery({ code, user }: { code: string; user: SessionUser }) {
  const unit = useQuery(queries.orgUnit(code));
  return (
    <QueryView query={unit}>{(data) => <EntryView key={data.code} unit={data} user={user} />}</QueryView>
  );
}

/**
 * Figures of one unit for one year: every indicator it owes, by sex, validated by the server on save.
 * Signed-in users only; each figure shows whether the province has accepted it, and its history.
 */
export function DataEntryPage() {
  const { code = '' } = useParams();
  return <RequireLogin>{(user) => <EntryQuery code={code} user={user} />}</RequireLogin>;
}
