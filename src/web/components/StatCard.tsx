import { Paper, Text, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

/** A count in large type over what it counts, tinted with the colour of what it counts. */
export function StatCard({
  color,
  value,
  label,
  testId,
  dataValue,
}: {
  color: MantineColor;
  value: ReactNode;
  label: ReactNode;
  testId?: string;
  /** The value for tests and tools, when the shown one is formatted. */
  dataValue?: string;
}) {
  return (
    <Paper
      radius="md"
      p="sm"
      bg={`${color}.0`}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
      data-testid={testId}
      data-value={dataValue}
    >
      <Text fz={28} fw={800} lh={1.1} c={`${color}.9`}>
        {value}
      </Text>
      <Text size="sm" fw={600} c={`${color}.9`} lh={1.3}>
        {label}
      </Text>
    </Paper>
  );
}
