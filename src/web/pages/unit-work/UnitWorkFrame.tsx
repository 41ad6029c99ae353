import { Button, Group, Stack, Title } from '@mantine/core';
import { UnitBreadcrumbs, unitPath } from '../../components/UnitBreadcrumbs';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queries, type OrgUnitDetail } from '../../api';
import { OrgKindBadge } from '../../components/OrgKindBadge';
import { Loading, QueryError } from '../../components/QueryState';

export type WorkSection = 'activities' | 'leadership' | 'staff';
const SECTIONS: readonly WorkSection[] = ['activities', 'leadership', 'staff'];

function Frame({
  unit,
  section,
  children,
}: {
  unit: OrgUnitDetail;
  section: WorkSection;
  children: (unit: OrgUnitDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const title = t(`work.sections.${section}`);
  useDocumentTitle(`${title} · ${unit.name} · ${t('app.name')}`);
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <UnitBreadcrumbs unit={unit} current={title} />
        <Group gap="sm" align="center">
          <Title order={1}>{t('work.heading', { section: title, name: unit.name })}</Title>
          <OrgKindBadge kind={unit.kind} />
        </Group>
        <Group gap="xs" component="nav" aria-label={t('work.sectionsNav')}>
          {SECTIONS.map((s) => (
            <Button
              key={s}
              component={Link}
              to={`${unitPath(unit.code)}/${s}`}
              size="compact-sm"
              variant={s === section ? 'filled' : 'light'}
              aria-current={s === section ? 'page' : undefined}
              data-testid={`work-nav-${s}`}
            >
              {t(`work.sections.${s}`)}
            </Button>
          ))}
        </Group>
      </Stack>
      {children(unit)}
    </Stack>
  );
}

/** The unit a work page is about: breadcrumb, heading and the links between its log and its registers. */
export function UnitWorkFrame({
  code,
  section,
  children,
}: {
  code: string;
  section: WorkSection;
  children: (unit: OrgUnitDetail) => ReactNode;
}) {
  const { data, error, isPending, refetch } = useQuery(queries.orgUnit(code));
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Frame key={data.code} unit={data} section={section}>
      {children}
    </Frame>
  );
}
