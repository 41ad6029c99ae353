import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sortVietnamese } from '../../../domain/vietnamese';
import { OrgKindBadge } from '../../components/OrgKindBadge';
import { EmptyState } from '../../components/QueryState';
import { TableCard } from '../../components/TableCard';
import { useLocalized } from '../../i18n';
import { formatDay, vietnamDay } from './format';
import { reportPath, type Cycle, type UnitCompleteness } from '../../api/reporting';
import { SubmissionStatusBadge } from '../../components/SubmissionStatusBadge';

/** The table's columns, in order, by their label keys under reporting.cycle.columns. */
const COLUMNS = ['unit', 'state', 'submittedAt', 'timeliness', 'targets', 'report'] as const;
const FILTERS = ['all', 'late', 'not_submitted', 'submitted', 'accepted'] as const;
type Filter = (typeof FILTERS)[number];

const matches: Record<Filter, (u: UnitCompleteness) => boolean> = {
  all: () => true,
  late: (u) => u.daysLate > 0,
  not_submitted: (u) => u.state === 'not_submitted',
  submitted: (u) => u.state === 'submitted' || u.state === 'approved',
  accepted: (u) => u.state === 'accepted',
};

function Timeliness({ unit, cycle }: { unit: UnitCompleteness; cycle: Cycle }) {
  const { t } = useTranslation();
  if (unit.daysLate > 0) {
    const key = unit.state === 'not_submitted' ? 'lateMissing' : 'lateSubmitted';
    return (
      <Text size="sm" c="red.8" fw={600} data-testid="days-late" data-days={unit.daysLate}>
        {t(`reporting.cycle.${key}`, { count: unit.daysLate })}
      </Text>
    );
  }
  if (unit.onTime)
    return (
      <Text size="sm" c="teal.8" data-testid="days-late" data-days={0}>
        {t('reporting.cycle.onTime')}
      </Text>
    );
  return (
    <Text size="sm" c="dimmed" data-testid="days-late" data-days={0}>
      {cycle.due >= vietnamDay(new Date()) ? t('reporting.cycle.notDueYet') : t('common.dash')}
    </Text>
  );
}

/** Every unit owing the cycle's report: its figures' state, when it sent them, late or not, its report. */
export function CompletenessTable({
  cycle,
  units,
  single,
}: {
  cycle: Cycle;
  units: readonly UnitCompleteness[];
  single: boolean;
}) {
  const { t, locale } = useLocalized();
  const [filter, setFilter] = useState<Filter>('all');
  const sorted = useMemo(
    // Agencies first (fewer, named in the plan), then communes; Vietnamese order within each.
    () => [
      ...sortVietnamese(
        units.filter((u) => u.kind === 'agency'),
        (u) => u.name,
      ),
      ...sortVietnamese(
        units.filter((u) => u.kind === 'commune'),
        (u) => u.name,
      ),
    ],
    [units],
  );
  if (units.length === 0) return <EmptyState>{t('reporting.cycle.empty')}</EmptyState>;
  const active = single ? 'all' : filter;
  const shown = sorted.filter(matches[active]);
  return (
    <Stack gap="sm">
      {!single && (
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v)}
          data={FILTERS.map((f) => ({
            value: f,
            label: `${t(`reporting.cycle.filters.${f}`)} (${units.filter(matches[f]).length})`,
          }))}
          style={{ alignSelf: 'flex-start' }}
          data-testid="completeness-filter"
        />
      )}
      <TableCard
        items={shown}
        empty={t('reporting.cycle.noneInFilter')}
        minWidth={900}
        data-testid="completeness-table"
        columns={COLUMNS.map((c) => ({ label: t(`reporting.cycle.columns.${c}`) }))}
      >
        {(u) => (
          <Table.Tr key={u.code} data-testid={`completeness-row-${u.code}`}>
            <Table.Td>
              <Group gap={8} wrap="nowrap">
                <OrgKindBadge kind={u.kind} />
                <div>
                  <Text size="sm" fw={500}>
                    {u.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {u.code}
                  </Text>
                </div>
              </Group>
            </Table.Td>
            <Table.Td>
              <SubmissionStatusBadge status={u.state} mark="unitState" />
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {u.submittedAt ? formatDay(vietnamDay(u.submittedAt), locale) : t('common.dash')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Timeliness unit={u} cycle={cycle} />
            </Table.Td>
            <Table.Td>
              {u.targets.length > 0 ? (
                <Group gap={4}>
                  {u.targets.map((tg) => (
                    <Badge
                      key={`${tg.code}-${tg.role}`}
                      size="sm"
                      radius="sm"
                      tt="none"
                      variant={tg.role === 'lead' ? 'filled' : 'outline'}
                      title={t(`reporting.cycle.roles.${tg.role === 'lead' ? 'lead' : 'coordinate'}`)}
                    >
                      {tg.code}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('reporting.cycle.indicators', { count: u.indicators.length })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={reportPath(cycle.id, u.code)} size="sm" data-testid="open-report">
                {t('reporting.cycle.openReport')}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        )}
      </TableCard>
    </Stack>
  );
}
