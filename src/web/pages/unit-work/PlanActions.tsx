import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { PlanDetail } from '../../api';
import { DownloadButton } from '../../components/DownloadButton';
import type { DraftedState } from './DraftPlanPanel';
import { planDocxUrl, planExportUrl } from '../../api/work';

/** Buttons beside the dashboard: the plan's reporting, its DOCX draft and its binhdang.plan/1 export. */
export function PlanActions({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        component={Link}
        to={`/plans/${plan.id}/reporting`}
        variant="light"
        data-testid="plan-reporting-link"
      >
        {t('work.planLinks.reporting')}
      </Button>
      <DownloadButton href={planDocxUrl(plan.id)} variant="default" testId="plan-docx-link">
        {t('work.planLinks.docx')}
      </DownloadButton>
      <DownloadButton
        href={planExportUrl(plan.id)}
        variant="default"
        title={t('work.planLinks.exportTitle')}
        testId="plan-export-link"
      >
        {t('work.planLinks.export')}
      </DownloadButton>
    </>
  );
}

/** Shown once on a plan just drafted: what to do with it next. */
export function DraftedNotice({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { state } = useLocation() as { state: Partial<DraftedState> | null };
  if (!state?.drafted) return null;
  return (
    <Alert color="teal" variant="light" title={t('planDraft.createdTitle')} data-testid="draft-created">
      <Text size="sm">{t('planDraft.createdText')}</Text>
      <Group gap="md" mt={6}>
        <Anchor href={planDocxUrl(plan.id)} download size="sm">
          {t('work.planLinks.docx')}
        </Anchor>
        <Anchor href={planExportUrl(plan.id)} download size="sm">
          {t('work.planLinks.export')}
        </Anchor>
      </Group>
    </Alert>
  );
}
