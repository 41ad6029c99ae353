import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { comparePeriods, parsePeriod, periodWords } from '../../domain/period';
import type { StatusKey } from '../../domain/progress';
import { sortVietnamese } from '../../domain/vietnamese';
import {
  queries,
  type MeasureProgress,
  type PlanDetail,
  type PlanProgress,
  type TargetProgress,
  isUuid,
} from '../api';
import { DemoAlert } from '../components/DemoBadge';
import { WorkflowIcon } from '../components/Icons';
import { PageSection } from '../components/PageSection';
import { PlanPageHeader } from '../components/PlanPageHeader';
import { EmptyState, Loading, NotFound, QueryError } from '../components/QueryState';
import { StatCard } from '../components/StatCard';
import { StatusBadge } from '../components/StatusBadge';
import { sentenceCase } from '../format';
import { useLocalized } from '../i18n';
import { allows, ancestryOf, useSession } from '../session';
import { STATUS_COLOR, STATUS_ORDER, formatValue, isStatusKey, periodText } from '../status';

const ALL = '__all__';

function StatusCounts({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  const present = STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0);
  return (
    <PageSection
      title={t('dashboard.counts')}
      size="h4"
      gap={6}
      badge={
        <Text size="xs" c="dimmed">
          {t('dashboard.countsHint')}
        </Text>
      }
    >
      <SimpleGrid cols={{ base: 2, xs: 3, sm: 4, lg: 8 }} spacing="sm">
        {present.map((status) => {
          const color = STATUS_COLOR[status];
          return (
            <StatCard
              key={status}
              color={color}
              value={counts[status]}
              label={t(`status.${status}`)}
              testId={`status-count-${status}`}
            />
          );
        })}
      </SimpleGrid>
    </PageSection>
  );
}

/** How many of the units behind a card names; the target page lists them all. */
const SHOWN_BEHIND = 3;

function MeasureLine({ measure }: { measure: MeasureProgress }) {
  const { t, locale } = useLocalized();
  const latest = measure.latest;
  return (
    <Stack gap={2} data-testid="dashboard-measure">
      {measure.target.label && (
        <Text size="xs" c="dimmed" lh={1.3}>
          {sentenceCase(measure.target.label)}
        </Text>
      )}
      <Group gap={6} align="baseline" wrap="nowrap">
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {t('dashboard.latest')}:
        </Text>
        {latest ? (
          <Text
            size="sm"
            fw={700}
            data-testid="dashboard-latest"
            data-period={latest.period}
            data-pending={latest.pending || undefined}
          >
            {formatValue(latest.value, measure.target.unit, locale)}
            <Text span size="xs" c="dimmed" fw={400}>
              {' '}
              ({periodText(latest.period, locale)})
            </Text>
            {latest.pending && (
              <Badge
                ml={6}
                size="sm"
                color="orange"
                variant="light"
                radius="sm"
                tt="none"
                title={t('dashboard.pendingTitle')}
                data-testid="pending-badge"
                style={{ verticalAlign: 'middle' }}
              >
                {t('dashboard.pending')}
              </Badge>
            )}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('dashboard.noData')}
          </Text>
        )}
      </Group>
      {measure.partial && (
        <Text size="xs" c="orange.8" data-testid="dashboard-partial" data-period={measure.partial.period}>
          {sentenceCase(periodWords(measure.partial.period, locale))}:{' '}
          {measure.partial.coverage ? t('target.coverage', measure.partial.coverage) : t('target.incomplete')}
        </Text>
      )}
      <Text size="sm" data-testid="dashboard-explanation" style={{ textWrap: 'pretty' }}>
        {measure.explanation[locale]}
      </Text>
      {measure.effort && (
        <Text size="xs" c="dimmed" data-testid="dashboard-effort">
          {measure.effort[locale]}
        </Text>
      )}
      {measure.behind && measure.behind.notReported.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="dashboard-not-reported">
          {t('target.notReported', { count: measure.behind.notReported.length })}:{' '}
          {sortVietnamese(measure.behind.notReported, (u) => u.name)
            .slice(0, SHOWN_BEHIND)
            .map((u) => u.name)
            .join(', ')}
          {measure.behind.notReported.length > SHOWN_BEHIND &&
            ` ${t('dashboard.andMore', { count: measure.behind.notReported.length - SHOWN_BEHIND })}`}
        </Text>
      )}
    </Stack>
  );
}

function TargetCard({ target }: { target: TargetProgress }) {
  const { t } = useTranslation();
  const to = `/targets/${target.targetId}`;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`dashboard-target-${target.code}`}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Anchor component={Link} to={to} fw={800} fz="lg" lh={1.2}>
            {target.code}
          </Anchor>
          <StatusBadge status={target.status} />
        </Group>
        <Anchor component={Link} to={to} c="inherit" size="sm" fw={500} lineClamp={3} title={target.text}>
          {sentenceCase(target.text)}
        </Anchor>
        {target.measures.map((m) => (
          <MeasureLine key={m.measureId} measure={m} />
        ))}
        {target.lead.length > 0 && (
          <Text size="xs" c="dimmed" mt="auto">
            {t('dashboard.lead')}: {target.lead.map((l) => l.name).join(', ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The latest period any measure has figures for. */
function latestPeriod(progress: PlanProgress): string | null {
  let best: string | null = null;
  for (const target of progress.targets) {
    for (const m of target.measures) {
      const p = m.latest ? parsePeriod(m.latest.period) : null;
      const current = best ? parsePeriod(best) : null;
      if (p && (!current || comparePeriods(p, current) > 0)) best = m.latest!.period;
    }
  }
  return best;
}

function countMeasures(targets: readonly TargetProgress[]): Record<string, number> {
  const counts: Partial<Record<StatusKey, number>> = {};
  for (const target of targets)
    for (const m of target.measures)
      if (isStatusKey(m.status)) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return counts;
}

interface PendingSwitch {
  /** Shown only to a signed-in user with a role over the plan's issuing unit. */
  available: boolean;
  on: boolean;
  loading: boolean;
  onChange: (on: boolean) => void;
}

function Dashboard({
  plan,
  progress,
  pending,
}: {
  plan: PlanDetail;
  progress: PlanProgress;
  pending: PendingSwitch;
}) {
  const { t } = useTranslation();
  const [lead, setLead] = useState<string>(ALL);

  const agencies = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const target of progress.targets)
      for (const l of target.lead) byKey.set(l.code ?? `name:${l.name}`, l.name);
    return sortVietnamese(
      [...byKey.entries()].map(([value, label]) => ({ value, label })),
      (a) => a.label,
    );
  }, [progress]);

  const targets = useMemo(
    () =>
      lead === ALL
        ? progress.targets
        : progress.targets.filter((tg) => tg.lead.some((l) => (l.code ?? `name:${l.name}`) === lead)),
    [progress, lead],
  );
  const counts = lead === ALL ? progress.counts : countMeasures(targets);
  const goals = plan.goals
    .map((g) => ({ ...g, progress: targets.filter((tg) => tg.goalCode === g.code) }))
    .filter((g) => g.progress.length > 0);
  const period = latestPeriod(progress);
  const dataYear = period ? parsePeriod(period)?.year : undefined;

  return (
    <Stack gap="lg">
      <PlanPageHeader
        plan={plan}
        title={t('dashboard.title')}
        actions={
          <Button
            component={Link}
            to={`/plans/${plan.id}/submissions`}
            variant="light"
            size="sm"
            leftSection={<WorkflowIcon />}
            data-testid="dashboard-workflow-link"
          >
            {t('workflow.open')}
          </Button>
        }
      >
        <Group gap="xs">
          <Badge
            variant="outline"
            color="indigo"
            radius="sm"
            tt="none"
            size="lg"
            data-testid="dashboard-year"
          >
            {t('dashboard.assessed', { year: progress.year })}
          </Badge>
          <Badge
            variant="outline"
            color="gray"
            radius="sm"
            tt="none"
            size="lg"
            data-testid="dashboard-data-year"
          >
            {dataYear ? t('dashboard.dataYear', { year: dataYear }) : t('dashboard.noData')}
          </Badge>
          {progress.scope && (
            <Badge variant="outline" color="gray" radius="sm" tt="none" size="lg">
              {t('dashboard.scope', { name: progress.scope.name })}
            </Badge>
          )}
        </Group>
        {plan.isDemo && <DemoAlert />}
        {pending.available && (
          <Paper withBorder radius="md" px="md" py="sm" bg={pending.on ? 'orange.0' : undefined}>
            <Stack gap={6}>
              <Switch
                label={t('dashboard.includePending')}
                description={t('dashboard.includePendingHint')}
                checked={pending.on}
                onChange={(e) => pending.onChange(e.currentTarget.checked)}
                color="orange"
                data-testid="include-pending"
                data-loading={pending.loading || undefined}
              />
              {pending.on && progress.includePending && (
                <Text size="sm" c="orange.9" data-testid="pending-note">
                  {t('dashboard.pendingAlert')}
                </Text>
              )}
            </Stack>
          </Paper>
        )}
      </PlanPageHeader>

      <StatusCounts counts={counts} />

      <Group justify="space-between" align="flex-end">
        <Select
          label={t('dashboard.leadFilter')}
          data={[{ value: ALL, label: t('dashboard.all') }, ...agencies]}
          value={lead}
          onChange={(v) => setLead(v ?? ALL)}
          allowDeselect={false}
          searchable
          w={320}
          data-testid="lead-filter"
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="sm" c="dimmed" data-testid="dashboard-shown">
          {t('dashboard.shown', { count: targets.length, total: progress.targets.length })}
        </Text>
      </Group>

      {goals.length === 0 && <EmptyState>{t('dashboard.noTargets')}</EmptyState>}
      {goals.map((goal) => (
        <Stack
          key={goal.id}
          gap="sm"
          component="section"
          aria-label={t('plan.goal', { code: goal.code })}
          data-testid={`dashboard-goal-${goal.code}`}
        >
          <Group gap="sm" wrap="nowrap" align="center">
            <Badge size="lg" radius="sm" variant="filled" style={{ flexShrink: 0 }}>
              {t('plan.goal', { code: goal.code })}
            </Badge>
            <Title order={2} size="h4">
              {goal.title}
            </Title>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {goal.progress.map((target) => (
              <TargetCard key={target.targetId} target={target} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}

/** Whether the signed-in user has a role over the plan's issuing unit: only then are pending figures shown. */
function useCanSeePending(plan: PlanDetail | undefined): boolean {
  const { user } = useSession();
  const code = plan?.issuerUnit?.code ?? null;
  const issuer = useQuery({ ...queries.orgUnit(code ?? ''), enabled: user !== null && code !== null });
  return (
    user !== null && issuer.data !== undefined && allows(user.grants, 'unit.read', ancestryOf(issuer.data))
  );
}

function DashboardQuery({ id }: { id: string }) {
  const plan = useQuery(queries.plan(id));
  const canSeePending = useCanSeePending(plan.data);
  const [pendingOn, setPendingOn] = useState(false);
  const includePending = canSeePending && pendingOn;
  const progress = useQuery({
    ...queries.planProgress(id, includePending),
    placeholderData: keepPreviousData,
  });
  if (plan.error) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (progress.error) return <QueryError error={progress.error} onRetry={() => void progress.refetch()} />;
  if (plan.isPending || progress.isPending) return <Loading />;
  return (
    <Dashboard
      plan={plan.data}
      progress={progress.data}
      pending={{
        available: canSeePending,
        on: includePending,
        loading: progress.isPlaceholderData,
        onChange: setPendingOn,
      }}
    />
  );
}

/** A plan's progress at a glance: statuses counted, and every target with its latest value and status. */
export function PlanDashboardPage() {
  const { id = '' } = useParams();
  if (!isUuid(id)) return <NotFound />;
  return <DashboardQuery id={id} />;
}
