import { Alert, Button, Container, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFound } from '../components/QueryState';

/** Errors thrown while rendering or loading a route (a chunk that fails to download, a bug). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <Container py="xl">
      <Alert color="red" title={t('common.errorTitle')} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('common.error')}</Text>
          <Button size="xs" variant="white" color="red" onClick={() => window.location.reload()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    </Container>
  );
}
