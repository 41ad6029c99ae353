import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, reportingKeys } from '../../api';
import { YearSelect } from '../../components/YearSelect';
import { addCycle, createDefinition, type ReportDefinition, type ReportKind } from '../../api/reporting';

const KINDS: readonly ReportKind[] = ['6-month', 'annual', 'mid-term', 'final', 'other'];

const message = (err: unknown, fallback: string) =>
  err instanceof ApiError ? (err.issues[0]?.message ?? err.message) : fallback;

/** For the coordinator: a report definition of a kind the plan lacks, and one cycle of a definition. */
export function AddToRegime({
  planId,
  period,
  definitions,
  onDone,
}: {
  planId: string;
  period: { from: number; to: number };
  definitions: readonly ReportDefinition[];
  onDone: (text: string, ok: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const missing = KINDS.filter((k) => !definitions.some((d) => d.kind === k));
  const [kind, setKind] = useState<ReportKind | null>(null);
  const years = Array.from({ length: period.to - period.from + 1 }, (_, i) => String(period.from + i));
  const [definitionId, setDefinitionId] = useState<string | null>(null);
  const [year, setYear] = useState(years[0]!);
  const [due, setDue] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: reportingKeys.all });

  const define = useMutation({
    mutationFn: (k: ReportKind) => createDefinition(planId, { kind: k }),
    onSuccess: async (d) => {
      onDone(t('reporting.plan.add.definitionAdded', { title: d.title }), true);
      setKind(null);
      await refresh();
    },
    onError: (err) => onDone(message(err, t('common.error')), false),
  });
  const cycle = useMutation({
    mutationFn: () => addCycle(planId, { definitionId: definitionId!, year: Number(year), due }),
    onSuccess: async () => {
      onDone(t('reporting.plan.add.cycleAdded', { year }), true);
      setDue('');
      await refresh();
    },
    onError: (err) => onDone(message(err, t('common.error')), false),
  });

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" data-testid="add-to-regime">
      <Stack gap="sm">
        <Text fw={600}>{t('reporting.plan.add.title')}</Text>
        {missing.length > 0 && (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('reporting.plan.add.kind')}
              data={missing.map((k) => ({ value: k, label: t(`reporting.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => setKind(v)}
              w={220}
              data-testid="add-definition-kind"
            />
            <Button
              variant="light"
              disabled={!kind}
              loading={define.isPending}
              onClick={() => kind && define.mutate(kind)}
              data-testid="add-definition"
            >
              {t('reporting.plan.add.definition')}
            </Button>
          </Group>
        )}
        {definitions.length > 0 && (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('reporting.plan.add.of')}
              data={definitions.map((d) => ({ value: d.id, label: t(`reporting.kinds.${d.kind}`) }))}
              value={definitionId}
              onChange={setDefinitionId}
              w={220}
              data-testid="add-cycle-definition"
            />
            <YearSelect
              label={t('reporting.plan.generateYear')}
              years={years}
              value={year}
              onChange={setYear}
              w={120}
              testId="add-cycle-year"
            />
            <TextInput
              type="date"
              label={t('reporting.edit.due')}
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              data-testid="add-cycle-due"
            />
            <Button
              variant="light"
              disabled={!definitionId || !due}
              loading={cycle.isPending}
              onClick={() => cycle.mutate()}
              data-testid="add-cycle"
            >
              {t('reporting.plan.add.cycle')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
