import { Accordion, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../components/Fact';
import { KIND_COLOR } from './badges';
import type { ReportDefinition } from '../../api/reporting';

const dayMonth = (md: string) => md.split('-').reverse().join('/');
const ORDER = ['6-month', 'annual', 'mid-term', 'final', 'other'];

/**
 * The report definitions of a plan: every field Nghị định 09/2019 asks a report regime to name; with `onEdit` and
 * `onDelete` (the coordinator of the plan's owner), a button for each.
 */
export function Definitions({
  definitions,
  onEdit,
  onDelete,
}: {
  definitions: readonly ReportDefinition[];
  onEdit?: (definition: ReportDefinition) => void;
  onDelete?: (definition: ReportDefinition) => void;
}) {
  const { t } = useTranslation();
  const sorted = [...definitions].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  const field = (label: string, value: string) => <Fact label={label}>{value}</Fact>;
  return (
    <Stack gap="xs" component="section" data-testid="definitions">
      <Title order={2} size="h4">
        {t('reporting.plan.definitions')}
      </Title>
      <Accordion variant="separated" radius="md" multiple>
        {sorted.map((d) => (
          <Accordion.Item key={d.id} value={d.id}>
            <Accordion.Control>
              <Group gap="sm" wrap="nowrap">
                <Badge color={KIND_COLOR[d.kind]} variant="light" radius="sm" tt="none" w={120}>
                  {t(`reporting.kinds.${d.kind}`)}
                </Badge>
                <Text size="sm" fw={500}>
                  {d.title}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {field(t('reporting.plan.definition.content'), d.content)}
                {field(t('reporting.plan.definition.entities'), d.reportingEntities)}
                {field(t('reporting.plan.definition.recipient'), d.recipient)}
                {field(t('reporting.plan.definition.method'), d.sendingMethod)}
                {field(t('reporting.plan.definition.frequency'), d.frequency)}
                {field(
                  t('reporting.plan.definition.cutoff'),
                  t(
                    d.cutoffStart > d.cutoffEnd
                      ? 'reporting.plan.definition.cutoffValue'
                      : 'reporting.plan.definition.cutoffSameYear',
                    { from: dayMonth(d.cutoffStart), to: dayMonth(d.cutoffEnd) },
                  ),
                )}
                {field(t('reporting.plan.definition.due'), dayMonth(d.dueMonthDay))}
                {field(t('reporting.plan.definition.dataForm'), d.dataForm)}
              </SimpleGrid>
              <Stack mt="sm">{field(t('reporting.plan.definition.outline'), d.outlineTemplate)}</Stack>
              {(onEdit || onDelete) && (
                <Group mt="sm" gap="xs" justify="flex-end">
                  {onEdit && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => onEdit(d)}
                      data-testid="definition-edit"
                    >
                      {t('reporting.plan.editDefinition')}
                    </Button>
                  )}
                  {onDelete && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      onClick={() => onDelete(d)}
                      data-testid="definition-delete"
                    >
                      {t('reporting.plan.deleteDefinition')}
                    </Button>
                  )}
                </Group>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
