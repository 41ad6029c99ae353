import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queries, type SessionUser, isUuid } from '../../api';
import { DemoBadge } from '../../components/DemoBadge';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { NotFound, QueryView } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { RequireLogin } from '../../components/RequireLogin';
import { useLocalized } from '../../i18n';
import { allows, ancestryOf } from '../../session';
import { cycleName, dueText, formatDay, vietnamDay } from './format';
import { ReportEditor } from './ReportEditor';
import { reportFileUrl, cyclePath, reportingQueries, type ReportView } from '../../api/reporting';
import { ReportSummary } from './ReportSummary';
import { SignedReport } from './SignedReport';
import { SubmissionStatusBadge } from '../../components/SubmissionStatusBadge';

function Files({ cycleId, unit }: { cycleId: string; unit: string }) {
  const { t } = useTranslation();
  return (
    <SectionCard
      title={t('reporting.report.files')}
      hint={t('reporting.report.filesHint')}
      gap="xs"
      data-testid="report-files"
    >
      <Group gap="sm">
        <DownloadButton href={reportFileUrl(cycleId, unit, 'report.docx')} testId="download-docx">
          {t('reporting.report.docx')}
        </DownloadButton>
        <DownloadButton
          href={reportFileUrl(cycleId, unit, 'appendix.xlsx')}
          variant="light"
          testId="download-xlsx"
        >
          {t('reporting.report.xlsx')}
        </DownloadButton>
      </Group>
    </SectionCard>
  );
}

function Report({ view, user }: { view: ReportView; user: SessionUser }) {
  const { t, locale } = useLocalized();
  const { cycle, unit, document: doc } = view;
  const draft = useQuery(reportingQueries.draft(cycle.id, unit.code));
  const orgUnit = useQuery(queries.orgUnit(unit.code));
  const plan = useQuery(queries.plan(cycle.planId));
  const state = useQuery(reportingQueries.completeness(cycle.id, unit.code));
  const title = t('reporting.report.title', { unit: unit.name });
  const canWrite = !!orgUnit.data && allows(user.grants, 'submission.submit', ancestryOf(orgUnit.data));
  const own = state.data?.units.find((u) => u.code === unit.code);

  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        tabTitle={`${title} · ${cycleName(t, cycle)}`}
        titleTestId="report-title"
        crumbs={[
          { label: t('nav.plans'), to: '/' },
          { label: t('reporting.plan.title'), to: `/plans/${cycle.planId}/reporting` },
          { label: cycleName(t, cycle), to: cyclePath(cycle.id) },
          { label: unit.name },
        ]}
        badges={doc.isDemo && <DemoBadge />}
        subtitle={
          plan.data && (
            <Anchor component={Link} to={`/plans/${cycle.planId}`} c="dimmed" fw={500}>
              {plan.data.document.title}
            </Anchor>
          )
        }
      >
        <Group gap="lg">
          <Text size="sm">
            {cycleName(t, cycle)} · {t('reporting.cycle.due')}: <b>{formatDay(cycle.due, locale)}</b> (
            {dueText(t, cycle.due, vietnamDay(new Date()))})
          </Text>
          {own && (
            <Group gap={6}>
              <Text size="sm">{t('reporting.report.dataState')}:</Text>
              <SubmissionStatusBadge status={own.state} mark="unitState" />
            </Group>
          )}
        </Group>
      </PageHeader>

      <Files cycleId={cycle.id} unit={unit.code} />
      <ReportSummary doc={doc} />
      <QueryView query={draft}>
        {(data) => (
          <>
            <ReportEditor cycleId={cycle.id} unit={unit.code} draft={data} doc={doc} canWrite={canWrite} />
            <SignedReport cycleId={cycle.id} unit={unit.code} draft={data} canWrite={canWrite} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}

function ReportQuery({ id, unit, user }: { id: string; unit: string; user: SessionUser }) {
  const view = useQuery(reportingQueries.report(id, unit));
  return <QueryView query={view}>{(data) => <Report view={data} user={user} />}</QueryView>;
}

/**
 * /cycles/:id/reports/:unit: a unit's periodic report. What the system fills in from the figures, the sections
 * the unit writes, the DOCX and XLSX, and the signed PDF that sends it.
 */
export function ReportPage() {
  const { id = '', unit = '' } = useParams();
  if (!isUuid(id) || !unit) return <NotFound />;
  return <RequireLogin>{(user) => <ReportQuery id={id} unit={unit} user={user} />}</RequireLogin>;
}
