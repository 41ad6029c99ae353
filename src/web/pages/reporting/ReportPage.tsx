import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queries, type SessionUser } from '../../api';
import { DemoBadge } from '../../components/DemoBadge';
import { Loading, NotFound, QueryError } from '../../components/QueryState';
import { RequireLogin } from '../../components/RequireLogin';
import { useLocale } from '../../i18n';
import { allows, ancestryOf } from '../../session';
import { StateBadge } from './badges';
import { cycleName, dueText, formatDay, vietnamDay } from './format';
import { ReportEditor } from './ReportEditor';
import { reportFileUrl, cyclePath, reportingQueries, type ReportView } from '../../api/reporting';
import { ReportSummary } from './ReportSummary';
import { SignedReport } from './SignedReport';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Files({ cycleId, unit }: { cycleId: string; unit: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" data-testid="report-files">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('reporting.report.files')}
        </Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('reporting.report.filesHint')}
        </Text>
        <Group gap="sm">
          <Button
            component="a"
            href={reportFileUrl(cycleId, unit, 'report.docx')}
            download
            data-testid="download-docx"
          >
            {t('reporting.report.docx')}
          </Button>
          <Button
            component="a"
            href={reportFileUrl(cycleId, unit, 'appendix.xlsx')}
            download
            variant="light"
            data-testid="download-xlsx"
          >
            {t('reporting.report.xlsx')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Report({ view, user }: { view: ReportView; user: SessionUser }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { cycle, unit, document: doc } = view;
  const draft = useQuery(reportingQueries.draft(cycle.id, unit.code));
  const orgUnit = useQuery(queries.orgUnit(unit.code));
  const plan = useQuery(queries.plan(cycle.planId));
  const state = useQuery(reportingQueries.completeness(cycle.id, unit.code));
  const title = t('reporting.report.title', { unit: unit.name });
  useDocumentTitle(`${title} · ${cycleName(t, cycle)} · ${t('app.name')}`);
  const canWrite = !!orgUnit.data && allows(user.grants, 'submission.submit', ancestryOf(orgUnit.data));
  const own = state.data?.units.find((u) => u.code === unit.code);

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Breadcrumbs component="nav" aria-label={t('common.breadcrumb')}>
          <Anchor component={Link} to="/" size="sm">
            {t('nav.plans')}
          </Anchor>
          <Anchor component={Link} to={`/plans/${cycle.planId}/reporting`} size="sm">
            {t('reporting.plan.title')}
          </Anchor>
          <Anchor component={Link} to={cyclePath(cycle.id)} size="sm">
            {cycleName(t, cycle)}
          </Anchor>
          <Text size="sm" c="dimmed">
            {unit.name}
          </Text>
        </Breadcrumbs>
        <Group gap="sm">
          <Title order={1} data-testid="report-title">
            {title}
          </Title>
          {doc.isDemo && <DemoBadge />}
        </Group>
        {plan.data && (
          <Anchor component={Link} to={`/plans/${cycle.planId}`} c="dimmed" fw={500}>
            {plan.data.document.title}
          </Anchor>
        )}
        <Group gap="lg">
          <Text size="sm">
            {cycleName(t, cycle)} · {t('reporting.cycle.due')}: <b>{formatDay(cycle.due, locale)}</b> (
            {dueText(t, cycle.due, vietnamDay(new Date()))})
          </Text>
          {own && (
            <Group gap={6}>
              <Text size="sm">{t('reporting.report.dataState')}:</Text>
              <StateBadge state={own.state} />
            </Group>
          )}
        </Group>
      </Stack>

      <Files cycleId={cycle.id} unit={unit.code} />
      <ReportSummary doc={doc} />
      {draft.isPending ? (
        <Loading />
      ) : draft.error ? (
        <QueryError error={draft.error} onRetry={() => void draft.refetch()} />
      ) : (
        <>
          <ReportEditor
            cycleId={cycle.id}
            unit={unit.code}
            draft={draft.data}
            doc={doc}
            canWrite={canWrite}
          />
          <SignedReport cycleId={cycle.id} unit={unit.code} draft={draft.data} canWrite={canWrite} />
        </>
      )}
    </Stack>
  );
}

function ReportQuery({ id, unit, user }: { id: string; unit: string; user: SessionUser }) {
  const view = useQuery(reportingQueries.report(id, unit));
  if (view.isPending) return <Loading />;
  if (view.error) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  return <Report view={view.data} user={user} />;
}

/**
 * /cycles/:id/reports/:unit: a unit's periodic report. What the system fills in from the figures, the sections
 * the unit writes, the DOCX and XLSX, and the signed PDF that sends it.
 */
export function ReportPage() {
  const { id = '', unit = '' } = useParams();
  if (!UUID.test(id) || !unit) return <NotFound />;
  return <RequireLogin>{(user) => <ReportQuery id={id} unit={unit} user={user} />}</RequireLogin>;
}
