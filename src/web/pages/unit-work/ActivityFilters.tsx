import { Button, Group, NativeSelect, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../components/FilterBar';
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
  const choices = {
    kind: ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kinds.${k}`) })),
    channel: CHANNELS.map((c) => ({ value: c, label: t(`activities.channels.${c}`) })),
    occasion: OCCASIONS.map((o) => ({ value: o, label: t(`activities.occasions.${o}`) })),
  };
  const links = { target: targets, task: tasks };
  const select = (key: 'kind' | 'channel' | 'occasion') => (
    <NativeSelect
      label={t(`activities.fields.${key}`)}
      value={value[key] ?? ''}
      onChange={(e) => set(key, e.currentTarget.value)}
      data={[all, ...choices[key]]}
      data-testid={`filter-${key}`}
    />
  );
  const day = (key: 'from' | 'to') => (
    <DayFilter
      key={`${key}-${generation}`}
      label={t(`activities.filters.${key}`)}
      value={value[key] ?? ''}
      onChange={(iso) => set(key, iso)}
      testId={`filter-${key}`}
    />
  );
  const link = (key: 'target' | 'task') => (
    <Select
      label={t(`activities.filters.${key}`)}
      placeholder={t('activities.filters.all')}
      data={links[key].map((x) => ({ value: x.value, label: x.label }))}
      value={value[key] || null}
      onChange={(v) => set(key, v)}
      searchable
      clearable
      data-testid={`filter-${key}`}
    />
  );
  return (
    <FilterBar label={t('activities.filters.title')}>
      {select('kind')}
      {select('channel')}
      {day('from')}
      {day('to')}
      {select('occasion')}
      {link('target')}
      {link('task')}
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
    </FilterBar>
  );
}
