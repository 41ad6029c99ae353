import { Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queries, type OrgUnitDetail } from '../../api';
import { unitCrumbs, unitPath } from '../../components/Crumbs';
import { OrgKindBadge } from '../../components/OrgKindBadge';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryState';

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
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('work.heading', { section: title, name: unit.name })}
        tabTitle={`${title} · ${unit.name}`}
        crumbs={unitCrumbs(t, unit, title)}
        badges={<OrgKindBadge kind={unit.kind} />}
      >
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
      </PageHeader>
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
  const unit = useQuery(queries.orgUnit(code));
  return (
    <QueryView query={unit}>
      {(data) => (
        <Frame key={data.code} unit={data} section={section}>
          {children}
        </Frame>
      )}
    </QueryView>
  );
}

/** The page of one section of a unit's work, for the unit in the address: `View` inside its frame. */
export function unitWorkPage(section: WorkSection, View: (props: { unit: OrgUnitDetail }) => ReactNode) {
  return function UnitWorkPage() {
    const { code = '' } = useParams();
    return (
      <UnitWorkFrame code={code} section={section}>
        {(unit) => <View unit={unit} />}
      </UnitWorkFrame>
    );
  };
}
