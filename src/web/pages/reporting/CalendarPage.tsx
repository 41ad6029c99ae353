import {
  Anchor,
  Badge,
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
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { Locale } from '../../../domain/measure';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { unitPath } from '../../components/Crumbs';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryView } from '../../components/QueryState';
import { useLocalized } from '../../i18n';
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
  const { t, locale } = useLocalized();
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

/** A unit's calendar as the server answers it. */
interface CalendarView {
  unit: { code: string; name: string; fullName: string };
  items: readonly CalendarItem[];
}

function Calendar({ calendar }: { calendar: CalendarView }) {
  const { t } = useTranslation();
  const [showPast, setShowPast] = useState(false);
  const today = vietnamDay(new Date());
  const { unit } = calendar;
  const items = calendar.items.filter((i) => showPast || i.end >= today);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('reporting.calendar.title', { unit: unit.fullName })}
        tabTitle={t('reporting.calendar.title', { unit: unit.name })}
        crumbs={[
          { label: t('nav.orgUnits'), to: '/org-units' },
          { label: unit.name, to: unitPath(unit.code) },
          { label: t('reporting.nav.calendar') },
        ]}
        description={t('reporting.calendar.description')}
      />
      <Subscribe code={unit.code} />
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
        <EmptyState>{t('reporting.calendar.empty')}</EmptyState>
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

/**
 * /org-units/:code/calendar: the unit's report deadlines and the fixed dates of the gender-equality year, in
 * date order, with the iCalendar feed to subscribe to.
 */
export function CalendarPage() {
  const { code = '' } = useParams();
  const calendar = useQuery(reportingQueries.calendar(code));
  return <QueryView query={calendar}>{(data) => <Calendar calendar={data} />}</QueryView>;
}
