import { Badge, Group, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queries, type RoleGrant } from '../api';

/** Names of the units the grants are over, once loaded (codes until then). */
export function useUnitNames(codes: readonly string[]): Map<string, string> {
  return useQueries({
    queries: [...new Set(codes)].map((code) => ({ ...queries.orgUnit(code), staleTime: 10 * 60_000 })),
    combine: (results) =>
      new Map(results.flatMap((r) => (r.data ? [[r.data.code, r.data.name] as const] : []))),
  });
}

/** "Điều phối · Lạng Sơn" for each grant. */
export function GrantList({ grants, size = 'sm' }: { grants: readonly RoleGrant[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const names = useUnitNames(grants.map((g) => g.orgUnitCode));
  return (
    <Group gap={6}>
      {grants.map((g) => (
        <Badge
          key={`${g.role}|${g.orgUnitCode}`}
          variant="light"
          color={g.role === 'admin' ? 'red' : g.role === 'coordinator' ? 'indigo' : 'gray'}
          radius="sm"
          tt="none"
          size={size === 'xs' ? 'sm' : 'md'}
          title={t(`roleHints.${g.role}`)}
        >
          {t(`roles.${g.role}`)}
          <Text span inherit fw={400}>
            {' · '}
            {names.get(g.orgUnitCode) ?? g.orgUnitCode}
          </Text>
        </Badge>
      ))}
    </Group>
  );
}
