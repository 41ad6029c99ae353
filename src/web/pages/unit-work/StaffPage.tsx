import { SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatQuantity } from '../../../domain/measure';
import { ErrorAlert } from '../../components/FeedbackAlert';
import { FormActions, FormSection } from '../../components/FormSection';
import { PageSection } from '../../components/PageSection';
import { QueryView } from '../../components/QueryState';
import { TableCard } from '../../components/TableCard';
import { DayInput } from './DayInput';
import { useLocalized } from '../../i18n';
import { useMayWriteFor } from '../../session';
import { unitWorkPage } from './UnitWorkFrame';
import { useWorkApi, workQueries, type StaffCount } from '../../api/work';
import { useFieldErrors } from './useFieldErrors';
import { dayText, formatDay, parseDay, todayIso } from './work-format';
import { workKeys, type OrgUnitDetail } from '../../api';

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
  const { setErrors, setGeneral, general, refused, clear, props } = useFieldErrors(FIELDS, 'staff', (f) =>
    t('staff.errors.invalid', { field: t(`staff.fields.${f}`) }),
  );
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
      refused(error);
    }
  }

  const change = (f: Field, v: string) => {
    setValues((prev) => ({ ...prev, [f]: v }));
    clear(f);
    setSaved(false);
  };
  const field = (f: Field) => ({
    label: t(`staff.fields.${f}`),
    ...props(f),
    'data-testid': `staff-${f}`,
    required: true,
  });

  return (
    <FormSection title={t('staff.form')} data-testid="staff-form" onSubmit={() => void submit()}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DayInput {...field('asOf')} value={values.asOf} onChange={(v) => change('asOf', v)} />
        {(['female', 'male'] as const).map((f) => (
          <TextInput
            key={f}
            inputMode="numeric"
            {...field(f)}
            value={values[f]}
            onChange={(e) => change(f, e.currentTarget.value)}
          />
        ))}
      </SimpleGrid>
      <ErrorAlert testId="staff-error">{general}</ErrorAlert>
      <FormActions submit={t('staff.save')} submitTestId="staff-submit" loading={mutation.isPending}>
        <Text size="sm" c="teal.8" data-testid="staff-saved">
          {saved ? t('staff.saved') : ''}
        </Text>
      </FormActions>
    </FormSection>
  );
}

function StaffView({ unit }: { unit: OrgUnitDetail }) {
  const { t, locale } = useLocalized();
  const canWrite = useMayWriteFor(unit);
  const staff = useQuery(workQueries.staff(unit.code));
  const rows = [...(staff.data?.items ?? [])].sort((a, b) => b.asOf.localeCompare(a.asOf));
  return (
    <Stack gap="lg">
      {canWrite && <StaffForm unitCode={unit.code} />}
      <PageSection title={t('staff.title')}>
        <QueryView query={staff}>
          {() => (
            <TableCard
              items={rows}
              empty={t('staff.empty')}
              emptyTestId="staff-empty"
              card={{ maw: 760 }}
              verticalSpacing="xs"
              striped="even"
              columns={[
                { label: t('staff.fields.asOf') },
                { label: t('sex.female'), ta: 'right' },
                { label: t('sex.male'), ta: 'right' },
                { label: t('sex.total'), ta: 'right' },
                { label: t('staff.femaleShare'), ta: 'right' },
              ]}
            >
              {(r) => {
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
              }}
            </TableCard>
          )}
        </QueryView>
      </PageSection>
    </Stack>
  );
}

/** Staff of a unit by sex, one count per date. */
export const StaffPage = unitWorkPage('staff', StaffView);
