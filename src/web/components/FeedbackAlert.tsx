import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** What went wrong, in red; nothing while there is nothing to say. */
export function ErrorAlert({
  title,
  testId,
  children,
}: {
  title?: string;
  testId?: string;
  children: ReactNode;
}) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title} data-testid={testId}>
      {children}
    </Alert>
  );
}

/**
 * The outcome of what the user just did: green and polite when it worked, red and assertive when it did not;
 * closable when `onClose` is given.
 */
export function FeedbackAlert({
  ok,
  title,
  testId,
  onClose,
  children,
}: {
  ok: boolean;
  title?: string;
  testId?: string;
  onClose?: () => void;
  children: ReactNode;
}) {
  return (
    <Alert
      color={ok ? 'green' : 'red'}
      variant="light"
      role={ok ? 'status' : 'alert'}
      title={title}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      data-testid={testId}
    >
      {children}
    </Alert>
  );
}
