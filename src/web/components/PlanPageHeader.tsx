import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '../api';
import { planCrumbs } from './Crumbs';
import { DemoBadge } from './DemoBadge';
import { PageHeader } from './PageHeader';

/**
 * Kế hoạch / Số …/KH-UBND / <page>, the page's title with the demo badge, and the plan's title leading back to
 * it: the head of a plan's sub-page.
 */
export function PlanPageHeader({
  plan,
  title,
  description,
  actions,
  children,
}: {
  plan: PlanDetail;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={title}
      tabTitle={`${title} · ${plan.document.title}`}
      crumbs={[...planCrumbs(t, plan.id, plan.document), { label: title }]}
      badges={plan.isDemo && <DemoBadge />}
      actions={actions}
      subtitle={
        <Anchor component={Link} to={`/plans/${plan.id}`} c="dimmed" fw={500}>
          {plan.document.title}
        </Anchor>
      }
      description={description}
    >
      {children}
    </PageHeader>
  );
}
