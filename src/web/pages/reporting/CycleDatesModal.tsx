import { Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, reportingKeys } from '../../api';
import { ErrorAlert } from '../../components/FeedbackAlert';
import { ModalForm } from '../../components/ModalForm';
import { useLocalized } from '../../i18n';
import { cycleName, formatDay } from './format';
import { updateCycleDates, type Cycle } from '../../api/reporting';

interface Dates {
  due: string;
  cutoffFrom: string;
  cutoffTo: string;
  version: number;
}

const datesOf = (c: Dates): Dates => ({
  due: c.due,
  cutoffFrom: c.cutoffFrom,
  cutoffTo: c.cutoffTo,
  version: c.version,
});

function isDates(value: unknown): value is Dates {
  const v = value as Partial<Dates> | null;
  return (
    typeof v?.due === 'string' &&
    typeof v.cutoffFrom === 'string' &&
    typeof v.cutoffTo === 'string' &&
    typeof v.version === 'number'
  );
}

/**
 * Changes a cycle's deadline and cut-off window (PATCH with the version it was loaded at). Mounted for one
 * cycle at a time (keyed by it), so the form starts from that cycle's dates.
 */
export function CycleDatesModal({
  cycle,
  onClose,
  onSaved,
}: {
  cycle: Cycle;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t, locale } = useLocalized();
  const client = useQueryClient();
  const [form, setForm] = useState<Dates>(() => datesOf(cycle));
  const [error, setError] = useState<{ text: string; field?: keyof Dates } | null>(null);

  const save = useMutation({
    mutationFn: (body: Dates) => updateCycleDates(cycle.id, body),
  });

  async function submit() {
    setError(null);
    try {
      const saved = await save.mutateAsync(form);
      await client.invalidateQueries({ queryKey: reportingKeys.all });
      onSaved(t('reporting.edit.saved', { cycle: cycleName(t, saved), due: formatDay(saved.due, locale) }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        // Show what is stored now, so the user decides again on current dates.
        const current = err.issues[0]?.current;
        if (isDates(current)) setForm(datesOf(current));
        await client.invalidateQueries({ queryKey: reportingKeys.allCycles });
        setError({ text: t('reporting.edit.conflict') });
        return;
      }
      const issue = err instanceof ApiError ? err.issues[0] : undefined;
      const field = issue?.path.split('.').pop() as keyof Dates | undefined;
      setError({
        text: err instanceof ApiError ? (issue?.message ?? err.message) : t('common.error'),
        ...(field && ['due', 'cutoffFrom', 'cutoffTo'].includes(field) ? { field } : {}),
      });
    }
  }

  const input = (field: 'due' | 'cutoffFrom' | 'cutoffTo') => (
    <TextInput
      type="date"
      label={t(`reporting.edit.${field}`)}
      value={form[field]}
      required
      error={error?.field === field ? error.text : undefined}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setForm((f) => ({ ...f, [field]: value }));
      }}
      data-testid={`cycle-input-${field}`}
    />
  );

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('reporting.edit.title', { cycle: cycleName(t, cycle) })}
      noValidate={false}
      onSubmit={() => void submit()}
      actions={{
        submit: t('reporting.edit.save'),
        submitTestId: 'cycle-save',
        loading: save.isPending,
        cancel: t('reporting.edit.cancel'),
      }}
    >
      {input('due')}
      <Group grow>
        {input('cutoffFrom')}
        {input('cutoffTo')}
      </Group>
      <ErrorAlert title={t('reporting.edit.failed')} testId="cycle-error">
        {error && !error.field && error.text}
      </ErrorAlert>
    </ModalForm>
  );
}
