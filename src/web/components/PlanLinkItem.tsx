import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PlanLink } from '../api';
import { documentCitation } from '../format';
import { useLocalized } from '../i18n';
import { DemoBadge } from './DemoBadge';

/** Another plan, cited as a document and linked to its page. */
export function PlanLinkItem({ plan }: { plan: PlanLink }) {
  const { t, locale } = useLocalized();
  return (
    <div>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`/plans/${plan.id}`} fw={600}>
          {plan.title}
        </Anchor>
        {plan.isDemo && <DemoBadge />}
      </Group>
      <Text size="sm" c="dimmed">
        {documentCitation(t, locale, plan)}
      </Text>
    </div>
  );
}
