import { Anchor, Breadcrumbs, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '../api';
import { documentIdentity } from '../format';
import { DemoBadge } from './DemoBadge';

/** Kế hoạch / Số …/KH-UBND / <page>, then the page's title with the demo badge: the head of a plan's sub-page. */
export function PlanPageHeader({ plan, title }: { plan: PlanDetail; title: string }) {
  const { t } = useTranslation();
  const doc = plan.document;
  return (
    <>
      <Breadcrumbs component="nav" aria-label={t('common.breadcrumb')} data-testid="breadcrumb">
        <Anchor component={Link} to="/" size="sm">
          {t('nav.plans')}
        </Anchor>
        <Anchor component={Link} to={`/plans/${plan.id}`} size="sm">
          {documentIdentity(t, doc.number, doc.symbol)}
        </Anchor>
        <Text size="sm" c="dimmed">
          {title}
        </Text>
      </Breadcrumbs>
      <Group gap="sm">
        <Title order={1}>{title}</Title>
        {plan.isDemo && <DemoBadge />}
      </Group>
    </>
  );
}
