import type { MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KeyBadge } from '../../components/KeyBadge';
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
    <KeyBadge
      color={STATE_COLOR[state]}
      filled={state === 'accepted'}
      testId="unit-state"
      data={{ 'data-state': state }}
    >
      {t(`reporting.states.${state}`)}
    </KeyBadge>
  );
}
