import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../domain/measure';
import { DemoBadge } from '../../components/DemoBadge';
import { EmptyState } from '../../components/QueryState';
import { useLocalized } from '../../i18n';
import { Attachments } from './Attachments';
import type { Linkable } from './useLinkables';
import { CHANNELS, OCCASIONS, type Activity, type Channel, type Occasion } from '../../api/work';
import { formatDay } from './work-format';

const isChannel = (c: string | null): c is Channel => CHANNELS.includes(c as Channel);
const isOccasion = (o: string | null): o is Occasion => OCCASIONS.includes(o as Occasion);

function ActivityCard({
  activity: a,
  codes,
  canWrite,
}: {
  activity: Activity;
  codes: { targets: Map<string, string>; tasks: Map<string, string> };
  canWrite: boolean;
}) {
  const { t, locale } = useLocalized();
  const linked = (ids: string[], map: Map<string, string>) => ids.map((id) => map.get(id) ?? id.slice(0, 8));
  const targets = linked(a.targetIds, codes.targets);
  const tasks = linked(a.taskIds, codes.tasks);
  const hasPeople = a.participantsFemale !== null || a.participantsMale !== null;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="activity-row" data-kind={a.kind} data-id={a.id}>
      <Stack gap={6}>
        <Group gap="xs" align="center">
          <Text size="sm" fw={600} data-testid="activity-date-text">
            {formatDay(a.date, locale)}
            {a.endDate && a.endDate !== a.date && ` – ${formatDay(a.endDate, locale)}`}
          </Text>
          <Badge variant="light" radius="sm" tt="none" data-testid="activity-kind-badge">
            {t(`activities.kinds.${a.kind}`)}
          </Badge>
          {isChannel(a.channel) && (
            <Badge variant="outline" color="gray" radius="sm" tt="none" data-testid="activity-channel-badge">
              {t(`activities.channels.${a.channel}`)}
            </Badge>
          )}
          {isOccasion(a.occasion) && (
            <Badge variant="light" color="pink" radius="sm" tt="none" data-testid="activity-occasion-badge">
              {t(`activities.occasions.${a.occasion}`)}
            </Badge>
          )}
          {a.isDemo && <DemoBadge />}
        </Group>
        {a.url ? (
          <Anchor
            href={a.url}
            target="_blank"
            rel="noopener noreferrer"
            fw={500}
            data-testid="activity-title-text"
          >
            {a.title}
          </Anchor>
        ) : (
          <Text fw={500} data-testid="activity-title-text">
            {a.title}
          </Text>
        )}
        {hasPeople && (
          <Text size="sm" data-testid="activity-participants">
            {t('activities.list.participants', {
              female: formatNumber(a.participantsFemale ?? 0, locale),
              male: formatNumber(a.participantsMale ?? 0, locale),
              total: formatNumber((a.participantsFemale ?? 0) + (a.participantsMale ?? 0), locale),
            })}
          </Text>
        )}
        {a.findings && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="activity-findings-text">
            <Text span inherit c="dimmed">
              {t('activities.fields.findings')}:{' '}
            </Text>
            {a.findings}
          </Text>
        )}
        {(targets.length > 0 || tasks.length > 0) && (
          <Text size="sm" data-testid="activity-links">
            {targets.length > 0 && (
              <span data-testid="activity-linked-targets">
                {t('activities.list.targets', { codes: targets.join(', ') })}
              </span>
            )}
            {targets.length > 0 && tasks.length > 0 && ' · '}
            {tasks.length > 0 && (
              <span data-testid="activity-linked-tasks">
                {t('activities.list.tasks', { codes: tasks.join(', ') })}
              </span>
            )}
          </Text>
        )}
        <Attachments activity={a} unitCode={a.orgUnit} canWrite={canWrite} />
      </Stack>
    </Paper>
  );
}

/** The log, newest first; each item with its links to targets and tasks and its files. */
export function ActivityList({
  items,
  targets,
  tasks,
  canWrite,
}: {
  items: Activity[];
  targets: Linkable[];
  tasks: Linkable[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const codes = {
    targets: new Map(targets.map((x) => [x.value, x.code])),
    tasks: new Map(tasks.map((x) => [x.value, x.code])),
  };
  if (items.length === 0)
    return <EmptyState testId="activities-empty">{t('activities.list.empty')}</EmptyState>;
  return (
    <Stack gap="sm" data-testid="activity-list">
      {items.map((a) => (
        <ActivityCard key={a.id} activity={a} codes={codes} canWrite={canWrite} />
      ))}
    </Stack>
  );
}
