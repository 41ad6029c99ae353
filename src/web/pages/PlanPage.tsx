import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { queries, type PlanDetail, type PlanLink, type TargetView, isUuid } from '../api';
import { AgencyList } from '../components/AgencyList';
import { AuditTable } from '../components/AuditTable';
import { planCrumbs } from '../components/Crumbs';
import { DemoAlert, DemoBadge } from '../components/DemoBadge';
import { Fact } from '../components/Fact';
import { useUnitNames } from '../components/GrantList';
import { DashboardIcon, WorkflowIcon } from '../components/Icons';
import { MeasureList } from '../components/MeasureList';
import { PageHeader } from '../components/PageHeader';
import { PageSection } from '../components/PageSection';
import { PlanLinkItem } from '../components/PlanLinkItem';
import { EmptyState, NotFound, QueryView } from '../components/QueryState';
import { SectionCard } from '../components/SectionCard';
import { CardCaption, DataTable, TableCard } from '../components/TableCard';
import { documentIdentity, referenceText, documentTypeLabel, formatDocumentDate } from '../format';
import { useLocalized } from '../i18n';
import type { Messages } from '../i18n/vi';
import { useSession } from '../session';
import { DraftPlanPanel } from './unit-work/DraftPlanPanel';
import { DraftedNotice, PlanActions } from './unit-work/PlanActions';
import { PlanTasks } from './unit-work/PlanTasks';
import {
  BudgetSection,
  ClosingSection,
  DutiesSection,
  GeneralGoal,
  PurposeSection,
  useSectionTitle,
} from './plan/DocumentSections';
import { PlanPublishing } from './plan/PlanPublishing';

function PlanHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useQuery(queries.planHistory(id));
  const names = useUnitNames(
    (history.data?.items ?? []).flatMap((e) => (e.orgUnitCode ? [e.orgUnitCode] : [])),
  );
  return (
    <QueryView query={history} isEmpty={(data) => data.items.length === 0} empty={t('history.empty')}>
      {(data) => (
        <Paper withBorder radius="md" data-testid="plan-history">
          <AuditTable items={data.items} unitName={(code) => names.get(code) ?? code} />
        </Paper>
      )}
    </QueryView>
  );
}

function PlanHeader({ plan }: { plan: PlanDetail }) {
  const { t, locale } = useLocalized();
  const doc = plan.document;
  const identity = documentIdentity(t, doc.number, doc.symbol);
  const when = [doc.place, doc.date ? formatDocumentDate(doc.date, locale) : t('document.undated')]
    .filter(Boolean)
    .join(', ');
  return (
    <PageHeader
      title={doc.title}
      tabTitle={`${documentTypeLabel(t, doc.type) ?? ''} ${doc.title}`}
      crumbs={[...planCrumbs(t, plan.id, undefined), { label: identity }]}
      eyebrow={
        <Group gap="sm">
          <Text c="indigo.8" fw={700} size="sm">
            <Text span inherit tt="uppercase">
              {documentTypeLabel(t, doc.type)}
            </Text>
            {' · '}
            <span data-testid="plan-identity">{identity}</span>
          </Text>
          {plan.isDemo && <DemoBadge />}
        </Group>
      }
    >
      <Group>
        <Button
          component={Link}
          to={`/plans/${plan.id}/dashboard`}
          leftSection={<DashboardIcon />}
          data-testid="plan-dashboard-link"
        >
          {t('dashboard.open')}
        </Button>
        <Button
          component={Link}
          to={`/plans/${plan.id}/submissions`}
          variant="light"
          leftSection={<WorkflowIcon />}
          data-testid="plan-workflow-link"
        >
          {t('workflow.open')}
        </Button>
        <PlanActions plan={plan} />
      </Group>
      <PlanPublishing plan={plan} />
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label={t('document.issuedBy')}>
            {plan.issuerUnit ? (
              <Anchor component={Link} to={`/org-units/${encodeURIComponent(plan.issuerUnit.code)}`} inherit>
                {doc.issuer}
              </Anchor>
            ) : (
              doc.issuer
            )}
          </Fact>
          <Fact label={t('document.date')}>
            {when}
            {plan.formerProvince && (
              <Text span size="xs" c="dimmed" display="block" data-testid="plan-former-province">
                {t('planDoc.formerProvince', {
                  former: plan.formerProvince.written,
                  current: plan.formerProvince.current.fullName,
                })}
              </Text>
            )}
          </Fact>
          <Fact label={t('document.periodLabel')}>
            {doc.period.from === doc.period.to ? doc.period.from : `${doc.period.from}–${doc.period.to}`}
          </Fact>
          <Fact label={t('document.signer')}>
            {doc.signer?.name || doc.signer?.authority ? (
              <>
                {doc.signer.name && (
                  <Text span inherit fw={600} display="block">
                    {doc.signer.name}
                  </Text>
                )}
                {doc.signer.authority && (
                  <Text span size="xs" c="dimmed" display="block">
                    {doc.signer.authority}
                  </Text>
                )}
              </>
            ) : (
              t('common.dash')
            )}
          </Fact>
        </SimpleGrid>
      </Paper>
      {plan.isDemo && <DemoAlert />}
      <DraftedNotice plan={plan} />
    </PageHeader>
  );
}

function References({ plan }: { plan: PlanDetail }) {
  const { t, locale } = useLocalized();
  const groups = [
    { relation: 'legal-basis', label: t('plan.legalBasis') },
    { relation: 'implements', label: t('plan.implements') },
  ] as const;
  return (
    <PageSection title={t('plan.references')}>
      {plan.references.length === 0 && <EmptyState>{t('common.none')}</EmptyState>}
      {groups.map(({ relation, label }) => {
        const refs = plan.references.filter((r) => r.relation === relation);
        if (refs.length === 0) return null;
        return (
          <div key={relation}>
            <Text fw={600} mb={4}>
              {label}
            </Text>
            <List spacing={6} size="sm">
              {refs.map((r, i) => {
                const { citation, title } = referenceText(t, locale, r);
                return (
                  <List.Item key={i}>
                    {r.planId ? (
                      <Anchor component={Link} to={`/plans/${r.planId}`} inherit fw={500}>
                        {citation}
                      </Anchor>
                    ) : (
                      <Text span inherit fw={500}>
                        {citation}
                      </Text>
                    )}
                    {title && ` ${title}`}
                  </List.Item>
                );
              })}
            </List>
          </div>
        );
      })}
    </PageSection>
  );
}

function PlanLinks({ title, plans, testId }: { title: string; plans: PlanLink[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={title} component="div" data-testid={testId}>
      {plans.length === 0 ? (
        <EmptyState>{t('common.none')}</EmptyState>
      ) : (
        plans.map((p) => <PlanLinkItem key={p.id} plan={p} />)
      )}
    </SectionCard>
  );
}

function TargetRow({ target }: { target: TargetView }) {
  return (
    <Table.Tr
      data-testid={`target-${target.code}`}
      id={`target-${target.code}`}
      style={{ verticalAlign: 'top' }}
    >
      <Table.Td fw={700}>{target.code}</Table.Td>
      <Table.Td>
        <Text size="sm" style={{ textWrap: 'pretty' }}>
          {target.text}
        </Text>
      </Table.Td>
      <Table.Td>
        <MeasureList measures={target.measures} />
      </Table.Td>
      <Table.Td data-testid="target-lead">
        <AgencyList agencies={target.lead} />
      </Table.Td>
      <Table.Td data-testid="target-coordinate">
        <AgencyList agencies={target.coordinate} />
      </Table.Td>
    </Table.Tr>
  );
}

function Goals({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const title = useSectionTitle(plan);
  return (
    <PageSection title={title('goals', t('plan.goals'))}>
      <Text c="dimmed" size="sm" mt={-6}>
        {t('plan.summary', { goals: plan.goals.length, targets: plan.counts.targets })}
      </Text>
      <GeneralGoal plan={plan} />
      {plan.goals.map((goal) => (
        <TableCard
          key={goal.id}
          card={{
            component: 'section',
            'data-testid': `goal-${goal.code}`,
            'aria-label': t('plan.goal', { code: goal.code }),
          }}
          caption={
            <CardCaption>
              <Group gap="sm">
                <Badge size="lg" radius="sm" variant="filled">
                  {t('plan.goal', { code: goal.code })}
                </Badge>
                <Title order={3} size="h4">
                  {goal.title}
                </Title>
              </Group>
            </CardCaption>
          }
          items={goal.targets}
          empty={t('plan.noTargets')}
          minWidth={860}
          striped="even"
          layout="fixed"
          columns={[
            { label: t('plan.columns.code'), w: 64 },
            { label: t('plan.columns.target') },
            { label: t('plan.columns.measures'), w: 250 },
            { label: t('plan.columns.lead'), w: 190 },
            { label: t('plan.columns.coordinate'), w: 190 },
          ]}
        >
          {(target) => <TargetRow key={target.id} target={target} />}
        </TableCard>
      ))}
    </PageSection>
  );
}

function isReportType(report: string): report is keyof Messages['plan']['reportTypes'] {
  return ['6-month', 'annual', 'mid-term', 'final', 'other'].includes(report);
}

/** "trước ngày 30/5/2024", "hằng năm", "năm 2028", as the plan states the deadline. */
function deadlineWhen(
  t: ReturnType<typeof useLocalized>['t'],
  d: PlanDetail['deadlines'][number],
  locale: ReturnType<typeof useLocalized>['locale'],
): string {
  const parts: string[] = [];
  if (d.due) parts.push(`${d.before ? t('planDoc.before') : ''}${formatDocumentDate(d.due, locale)}`);
  else if (d.year) parts.push(t('planDoc.inYear', { year: d.year }));
  if (d.recurrence === 'yearly') parts.push(t('planDoc.yearly'));
  return parts.join(', ') || t('common.dash');
}

function Deadlines({ plan }: { plan: PlanDetail }) {
  const { t, locale } = useLocalized();
  if (plan.deadlines.length === 0) return null;
  return (
    <PageSection title={t('plan.deadlines')}>
      <DataTable
        items={plan.deadlines}
        withTableBorder
        maw={720}
        verticalSpacing={7}
        horizontalSpacing="xs"
        columns={[{ label: t('plan.deadlines') }, { label: t('plan.due') }, { label: t('plan.recipient') }]}
      >
        {(d, i) => (
          <Table.Tr key={i}>
            <Table.Td>{isReportType(d.report) ? t(`plan.reportTypes.${d.report}`) : d.report}</Table.Td>
            <Table.Td title={d.text ?? undefined}>{deadlineWhen(t, d, locale)}</Table.Td>
            <Table.Td>{d.recipient ?? t('common.dash')}</Table.Td>
          </Table.Tr>
        )}
      </DataTable>
    </PageSection>
  );
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  // Links such as /plans/{id}#target-3.2 arrive before the data; scroll once the row exists.
  useEffect(() => {
    if (hash.length > 1)
      document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'center' });
  }, [hash]);
  const { user } = useSession();
  // The sections in the order of the document: purpose, goals, tasks, budget, duties, then the reports it asks for.
  const content = (
    <Stack gap="xl">
      <References plan={plan} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PlanLinks title={t('plan.parents')} plans={plan.parents} testId="plan-parents" />
        <PlanLinks title={t('plan.children')} plans={plan.children} testId="plan-children" />
      </SimpleGrid>
      <PurposeSection plan={plan} />
      <Goals plan={plan} />
      <PlanTasks plan={plan} />
      <BudgetSection plan={plan} />
      <DutiesSection plan={plan} />
      <Deadlines plan={plan} />
      <ClosingSection plan={plan} />
    </Stack>
  );
  return (
    <Stack gap="xl">
      <PlanHeader plan={plan} />
      {user && <DraftPlanPanel plan={plan} user={user} />}
      {user ? (
        // Signed in: the plan's change history (imports, the approval chain) is a second tab.
        <Tabs defaultValue="content" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="content">{t('history.contentTab')}</Tabs.Tab>
            <Tabs.Tab value="history" data-testid="plan-history-tab">
              {t('history.planTab')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="content" pt="lg">
            {content}
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="lg">
            <PlanHistory id={plan.id} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        content
      )}
    </Stack>
  );
}

function PlanQuery({ id }: { id: string }) {
  const plan = useQuery(queries.plan(id));
  return <QueryView query={plan}>{(data) => <PlanView plan={data} />}</QueryView>;
}

/**
 * One plan: its identity, references, goals with targets and who carries them, its tasks and their progress; an
 * agency or commune drafts its own plan from here.
 */
export function PlanPage() {
  const { id = '' } = useParams();
  // The API rejects a malformed id with 400; to a reader it is simply a plan that does not exist.
  if (!isUuid(id)) return <NotFound />;
  return <PlanQuery id={id} />;
}
