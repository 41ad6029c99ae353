import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { Locale } from '../../../domain/measure';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, QueryError } from '../../components/QueryState';
import { useLocale } from '../../i18n';
import { vi } from '../../i18n/vi';
import { useSession } from '../../session';
import { cycleName, daysBetween, dueText, formatDayRange, vietnamDay } from './format';
import { calendarIcsPath, cyclePath, reportingQueries, type CalendarItem } from '../../api/reporting';

type FixedKey = keyof typeof vi.reporting.calendar.fixedDates;
const isFixedKey = (k: string): k is FixedKey => Object.hasOwn(vi.reporting.calendar.fixedDates, k);

/** The item's name in the UI's language: deadlines from their cycle, fixed dates by their first day. */
function titleOf(t: TFunction, locale: Locale, item: CalendarItem): string {
  if (item.cycle) {
    const name = cycleName(t, { kind: item.cycle.kind, year: Number(item.cycle.period.slice(0, 4)) });
    // Mid-sentence in Vietnamese: "Hạn gửi báo cáo năm 2026".
    const inSentence = locale === 'vi' ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
    return t('reporting.calendar.deadlineTitle', { name: inSentence });
  }
  const key = item.start.slice(5);
  return isFixedKey(key) ? t(`reporting.calendar.fixedDates.${key}`) : item.title;
}

function Subscribe({ code }: { code: string }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${calendarIcsPath(code)}`;
  return (
    <Paper withBorder radius="md" p="md" bg="indigo.0" data-testid="calendar-subscribe">
      <Stack gap="xs">
        <Text fw={600}>{t('reporting.calendar.subscribe')}</Text>
        <Text size="sm">{t('reporting.calendar.subscribeHint')}</Text>
        <Group gap="sm" wrap="wrap">
          <Code style={{ wordBreak: 'break-all' }} data-testid="calendar-url">
            {url}
          </Code>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : 'indigo'}
                onClick={copy}
              >
                {copied ? t('reporting.calendar.copied') : t('reporting.calendar.copy')}
              </Button>
            )}
          </CopyButton>
          <Button
            component="a"
            href={calendarIcsPath(code)}
            size="xs"
            variant="default"
            data-testid="calendar-ics"
          >
            {t('reporting.calendar.download')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Item({ item, today }: { item: CalendarItem; today: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useSession();
  const ongoing = item.start < today && item.end >= today;
  const deadline = item.cycle !== null;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid="calendar-item"
      data-kind={deadline ? 'deadline' : 'fixed'}
      data-start={item.start}
      style={{ borderLeft: `4px solid var(--mantine-color-${deadline ? 'red' : 'grape'}-6)` }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap={8}>
            <Text fw={700} size="sm" data-testid="calendar-date">
              {formatDayRange(item.start, item.end, locale)}
            </Text>
            <Badge size="sm" radius="sm" tt="none" color={deadline ? 'red' : 'grape'} variant="light">
              {deadline ? t('reporting.calendar.deadline') : t('reporting.calendar.fixed')}
            </Badge>
            {ongoing && (
              <Badge size="sm" radius="sm" tt="none" color="teal">
                {t('reporting.calendar.ongoing')}
              </Badge>
            )}
          </Group>
          <Text size="sm" data-testid="calendar-title">
            {titleOf(t, locale, item)}
          </Text>
          {deadline && user && (
            <Anchor component={Link} to={cyclePath(item.cycle!.id)} size="xs">
              {t('reporting.calendar.openCycle')}
            </Anchor>
          )}
        </Stack>
        {!ongoing && daysBetween(today, item.start) >= 0 && (
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {dueText(t, item.start, today)}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

/**
 * /org-units/:code/calendar: the unit's report deadlines and the fixed dates of the gender-equality year, in
 * date order, with the iCalendar feed to subscribe to.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const calendar = useQuery(reportingQueries.calendar(code));
  const [showPast, setShowPast] = useState(false);
  const name = calendar.data?.unit.name ?? code;
  useDocumentTitle(`${t('reporting.calendar.title', { unit: name })} · ${t('app.name')}`);
  if (calendar.isPending) return <Loading />;
  if (calendar.error) return <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const today = vietnamDay(new Date());
  const items = calendar.data.items.filter((i) => showPast || i.end >= today);
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Breadcrumbs component="nav" aria-label={t('common.breadcrumb')}>
          <Anchor component={Link} to="/org-units" size="sm">
            {t('nav.orgUnits')}
          </Anchor>
          <Anchor component={Link} to={`/org-units/${encodeURIComponent(code)}`} size="sm">
            {calendar.data.unit.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('reporting.nav.calendar')}
          </Text>
        </Breadcrumbs>
        <Title order={1}>{t('reporting.calendar.title', { unit: calendar.data.unit.fullName })}</Title>
        <Text size="sm" maw={820}>
          {t('reporting.calendar.description')}
        </Text>
      </Stack>
      <Subscribe code={calendar.data.unit.code} />
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('reporting.calendar.upcoming')}
        </Title>
        <Switch
          label={t('reporting.calendar.showPast')}
          checked={showPast}
          onChange={(e) => setShowPast(e.currentTarget.checked)}
          data-testid="calendar-past"
        />
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('reporting.calendar.empty')}</Text>
      ) : (
        <Stack gap="lg" data-testid="calendar-list">
          {[...new Set(items.map((i) => i.start.slice(0, 4)))].map((year) => (
            <Stack key={year} gap="xs" component="section" aria-label={year}>
              <Title order={3} size="h5" c="dimmed">
                {year}
              </Title>
              {items
                .filter((i) => i.start.startsWith(year))
                .map((item) => (
                  <Item key={item.uid} item={item} today={today} />
                ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
