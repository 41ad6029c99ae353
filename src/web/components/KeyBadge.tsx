import { Badge, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A state in a small coloured badge, filled once it is final; `data` carries the state's key (data-status="…")
 * so that tests and tools need not read the label.
 */
export function KeyBadge({
  color,
  filled,
  testId,
  data,
  children,
}: {
  color: MantineColor;
  filled?: boolean;
  testId: string;
  data: Record<`data-${string}`, string>;
  children: ReactNode;
}) {
  return (
    <Badge
      variant={filled ? 'filled' : 'light'}
      color={color}
      radius="sm"
      tt="none"
      data-testid={testId}
      style={{ flexShrink: 0 }}
      {...data}
    >
      {children}
    </Badge>
  );
}
