import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { UnitBreadcrumbs, unitPath } from '../components/UnitBreadcrumbs';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { foldVietnamese, sortVietnamese } from '../../domain/vietnamese';
import { queries, type Assignment, type OrgUnitDetail, type OrgUnitKind, type OrgUnitSummary } from '../api';
import { MeasureList } from '../components/MeasureList';
import { OrgKindBadge } from '../components/OrgKindBadge';
import { Loading, QueryError } from '../components/QueryState';
import { documentIdentity } from '../format';
import { UnitWorkLinks } from './unit-work/UnitWorkLinks';

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

function AssignmentTable({ role, items }: { role: Assignment['role']; items: Assignment[] }) {
  const { t } = useTranslation();
  const title = role === 'lead' ? t('orgUnit.leads') : t('orgUnit.coordinates');
  return (
    <Stack gap="xs" component="section" aria-label={title} data-testid={`assignments-${role}`}>
      <Group gap="xs">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Badge variant="light" size="lg" radius="sm">
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('orgUnit.assignmentsNone')}</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" striped="even" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="26%">{t('orgUnit.columns.plan')}</Table.Th>
                  <Table.Th w={110}>{t('orgUnit.columns.code')}</Table.Th>
                  <Table.Th>{t('orgUnit.columns.target')}</Table.Th>
                  <Table.Th w={250}>{t('orgUnit.columns.measures')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr
                    key={`${a.plan.id}-${a.target.id}`}
                    data-testid={`assignment-${role}`}
                    style={{ verticalAlign: 'top' }}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/plans/${a.plan.id}`} size="sm" lineClamp={3}>
                        {a.plan.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {documentIdentity(t, a.plan.number, a.plan.symbol)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/plans/${a.plan.id}#target-${a.target.code}`}
                        fw={700}
                        data-testid="assignment-target-code"
                      >
                        {a.target.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.target.text}</Text>
                    </Table.Td>
                    <Table.Td>
                      <MeasureList measures={a.target.measures} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}

function Assignments({ code }: { code: string }) {
  const { data, error, isPending, refetch } = useQuery(queries.orgUnitAssignments(code));
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Stack gap="xl">
      <AssignmentTable role="lead" items={data.items.filter((a) => a.role === 'lead')} />
      <AssignmentTable role="coordinate" items={data.items.filter((a) => a.role === 'coordinate')} />
    </Stack>
  );
}

const GROUPS: {
  kind: Exclude<OrgUnitKind, 'nation'>;
  label: 'orgUnit.provinces' | 'orgUnit.agencies' | 'orgUnit.communes';
}[] = [
  { kind: 'province', label: 'orgUnit.provinces' },
  { kind: 'agency', label: 'orgUnit.agencies' },
  { kind: 'commune', label: 'orgUnit.communes' },
];

function ChildTable({ units }: { units: OrgUnitSummary[] }) {
  const { t } = useTranslation();
  if (units.length === 0)
    return (
      <Text c="dimmed" py="sm">
        {t('orgUnit.filterNone')}
      </Text>
    );
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing="xs" horizontalSpacing="md" striped="even" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orgUnit.name')}</Table.Th>
            <Table.Th>{t('orgUnit.type')}</Table.Th>
            <Table.Th w={120}>{t('orgUnit.code')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.code} data-testid="org-child">
              <Table.Td>
                <Anchor component={Link} to={unitPath(u.code)} fw={500}>
                  {u.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {u.type}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {u.code}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Children({ code }: { code: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const { data, error, isPending, refetch } = useQuery(queries.orgUnitChildren(code));

  const groups = useMemo(() => {
    const needle = foldVietnamese(filter);
    const items = (data?.items ?? []).filter((u) => !needle || foldVietnamese(u.name).includes(needle));
    return GROUPS.map((g) => ({
      ...g,
      total: data?.items.filter((u) => u.kind === g.kind).length ?? 0,
      units: sortVietnamese(
        items.filter((u) => u.kind === g.kind),
        (u) => u.name,
      ),
    })).filter((g) => g.total > 0);
  }, [data, filter]);

  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const first = groups[0];
  if (!first) return <Text c="dimmed">{t('orgUnit.noChildren')}</Text>;

  return (
    <Stack gap="sm" component="section" aria-label={t('orgUnit.children')}>
      <Title order={2} size="h3">
        {t('orgUnit.children')}
      </Title>
      <TextInput
        type="search"
        label={t('orgUnit.filter')}
        placeholder={t('orgUnit.filterPlaceholder')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={420}
        data-testid="org-children-filter"
        autoComplete="off"
      />
      <Tabs defaultValue={first.kind} keepMounted={false}>
        <Tabs.List>
          {groups.map((g) => (
            <Tabs.Tab key={g.kind} value={g.kind} data-testid={`org-tab-${g.kind}`}>
              {t(g.label, { count: g.units.length })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {groups.map((g) => (
          <Tabs.Panel key={g.kind} value={g.kind} pt="sm">
            <ChildTable units={g.units} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function OrgUnitView({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  useDocumentTitle(`${unit.name} · ${t('app.name')}`);
  const hasChildren = unit.childCounts.province + unit.childCounts.agency + unit.childCounts.commune > 0;
  return (
    <Stack gap="xl">
      <Stack gap="md">
        <UnitBreadcrumbs unit={unit} />
        <Group gap="sm" align="center" justify="space-between">
          <Group gap="sm" align="center">
            <Title order={1}>{unit.name}</Title>
            <OrgKindBadge kind={unit.kind} />
          </Group>
          {unit.kind !== 'nation' && (
            <Group gap="xs">
              <Button
                component={Link}
                to={`${unitPath(unit.code)}/entry`}
                variant="light"
                data-testid="org-entry-link"
              >
                {t('entry.open')}
              </Button>
              <UnitWorkLinks code={unit.code} />
            </Group>
          )}
        </Group>
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <Field label={t('orgUnit.fullName')}>{unit.fullName}</Field>
            <Field label={t('orgUnit.type')}>{unit.type}</Field>
            <Field label={t('orgUnit.code')}>
              <Text span inherit ff="monospace">
                {unit.code}
              </Text>
              {unit.abbreviation && ` · ${t('orgUnit.abbreviation')}: ${unit.abbreviation}`}
            </Field>
            {unit.nameEn && <Field label={t('orgUnit.nameEn')}>{unit.nameEn}</Field>}
            {unit.aliases.length > 0 && <Field label={t('orgUnit.aliases')}>{unit.aliases.join('; ')}</Field>}
          </SimpleGrid>
        </Paper>
      </Stack>
      {unit.kind === 'agency' && <Assignments code={unit.code} />}
      {hasChildren && <Children code={unit.code} />}
    </Stack>
  );
}

/** A province, commune or agency: where it sits, what it is, and what it carries or contains. */
export function OrgUnitPage() {
  const { code = '' } = useParams();
  const { data, error, isPending, refetch } = useQuery(queries.orgUnit(code));
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return <OrgUnitView key={data.code} unit={data} />;
}
