import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queries, type PlanDetail, reportingKeys, isUuid } from '../../api';
import { FeedbackAlert } from '../../components/FeedbackAlert';
import { PageSection } from '../../components/PageSection';
import { PlanPageHeader } from '../../components/PlanPageHeader';
import { EmptyState, Loading, NotFound, QueryError, QueryView } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { TableCard } from '../../components/TableCard';
import { YearSelect } from '../../components/YearSelect';
import { useLocalized } from '../../i18n';
import { allows, ancestryOf, useSession } from '../../session';
import { AddToRegime } from './AddToRegime';
import { ConfirmDelete } from './ConfirmDelete';
import { CycleDatesModal } from './CycleDatesModal';
import { DefinitionModal } from './DefinitionModal';
import { ReportingUnitsSection } from './ReportingUnitsSection';
import { Definitions } from './Definitions';
import { cycleName, dueText, formatDay, formatDayRange, vietnamDay } from './format';
import { KIND_COLOR } from './badges';
import {
  cyclePath,
  deleteCycle,
  deleteDefinition,
  generateCycles,
  reportingQueries,
  type Cycle,
  type ReportDefinition,
  type TimelinessItem,
} from '../../api/reporting';

// ECharts comes with the chart only, after the table is on screen.
const TimelinessChart = lazy(() => import('./TimelinessChart'));

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** Creates a year's missing cycles (coordinators of the issuing unit). */
function GenerateCycles({ plan, onDone }: { plan: PlanDetail; onDone: (text: string, ok: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { from, to } = plan.document.period;
  const years = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  const thisYear = String(new Date().getFullYear());
  const [year, setYear] = useState(years.includes(thisYear) ? thisYear : years[0]!);
  const generate = useMutation({ mutationFn: (y: number) => generateCycles(plan.id, y) });
  async function run() {
    const before = client.getQueryData(reportingQueries.cycles(plan.id).queryKey)?.cycles ?? [];
    try {
      const { cycles } = await generate.mutateAsync(Number(year));
      const created = cycles.filter((c) => !before.some((b) => b.id === c.id)).length;
      onDone(
        created > 0
          ? t('reporting.plan.generated', { count: created, year })
          : t('reporting.plan.generatedNone', { year }),
        true,
      );
    } catch (err) {
      onDone(err instanceof Error ? err.message : t('common.error'), false);
    }
    await client.invalidateQueries({ queryKey: reportingKeys.all });
  }
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" data-testid="generate-cycles">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 320px' }}>
          <Text fw={600}>{t('reporting.plan.generateTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('reporting.plan.generateHint')}
          </Text>
        </Stack>
        <YearSelect
          label={t('reporting.plan.generateYear')}
          years={years}
          value={year}
          onChange={setYear}
          w={120}
          testId="generate-year"
        />
        <Button onClick={() => void run()} loading={generate.isPending} data-testid="generate-submit">
          {t('reporting.plan.generate')}
        </Button>
      </Group>
    </Paper>
  );
}

function TimelinessSection({ items }: { items: readonly TimelinessItem[] }) {
  const { t } = useTranslation();
  return (
    <SectionCard
      title={t('reporting.plan.chartTitle')}
      hint={t('reporting.plan.chartHint')}
      gap="xs"
      data-testid="timeliness"
    >
      {items.length === 0 ? (
        <EmptyState testId="timeliness-empty">{t('reporting.plan.chartEmpty')}</EmptyState>
      ) : (
        <Suspense fallback={<Loading />}>
          <TimelinessChart items={items} />
        </Suspense>
      )}
    </SectionCard>
  );
}

/** The table's first columns, by their label keys under reporting.plan.columns. */
const COLUMNS = ['cycle', 'kind', 'cutoff', 'due'] as const;

/**
 * The plan's cycles, the next one marked; the on-time rate of each where `rates` are known, and an edit button
 * per cycle where `onEdit` is given (the coordinator of the issuing unit).
 */
function CycleTable({
  cycles,
  rates,
  signedIn,
  onEdit,
  onDelete,
}: {
  cycles: readonly Cycle[];
  rates: ReadonlyMap<string, TimelinessItem> | undefined;
  signedIn: boolean;
  onEdit?: (cycle: Cycle) => void;
  onDelete?: (cycle: Cycle) => void;
}) {
  const { t, locale } = useLocalized();
  const today = vietnamDay(new Date());
  const next = cycles.find((c) => c.due >= today);
  return (
    <TableCard
      items={cycles}
      empty={t('reporting.plan.empty')}
      minWidth={820}
      data-testid="cycle-table"
      columns={[
        ...COLUMNS.map((c) => ({ label: t(`reporting.plan.columns.${c}`) })),
        rates && { label: t('reporting.plan.columns.onTime') },
        onEdit && { label: t('reporting.plan.columns.actions') },
      ]}
    >
      {(c) => {
        const rate = rates?.get(c.id);
        return (
          <Table.Tr
            key={c.id}
            data-testid={`cycle-row-${c.period}-${c.kind}`}
            bg={c.id === next?.id ? 'indigo.0' : undefined}
          >
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                {signedIn ? (
                  <Anchor component={Link} to={cyclePath(c.id)} fw={500} size="sm">
                    {cycleName(t, c)}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={500}>
                    {cycleName(t, c)}
                  </Text>
                )}
                {c.id === next?.id && (
                  <Badge size="sm" variant="filled" radius="sm" tt="none">
                    {t('reporting.plan.next')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Badge color={KIND_COLOR[c.kind]} variant="light" radius="sm" tt="none">
                {t(`reporting.kinds.${c.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDayRange(c.cutoffFrom, c.cutoffTo, locale)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600} data-testid="cycle-due">
                {formatDay(c.due, locale)}
              </Text>
              <Text size="xs" c={c.due < today ? 'dimmed' : 'indigo.7'}>
                {dueText(t, c.due, today)}
              </Text>
            </Table.Td>
            {rates && (
              <Table.Td data-testid="cycle-rate">
                {rate ? (
                  <Text size="sm">
                    <b>{percent(rate.rate)}</b>{' '}
                    <Text span size="xs" c="dimmed">
                      (
                      {t('reporting.plan.rate', {
                        onTime: rate.onTime,
                        obligated: rate.obligated,
                      })}
                      )
                    </Text>
                  </Text>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('reporting.plan.notDueYet')}
                  </Text>
                )}
              </Table.Td>
            )}
            {onEdit && (
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onEdit(c)}
                    data-testid="cycle-edit"
                  >
                    {t('reporting.plan.edit')}
                  </Button>
                  {onDelete && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      onClick={() => onDelete(c)}
                      data-testid="cycle-delete"
                    >
                      {t('reporting.plan.deleteCycle')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        );
      }}
    </TableCard>
  );
}

function Reporting({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const issuerCode = plan.issuerUnit?.code ?? null;
  const issuer = useQuery({ ...queries.orgUnit(issuerCode ?? ''), enabled: issuerCode !== null && !!user });
  const cycles = useQuery(reportingQueries.cycles(plan.id));
  const timeliness = useQuery({ ...reportingQueries.timeliness(plan.id), enabled: !!user });
  const [editing, setEditing] = useState<Cycle | null>(null);
  const [editingDefinition, setEditingDefinition] = useState<ReportDefinition | null>(null);
  const [deleting, setDeleting] = useState<
    { kind: 'cycle'; cycle: Cycle } | { kind: 'definition'; definition: ReportDefinition } | null
  >(null);
  const [feedback, setFeedback] = useState<{ text: string; ok: boolean } | null>(null);
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (what: NonNullable<typeof deleting>) =>
      what.kind === 'cycle' ? deleteCycle(what.cycle.id) : deleteDefinition(what.definition.id),
  });

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting);
      setFeedback({
        text:
          deleting.kind === 'cycle'
            ? t('reporting.plan.deletedCycle', { cycle: cycleName(t, deleting.cycle) })
            : t('reporting.plan.deletedDefinition', { title: deleting.definition.title }),
        ok: true,
      });
    } catch (err) {
      setFeedback({ text: err instanceof Error ? err.message : t('common.error'), ok: false });
    }
    setDeleting(null);
    await client.invalidateQueries({ queryKey: reportingKeys.all });
  }

  const manager = !!user && !!issuer.data && allows(user.grants, 'plan.manage', ancestryOf(issuer.data));
  const rates = useMemo(
    () => timeliness.data && new Map(timeliness.data.items.map((i) => [i.cycleId, i])),
    [timeliness.data],
  );

  return (
    <Stack gap="lg">
      <PlanPageHeader
        plan={plan}
        title={t('reporting.plan.title')}
        description={t('reporting.plan.description')}
      />

      {feedback && (
        <FeedbackAlert
          ok={feedback.ok}
          onClose={() => setFeedback(null)}
          testId={feedback.ok ? 'reporting-success' : 'reporting-error'}
        >
          {feedback.text}
        </FeedbackAlert>
      )}

      {manager && <GenerateCycles plan={plan} onDone={(text, ok) => setFeedback({ text, ok })} />}
      {manager && cycles.data && (
        <AddToRegime
          planId={plan.id}
          period={plan.document.period}
          definitions={cycles.data.definitions}
          onDone={(text, ok) => setFeedback({ text, ok })}
        />
      )}

      {timeliness.data && <TimelinessSection items={timeliness.data.items} />}

      <PageSection title={t('reporting.plan.cycles')} size="h4" gap="xs">
        <QueryView query={cycles}>
          {(data) => (
            <CycleTable
              cycles={data.cycles}
              rates={rates}
              signedIn={!!user}
              onEdit={manager ? setEditing : undefined}
              onDelete={manager ? (cycle) => setDeleting({ kind: 'cycle', cycle }) : undefined}
            />
          )}
        </QueryView>
      </PageSection>

      {cycles.data && cycles.data.definitions.length > 0 && (
        <Definitions
          definitions={cycles.data.definitions}
          onEdit={manager ? setEditingDefinition : undefined}
          onDelete={manager ? (definition) => setDeleting({ kind: 'definition', definition }) : undefined}
        />
      )}

      <ReportingUnitsSection
        planId={plan.id}
        manage={manager}
        onDone={(text, ok) => setFeedback({ text, ok })}
      />

      {editingDefinition && (
        <DefinitionModal
          key={editingDefinition.id}
          definition={editingDefinition}
          onClose={() => setEditingDefinition(null)}
          onSaved={(text) => {
            setEditingDefinition(null);
            setFeedback({ text, ok: true });
          }}
        />
      )}

      {deleting && (
        <ConfirmDelete
          title={
            deleting.kind === 'cycle' ? t('reporting.plan.deleteCycle') : t('reporting.plan.deleteDefinition')
          }
          question={
            deleting.kind === 'cycle'
              ? t('reporting.plan.confirmDeleteCycle', { cycle: cycleName(t, deleting.cycle) })
              : t('reporting.plan.confirmDeleteDefinition', {
                  title: deleting.definition.title,
                  count: (cycles.data?.cycles ?? []).filter((c) => c.definitionId === deleting.definition.id)
                    .length,
                })
          }
          loading={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void confirmDelete()}
        />
      )}

      {editing && (
        <CycleDatesModal
          key={editing.id}
          cycle={editing}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setFeedback({ text, ok: true });
          }}
        />
      )}
    </Stack>
  );
}

/**
 * /plans/:id/reporting: the plan's reporting cycles with their cut-offs and deadlines, the on-time rate of each
 * past cycle, and for the coordinator of the issuing unit generating a year's cycles and moving deadlines.
 */
export function ReportingPage() {
  const { id = '' } = useParams();
  const plan = useQuery({ ...queries.plan(id), enabled: isUuid(id) });
  if (!isUuid(id)) return <NotFound />;
  if (plan.isPending) return <Loading />;
  if (plan.error) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  return <Reporting plan={plan.data} />;
}
