import { Alert, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Marks content preloaded for demonstration, so nobody mistakes it for an official document. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="light" data-testid="demo-badge">
      {t('demo.badge')}
    </Badge>
  );
}

/** The warning on a page of demonstration content: not an official document, no legal value. */
export function DemoAlert() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('demo.alertTitle')}>
      {t('demo.alertText')}
    </Alert>
  );
}
