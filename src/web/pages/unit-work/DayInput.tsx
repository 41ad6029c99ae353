import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A day typed as day/month/year. A native date input shows the browser's own order (mm/dd/yyyy in an English
 * browser), which reads wrongly for Vietnamese users; the text is parsed with `parseDay`.
 */
export function DayInput({
  value,
  onChange,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (text: string) => void;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      placeholder={t('work.dayPlaceholder')}
      inputMode="numeric"
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      {...props}
    />
  );
}
