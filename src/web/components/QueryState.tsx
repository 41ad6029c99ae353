import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, isNotFound } from '../api';

/** What a page shows while its data loads. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

/** "Không tìm thấy", with a way back. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" py="xl" gap="sm" data-testid="not-found">
      <Title order={1}>{t('common.notFound')}</Title>
      <Text c="dimmed">{t('common.notFoundText')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}

/** A failed query: "Không tìm thấy" for 404, otherwise a message and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isNotFound(error)) return <NotFound />;
  // Not allowed: the server's own words say why; trying again will not help.
  if (error instanceof ApiError && error.status === 403)
    return (
      <Alert color="orange" title={t('guard.forbiddenTitle')} role="alert" my="md" data-testid="forbidden">
        <Text size="sm">{error.message}</Text>
      </Alert>
    );
  return (
    <Alert color="red" title={t('common.errorTitle')} role="alert" my="md">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('common.error')}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** The dimmed sentence a list shows when it has nothing in it. */
export function EmptyState({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <Text c="dimmed" data-testid={testId}>
      {children}
    </Text>
  );
}

/** The part of a query's state a view needs (a react-query result has it). */
interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => Promise<unknown>;
}

/**
 * A query's data once it is there: "Đang tải…" until then, the error with a retry button when it failed, and
 * `empty` instead of the content when `isEmpty` says there is nothing to show.
 */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  emptyTestId,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  emptyTestId?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  if (isEmpty?.(query.data)) return <EmptyState testId={emptyTestId}>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
