import { Stack, Text } from '@mantine/core';
import { formatMeasure, type Measure } from '../../domain/measure';
import { useLocale } from '../i18n';

/** Each measure of a target on its own line: "≥ 75% vào năm 2030", under its label when it has one. */
export function MeasureList({ measures }: { measures: readonly Measure[] }) {
  const locale = useLocale();
  if (measures.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={6}>
      {measures.map((m, i) => (
        <div key={i} data-testid="measure">
          {m.label && (
            <Text size="xs" c="dimmed" lh={1.3}>
              {m.label}
            </Text>
          )}
          <Text size="sm" fw={700}>
            {formatMeasure(m, locale)}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
