import { Paper, SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';

/** The filters of a list, in a light card above it, laid out in a grid of `columns` on wide screens. */
export function FilterBar({
  label,
  columns = 4,
  children,
}: {
  /** Names the filters for assistive technology. */
  label?: string;
  columns?: number;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={label}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: columns }} spacing="sm">
        {children}
      </SimpleGrid>
    </Paper>
  );
}
