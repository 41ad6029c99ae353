import { Select } from '@mantine/core';

/** Picks one year of a list (the period of a form or a page); the list is shown newest first as given. */
export function YearSelect({
  label,
  years,
  value,
  onChange,
  testId,
  w = 160,
}: {
  label: string;
  years: readonly (string | number)[];
  value: string | number;
  onChange: (year: string) => void;
  testId: string;
  w?: number;
}) {
  return (
    <Select
      label={label}
      data={years.map(String)}
      value={String(value)}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={w}
      data-testid={testId}
    />
  );
}
