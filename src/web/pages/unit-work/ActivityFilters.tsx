import { Button, Group, NativeSelect, Paper, Select, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from './DayInput';
import type { Linkable } from './useLinkables';
import {
  ACTIVITY_KINDS,
  CHANNELS,
  OCCASIONS,
  type ActivityKind,
  type ActivityQuery,
  type Channel,
  type Occasion,
} from '../../api/work';
import { dayText, parseDay } from './work-format';

/** The filters as the URL carries them (?kind=communication&from=2025-10-01 …), so a filtered view can be shared. */
export const FILTER_KEYS = ['kind', 'channel', 'occasion', 'from', 'to', 'target', 'task'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The query the server answers: every filter the URL carries, each one checked against its known values. */
export function serverQuery(f: Filters): ActivityQuery {
  const q: ActivityQuery = { limit: 500 };
  if (f.kind && ACTIVITY_KINDS.includes(f.kind as ActivityKind)) q.kind = f.kind as ActivityKind;
  if (f.channel && CHANNELS.includes(f.channel as Channel)) q.channel = f.channel as Channel;
  if (f.occasion && OCCASIONS.includes(f.occasion as Occasion)) q.occasion = f.occasion as Occasion;
  if (f.target) q.target = f.target;
  if (f.task) q.task = f.task;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  return q;
}

/** A day bound of the filter: applied once the text is a day (or empty), flagged while it is not. */
function DayFilter({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(dayText(value));
  const bad = text.trim() !== '' && parseDay(text) === null;
  return (
    <DayInput
      label={label}
      value={text}
      onChange={(v) => {
        setText(v);
        const iso = v.trim() === '' ? '' : parseDay(v);
        if (iso !== null) onChange(iso);
      }}
      error={bad ? t('activities.errors.filterDay', { field: label }) : undefined}
      data-testid={testId}
    />
  );
}

export function ActivityFilters({
  value,
  onChange,
  targets,
  tasks,
}: {
  value: Filters;
  onChange: (update: (prev: Filters) => Filters) => void;
  targets: Linkable[];
  tasks: Linkable[];
}) {
  const { t } = useTranslation();
  const all = { value: '', label: t('activities.filters.all') };
  // The day fields keep their own text: a reset starts them afresh.
  const [generation, setGeneration] = useState(0);
  const set = (key: FilterKey, v: string | null) => onChange((prev) => ({ ...prev, [key]: v ?? '' }));
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t('activities.filters.title')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <NativeSelect
          label={t('activities.fields.kind')}
          value={value.kind ?? ''}
          onChange={(e) => set('kind', e.currentTarget.value)}
          data={[all, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kinds.${k}`) }))]}
          data-testid="filter-kind"
        />
        <NativeSelect
          label={t('activities.fields.channel')}
          value={value.channel ?? ''}
          onChange={(e) => set('channel', e.currentTarget.value)}
          data={[all, ...CHANNELS.map((c) => ({ value: c, label: t(`activities.channels.${c}`) }))]}
          data-testid="filter-channel"
        />
        <DayFilter
          key={`from-${generation}`}
          label={t('activities.filters.from')}
          value={value.from ?? ''}
          onChange={(iso) => set('from', iso)}
          testId="filter-from"
        />
        <DayFilter
          key={`to-${generation}`}
          label={t('activities.filters.to')}
          value={value.to ?? ''}
          onChange={(iso) => set('to', iso)}
          testId="filter-to"
        />
        <NativeSelect
          label={t('activities.fields.occasion')}
          value={value.occasion ?? ''}
          onChange={(e) => set('occasion', e.currentTarget.value)}
          data={[all, ...OCCASIONS.map((o) => ({ value: o, label: t(`activities.occasions.${o}`) }))]}
          data-testid="filter-occasion"
        />
        <Select
          label={t('activities.filters.target')}
          placeholder={t('activities.filters.all')}
          data={targets.map((x) => ({ value: x.value, label: x.label }))}
          value={value.target || null}
          onChange={(v) => set('target', v)}
          searchable
          clearable
          data-testid="filter-target"
        />
        <Select
          label={t('activities.filters.task')}
          placeholder={t('activities.filters.all')}
          data={tasks.map((x) => ({ value: x.value, label: x.label }))}
          value={value.task || null}
          onChange={(v) => set('task', v)}
          searchable
          clearable
          data-testid="filter-task"
        />
        <Group align="flex-end">
          <Button
            variant="subtle"
            onClick={() => {
              onChange(() => ({}));
              setGeneration((g) => g + 1);
            }}
            data-testid="filter-reset"
          >
            {t('activities.filters.reset')}
          </Button>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
