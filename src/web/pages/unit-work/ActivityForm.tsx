import { MultiSelect, NativeSelect, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, FeedbackAlert } from '../../components/FeedbackAlert';
import { FormActions, FormSection } from '../../components/FormSection';
import { progressKeys, workKeys, type OrgUnitDetail } from '../../api';
import type { Linkable } from './useLinkables';
import {
  ACTIVITY_KINDS,
  CHANNELS,
  OCCASIONS,
  useWorkApi,
  type Activity,
  type ActivityInput,
  type ActivityKind,
  type Channel,
  type Occasion,
} from '../../api/work';
import { DayInput } from './DayInput';
import { useFieldErrors } from './useFieldErrors';
import { dayText, occasionOf, parseDay, todayIso } from './work-format';

interface Draft {
  kind: ActivityKind;
  title: string;
  channel: string;
  url: string;
  date: string;
  endDate: string;
  occasion: string;
  participantsFemale: string;
  participantsMale: string;
  findings: string;
  targetIds: string[];
  taskIds: string[];
}

const FIELDS = [
  'title',
  'channel',
  'url',
  'date',
  'endDate',
  'occasion',
  'participantsFemale',
  'participantsMale',
  'findings',
] as const;
type Field = (typeof FIELDS)[number];

const empty = (kind: ActivityKind): Draft => ({
  kind,
  title: '',
  channel: '',
  url: '',
  date: dayText(todayIso()),
  endDate: '',
  occasion: occasionOf(todayIso()) ?? '',
  participantsFemale: '',
  participantsMale: '',
  findings: '',
  targetIds: [],
  taskIds: [],
});

/** What an activity may be linked to: targets of the plans, tasks. */
const LINKS = [
  { field: 'targets', ids: 'targetIds' },
  { field: 'tasks', ids: 'taskIds' },
] as const;

const hasParticipants = (k: ActivityKind) => k === 'training' || k === 'meeting';
const hasEndDate = (k: ActivityKind) => k !== 'communication' && k !== 'inspection';
const count = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

/** Checks what the person can fix before sending; messages name the field. */
function validate(d: Draft, t: TFunction): Partial<Record<Field, string>> {
  const e: Partial<Record<Field, string>> = {};
  if (!d.title.trim()) e.title = t('activities.errors.title');
  const date = parseDay(d.date);
  if (!date) e.date = t('activities.errors.date');
  if (d.kind === 'communication' && !d.channel) e.channel = t('activities.errors.channel');
  if (d.kind === 'communication' && d.url.trim() && !/^https?:\/\/\S+\.\S+/i.test(d.url.trim()))
    e.url = t('activities.errors.url');
  const end = parseDay(d.endDate);
  if (hasEndDate(d.kind) && d.endDate.trim() && (!end || (date && end < date)))
    e.endDate = t('activities.errors.endDate');
  if (hasParticipants(d.kind)) {
    for (const f of ['participantsFemale', 'participantsMale'] as const)
      if (d[f].trim() && !/^\d+$/.test(d[f].trim())) e[f] = t(`activities.errors.${f}`);
    if (d.kind === 'training' && !d.participantsFemale.trim() && !d.participantsMale.trim())
      e.participantsFemale = t('activities.errors.participantsRequired');
  }
  return e;
}

/** Only the fields of the chosen kind travel; the others would be stale input from another kind. */
function toInput(d: Draft): ActivityInput {
  return {
    kind: d.kind,
    title: d.title.trim(),
    date: parseDay(d.date)!,
    occasion: (d.occasion || null) as Occasion | null,
    channel: d.kind === 'communication' ? (d.channel as Channel) : null,
    url: d.kind === 'communication' && d.url.trim() ? d.url.trim() : null,
    endDate: hasEndDate(d.kind) ? parseDay(d.endDate) : null,
    participantsFemale: hasParticipants(d.kind) ? count(d.participantsFemale) : null,
    participantsMale: hasParticipants(d.kind) ? count(d.participantsMale) : null,
    findings: d.kind === 'inspection' && d.findings.trim() ? d.findings.trim() : null,
    targetIds: d.targetIds,
    taskIds: d.taskIds,
  };
}

/** Logs a communication item, event, training, meeting or inspection of the unit. */
export function ActivityForm({
  unit,
  targets,
  tasks,
}: {
  unit: OrgUnitDetail;
  targets: Linkable[];
  tasks: Linkable[];
}) {
  const { t } = useTranslation();
  const api = useWorkApi();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => empty('communication'));
  // The occasion follows the date until the person picks one themselves.
  const [occasionTouched, setOccasionTouched] = useState(false);
  const { setErrors, general, setGeneral, refused, clear, props } = useFieldErrors(FIELDS, 'activity', (f) =>
    t('activities.errors.invalid', { field: t(`activities.fields.${f}`) }),
  );
  const [saved, setSaved] = useState<Activity | null>(null);
  const mutation = useMutation({ mutationFn: (body: ActivityInput) => api.logActivity(unit.code, body) });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => {
      const next = { ...d, [key]: value };
      if (key === 'date' && !occasionTouched) next.occasion = occasionOf(parseDay(String(value)) ?? '') ?? '';
      return next;
    });
    if ((FIELDS as readonly string[]).includes(key)) clear(key as Field);
    setSaved(null);
  };

  async function submit() {
    setGeneral(null);
    setSaved(null);
    const found = validate(draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const row = await mutation.mutateAsync(toInput(draft));
      setSaved(row);
      setDraft(empty(draft.kind));
      setOccasionTouched(false);
      // Computed indicators (BDG-22 …) read the log: their progress changes with it.
      await Promise.all([
        client.invalidateQueries({ queryKey: workKeys.activities(unit.code) }),
        client.invalidateQueries({ queryKey: progressKeys.all }),
      ]);
    } catch (error) {
      const { byField, general: message } = refused(error);
      setGeneral(message ?? (Object.keys(byField).length ? null : t('activities.errors.failed')));
    }
  }

  const input = (f: Field) => ({ label: t(`activities.fields.${f}`), ...props(f) });

  return (
    <FormSection
      title={t('activities.form.title')}
      data-testid="activity-form"
      onSubmit={() => void submit()}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          label={t('activities.fields.kind')}
          value={draft.kind}
          onChange={(e) => set('kind', e.currentTarget.value as ActivityKind)}
          data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kinds.${k}`) }))}
          data-testid="activity-kind"
        />
        <DayInput
          {...input('date')}
          value={draft.date}
          onChange={(v) => set('date', v)}
          data-testid="activity-date"
          required
        />
        {hasEndDate(draft.kind) ? (
          <DayInput
            {...input('endDate')}
            value={draft.endDate}
            onChange={(v) => set('endDate', v)}
            data-testid="activity-end-date"
          />
        ) : (
          <div />
        )}
      </SimpleGrid>
      <TextInput
        {...input('title')}
        placeholder={t(`activities.placeholders.${draft.kind}`)}
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        data-testid="activity-title"
        required
      />
      {draft.kind === 'communication' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            {...input('channel')}
            value={draft.channel}
            onChange={(e) => set('channel', e.currentTarget.value)}
            data={[
              { value: '', label: t('activities.form.choose') },
              ...CHANNELS.map((c) => ({ value: c, label: t(`activities.channels.${c}`) })),
            ]}
            data-testid="activity-channel"
            required
          />
          <TextInput
            type="url"
            {...input('url')}
            placeholder="https://"
            value={draft.url}
            onChange={(e) => set('url', e.currentTarget.value)}
            data-testid="activity-url"
          />
        </SimpleGrid>
      )}
      {hasParticipants(draft.kind) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {(['participantsFemale', 'participantsMale'] as const).map((f) => (
            <TextInput
              key={f}
              {...input(f)}
              inputMode="numeric"
              value={draft[f]}
              onChange={(e) => set(f, e.currentTarget.value)}
              data-testid={`activity-${f}`}
              required={draft.kind === 'training'}
            />
          ))}
        </SimpleGrid>
      )}
      {draft.kind === 'inspection' && (
        <Textarea
          {...input('findings')}
          autosize
          minRows={3}
          value={draft.findings}
          onChange={(e) => set('findings', e.currentTarget.value)}
          data-testid="activity-findings"
        />
      )}
      <NativeSelect
        {...input('occasion')}
        description={t('activities.form.occasionHint')}
        value={draft.occasion}
        onChange={(e) => {
          setOccasionTouched(true);
          set('occasion', e.currentTarget.value);
        }}
        data={[
          { value: '', label: t('activities.form.noOccasion') },
          ...OCCASIONS.map((o) => ({ value: o, label: t(`activities.occasions.${o}`) })),
        ]}
        data-testid="activity-occasion"
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {LINKS.map((l) => (
          <MultiSelect
            key={l.field}
            label={t(`activities.fields.${l.field}`)}
            placeholder={t('activities.form.linkPlaceholder')}
            data={(l.field === 'targets' ? targets : tasks).map((x) => ({ value: x.value, label: x.label }))}
            value={draft[l.ids]}
            onChange={(v) => set(l.ids, v)}
            searchable
            clearable
            maxValues={50}
            nothingFoundMessage={t('activities.form.nothingFound')}
            data-testid={`activity-${l.field}`}
          />
        ))}
      </SimpleGrid>
      <ErrorAlert testId="activity-form-error">{general}</ErrorAlert>
      {saved && (
        <FeedbackAlert ok testId="activity-saved">
          {t('activities.form.saved', { title: saved.title })}
        </FeedbackAlert>
      )}
      <FormActions
        submit={t('activities.form.submit')}
        submitTestId="activity-submit"
        loading={mutation.isPending}
      />
    </FormSection>
  );
}
