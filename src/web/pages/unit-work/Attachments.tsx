import { Alert, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ComponentProps } from 'react';
import { formatNumber } from '../../../domain/measure';
import { ApiError, workKeys } from '../../api';
import { useLocalized } from '../../i18n';
import {
  ATTACHMENT_LIMIT_MB,
  ATTACHMENT_TRANSPORT_LIMIT,
  ATTACHMENT_TYPES,
  useWorkApi,
  type Activity,
} from '../../api/work';

/** "245 KB", "1,2 MB". */
function fileSize(bytes: number, locale: 'vi' | 'en'): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB`;
}

/** An activity's files (download links) and, for those who may write, a button to attach one more. */
export function Attachments({
  activity,
  unitCode,
  canWrite,
}: {
  activity: Activity;
  unitCode: string;
  canWrite: boolean;
}) {
  const { t, locale } = useLocalized();
  const api = useWorkApi();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: (file: File) => api.attach(activity.id, file) });
  // Cleared after each choice so that picking the same file again (after fixing it) fires again.
  const reset = useRef<() => void>(null);

  async function upload(file: File | null) {
    if (!file) return;
    reset.current?.();
    setError(null);
    // Types the server has no body reader for, and bodies over its transport limit, never reach the check
    // that explains them: say the same thing here instead of sending.
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
      setError(t('activities.attachments.type', { name: file.name }));
      return;
    }
    if (file.size > ATTACHMENT_TRANSPORT_LIMIT) {
      setError(t('activities.attachments.tooLarge', { name: file.name, limit: ATTACHMENT_LIMIT_MB }));
      return;
    }
    try {
      await mutation.mutateAsync(file);
      await client.invalidateQueries({ queryKey: workKeys.activities(unitCode) });
    } catch (e) {
      if (!(e instanceof ApiError)) setError(t('activities.attachments.failed'));
      // The transport's own refusals come in English: say them in the UI's words.
      else if (e.status === 415)
        setError(t('activities.attachments.unsupported', { name: file.name, type: file.type }));
      else if (e.status === 413)
        setError(t('activities.attachments.tooLarge', { name: file.name, limit: ATTACHMENT_LIMIT_MB }));
      // Otherwise the service's own words: the size limit, or a type whose bytes do not match it.
      else setError(e.message);
    }
  }

  if (activity.attachments.length === 0 && !canWrite) return null;
  return (
    <Stack gap={4} data-testid="attachments">
      {activity.attachments.length > 0 && (
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            {t('activities.attachments.label')}:
          </Text>
          {activity.attachments.map((a) => (
            <Anchor
              key={a.id}
              href={a.url}
              download={a.fileName}
              size="sm"
              data-testid="attachment-link"
              title={a.mediaType}
            >
              {a.fileName} ({fileSize(a.size, locale)})
            </Anchor>
          ))}
        </Group>
      )}
      {canWrite && (
        <Group gap="xs">
          <FileButton
            onChange={(f) => void upload(f)}
            resetRef={reset}
            accept={ATTACHMENT_TYPES.join(',')}
            inputProps={{ 'data-testid': 'attachment-input' } as ComponentProps<'input'>}
          >
            {(props) => (
              <Button
                {...props}
                size="compact-xs"
                variant="subtle"
                loading={mutation.isPending}
                data-testid="attachment-add"
              >
                {t('activities.attachments.add')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('activities.attachments.hint', { limit: ATTACHMENT_LIMIT_MB })}
          </Text>
        </Group>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert" py={6} data-testid="attachment-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
