import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatNumber, formatQuantity } from '../../../domain/measure';
import { workKeys, type OrgUnitDetail } from '../../api';
import { Loading, QueryError } from '../../components/QueryState';
import { useLocale } from '../../i18n';
import { allows, ancestryOf, useSession } from '../../session';
import { UnitWorkFrame } from './UnitWorkFrame';
import { useWorkApi, workQueries, type StaffCount } from '../../api/work';
import { dayText, fieldErrors, formatDay, parseDay, todayIso } from './work-format';

const FIELDS = ['asOf', 'female', 'male'] as const;
type Field = (typeof FIELDS)[number];

/** Records the count on a date; a second count on the same date replaces the first. */
function StaffForm({ unitCode }: { unitCode: string }) {
  const { t } = useTranslation();
  const api = useWorkApi();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    asOf: dayText(todayIso()),
    female: '',
    male: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({ mutationFn: (body: StaffCount) => api.recordStaff(unitCode, body) });

  async function submit() {
    setGeneral(null);
    setSaved(false);
    const e: Partial<Record<Field, string>> = {};
    const asOf = parseDay(values.asOf);
    if (!asOf) e.asOf = t('staff.errors.asOf');
    for (const f of ['female', 'male'] as const)
      if (!/^\d+$/.test(values[f].trim())) e[f] = t(`staff.errors.${f}`);
    setErrors(e);
    if (!asOf || Object.keys(e).length > 0) return;
    try {
      await mutation.mutateAsync({
        asOf,
        female: Number(values.female.trim()),
        male: Number(values.male.trim()),
      });
      await client.invalidateQueries({ queryKey: workKeys.staff(unitCode) });
      setSaved(true);
    } catch (error) {
      const { byField, general: message } = fieldErrors(error, FIELDS, (f) =>
        t('staff.errors.invalid', { field: t(`staff.fields.${f as Field}`) }),
      );
      setErrors(byField);
      setGeneral(message);
    }
  }

  const field = (f: Field) => ({
    label: t(`staff.fields.${f}`),
    value: values[f],
    error: errors[f],
    errorProps: { 'data-testid': `staff-error-${f}` },
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const v = e.currentTarget.value;
      setValues((prev) => ({ ...prev, [f]: v }));
      setErrors((prev) => ({ ...prev, [f]: undefined }));
      setSaved(false);
    },
    'data-testid': `staff-${f}`,
    required: true,
  });

  return (
    <Paper withBorder radius="md" p="md" component="section" data-testid="staff-form">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('staff.form')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput {...field('asOf')} placeholder={t('work.dayPlaceholder')} autoComplete="off" />
            <TextInput inputMode="numeric" {...field('female')} />
            <TextInput inputMode="numeric" {...field('male')} />
          </SimpleGrid>
          {general && (
            <Alert color="red" variant="light" role="alert" data-testid="staff-error">
              {general}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" c="teal.8" data-testid="staff-saved">
              {saved ? t('staff.saved') : ''}
            </Text>
            <Button type="submit" loading={mutation.isPending} data-testid="staff-submit">
              {t('staff.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function StaffView({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useSession();
  const canWrite = allows(user?.grants, 'observation.write', ancestryOf(unit));
  const { data, error, isPending, refetch } = useQuery(workQueries.staff(unit.code));
  const rows = [...(data?.items ?? [])].sort((a, b) => b.asOf.localeCompare(a.asOf));
  return (
    <Stack gap="lg">
      {canWrite && <StaffForm unitCode={unit.code} />}
      <Stack gap="sm" component="section" aria-label={t('staff.title')}>
        <Title order={2} size="h3">
          {t('staff.title')}
        </Title>
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : isPending ? (
          <Loading />
        ) : rows.length === 0 ? (
          <Text c="dimmed" data-testid="staff-empty">
            {t('staff.empty')}
          </Text>
        ) : (
          <Paper withBorder radius="md" maw={760}>
            <Table verticalSpacing="xs" horizontalSpacing="md" striped="even">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.fields.asOf')}</Table.Th>
                  <Table.Th ta="right">{t('sex.female')}</Table.Th>
                  <Table.Th ta="right">{t('sex.male')}</Table.Th>
                  <Table.Th ta="right">{t('sex.total')}</Table.Th>
                  <Table.Th ta="right">{t('staff.femaleShare')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const total = r.female + r.male;
                  return (
                    <Table.Tr key={r.asOf} data-testid="staff-row" data-as-of={r.asOf}>
                      <Table.Td>{formatDay(r.asOf, locale)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(r.female, locale)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(r.male, locale)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(total, locale)}</Table.Td>
                      <Table.Td ta="right">
                        {total > 0
                          ? formatQuantity(Math.round((r.female / total) * 1000) / 10, '%', locale)
                          : t('common.dash')}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </Stack>
  );
}

/** Staff of a unit by sex, one count per date. */
export function StaffPage() {
  const { code = '' } = useParams();
  return (
    <UnitWorkFrame code={code} section="staff">
      {(unit) => <StaffView unit={unit} />}
    </UnitWorkFrame>
  );
}
