import { Anchor, Badge, Button, Paper, SimpleGrid, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { foldVietnamese, sortVietnamese } from '../../domain/vietnamese';
import { queries, type Assignment, type OrgUnitDetail, type OrgUnitKind, type OrgUnitSummary } from '../api';
import { unitCrumbs, unitPath } from '../components/Crumbs';
import { Fact } from '../components/Fact';
import { MeasureList } from '../components/MeasureList';
import { OrgKindBadge } from '../components/OrgKindBadge';
import { PageHeader } from '../components/PageHeader';
import { PageSection } from '../components/PageSection';
import { EmptyState, QueryView } from '../components/QueryState';
import { TableCard } from '../components/TableCard';
import { documentIdentity } from '../format';
import { UnitWorkLinks } from './unit-work/UnitWorkLinks';
import { ReportingSettingsPanel } from './reporting/ReportingSettingsPanel';

function AssignmentTable({ role, items }: { role: Assignment['role']; items: Assignment[] }) {
  const { t } = useTranslation();
  const title = role === 'lead' ? t('orgUnit.leads') : t('orgUnit.coordinates');
  return (
    <PageSection
      title={title}
      testId={`assignments-${role}`}
      gap="xs"
      badge={
        <Badge variant="light" size="lg" radius="sm">
          {items.length}
        </Badge>
      }
    >
      <TableCard
        items={items}
        empty={t('orgUnit.assignmentsNone')}
        minWidth={760}
        striped="even"
        layout="fixed"
        columns={[
          { label: t('orgUnit.columns.plan'), w: '26%' },
          { label: t('orgUnit.columns.code'), w: 110 },
          { label: t('orgUnit.columns.target') },
          { label: t('orgUnit.columns.measures'), w: 250 },
        ]}
      >
        {(a) => (
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
        )}
      </TableCard>
    </PageSection>
  );
}

function Assignments({ code }: { code: string }) {
  const assignments = useQuery(queries.orgUnitAssignments(code));
  return (
    <QueryView query={assignments}>
      {(data) => (
        <Stack gap="xl">
          <AssignmentTable role="lead" items={data.items.filter((a) => a.role === 'lead')} />
          <AssignmentTable role="coordinate" items={data.items.filter((a) => a.role === 'coordinate')} />
        </Stack>
      )}
    </QueryView>
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

function ChildTable({ units }: { units: readonly OrgUnitSummary[] }) {
  const { t } = useTranslation();
  return (
    <TableCard
      items={units}
      empty={t('orgUnit.filterNone')}
      verticalSpacing="xs"
      striped="even"
      highlightOnHover
      columns={[
        { label: t('orgUnit.name') },
        { label: t('orgUnit.type') },
        { label: t('orgUnit.code'), w: 120 },
      ]}
    >
      {(u) => (
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
      )}
    </TableCard>
  );
}

function Children({ code }: { code: string }) {
  const children = useQuery(queries.orgUnitChildren(code));
  return <QueryView query={children}>{(data) => <ChildGroups units={data.items} />}</QueryView>;
}

/** The units under this one by kind, in tabs, filtered by name. */
function ChildGroups({ units }: { units: readonly OrgUnitSummary[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => {
    const needle = foldVietnamese(filter);
    const items = units.filter((u) => !needle || foldVietnamese(u.name).includes(needle));
    return GROUPS.map((g) => ({
      ...g,
      total: units.filter((u) => u.kind === g.kind).length,
      units: sortVietnamese(
        items.filter((u) => u.kind === g.kind),
        (u) => u.name,
      ),
    })).filter((g) => g.total > 0);
  }, [units, filter]);
  const first = groups[0];
  if (!first) return <EmptyState>{t('orgUnit.noChildren')}</EmptyState>;

  return (
    <PageSection title={t('orgUnit.children')}>
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
    </PageSection>
  );
}

function OrgUnitView({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const hasChildren = unit.childCounts.province + unit.childCounts.agency + unit.childCounts.commune > 0;
  return (
    <Stack gap="xl">
      <PageHeader
        title={unit.name}
        crumbs={unitCrumbs(t, unit)}
        badges={<OrgKindBadge kind={unit.kind} />}
        actions={
          unit.kind !== 'nation' && (
            <>
              <Button
                component={Link}
                to={`${unitPath(unit.code)}/entry`}
                variant="light"
                data-testid="org-entry-link"
              >
                {t('entry.open')}
              </Button>
              <UnitWorkLinks code={unit.code} />
            </>
          )
        }
      >
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <Fact label={t('orgUnit.fullName')}>{unit.fullName}</Fact>
            <Fact label={t('orgUnit.type')}>{unit.type}</Fact>
            <Fact label={t('orgUnit.code')}>
              <Text span inherit ff="monospace">
                {unit.code}
              </Text>
              {unit.abbreviation && ` · ${t('orgUnit.abbreviation')}: ${unit.abbreviation}`}
            </Fact>
            {unit.nameEn && <Fact label={t('orgUnit.nameEn')}>{unit.nameEn}</Fact>}
            {unit.aliases.length > 0 && <Fact label={t('orgUnit.aliases')}>{unit.aliases.join('; ')}</Fact>}
          </SimpleGrid>
        </Paper>
      </PageHeader>
      {unit.kind === 'agency' && <Assignments code={unit.code} />}
      {unit.kind === 'province' && <ReportingSettingsPanel unit={unit} />}
      {hasChildren && <Children code={unit.code} />}
    </Stack>
  );
}

/** A province, commune or agency: where it sits, what it is, and what it carries or contains. */
export function OrgUnitPage() {
  const { code = '' } = useParams();
  const unit = useQuery(queries.orgUnit(code));
  return <QueryView query={unit}>{(data) => <OrgUnitView key={data.code} unit={data} />}</QueryView>;
}
