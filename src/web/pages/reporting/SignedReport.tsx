import { Badge, Button, FileInput, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api';
import { DownloadButton } from '../../components/DownloadButton';
import { FeedbackAlert } from '../../components/FeedbackAlert';
import { SectionCard } from '../../components/SectionCard';
import { useLocalized } from '../../i18n';
import { formatInstant, formatSize } from './format';
import {
  PDF_MAX_BYTES,
  reportFileUrl,
  reportingQueries,
  uploadSignedPdf,
  type Draft,
} from '../../api/reporting';

/** Why a file cannot be the signed PDF, checked before sending it (the server checks again). */
async function problemOf(file: File): Promise<'emptyFile' | 'tooBig' | 'notPdf' | null> {
  if (file.size === 0) return 'emptyFile';
  if (file.size > PDF_MAX_BYTES) return 'tooBig';
  // The first bytes tell, whatever the name or the type the browser guessed.
  const head = new TextDecoder('latin1').decode(await file.slice(0, 5).arrayBuffer());
  return head === '%PDF-' ? null : 'notPdf';
}

/** The signed copy: uploading it sends the report ("Đã gửi"); once there, it can be downloaded. */
export function SignedReport({
  cycleId,
  unit,
  draft,
  canWrite,
}: {
  cycleId: string;
  unit: string;
  draft: Draft;
  canWrite: boolean;
}) {
  const { t, locale } = useLocalized();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const upload = useMutation({ mutationFn: (f: File) => uploadSignedPdf(cycleId, unit, f) });
  const signed = draft.signed;

  async function send() {
    if (!file) return;
    setMessage(null);
    const problem = await problemOf(file);
    if (problem) {
      const size = formatSize(file.size, locale);
      setMessage({ ok: false, text: t(`reporting.report.${problem}`, { name: file.name, size }) });
      return;
    }
    try {
      const result = await upload.mutateAsync(file);
      client.setQueryData(reportingQueries.draft(cycleId, unit).queryKey, result);
      setFile(null);
      setMessage({ ok: true, text: t('reporting.report.uploaded') });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : t('common.error') });
    }
  }

  return (
    <SectionCard
      title={t('reporting.report.signed')}
      hint={t('reporting.report.signedHint')}
      data-testid="report-signed"
      aside={
        <Badge
          size="lg"
          radius="sm"
          tt="none"
          color={signed ? 'teal' : 'gray'}
          variant={signed ? 'filled' : 'light'}
          data-testid="report-status"
          data-sent={signed ? 'true' : 'false'}
        >
          {signed ? t('reporting.report.sent') : t('reporting.report.notSent')}
        </Badge>
      }
    >
      {signed && (
        <Group gap="md">
          <Text size="sm" data-testid="signed-info">
            {t('reporting.report.sentAt', {
              date: formatInstant(signed.sentAt, locale),
              size: formatSize(signed.size, locale),
            })}
          </Text>
          <DownloadButton
            href={reportFileUrl(cycleId, unit, 'signed.pdf')}
            variant="light"
            size="xs"
            testId="signed-download"
          >
            {t('reporting.report.downloadSigned')}
          </DownloadButton>
        </Group>
      )}
      {canWrite && (
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('reporting.report.pickPdf')}
            placeholder={t('reporting.report.pickPlaceholder')}
            accept="application/pdf,.pdf"
            value={file}
            onChange={(f) => {
              setFile(f);
              setMessage(null);
            }}
            clearable
            w={360}
            data-testid="signed-file"
          />
          <Button
            onClick={() => void send()}
            disabled={!file}
            loading={upload.isPending}
            data-testid="signed-upload"
          >
            {signed ? t('reporting.report.replace') : t('reporting.report.upload')}
          </Button>
        </Group>
      )}
      {message && (
        <FeedbackAlert
          ok={message.ok}
          title={message.ok ? undefined : t('reporting.report.uploadFailed')}
          testId={message.ok ? 'signed-success' : 'signed-error'}
        >
          {message.text}
        </FeedbackAlert>
      )}
    </SectionCard>
  );
}
