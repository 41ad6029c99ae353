import { Anchor, Breadcrumbs, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { queries } from '../../api';
import { DemoBadge } from '../../components/DemoBadge';
import { Loading, NotFound, QueryError } from '../../components/QueryState';
import { RequireLogin } from '../../components/RequireLogin';
import { documentIdentity } from '../../format';
import { useLocale } from '../../i18n';
import { allows, ancestryOf, useSession } from '../../session';
import { CompletenessTable } from './CompletenessTable';
import { cycleName, dueText, formatDay, formatDayRange, vietnamDay } from './format';
import { reportingQueries, reportPath, type Completeness, type Cycle } from '../../api/reporting';
import { UnitPicker } from './UnitPicker';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Summary({ view }: { view: Completeness }) {
  const { t } = useTranslation();
  const { summary, units, cycle } = view;
  // A rate only means something once the deadline has passed.
  const rate =
    summary.obligated > 0 && cycle.due < vietnamDay(new Date())
      ? units.filter((u) => u.onTime).length / summary.obligated
      : null;
  const cards: { key: string; value: string; color: string }[] = [
    { key: 'obligated', value: String(summary.obligated), color: 'gray' },
    { key: 'submitted', value: String(summary.submitted), color: 'blue' },
    { key: 'approved', value: String(summary.approved), color: 'violet' },
    { key: 'accepted', value: String(summary.accepted), color: 'teal' },
    { key: 'late', value: String(summary.late), color: 'red' },
    { key: 'onTime', value: rate === null ? '—' : `${Math.round(rate * 100)}%`, color: 'indigo' },
  ];
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="sm">
      {cards.map((c) => (
        <Paper
          key={c.key}
          radius="md"
          p="sm"
          bg={`${c.color}.0`}
          style={{ borderLeft: `4px solid var(--mantine-color-${c.color}-6)` }}
          data-testid={`summary-${c.key}`}
          data-value={c.value}
        >
          <Text fz={26} fw={800} lh={1.1} c={`${c.color}.9`}>
            {c.value}
          </Text>
          <Text size="sm" fw={600} c={`${c.color}.9`}>
            {t(`reporting.cycle.summary.${c.key as keyof Completeness['summary'] | 'onTime'}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function CycleHeader({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const plan = useQuery(queries.plan(cycle.planId));
  const name = cycleName(t, cycle);
  useDocumentTitle(`${name} · ${t('app.name')}`);
  const doc = plan.data?.document;
  const today = vietnamDay(new Date());
  const { user } = useSession();
  // The province's own report rolls up every unit: offered to those who may read the issuing unit.
  const issuer = plan.data?.issuerUnit?.code ?? null;
  const issuerUnit = useQuery({ ...queries.orgUnit(issuer ?? ''), enabled: issuer !== null });
  const ownReport =
    issuer && issuerUnit.data && allows(user?.grants, 'unit.read', ancestryOf(issuerUnit.data))
      ? issuer
      : null;
  return (
    <Stack gap="sm">
      <Breadcrumbs component="nav" aria-label={t('common.breadcrumb')}>
        <Anchor component={Link} to="/" size="sm">
          {t('nav.plans')}
        </Anchor>
        {doc && (
          <Anchor component={Link} to={`/plans/${cycle.planId}`} size="sm">
            {documentIdentity(t, doc.number, doc.symbol)}
          </Anchor>
        )}
        <Anchor component={Link} to={`/plans/${cycle.planId}/reporting`} size="sm">
          {t('reporting.plan.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {name}
        </Text>
      </Breadcrumbs>
      <Group gap="sm">
        <Title order={1} data-testid="cycle-title">
          {name}
        </Title>
        {plan.data?.isDemo && <DemoBadge />}
      </Group>
      {doc && (
        <Anchor component={Link} to={`/plans/${cycle.planId}`} c="dimmed" fw={500}>
          {doc.title}
        </Anchor>
      )}
      <Group gap="xl">
        <Text size="sm">
          {t('reporting.cycle.cutoff')}: <b>{formatDayRange(cycle.cutoffFrom, cycle.cutoffTo, locale)}</b>
        </Text>
        <Text size="sm" data-testid="cycle-due-line">
          {t('reporting.cycle.due')}: <b>{formatDay(cycle.due, locale)}</b> ({dueText(t, cycle.due, today)})
        </Text>
        {ownReport && issuerUnit.data && (
          <Anchor component={Link} to={reportPath(cycle.id, ownReport)} size="sm" data-testid="issuer-report">
            {t('reporting.report.title', { unit: issuerUnit.data.name })}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}

function CycleView({ id }: { id: string }) {
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  // The whole view gives the units the user may read: the choices of the unit picker.
  const all = useQuery(reportingQueries.completeness(id));
  const one = useQuery({
    ...reportingQueries.completeness(id, unit),
    enabled: unit !== '',
    placeholderData: keepPreviousData,
  });
  if (all.isPending) return <Loading />;
  if (all.error) return <QueryError error={all.error} onRetry={() => void all.refetch()} />;
  const shown = unit ? one.data : all.data;
  return (
    <Stack gap="lg">
      <CycleHeader cycle={all.data.cycle} />
      <UnitPicker
        units={all.data.units}
        value={unit}
        onChange={(code) => setParams(code ? { unit: code } : {}, { replace: true })}
      />
      {one.error && unit ? (
        <QueryError error={one.error} />
      ) : !shown ? (
        <Loading />
      ) : (
        <>
          <Summary view={shown} />
          <CompletenessTable cycle={shown.cycle} units={shown.units} single={unit !== ''} />
        </>
      )}
    </Stack>
  );
}

/**
 * /cycles/:id?unit=CODE: who owes the cycle's report, who has submitted, approved, been accepted, who is late
 * and by how many days; the whole province or one unit, within the units the user may read.
 */
export function CyclePage() {
  const { id = '' } = useParams();
  if (!UUID.test(id)) return <NotFound />;
  return <RequireLogin>{() => <CycleView id={id} />}</RequireLogin>;
}
