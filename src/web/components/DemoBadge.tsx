import { Badge } from '@mantine/core';
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
