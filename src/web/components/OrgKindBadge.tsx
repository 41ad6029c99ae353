import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgUnitKind } from '../api';

const COLOR: Record<OrgUnitKind, MantineColor> = {
  nation: 'red',
  province: 'blue',
  commune: 'teal',
  agency: 'grape',
  section: 'orange',
};

/** Tỉnh/Thành phố, Xã/Phường, Cơ quan. */
export function OrgKindBadge({ kind, width }: { kind: OrgUnitKind; width?: number }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[kind]} variant="light" w={width} style={{ flexShrink: 0 }}>
      {t(`orgUnits.kinds.${kind}`)}
    </Badge>
  );
}
