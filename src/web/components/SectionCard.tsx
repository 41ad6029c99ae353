import { Group, Paper, Stack, Text, Title, type MantineSpacing, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

export type SectionCardProps = {
  title: ReactNode;
  /** A sentence under the title: what the section is for. */
  hint?: ReactNode;
  /** Beside the title, on the right (a status, a year picker). */
  aside?: ReactNode;
  /** Gives the title this id and names the section after it. */
  titleId?: string;
  gap?: MantineSpacing;
  children?: ReactNode;
  component?: 'section' | 'div';
  'data-testid'?: string;
} & Omit<PaperProps, 'title'>;

/** A bordered card holding one section of a page: its title, a hint under it, then the content. */
export function SectionCard({
  title,
  hint,
  aside,
  titleId,
  gap = 'sm',
  children,
  ...paperProps
}: SectionCardProps) {
  const heading = (
    <div>
      <Title order={2} size="h4" id={titleId}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" maw={820} style={{ textWrap: 'pretty' }}>
          {hint}
        </Text>
      )}
    </div>
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId} {...paperProps}>
      <Stack gap={gap}>
        {aside ? (
          <Group justify="space-between" align="flex-start" gap="sm">
            {heading}
            {aside}
          </Group>
        ) : (
          heading
        )}
        {children}
      </Stack>
    </Paper>
  );
}
