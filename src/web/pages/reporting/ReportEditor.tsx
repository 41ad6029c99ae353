import { Button, Group, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, reportingKeys } from '../../api';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/FeedbackAlert';
import { FormSection } from '../../components/FormSection';
import {
  reportingQueries,
  saveDraft,
  type Draft,
  type DraftFields,
  type ReportDocument,
} from '../../api/reporting';

/** The form as typed: recipients one per line. */
interface Form {
  activities: string;
  difficulties: string;
  proposals: string;
  signerAuthority: string;
  signerName: string;
  recipients: string;
}

const SECTIONS = ['activities', 'difficulties', 'proposals'] as const;

const formOf = (d: DraftFields): Form => ({ ...d, recipients: d.recipients.join('\n') });
const fieldsOf = (f: Form): DraftFields => ({
  ...f,
  recipients: f.recipients
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
});
const sameText = (a: Form, b: Form) => (Object.keys(a) as (keyof Form)[]).every((k) => a[k] === b[k]);

/**
 * The sections the unit writes (III–V, signer, recipients), saved with the version they were loaded at so that
 * nobody silently overwrites a colleague's save.
 */
export function ReportEditor({
  cycleId,
  unit,
  draft,
  doc,
  canWrite,
}: {
  cycleId: string;
  unit: string;
  draft: Draft;
  doc: ReportDocument;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [base, setBase] = useState<{ form: Form; version: number }>(() => ({
    form: formOf(draft),
    version: draft.version,
  }));
  const [form, setForm] = useState<Form>(() => formOf(draft));
  const [saved, setSaved] = useState<number | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dirty = !sameText(form, base.form);

  // The stored draft changed (a save, the signed copy attached, a reload): adjust during render, not in an effect.
  const [seen, setSeen] = useState(draft.version);
  if (draft.version !== seen) {
    setSeen(draft.version);
    const server = formOf(draft);
    // Same text under a newer version (the signed PDF was attached): keep typing over the new version.
    if (sameText(server, base.form)) setBase({ form: base.form, version: draft.version });
    else if (!dirty) {
      setForm(server);
      setBase({ form: server, version: draft.version });
    }
    // Otherwise someone else changed the text under the user's edits: saving will say so and let them choose.
  }

  const save = useMutation({
    mutationFn: (v: { form: Form; version: number }) =>
      saveDraft(cycleId, unit, { ...fieldsOf(v.form), version: v.version }),
  });

  async function submit(version: number) {
    setSaved(null);
    setError(null);
    try {
      const result = await save.mutateAsync({ form, version });
      setConflict(null);
      setBase({ form: formOf(result), version: result.version });
      setForm(formOf(result));
      setSaved(result.version);
      client.setQueryData(reportingQueries.draft(cycleId, unit).queryKey, result);
      // The DOCX preview repeats these sections.
      await client.invalidateQueries({ queryKey: reportingKeys.report(cycleId, unit) });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        const current = err.issues[0]?.current?.version;
        setConflict(typeof current === 'number' ? current : version + 1);
        return;
      }
      setError(err instanceof ApiError ? err.message : t('common.error'));
    }
  }

  async function takeTheirs() {
    const fresh = await client.fetchQuery({ ...reportingQueries.draft(cycleId, unit), staleTime: 0 });
    setBase({ form: formOf(fresh), version: fresh.version });
    setForm(formOf(fresh));
    setConflict(null);
  }

  const field = (key: keyof Form, label: string, placeholder?: string, rows = 5) => (
    <Textarea
      label={label}
      value={form[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setForm((f) => ({ ...f, [key]: value }));
        setSaved(null);
      }}
      placeholder={placeholder}
      autosize
      minRows={rows}
      maxRows={20}
      readOnly={!canWrite}
      data-testid={`report-${key}`}
    />
  );

  return (
    <FormSection
      title={t('reporting.report.written')}
      hint={canWrite ? t('reporting.report.writtenHint') : t('reporting.report.readOnly')}
      data-testid="report-editor"
      onSubmit={() => void submit(base.version)}
    >
      {SECTIONS.map((s) =>
        field(s, t(`reporting.report.${s}`), canWrite ? undefined : t('reporting.report.empty')),
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {field(
          'signerAuthority',
          t('reporting.report.signerAuthority'),
          `${t('reporting.report.defaultHint')}: ${doc.signer.authority.join(' / ')}`,
          3,
        )}
        <TextInput
          label={t('reporting.report.signerName')}
          value={form.signerName}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setForm((f) => ({ ...f, signerName: value }));
          }}
          readOnly={!canWrite}
          data-testid="report-signerName"
        />
        {field(
          'recipients',
          t('reporting.report.recipients'),
          `${t('reporting.report.defaultHint')}: ${doc.recipients.join(' ')}`,
          3,
        )}
      </SimpleGrid>

      {conflict !== null && (
        <ConflictAlert
          title={t('reporting.report.conflictTitle')}
          message={t('reporting.report.conflict', { version: conflict })}
          testId="report-conflict"
          reload={{
            label: t('reporting.report.takeTheirs'),
            onClick: () => void takeTheirs(),
            testId: 'conflict-reload',
          }}
          overwrite={{
            label: t('reporting.report.keepMine'),
            onClick: () => void submit(conflict),
            loading: save.isPending,
            testId: 'conflict-overwrite',
          }}
        />
      )}
      <ErrorAlert title={t('reporting.report.failed')} testId="report-error">
        {error}
      </ErrorAlert>
      {canWrite && (
        <Group gap="md">
          <Button
            type="submit"
            loading={save.isPending}
            disabled={conflict !== null}
            data-testid="report-save"
          >
            {t('reporting.report.save')}
          </Button>
          {saved !== null && !dirty && (
            <Text size="sm" c="teal.8" role="status" data-testid="report-saved">
              {t('reporting.report.saved', { version: saved })}
            </Text>
          )}
          {dirty && (
            <Text size="sm" c="orange.8" data-testid="report-dirty">
              {t('reporting.report.unsaved')}
            </Text>
          )}
        </Group>
      )}
    </FormSection>
  );
}
