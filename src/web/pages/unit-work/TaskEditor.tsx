import { NativeSelect, SimpleGrid, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, workKeys } from '../../api';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/FeedbackAlert';
import { FormActions, FormBody } from '../../components/FormSection';
import { TASK_STATUSES, useWorkApi, type PlanTask, type TaskStatus, type TaskUpdate } from '../../api/work';
import { DayInput } from './DayInput';
import { useFieldErrors } from './useFieldErrors';
import { dayText, parseDay } from './work-format';

const FIELDS = ['status', 'startDate', 'dueDate', 'evidence'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Status, dates and evidence of a task, sent with the version it was loaded at: when someone else saved in
 * between, the server refuses (409) and the person reloads before deciding again.
 */
export function TaskEditor({ task, onReload }: { task: PlanTask; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const api = useWorkApi();
  const client = useQueryClient();
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [startText, setStart] = useState(dayText(task.startDate));
  const [dueText, setDue] = useState(dayText(task.dueDate));
  const [evidence, setEvidence] = useState(task.evidence ?? '');
  const {
    setErrors,
    general,
    setGeneral,
    refused,
    props: errorProps,
  } = useFieldErrors(FIELDS, 'task', (f) => t('tasks.errors.invalid', { field: t(`tasks.fields.${f}`) }));
  const [conflict, setConflict] = useState(false);
  const mutation = useMutation({ mutationFn: (body: TaskUpdate) => api.updateTask(task.id, body) });

  async function save() {
    setGeneral(null);
    const e: Partial<Record<Field, string>> = {};
    const startDate = startText.trim() ? parseDay(startText) : null;
    const dueDate = dueText.trim() ? parseDay(dueText) : null;
    if (startText.trim() && !startDate)
      e.startDate = t('tasks.errors.date', { field: t('tasks.fields.startDate') });
    if (dueText.trim() && !dueDate) e.dueDate = t('tasks.errors.date', { field: t('tasks.fields.dueDate') });
    else if (startDate && dueDate && dueDate < startDate) e.dueDate = t('tasks.errors.dueBeforeStart');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    try {
      await mutation.mutateAsync({
        status,
        startDate,
        dueDate,
        evidence: evidence.trim() || null,
        version: task.version,
      });
      // Every plan's task list: a parent plan shows how far its children's tasks have got. The refetched task
      // (new version) remounts this form with what was stored.
      await client.invalidateQueries({ queryKey: workKeys.allTasks });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        return;
      }
      refused(error);
    }
  }

  return (
    <FormBody data-testid="task-editor" onSubmit={() => void save()}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          label={t('tasks.fields.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as TaskStatus)}
          data={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.statuses.${s}`) }))}
          data-testid="task-edit-status"
          {...errorProps('status')}
        />
        <DayInput
          label={t('tasks.fields.startDate')}
          value={startText}
          onChange={setStart}
          data-testid="task-edit-start"
          {...errorProps('startDate')}
        />
        <DayInput
          label={t('tasks.fields.dueDate')}
          value={dueText}
          onChange={setDue}
          data-testid="task-edit-due"
          {...errorProps('dueDate')}
        />
      </SimpleGrid>
      <Textarea
        label={t('tasks.fields.evidence')}
        description={t('tasks.evidenceHint')}
        autosize
        minRows={2}
        value={evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
        data-testid="task-edit-evidence"
        {...errorProps('evidence')}
      />
      {conflict && (
        <ConflictAlert
          message={t('tasks.conflict')}
          testId="task-conflict"
          reload={{ label: t('tasks.reload'), onClick: () => void onReload(), testId: 'task-reload' }}
        />
      )}
      <ErrorAlert testId="task-error">{general}</ErrorAlert>
      <FormActions
        submit={t('tasks.save')}
        submitTestId="task-save"
        size="sm"
        loading={mutation.isPending}
        disabled={conflict}
      />
    </FormBody>
  );
}
