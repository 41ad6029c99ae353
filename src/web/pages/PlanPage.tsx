import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
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
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { queries, type PlanDetail, type PlanLink, type TargetView } from '../api';
import { AgencyList } from '../components/AgencyList';
import { AuditTable } from '../components/AuditTable';
import { useUnitNames } from '../components/GrantList';
import { DashboardIcon, WorkflowIcon } from '../components/Icons';
import { DemoBadge } from '../components/DemoBadge';
import { MeasureList } from '../components/MeasureList';
import { PlanLinkItem } from '../components/PlanLinkItem';
import { Loading, NotFound, QueryError } from '../components/QueryState';
import { documentIdentity, referenceText, documentTypeLabel, formatDocumentDate } from '../format';
import { useLocale } from '../i18n';
import type { Messages } from '../i18n/vi';
import { useSession } from '../session';
import { DraftPlanPanel } from './unit-work/DraftPlanPanel';
import { DraftedNotice, PlanActions } from './unit-work/PlanActions';
import { PlanTasks } from './unit-work/PlanTasks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <Stack component="section" gap="sm" id={id} aria-label={title}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function PlanHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useQuery(queries.planHistory(id));
  const names = useUnitNames((data?.items ?? []).flatMap((e) => (e.orgUnitCode ? [e.orgUnitCode] : [])));
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (data.items.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  return (
    <Paper withBorder radius="md" data-testid="plan-history">
      <AuditTable items={data.items} unitName={(code) => names.get(code) ?? code} />
    </Paper>
  );
}

function PlanHeader({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const doc = plan.document;
  const when = [doc.place, doc.date ? formatDocumentDate(doc.date, locale) : t('document.undated')]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap="md">
      <Breadcrumbs component="nav" aria-label={t('common.breadcrumb')} data-testid="breadcrumb">
        <Anchor component={Link} to="/">
          {t('nav.plans')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {documentIdentity(t, doc.number, doc.symbol)}
        </Text>
      </Breadcrumbs>
      <Stack gap={6}>
        <Group gap="sm">
          <Text c="indigo.8" fw={700} size="sm">
            <Text span inherit tt="uppercase">
              {documentTypeLabel(t, doc.type)}
            </Text>
            {' · '}
            <span data-testid="plan-identity">{documentIdentity(t, doc.number, doc.symbol)}</span>
          </Text>
          {plan.isDemo && <DemoBadge />}
        </Group>
        <Title order={1} lh={1.3}>
          {doc.title}
        </Title>
        <Group mt={4}>
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
      </Stack>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label={t('document.issuedBy')}>
            {plan.issuerUnit ? (
              <Anchor component={Link} to={`/org-units/${encodeURIComponent(plan.issuerUnit.code)}`} inherit>
                {doc.issuer}
              </Anchor>
            ) : (
              doc.issuer
            )}
          </Field>
          <Field label={t('document.date')}>{when}</Field>
          <Field label={t('document.periodLabel')}>
            {doc.period.from === doc.period.to ? doc.period.from : `${doc.period.from}–${doc.period.to}`}
          </Field>
          <Field label={t('document.signer')}>
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
          </Field>
        </SimpleGrid>
      </Paper>
      {plan.isDemo && (
        <Alert color="orange" variant="light" title={t('demo.alertTitle')}>
          {t('demo.alertText')}
        </Alert>
      )}
      <DraftedNotice plan={plan} />
    </Stack>
  );
}

function References({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const groups = [
    { relation: 'legal-basis', label: t('plan.legalBasis') },
    { relation: 'implements', label: t('plan.implements') },
  ] as const;
  return (
    <Section title={t('plan.references')}>
      {plan.references.length === 0 && <Text c="dimmed">{t('common.none')}</Text>}
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
    </Section>
  );
}

function PlanLinks({ title, plans, testId }: { title: string; plans: PlanLink[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {plans.length === 0 ? (
        <Text c="dimmed">{t('common.none')}</Text>
      ) : (
        <Stack gap="sm">
          {plans.map((p) => (
            <PlanLinkItem key={p.id} plan={p} />
          ))}
        </Stack>
      )}
    </Paper>
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
  return (
    <Section title={t('plan.goals')}>
      <Text c="dimmed" size="sm" mt={-6}>
        {t('plan.summary', { goals: plan.goals.length, targets: plan.counts.targets })}
      </Text>
      {plan.goals.map((goal) => (
        <Paper
          key={goal.id}
          withBorder
          radius="md"
          component="section"
          data-testid={`goal-${goal.code}`}
          aria-label={t('plan.goal', { code: goal.code })}
        >
          <Group
            gap="sm"
            px="md"
            py="sm"
            bg="gray.0"
            style={{ borderRadius: 'var(--mantine-radius-md) var(--mantine-radius-md) 0 0' }}
          >
            <Badge size="lg" radius="sm" variant="filled">
              {t('plan.goal', { code: goal.code })}
            </Badge>
            <Title order={3} size="h4">
              {goal.title}
            </Title>
          </Group>
          {goal.targets.length === 0 ? (
            <Text c="dimmed" p="md">
              {t('plan.noTargets')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="sm" horizontalSpacing="md" striped="even" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={64}>{t('plan.columns.code')}</Table.Th>
                    <Table.Th>{t('plan.columns.target')}</Table.Th>
                    <Table.Th w={250}>{t('plan.columns.measures')}</Table.Th>
                    <Table.Th w={190}>{t('plan.columns.lead')}</Table.Th>
                    <Table.Th w={190}>{t('plan.columns.coordinate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {goal.targets.map((target) => (
                    <TargetRow key={target.id} target={target} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ))}
    </Section>
  );
}

function isReportType(report: string): report is keyof Messages['plan']['reportTypes'] {
  return ['6-month', 'annual', 'mid-term', 'final', 'other'].includes(report);
}

function Deadlines({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (plan.deadlines.length === 0) return null;
  return (
    <Section title={t('plan.deadlines')}>
      <Table withTableBorder maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.deadlines')}</Table.Th>
            <Table.Th>{t('plan.due')}</Table.Th>
            <Table.Th>{t('plan.recipient')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.deadlines.map((d, i) => (
            <Table.Tr key={i}>
              <Table.Td>{isReportType(d.report) ? t(`plan.reportTypes.${d.report}`) : d.report}</Table.Td>
              <Table.Td>{formatDocumentDate(d.due, locale)}</Table.Td>
              <Table.Td>{d.recipient ?? t('common.dash')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
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
  useDocumentTitle(
    `${documentTypeLabel(t, plan.document.type) ?? ''} ${plan.document.title} · ${t('app.name')}`,
  );
  const { user } = useSession();
  const content = (
    <Stack gap="xl">
      <References plan={plan} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PlanLinks title={t('plan.parents')} plans={plan.parents} testId="plan-parents" />
        <PlanLinks title={t('plan.children')} plans={plan.children} testId="plan-children" />
      </SimpleGrid>
      <Goals plan={plan} />
      <PlanTasks plan={plan} />
      <Deadlines plan={plan} />
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
  const { data, error, isPending, refetch } = useQuery(queries.plan(id));
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return <PlanView plan={data} />;
}

/**
 * One plan: its identity, references, goals with targets and who carries them, its tasks and their progress; an
 * agency or commune drafts its own plan from here.
 */
export function PlanPage() {
  const { id = '' } = useParams();
  // The API rejects a malformed id with 400; to a reader it is simply a plan that does not exist.
  if (!UUID.test(id)) return <NotFound />;
  return <PlanQuery id={id} />;
}
