import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentIdentity } from '../format';

/** One step of a breadcrumb trail; the last one, without `to`, is the page itself. */
export interface Crumb {
  label: string;
  to?: string;
}

export const unitPath = (code: string) => `/org-units/${encodeURIComponent(code)}`;

/**
 * Đơn vị / Việt Nam / Lạng Sơn / … down to the unit; with `current`, the unit is a link and `current` (the page
 * within the unit) ends the trail.
 */
export function unitCrumbs(
  t: TFunction,
  unit: { code: string; name: string; ancestors: readonly { code: string; name: string }[] },
  current?: string,
): Crumb[] {
  return [
    { label: t('nav.orgUnits'), to: '/org-units' },
    ...unit.ancestors.map((a) => ({ label: a.name, to: unitPath(a.code) })),
    current === undefined ? { label: unit.name } : { label: unit.name, to: unitPath(unit.code) },
    ...(current === undefined ? [] : [{ label: current }]),
  ];
}

/** Kế hoạch / Số …/KH-UBND: the head of a trail inside a plan (the plan's identity once it is known). */
export function planCrumbs(
  t: TFunction,
  planId: string,
  document: { number: string | null; symbol: string | null } | undefined,
): Crumb[] {
  return [
    { label: t('nav.plans'), to: '/' },
    ...(document
      ? [{ label: documentIdentity(t, document.number, document.symbol), to: `/plans/${planId}` }]
      : []),
  ];
}

/** The trail above a page's title. */
export function Crumbs({ items }: { items: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs
      component="nav"
      aria-label={t('common.breadcrumb')}
      data-testid="breadcrumb"
      separatorMargin={6}
      style={{ flexWrap: 'wrap' }}
    >
      {items.map((c, i) =>
        c.to === undefined ? (
          <Text key={i} size="sm" c="dimmed">
            {c.label}
          </Text>
        ) : (
          <Anchor key={i} component={Link} to={c.to} size="sm">
            {c.label}
          </Anchor>
        ),
      )}
    </Breadcrumbs>
  );
}
