import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small uppercase label over its value: one fact in a grid of them. */
export function Fact({
  label,
  children,
  strong,
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  /** The value in bold (figures). */
  strong?: boolean;
  testId?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={2}>
        {label}
      </Text>
      <Text component="div" size="sm" fw={strong ? 600 : undefined} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
