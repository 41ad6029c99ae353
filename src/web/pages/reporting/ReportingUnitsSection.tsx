import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, reportingKeys } from '../../api';
import { QueryView } from '../../components/QueryState';
import { SectionCard } from '../../components/SectionCard';
import { TableCard } from '../../components/TableCard';
import {
  addReportingUnit,
  reportingQueries,
  setReportingUnitIncluded,
  type ReportingUnit,
} from '../../api/reporting';

/** How many rows show before "show all". */
const FIRST_ROWS = 12;

/**
 * Who owes the plan's reports and why (targets, duties, a clause, the coordinator); with `manage`, excluding a
 * unit, putting it back and adding one by its code.
 */
export function ReportingUnitsSection({
  planId,
  manage,
  onDone,
}: {
  planId: string;
  manage: boolean;
  onDone: (text: string, ok: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useQuery(reportingQueries.units(planId));
  const [all, setAll] = useState(false);
  const [code, setCode] = useState('');
  const [addError, setAddError] = useState<string | null>(null);

  const refresh = () => client.invalidateQueries({ queryKey: reportingKeys.all });
  const toggle = useMutation({
    mutationFn: (u: ReportingUnit) => setReportingUnitIncluded(planId, u.code, !u.included),
    onSuccess: refresh,
    onError: (err) => onDone(err instanceof Error ? err.message : t('common.error'), false),
  });
  const add = useMutation({ mutationFn: (c: string) => addReportingUnit(planId, c) });

  async function submitAdd() {
    setAddError(null);
    try {
      await add.mutateAsync(code.trim());
      onDone(t('reporting.plan.units.added', { code: code.trim() }), true);
      setCode('');
      await refresh();
    } catch (err) {
      setAddError(err instanceof ApiError ? (err.issues[0]?.message ?? err.message) : t('common.error'));
    }
  }

  const reason = (u: ReportingUnit) =>
    u.reasons.length > 0 ? u.reasons.join('; ') : t(`reporting.plan.units.sources.${u.source}`);

  return (
    <SectionCard
      title={t('reporting.plan.units.title')}
      hint={t('reporting.plan.units.hint')}
      gap="xs"
      data-testid="reporting-units"
    >
      <QueryView query={units}>
        {(data) => {
          const rows = all ? data.units : data.units.slice(0, FIRST_ROWS);
          return (
            <Stack gap="xs">
              {!data.stored && data.units.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('reporting.plan.units.derived')}
                </Text>
              )}
              <TableCard
                items={rows}
                empty={t('reporting.plan.units.empty')}
                minWidth={640}
                data-testid="reporting-units-table"
                columns={[
                  { label: t('reporting.plan.units.columns.unit') },
                  { label: t('reporting.plan.units.columns.reason') },
                  manage && { label: t('reporting.plan.units.columns.owes') },
                ]}
              >
                {(u) => (
                  <Table.Tr key={u.code} data-testid={`reporting-unit-${u.code}`}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500} td={u.included ? undefined : 'line-through'}>
                          {u.title}
                        </Text>
                        {!u.included && (
                          <Badge size="sm" color="gray" variant="light" tt="none">
                            {t('reporting.plan.units.excluded')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" tt="none" mr={6}>
                        {t(`reporting.plan.units.sources.${u.source}`)}
                      </Badge>
                      <Text span size="xs" c="dimmed">
                        {reason(u)}
                      </Text>
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="light"
                          color={u.included ? 'red' : 'indigo'}
                          loading={toggle.isPending && toggle.variables?.code === u.code}
                          onClick={() => toggle.mutate(u)}
                          data-testid="reporting-unit-toggle"
                        >
                          {u.included ? t('reporting.plan.units.exclude') : t('reporting.plan.units.include')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )}
              </TableCard>
              {data.units.length > FIRST_ROWS && (
                <Group>
                  <Button variant="subtle" size="compact-sm" onClick={() => setAll((v) => !v)}>
                    {all
                      ? t('reporting.plan.units.hide')
                      : t('reporting.plan.units.show', { count: data.units.length })}
                  </Button>
                </Group>
              )}
              {manage && (
                <Group align="flex-end" gap="sm">
                  <TextInput
                    label={t('reporting.plan.units.addCode')}
                    description={t('reporting.plan.units.addHint')}
                    value={code}
                    error={addError ?? undefined}
                    onChange={(e) => setCode(e.currentTarget.value)}
                    data-testid="reporting-unit-code"
                    style={{ flex: '1 1 260px' }}
                  />
                  <Button
                    onClick={() => void submitAdd()}
                    disabled={code.trim() === ''}
                    loading={add.isPending}
                    data-testid="reporting-unit-add"
                  >
                    {t('reporting.plan.units.add')}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </SectionCard>
  );
}
