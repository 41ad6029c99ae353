import { Table, Text, TextInput, type TextInputProps } from '@mantine/core';
import type { IndicatorView } from '../../api';
import { useLocalized } from '../../i18n';
import {
  computedValue,
  hasParts,
  partsActive,
  type Field,
  type Messages,
  type RowValues,
} from './entry-rows';

/** A number typed as text in the UI's language, right-aligned, its unit after it; errors in red below. */
function NumberText({
  suffix,
  ...props
}: TextInputProps & { suffix?: string; 'data-testid': string; 'aria-label': string }) {
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      rightSection={
        suffix ? (
          <Text size="xs" c="dimmed">
            {suffix}
          </Text>
        ) : undefined
      }
      rightSectionWidth={suffix && suffix.length > 3 ? 64 : 36}
      errorProps={{ 'data-testid': 'entry-error' }}
      {...props}
    />
  );
}

const PARTS = ['numerator', 'denominator'] as const;

/**
 * The numerator, denominator and value cells of one figure. An indicator with parts takes them and computes its
 * value; any other takes the value alone. Warnings about the value stand under it.
 */
export function FigureCells({
  indicator,
  values,
  errors,
  warnings,
  label,
  canWrite,
  suffix,
  onEdit,
}: {
  indicator: IndicatorView;
  values: RowValues;
  errors: Messages[string];
  warnings: Messages[string];
  /** Names the figure in each input's accessible name: "Tử số BDG-03 · Nữ". */
  label: string;
  canWrite: boolean;
  suffix: string;
  onEdit: (field: Field, text: string) => void;
}) {
  const { t, locale } = useLocalized();
  const parts = hasParts(indicator);
  const computed = parts && partsActive(values);
  const input = (field: Field) => ({
    'aria-label': `${t(`entry.columns.${field}`)} ${label}`,
    readOnly: !canWrite,
    variant: canWrite ? 'default' : 'filled',
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onEdit(field, e.currentTarget.value),
    error: errors[field]?.join(' · '),
    'data-testid': `entry-${field}`,
  });
  const partTitle = { numerator: indicator.numeratorVi, denominator: indicator.denominatorVi };
  const warningText = [...(warnings.value ?? []), ...(warnings.row ?? [])];
  return (
    <>
      {PARTS.map((field) =>
        parts ? (
          <Table.Td key={field}>
            <NumberText {...input(field)} title={partTitle[field] ?? undefined} />
          </Table.Td>
        ) : (
          <Table.Td key={field} pt={14} c="dimmed">
            {t('common.dash')}
          </Table.Td>
        ),
      )}
      <Table.Td>
        <NumberText
          {...input('value')}
          value={computed ? computedValue(indicator, values, locale) : values.value}
          readOnly={computed || !canWrite}
          variant={computed || !canWrite ? 'filled' : 'default'}
          title={computed ? t('entry.computed') : undefined}
          suffix={suffix}
        />
        {warningText.map((m, i) => (
          <Text key={i} size="xs" c="orange.9" data-testid="entry-warning" mt={4}>
            {m}
          </Text>
        ))}
      </Table.Td>
    </>
  );
}
