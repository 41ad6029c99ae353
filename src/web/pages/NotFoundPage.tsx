import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NotFound } from '../components/QueryState';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('common.notFound')} · ${t('app.name')}`);
  return <NotFound />;
}
