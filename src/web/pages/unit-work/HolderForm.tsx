import { Checkbox, NativeSelect, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/FeedbackAlert';
import { ModalForm } from '../../components/ModalForm';
import { useWorkApi, type HolderChange, type LeadershipTerm } from '../../api/work';
import { progressKeys, workKeys } from '../../api';
import { DayInput } from './DayInput';
import { useFieldErrors } from './useFieldErrors';
import { dayText, formatDay, parseDay, todayIso } from './work-format';
import { useLocalized } from '../../i18n';

const FIELDS = ['position', 'holderSex', 'fromDate'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Who holds a post from a date (only the holder's sex, never a name): for a post on the register, its running
 * term ends the day before; `current` null adds a post.
 */
export function HolderForm({
  unitCode,
  current,
  opened,
  onClose,
}: {
  unitCode: string;
  current: LeadershipTerm | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useLocalized();
  const api = useWorkApi();
  const client = useQueryClient();
  const [position, setPosition] = useState(current?.position ?? '');
  const [isKeyLeader, setKeyLeader] = useState(current?.isKeyLeader ?? false);
  const [sex, setSex] = useState<string>('');
  const [fromText, setFromText] = useState(dayText(todayIso()));
  const {
    setErrors,
    general,
    setGeneral,
    refused,
    props: errorProps,
  } = useFieldErrors(FIELDS, 'holder', (f) =>
    t('registers.errors.invalid', { field: t(`registers.fields.${f}`) }),
  );
  const mutation = useMutation({ mutationFn: (body: HolderChange) => api.changeHolder(unitCode, body) });

  async function submit() {
    setGeneral(null);
    const e: Partial<Record<Field, string>> = {};
    if (!position.trim()) e.position = t('registers.errors.position');
    if (!sex) e.holderSex = t('registers.errors.holderSex');
    const fromDate = parseDay(fromText);
    if (!fromDate) e.fromDate = t('registers.errors.fromDate');
    else if (current && fromDate <= current.fromDate)
      e.fromDate = t('registers.errors.fromDateAfter', { date: formatDay(current.fromDate, locale) });
    setErrors(e);
    if (!fromDate || Object.keys(e).length > 0) return;
    try {
      await mutation.mutateAsync({
        position: position.trim(),
        isKeyLeader,
        holderSex: sex === 'vacant' ? null : (sex as 'female' | 'male'),
        fromDate,
      });
      // BDG-01 is computed from this register: the province's progress changes with it.
      await Promise.all([
        client.invalidateQueries({ queryKey: workKeys.leadership(unitCode) }),
        client.invalidateQueries({ queryKey: progressKeys.all }),
      ]);
      onClose();
    } catch (error) {
      refused(error);
    }
  }

  return (
    <ModalForm
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={700}>
          {current ? t('registers.change', { position: current.position }) : t('registers.add')}
        </Text>
      }
      formTestId="holder-form"
      onSubmit={() => void submit()}
      actions={{
        submit: t('registers.save'),
        submitTestId: 'holder-submit',
        loading: mutation.isPending,
        cancel: t('registers.cancel'),
      }}
    >
      {current ? (
        <Text size="sm" c="dimmed">
          {t('registers.changeHint', { date: formatDay(current.fromDate, locale) })}
        </Text>
      ) : (
        <>
          <TextInput
            label={t('registers.fields.position')}
            value={position}
            onChange={(e) => setPosition(e.currentTarget.value)}
            data-testid="holder-position"
            required
            {...errorProps('position')}
          />
          <Checkbox
            label={t('registers.fields.isKeyLeader')}
            checked={isKeyLeader}
            onChange={(e) => setKeyLeader(e.currentTarget.checked)}
            data-testid="holder-key-leader"
          />
        </>
      )}
      <NativeSelect
        label={t('registers.fields.holderSex')}
        value={sex}
        onChange={(e) => setSex(e.currentTarget.value)}
        data={[
          { value: '', label: t('registers.choose') },
          { value: 'female', label: t('sex.female') },
          { value: 'male', label: t('sex.male') },
          { value: 'vacant', label: t('registers.vacant') },
        ]}
        data-testid="holder-sex"
        required
        {...errorProps('holderSex')}
      />
      <DayInput
        label={t('registers.fields.fromDate')}
        value={fromText}
        onChange={setFromText}
        data-testid="holder-from"
        required
        {...errorProps('fromDate')}
      />
      <ErrorAlert testId="holder-error">{general}</ErrorAlert>
    </ModalForm>
  );
}
