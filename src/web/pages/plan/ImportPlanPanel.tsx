import { Alert, Anchor, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, importPlanFile } from '../../api';
import { planKeys } from '../../api/keys';
import { isManager, useSession } from '../../session';

/** The plan a 409 names: the document is already stored as that plan. */
function storedPlanOf(error: unknown): { id: string; title: string } | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.issues[0]?.current as { id?: unknown; title?: unknown } | undefined;
  return typeof current?.id === 'string'
    ? { id: current.id, title: typeof current.title === 'string' ? current.title : current.id }
    : null;
}

/**
 * For coordinators: import a plan from a binhdang.plan/1 file (it stays private until published). A document
 * already stored is named, with the choice to replace that plan by the file.
 */
export function ImportPlanPanel() {
  const { t } = useTranslation();
  const { user } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (input: { file: File; replaces?: string }) => importPlanFile(input.file, input.replaces),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: planKeys.all });
      await navigate(`/plans/${r.id}`);
    },
  });
  if (!isManager(user)) return null;
  const stored = storedPlanOf(upload.error);
  const issues = upload.error instanceof ApiError && upload.error.status === 400 ? upload.error.issues : [];
  return (
    <Stack gap="xs" data-testid="plan-import">
      <Group gap="sm">
        <FileButton
          accept="application/json,.json"
          onChange={(f) => {
            setFile(f);
            if (f) upload.mutate({ file: f });
          }}
        >
          {(props) => (
            <Button {...props} variant="light" loading={upload.isPending} data-testid="plan-import-button">
              {t('planImport.button')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('planImport.hint')}
        </Text>
      </Group>
      {stored && file && (
        <Alert color="orange" variant="light" data-testid="plan-import-conflict">
          <Stack gap={6}>
            <Text size="sm">
              {t('planImport.stored')}{' '}
              <Anchor component={Link} to={`/plans/${stored.id}`} inherit>
                {stored.title}
              </Anchor>
            </Text>
            <Group>
              <Button
                size="xs"
                color="orange"
                onClick={() => upload.mutate({ file, replaces: stored.id })}
                data-testid="plan-import-replace"
              >
                {t('planImport.replace')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {upload.error && !stored && (
        <Alert color="red" variant="light" data-testid="plan-import-error">
          <Text size="sm">{upload.error.message}</Text>
          {issues.length > 0 && (
            <List size="xs" mt={4}>
              {issues.slice(0, 20).map((i, n) => (
                <List.Item key={n}>
                  <code>{i.path}</code>: {i.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
