import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Crumbs, type Crumb } from './Crumbs';

/**
 * The head of every page: the breadcrumb trail, the title with its badges and the page's actions beside it,
 * then whatever the page says under its title, and the browser tab title that goes with it.
 */
export function PageHeader({
  title,
  tabTitle,
  crumbs,
  eyebrow,
  badges,
  actions,
  subtitle,
  description,
  titleTestId,
  children,
}: {
  title: string;
  /** What the browser tab says before the platform's name: the title unless the page names more. */
  tabTitle?: string;
  crumbs?: readonly Crumb[];
  /** A line above the title (the kind and number of a document). */
  eyebrow?: ReactNode;
  badges?: ReactNode;
  actions?: ReactNode;
  /** The line right under the title (what the page belongs to). */
  subtitle?: ReactNode;
  description?: ReactNode;
  titleTestId?: string;
  /** Lines under the title and description: facts, links, filters of the page as a whole. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(`${tabTitle ?? title} · ${t('app.name')}`);
  return (
    <Stack gap="sm">
      {crumbs && <Crumbs items={crumbs} />}
      <Stack gap={6}>
        {eyebrow}
        <Group justify="space-between" align="center" gap="sm">
          <Group gap="sm" align="center">
            <Title order={1} lh={1.3} data-testid={titleTestId}>
              {title}
            </Title>
            {badges}
          </Group>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
      </Stack>
      {subtitle}
      {description && (
        <Text c="dimmed" maw={820} style={{ textWrap: 'pretty' }}>
          {description}
        </Text>
      )}
      {children}
    </Stack>
  );
}
