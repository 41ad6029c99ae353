import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { progressKeys, workKeys } from '../../api';
import { useWorkApi, type HolderChange, type LeadershipTerm } from '../../api/work';
import { DayInput } from './DayInput';
import { dayText, fieldErrors, formatDay, parseDay, todayIso } from './work-format';
import { useLocale } from '../../i18n';

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
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useWorkApi();
  const client = useQueryClient();
  const [position, setPosition] = useState(current?.position ?? '');
  const [isKeyLeader, setKeyLeader] = useState(current?.isKeyLeader ?? false);
  const [sex, setSex] = useState<string>('');
  const [fromText, setFromText] = useState(dayText(todayIso()));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
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
      const { byField, general: message } = fieldErrors(error, FIELDS, (f) =>
        t('registers.errors.invalid', { field: t(`registers.fields.${f as Field}`) }),
      );
      setErrors(byField);
      setGeneral(message);
    }
  }

  const errorProps = (f: Field) => ({ error: errors[f], errorProps: { 'data-testid': `holder-error-${f}` } });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={700}>
          {current ? t('registers.change', { position: current.position }) : t('registers.add')}
        </Text>
      }
    >
      <form
        noValidate
        data-testid="holder-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
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
          {general && (
            <Alert color="red" variant="light" role="alert" data-testid="holder-error">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('registers.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="holder-submit">
              {t('registers.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
