import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryState';
import { RequireLogin } from '../../components/RequireLogin';
import { useLocalized } from '../../i18n';
import { formatInstant } from './format';
import { useNotifications } from './notifications';
import { cyclePath, reportPath } from '../../api/reporting';

/** Reminders to a unit (due soon, overdue) and, to the issuing unit, the count of late units. */
const KINDS = ['due_soon', 'overdue', 'late_units'] as const;
type Kind = (typeof KINDS)[number];

function List() {
  const { t, locale } = useLocalized();
  const { query, items, isNew, markSeen } = useNotifications();
  // Which ones were new when the page opened: they stay marked while the user reads, the bell clears.
  const [fresh, setFresh] = useState<ReadonlySet<string> | null>(null);
  if (query.data && fresh === null) setFresh(new Set(items.filter(isNew).map((n) => n.id)));
  // Once, when the list first shows: reminders arriving while it is open stay unread in the bell.
  const marked = useRef(false);
  useEffect(() => {
    if (fresh === null || marked.current) return;
    marked.current = true;
    markSeen();
  }, [fresh, markSeen]);

  return (
    <QueryView
      query={query}
      isEmpty={() => items.length === 0}
      empty={t('reporting.notifications.empty')}
      emptyTestId="notifications-empty"
    >
      {() => (
        <Stack gap="xs" data-testid="notification-list">
          {items.map((n) => {
            const kind = KINDS.includes(n.kind as Kind) ? (n.kind as Kind) : 'due_soon';
            const color = kind === 'due_soon' ? 'orange' : 'red';
            return (
              <Paper
                key={n.id}
                withBorder
                radius="md"
                p="sm"
                data-testid="notification"
                data-kind={n.kind}
                bg={fresh?.has(n.id) ? 'indigo.0' : undefined}
                style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
              >
                <Stack gap={4}>
                  <Group gap={8}>
                    <Badge size="sm" radius="sm" tt="none" color={color} variant="light">
                      {t(`reporting.notifications.kinds.${kind}`)}
                    </Badge>
                    {fresh?.has(n.id) && (
                      <Badge size="sm" radius="sm" tt="none" data-testid="notification-new">
                        {t('reporting.notifications.new')}
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {formatInstant(n.createdAt, locale)} · {n.orgUnit}
                    </Text>
                  </Group>
                  <Text size="sm" data-testid="notification-message">
                    {n.message}
                  </Text>
                  <Group gap="md">
                    <Anchor component={Link} to={cyclePath(n.cycleId, n.orgUnit)} size="xs">
                      {t('reporting.notifications.openCycle')}
                    </Anchor>
                    <Anchor component={Link} to={reportPath(n.cycleId, n.orgUnit)} size="xs">
                      {t('reporting.notifications.openReport')}
                    </Anchor>
                  </Group>
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </QueryView>
  );
}

/** /notifications: deadline reminders of the units the user holds a role in, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <RequireLogin>
      {() => (
        <Stack gap="lg">
          <PageHeader
            title={t('reporting.notifications.title')}
            description={t('reporting.notifications.description')}
          />
          <List />
        </Stack>
      )}
    </RequireLogin>
  );
}
