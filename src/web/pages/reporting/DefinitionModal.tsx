import { SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, reportingKeys } from '../../api';
import { ErrorAlert } from '../../components/FeedbackAlert';
import { ModalForm } from '../../components/ModalForm';
import { updateDefinition, type ReportDefinition } from '../../api/reporting';

const FIELDS = [
  'title',
  'content',
  'reportingEntities',
  'recipient',
  'sendingMethod',
  'frequency',
  'cutoffStart',
  'cutoffEnd',
  'dueMonthDay',
  'outlineTemplate',
  'dataForm',
] as const;
type Field = (typeof FIELDS)[number];
type Form = Record<Field, string> & { version: number };

const formOf = (d: ReportDefinition): Form => ({
  ...(Object.fromEntries(FIELDS.map((f) => [f, d[f]])) as Record<Field, string>),
  version: d.version,
});

/** The label key of each field under reporting.plan.definition. */
const LABEL: Record<Field, string> = {
  title: 'title',
  content: 'content',
  reportingEntities: 'entities',
  recipient: 'recipient',
  sendingMethod: 'method',
  frequency: 'frequency',
  cutoffStart: 'cutoffStart',
  cutoffEnd: 'cutoffEnd',
  dueMonthDay: 'dueMonthDay',
  outlineTemplate: 'outline',
  dataForm: 'dataForm',
};

const LONG: readonly Field[] = ['content', 'reportingEntities', 'outlineTemplate', 'dataForm'];

/** Edits a report definition (PATCH with the version it was loaded at); mounted for one definition at a time. */
export function DefinitionModal({
  definition,
  onClose,
  onSaved,
}: {
  definition: ReportDefinition;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(() => formOf(definition));
  const [error, setError] = useState<{ text: string; field?: Field } | null>(null);
  const save = useMutation({ mutationFn: (body: Form) => updateDefinition(definition.id, body) });

  async function submit() {
    setError(null);
    try {
      const saved = await save.mutateAsync(form);
      await client.invalidateQueries({ queryKey: reportingKeys.all });
      onSaved(t('reporting.plan.savedDefinition', { title: saved.title }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        const current = err.issues[0]?.current as ReportDefinition | undefined;
        if (current && typeof current.version === 'number') setForm(formOf(current));
        await client.invalidateQueries({ queryKey: reportingKeys.allCycles });
        setError({ text: t('reporting.edit.conflict') });
        return;
      }
      const issue = err instanceof ApiError ? err.issues[0] : undefined;
      const field = issue?.path.split('.').pop() as Field | undefined;
      setError({
        text: err instanceof ApiError ? (issue?.message ?? err.message) : t('common.error'),
        ...(field && (FIELDS as readonly string[]).includes(field) ? { field } : {}),
      });
    }
  }

  const input = (field: Field) => {
    const props = {
      key: field,
      label: t(`reporting.plan.definition.${LABEL[field]}` as 'reporting.plan.definition.title'),
      value: form[field],
      required: true,
      error: error?.field === field ? error.text : undefined,
      onChange: (e: { currentTarget: { value: string } }) => {
        const value = e.currentTarget.value;
        setForm((f) => ({ ...f, [field]: value }));
      },
      'data-testid': `definition-input-${field}`,
    };
    return LONG.includes(field) ? <Textarea autosize minRows={2} {...props} /> : <TextInput {...props} />;
  };

  return (
    <ModalForm
      opened
      size="lg"
      onClose={onClose}
      title={t('reporting.plan.definition.editTitle', { title: definition.title })}
      noValidate={false}
      onSubmit={() => void submit()}
      actions={{
        submit: t('reporting.edit.save'),
        submitTestId: 'definition-save',
        loading: save.isPending,
        cancel: t('reporting.edit.cancel'),
      }}
    >
      {FIELDS.filter((f) => !['cutoffStart', 'cutoffEnd', 'dueMonthDay'].includes(f)).map(input)}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {input('cutoffStart')}
        {input('cutoffEnd')}
        {input('dueMonthDay')}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('reporting.plan.definition.monthDayHint')}
      </Text>
      <ErrorAlert title={t('reporting.edit.failed')} testId="definition-error">
        {error && !error.field && error.text}
      </ErrorAlert>
    </ModalForm>
  );
}
