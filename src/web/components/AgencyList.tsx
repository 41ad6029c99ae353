import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AgencyRef } from '../api';

/** Agencies as a plan names them; a link to the unit when the name resolved to one. */
export function AgencyList({ agencies }: { agencies: readonly AgencyRef[] }) {
  if (agencies.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={4}>
      {agencies.map((a, i) =>
        a.code ? (
          <Anchor
            key={`${a.code}-${i}`}
            component={Link}
            to={`/org-units/${encodeURIComponent(a.code)}`}
            size="sm"
          >
            {a.name}
          </Anchor>
        ) : (
          <Text key={`${a.name}-${i}`} size="sm">
            {a.name}
          </Text>
        ),
      )}
    </Stack>
  );
}
