import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR, isStatusKey } from '../status';

/** "Cần đẩy nhanh", coloured by how well the target is going; data-status carries the key. */
export function StatusBadge({
  status,
  testId = 'status-badge',
  ...props
}: { status: string; testId?: string } & Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation();
  const known = isStatusKey(status);
  const color = known ? STATUS_COLOR[status] : 'gray';
  return (
    <Badge
      variant="light"
      color={color}
      // Light yellow on white is hard to read: darken its text.
      c={color === 'yellow' ? 'yellow.9' : undefined}
      data-testid={testId}
      data-status={status}
      style={{ flexShrink: 0 }}
      {...props}
    >
      {known ? t(`status.${status}`) : status}
    </Badge>
  );
}
