import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queries, type PlanSummary } from '../api';
import { DemoBadge } from '../components/DemoBadge';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryState';
import { documentIdentity, documentTypeLabel, formatDocumentDate, formatPeriod } from '../format';
import { useLocalized } from '../i18n';
import { ImportPlanPanel } from './plan/ImportPlanPanel';

function PlanRow({ plan }: { plan: PlanSummary }) {
  const { t, locale } = useLocalized();
  const doc = plan.document;
  const when = [doc.place, doc.date ? formatDocumentDate(doc.date, locale) : null].filter(Boolean).join(', ');
  return (
    <Card withBorder radius="md" padding="lg" component="article" data-testid="plan-row">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed" fw={500}>
            {documentTypeLabel(t, doc.type)} · {documentIdentity(t, doc.number, doc.symbol)}
          </Text>
          <Group gap={6}>
            {!plan.published && (
              <Badge color="gray" variant="light" data-testid="plan-row-unpublished">
                {t('planDoc.unpublished')}
              </Badge>
            )}
            {plan.isDemo && <DemoBadge />}
          </Group>
        </Group>
        <Anchor component={Link} to={`/plans/${plan.id}`} fw={700} fz="lg" lh={1.35}>
          {doc.title}
        </Anchor>
        <Text size="sm">
          {plan.issuerUnit ? (
            <Anchor component={Link} to={`/org-units/${encodeURIComponent(plan.issuerUnit.code)}`} inherit>
              {doc.issuer}
            </Anchor>
          ) : (
            doc.issuer
          )}
          {when && ` · ${when}`}
        </Text>
        <Group gap="xs">
          <Badge variant="default" tt="none">
            {formatPeriod(t, doc.period)}
          </Badge>
          <Badge variant="light" tt="none">
            {t('planList.goals', { count: plan.counts.goals })}
          </Badge>
          <Badge variant="light" tt="none">
            {t('planList.targets', { count: plan.counts.targets })}
          </Badge>
        </Group>
      </Stack>
    </Card>
  );
}

/** All plans on the platform, newest first as the server lists them. */
export function PlanListPage() {
  const { t } = useTranslation();
  const plans = useQuery(queries.plans());
  return (
    <Stack gap="lg">
      <PageHeader title={t('planList.title')} description={t('planList.description')} />
      <ImportPlanPanel />
      <QueryView query={plans} isEmpty={(data) => data.items.length === 0} empty={t('planList.empty')}>
        {(data) => (
          <Stack gap="md">
            {data.items.map((plan) => (
              <PlanRow key={plan.id} plan={plan} />
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
