import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportKind, UnitReportState } from '../../api/reporting';

export const KIND_COLOR: Record<ReportKind, MantineColor> = {
  '6-month': 'cyan',
  annual: 'indigo',
  'mid-term': 'grape',
  final: 'pink',
};

const STATE_COLOR: Record<UnitReportState, MantineColor> = {
  not_submitted: 'gray',
  submitted: 'blue',
  approved: 'violet',
  accepted: 'teal',
};

/** Where a unit's figures for the cycle's year stand; data-state carries the key. */
export function StateBadge({ state }: { state: UnitReportState }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={state === 'accepted' ? 'filled' : 'light'}
      color={STATE_COLOR[state]}
      radius="sm"
      tt="none"
      data-testid="unit-state"
      data-state={state}
      style={{ flexShrink: 0 }}
    >
      {t(`reporting.states.${state}`)}
    </Badge>
  );
}
