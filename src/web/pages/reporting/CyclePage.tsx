import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { queries, isUuid } from '../../api';
import { planCrumbs } from '../../components/Crumbs';
import { DemoBadge } from '../../components/DemoBadge';
import { PageHeader } from '../../components/PageHeader';
import { Loading, NotFound, QueryError, QueryView } from '../../components/QueryState';
import { RequireLogin } from '../../components/RequireLogin';
import { StatCard } from '../../components/StatCard';
import { useLocalized } from '../../i18n';
import { allows, ancestryOf, useSession } from '../../session';
import { CompletenessTable } from './CompletenessTable';
import { cycleName, dueText, formatDay, formatDayRange, vietnamDay } from './format';
import { reportingQueries, reportPath, type Completeness, type Cycle } from '../../api/reporting';
import { UnitPicker } from './UnitPicker';

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
        <StatCard
          key={c.key}
          color={c.color}
          value={c.value}
          dataValue={c.value}
          testId={`summary-${c.key}`}
          label={t(`reporting.cycle.summary.${c.key as keyof Completeness['summary'] | 'onTime'}`)}
        />
      ))}
    </SimpleGrid>
  );
}

function CycleHeader({ cycle }: { cycle: Cycle }) {
  const { t, locale } = useLocalized();
  const plan = useQuery(queries.plan(cycle.planId));
  const name = cycleName(t, cycle);
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
    <PageHeader
      title={name}
      titleTestId="cycle-title"
      crumbs={[
        ...planCrumbs(t, cycle.planId, doc),
        { label: t('reporting.plan.title'), to: `/plans/${cycle.planId}/reporting` },
        { label: name },
      ]}
      badges={plan.data?.isDemo && <DemoBadge />}
      subtitle={
        doc && (
          <Anchor component={Link} to={`/plans/${cycle.planId}`} c="dimmed" fw={500}>
            {doc.title}
          </Anchor>
        )
      }
    >
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
    </PageHeader>
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
  return (
    <QueryView query={all}>
      {(whole) => {
        const shown = unit ? one.data : whole;
        return (
          <Stack gap="lg">
            <CycleHeader cycle={whole.cycle} />
            <UnitPicker
              units={whole.units}
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
      }}
    </QueryView>
  );
}

/**
 * /cycles/:id?unit=CODE: who owes the cycle's report, who has submitted, approved, been accepted, who is late
 * and by how many days; the whole province or one unit, within the units the user may read.
 */
export function CyclePage() {
  const { id = '' } = useParams();
  if (!isUuid(id)) return <NotFound />;
  return <RequireLogin>{() => <CycleView id={id} />}</RequireLogin>;
}
