import { Select, type ComboboxData } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sortVietnamese } from '../../../domain/vietnamese';
import type { UnitCompleteness } from '../../api/reporting';

const PROVINCE = '__province__';

/** The province view or one unit's view, among the units the server let the user see. */
export function UnitPicker({
  units,
  value,
  onChange,
}: {
  units: readonly UnitCompleteness[];
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const group = (kind: UnitCompleteness['kind']) =>
      sortVietnamese(
        units.filter((u) => u.kind === kind),
        (u) => u.name,
      ).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }));
    const groups = [
      { group: t('reporting.cycle.agencies'), items: group('agency') },
      { group: t('reporting.cycle.communes'), items: group('commune') },
    ].filter((g) => g.items.length > 0);
    const all: ComboboxData = [{ value: PROVINCE, label: t('reporting.cycle.province') }, ...groups];
    return all;
  }, [units, t]);
  // One unit only: nothing to choose.
  if (units.length <= 1 && !value) return null;
  return (
    <Select
      label={t('reporting.cycle.view')}
      data={data}
      value={value || PROVINCE}
      onChange={(v: string | null) => onChange(!v || v === PROVINCE ? '' : v)}
      allowDeselect={false}
      searchable
      maw={480}
      data-testid="unit-picker"
    />
  );
}
