import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router';
import { formatMeasure, formatNumber } from '../../domain/measure';
import { comparePeriods, parsePeriod, periodWords } from '../../domain/period';
import type { MeasureDetailProgress, PlanDetail, SeriesPoint, TargetDetailProgress } from '../api';
import { queries, isUuid } from '../api';
import { AgencyList } from '../components/AgencyList';
import { planCrumbs } from '../components/Crumbs';
import { DemoAlert, DemoBadge } from '../components/DemoBadge';
import { Fact } from '../components/Fact';
import { MeasureChart } from '../components/MeasureChart';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, Loading, NotFound, QueryError } from '../components/QueryState';
import { DataTable } from '../components/TableCard';
import { StatusBadge } from '../components/StatusBadge';
import { sentenceCase } from '../format';
import { sortVietnamese } from '../../domain/vietnamese';
import { useLocalized } from '../i18n';
import { STATUS_COLOR, formatRate, formatValue, isStatusKey, periodText } from '../status';

const SEX_ORDER: Record<string, number> = { total: 0, female: 1, male: 2 };

const SEX_LABEL = { total: 'sex.total', female: 'sex.female', male: 'sex.male' } as const;

function sexLabel(t: TFunction, sex: string): string {
  return sex in SEX_LABEL ? t(SEX_LABEL[sex as keyof typeof SEX_LABEL]) : sex;
}

function FiguresTable({ measure }: { measure: MeasureDetailProgress }) {
  const { t, locale } = useLocalized();
  const rows = [...measure.series].sort((a, b) => {
    const pa = parsePeriod(a.period);
    const pb = parsePeriod(b.period);
    const byPeriod = pa && pb ? comparePeriods(pa, pb) : a.period.localeCompare(b.period);
    return byPeriod || (SEX_ORDER[a.sex] ?? 9) - (SEX_ORDER[b.sex] ?? 9);
  });
  const hasParts = rows.some((r) => r.numerator !== null || r.denominator !== null);
  const origin = (r: SeriesPoint) =>
    r.origin === 'computed'
      ? t('target.origin.computed', { count: r.contributors })
      : t('target.origin.entered');
  return (
    <DataTable
      items={rows}
      minWidth={560}
      verticalSpacing={6}
      horizontalSpacing="xs"
      data-testid="measure-figures"
      withTableBorder
      withColumnBorders
      maw={820}
      columns={[
        { label: t('target.columns.period') },
        { label: t('target.columns.sex') },
        { label: t('target.columns.value'), ta: 'right' },
        hasParts && { label: t('target.columns.parts'), ta: 'right' },
        { label: t('target.columns.origin') },
      ]}
    >
      {(r, i) => (
        <Table.Tr key={`${r.period}-${r.sex}`} data-testid="measure-figure">
          {/* The period once for its rows by sex. */}
          {rows[i - 1]?.period !== r.period && (
            <Table.Td rowSpan={rows.filter((x) => x.period === r.period).length} fw={600} bg="white">
              {sentenceCase(periodText(r.period, locale))}
            </Table.Td>
          )}
          <Table.Td>{sexLabel(t, r.sex)}</Table.Td>
          <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatValue(r.value, measure.target.unit, locale)}
          </Table.Td>
          {hasParts && (
            <Table.Td ta="right" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {r.numerator !== null && r.denominator !== null
                ? `${formatNumber(r.numerator, locale)} / ${formatNumber(r.denominator, locale)}`
                : t('common.dash')}
            </Table.Td>
          )}
          <Table.Td>
            {origin(r)}
            {r.coverage && (
              <Text span size="xs" c={r.complete ? 'dimmed' : 'orange.8'} display="block">
                {t('target.coverage', r.coverage)}
                {!r.complete && ` · ${t('target.incomplete')}`}
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </DataTable>
  );
}

/** A newer period that too few units cover: its provisional value, and the period the status rests on. */
function PartialNote({ measure }: { measure: MeasureDetailProgress }) {
  const { t, locale } = useLocalized();
  const partial = measure.partial!;
  const values = {
    period: sentenceCase(periodWords(partial.period, locale)),
    coverage: partial.coverage ? t('target.coverage', partial.coverage) : t('target.incomplete'),
    value: formatValue(partial.value, measure.target.unit, locale),
    basis: measure.latest ? periodWords(measure.latest.period, locale) : '',
  };
  return (
    <Alert color="orange" variant="light" data-testid="coverage-note">
      {measure.latest ? t('target.partial', values) : t('target.partialNoBasis', values)}
    </Alert>
  );
}

/** Who is behind in the latest period with figures: units that have not reported, units below a per-unit target. */
function BehindList({ behind }: { behind: NonNullable<MeasureDetailProgress['behind']> }) {
  const { t, locale } = useLocalized();
  const groups = [
    {
      key: 'notReported',
      label: t('target.notReported', { count: behind.notReported.length }),
      units: behind.notReported.map((u) => ({ ...u, value: null })),
    },
    {
      key: 'belowTarget',
      label: t('target.belowTarget', { count: behind.belowTarget.length }),
      units: behind.belowTarget,
    },
  ].filter((g) => g.units.length > 0);
  if (groups.length === 0) return null;
  return (
    <Stack gap={4} data-testid="measure-behind">
      <Text size="sm" fw={600}>
        {t('target.behind', { period: periodWords(behind.period, locale) })}
      </Text>
      {groups.map((g) => (
        <Text size="sm" key={g.key} data-testid={`behind-${g.key}`}>
          <Text span c="dimmed">
            {g.label}:{' '}
          </Text>
          {sortVietnamese(g.units, (u) => u.name).map((u, i) => (
            <span key={u.code}>
              {i > 0 && ', '}
              <Anchor component={Link} to={`/org-units/${u.code}`}>
                {u.name}
              </Anchor>
              {'value' in u && u.value !== null && u.value !== undefined
                ? ` (${formatNumber(u.value, locale)})`
                : ''}
            </span>
          ))}
        </Text>
      ))}
    </Stack>
  );
}

function MeasureSection({
  measure,
  index,
  of,
}: {
  measure: MeasureDetailProgress;
  index: number;
  of: number;
}) {
  const { t, locale } = useLocalized();
  const unit = measure.target.unit;
  const name = measure.indicator
    ? locale === 'vi'
      ? measure.indicator.nameVi
      : measure.indicator.nameEn
    : null;
  return (
    <Paper withBorder radius="md" p="md" component="section" data-testid="measure-progress">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            {of > 1 && (
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('target.measure', { n: index + 1 })}
              </Text>
            )}
            <Title order={2} size="h4">
              {measure.target.label
                ? sentenceCase(measure.target.label)
                : (name ?? formatMeasure(measure.target, locale))}
            </Title>
            {measure.indicator && (
              <Text size="sm" c="dimmed">
                {t('target.indicator')} {measure.indicator.code}
                {measure.target.label && name ? ` · ${name}` : ''}
              </Text>
            )}
          </Stack>
          <StatusBadge status={measure.status} size="lg" />
        </Group>
        {of > 1 && (
          <Text size="sm" data-testid="measure-explanation">
            {measure.explanation[locale]}
          </Text>
        )}
        {measure.partial && <PartialNote measure={measure} />}
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="md">
          <Fact strong label={t('plan.columns.measures')}>
            {formatMeasure(measure.target, locale)}
          </Fact>
          <Fact strong label={t('target.latest')}>
            {measure.latest
              ? `${formatValue(measure.latest.value, unit, locale)} (${periodText(measure.latest.period, locale)})`
              : t('dashboard.noData')}
          </Fact>
          {measure.observedGrowth !== null && (
            <Fact strong label={t('target.observedGrowth')}>
              {t('target.perYear', { rate: formatRate(measure.observedGrowth, locale) })}
            </Fact>
          )}
          {measure.requiredGrowth !== null && (
            <Fact strong label={t('target.requiredGrowth')}>
              {t('target.perYear', { rate: formatRate(measure.requiredGrowth, locale) })}
            </Fact>
          )}
          {measure.neededThisYear !== null && (
            <Fact strong label={t('target.neededThisYear')}>
              {formatValue(measure.neededThisYear, unit, locale)}
            </Fact>
          )}
          {measure.projection && (
            <Fact strong label={t('target.projection', { year: measure.projection.year })}>
              {formatValue(measure.projection.value, unit, locale)}
            </Fact>
          )}
          {measure.basePeriod && (
            <Fact strong label={t('target.basePeriod')}>
              {sentenceCase(periodText(measure.basePeriod, locale))}
            </Fact>
          )}
        </SimpleGrid>
        {measure.baselineAssumedYear !== null && measure.target.baseline && (
          <Text size="sm" c="dimmed" data-testid="baseline-assumed">
            {t('target.baselineAssumed', {
              value: formatValue(measure.target.baseline.value, unit, locale),
              year: measure.baselineAssumedYear,
            })}
          </Text>
        )}
        {measure.effort && (
          <Text size="sm" data-testid="measure-effort">
            <Text span fw={600}>
              {t('target.effort')}:
            </Text>{' '}
            {measure.effort[locale]}
          </Text>
        )}
        {measure.behind && <BehindList behind={measure.behind} />}
        {measure.lowConfidence && (
          <Text size="sm" c="orange.8">
            {t('target.lowConfidence')}
          </Text>
        )}
        {!measure.indicator ? (
          <EmptyState>{t('target.noIndicator')}</EmptyState>
        ) : measure.series.length === 0 ? (
          <EmptyState>{t('target.noFigures')}</EmptyState>
        ) : (
          <>
            {unit !== 'milestone' && <MeasureChart measure={measure} />}
            <Stack gap={6}>
              <Title order={3} size="h5">
                {t('target.figures')}
              </Title>
              <FiguresTable measure={measure} />
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function TargetView({ target, plan }: { target: TargetDetailProgress; plan: PlanDetail | undefined }) {
  const { t, locale } = useLocalized();
  const title = t('target.title', { code: target.code });
  const goal = plan?.goals.find((g) => g.code === target.goalCode);
  const coordinate = goal?.targets.find((x) => x.id === target.targetId)?.coordinate ?? [];
  // The sentence of the measure that decides the target's status.
  const main = target.measures.find((m) => m.status === target.status) ?? target.measures[0];
  const color = isStatusKey(target.status) ? STATUS_COLOR[target.status] : 'gray';

  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        crumbs={[
          // Without the plan its identity is unknown: the trail still leads to it.
          ...(plan
            ? planCrumbs(t, target.planId, plan.document)
            : [
                ...planCrumbs(t, target.planId, undefined),
                { label: t('nav.plans'), to: `/plans/${target.planId}` },
              ]),
          { label: t('dashboard.title'), to: `/plans/${target.planId}/dashboard` },
          { label: title },
        ]}
        badges={
          <>
            <StatusBadge status={target.status} testId="target-status" size="lg" />
            {plan?.isDemo && <DemoBadge />}
          </>
        }
        subtitle={
          goal && (
            <Text size="sm" c="dimmed">
              {t('target.goal', { code: goal.code })}: {goal.title}
            </Text>
          )
        }
      >
        <Text fz="lg" fw={500} style={{ textWrap: 'pretty' }} data-testid="target-text">
          {sentenceCase(target.text)}
        </Text>
        {main && (
          <Paper
            radius="md"
            p="md"
            bg={`${color}.0`}
            style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
          >
            <Text fw={600} c={`${color}.9`} data-testid="target-explanation">
              {main.explanation[locale]}
            </Text>
          </Paper>
        )}
        <Group gap="xl" align="flex-start">
          <Fact label={t('target.lead')}>
            <AgencyList agencies={target.lead.map((l) => ({ ...l, unitName: null }))} />
          </Fact>
          {coordinate.length > 0 && (
            <Fact label={t('plan.columns.coordinate')}>
              <AgencyList agencies={coordinate} />
            </Fact>
          )}
          {target.scope && (
            <Fact label={t('target.scope')}>
              <Badge variant="outline" color="gray" radius="sm" tt="none">
                {target.scope.name}
              </Badge>
            </Fact>
          )}
        </Group>
        {plan?.isDemo && <DemoAlert />}
      </PageHeader>
      {target.measures.map((m, i) => (
        <MeasureSection key={m.measureId} measure={m} index={i} of={target.measures.length} />
      ))}
    </Stack>
  );
}

function TargetQuery({ id }: { id: string }) {
  const target = useQuery(queries.targetProgress(id));
  const planId = target.data?.planId ?? '';
  // The plan adds its identity, the goal's title and the coordinating agencies; the page works without it.
  const plan = useQuery({ ...queries.plan(planId), enabled: planId !== '' });
  if (target.error) return <QueryError error={target.error} onRetry={() => void target.refetch()} />;
  if (target.isPending || (plan.isPending && plan.fetchStatus !== 'idle')) return <Loading />;
  return <TargetView target={target.data} plan={plan.data} />;
}

/** One target: its status in a sentence, and for each measure the figures by sex against the required path. */
export function TargetPage() {
  const { id = '' } = useParams();
  if (!isUuid(id)) return <NotFound />;
  return <TargetQuery id={id} />;
}
