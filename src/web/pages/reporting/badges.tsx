import type { MantineColor } from '@mantine/core';
import type { ReportKind } from '../../api/reporting';

export const KIND_COLOR: Record<ReportKind, MantineColor> = {
  '6-month': 'cyan',
  annual: 'indigo',
  'mid-term': 'grape',
  final: 'pink',
  other: 'gray',
};
