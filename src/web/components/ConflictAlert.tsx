import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Choice {
  label: string;
  onClick: () => void;
  testId: string;
  loading?: boolean;
}

/**
 * Someone else saved the same thing after it was loaded (a 409): what is stored now, and the choices — load
 * theirs and decide again, or keep one's own over it.
 */
export function ConflictAlert({
  title,
  message,
  current,
  reload,
  overwrite,
  testId,
  children,
}: {
  title?: string;
  message: ReactNode;
  /** The value stored now, when the page can show it. */
  current?: ReactNode;
  reload?: Choice;
  overwrite?: Choice;
  testId: string;
  /** Choices the page makes per item (several figures at once). */
  children?: ReactNode;
}) {
  // With one choice only, it is the way forward and looks it.
  const lone = !overwrite;
  return (
    <Alert color="orange" variant="light" title={title} role="alert" data-testid={testId}>
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {current}
        {(reload || overwrite) && (
          <Group gap="sm">
            {reload && (
              <Button
                size="xs"
                variant={lone ? 'filled' : 'default'}
                color={lone ? 'orange' : undefined}
                onClick={reload.onClick}
                loading={reload.loading}
                data-testid={reload.testId}
              >
                {reload.label}
              </Button>
            )}
            {overwrite && (
              <Button
                size="xs"
                color="orange"
                onClick={overwrite.onClick}
                loading={overwrite.loading}
                data-testid={overwrite.testId}
              >
                {overwrite.label}
              </Button>
            )}
          </Group>
        )}
        {children}
      </Stack>
    </Alert>
  );
}
