import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export const unitPath = (code: string) => `/org-units/${encodeURIComponent(code)}`;

/**
 * Đơn vị / Việt Nam / Lạng Sơn / … down to the unit; with `current`, the unit is a link and `current` (the page
 * within the unit) ends the trail.
 */
export function UnitBreadcrumbs({
  unit,
  current,
}: {
  unit: { code: string; name: string; ancestors: readonly { code: string; name: string }[] };
  current?: string;
}) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs
      component="nav"
      aria-label={t('common.breadcrumb')}
      data-testid="breadcrumb"
      separatorMargin={6}
      style={{ flexWrap: 'wrap' }}
    >
      <Anchor component={Link} to="/org-units" size="sm">
        {t('nav.orgUnits')}
      </Anchor>
      {unit.ancestors.map((a) => (
        <Anchor key={a.code} component={Link} to={unitPath(a.code)} size="sm">
          {a.name}
        </Anchor>
      ))}
      {current === undefined ? (
        <Text size="sm" c="dimmed">
          {unit.name}
        </Text>
      ) : (
        <Anchor component={Link} to={unitPath(unit.code)} size="sm">
          {unit.name}
        </Anchor>
      )}
      {current !== undefined && (
        <Text size="sm" c="dimmed">
          {current}
        </Text>
      )}
    </Breadcrumbs>
  );
}
