import { Group, Stack, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** One section of a page, named by its heading: the heading (with a badge beside it, actions on the right), then the content. */
export function PageSection({
  title,
  badge,
  aside,
  id,
  testId,
  gap = 'sm',
  size = 'h3',
  children,
}: {
  title: string;
  badge?: ReactNode;
  aside?: ReactNode;
  id?: string;
  testId?: string;
  gap?: MantineSpacing;
  size?: 'h3' | 'h4';
  children: ReactNode;
}) {
  const heading = (
    <Title order={2} size={size}>
      {title}
    </Title>
  );
  const named = badge ? (
    <Group gap="xs">
      {heading}
      {badge}
    </Group>
  ) : (
    heading
  );
  return (
    <Stack component="section" gap={gap} id={id} aria-label={title} data-testid={testId}>
      {aside ? (
        <Group justify="space-between" align="baseline" gap="sm">
          {named}
          {aside}
        </Group>
      ) : (
        named
      )}
      {children}
    </Stack>
  );
}
