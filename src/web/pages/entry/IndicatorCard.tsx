import { Anchor, Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { observationKey, type IndicatorView, type ObservationView } from '../../api';
import { CardCaption, TableCard } from '../../components/TableCard';
import { useLocalized } from '../../i18n';
import { periodText } from '../../status';
import {
  EMPTY,
  changed,
  filled,
  hasParts,
  rowTestId,
  type Field,
  type Provider,
  type RowDef,
} from './entry-rows';
import type { EntryState } from './entry-state';
import { FigureCells } from './FigureCells';

export interface HistoryRow {
  key: string;
  label: string;
}

/** The figure of one row: whether the province has accepted it, and its history; or that there is none yet. */
function FigureStatus({ figure, onHistory }: { figure: ObservationView | undefined; onHistory: () => void }) {
  const { t } = useTranslation();
  if (!figure)
    return (
      <Text size="xs" c="dimmed" pt={4}>
        {t('entry.noFigure')}
      </Text>
    );
  return (
    <Stack gap={4} align="flex-start">
      <Badge
        size="sm"
        radius="sm"
        tt="none"
        variant="light"
        color={figure.accepted ? 'teal' : 'orange'}
        data-testid="entry-figure-status"
        data-accepted={figure.accepted}
        title={t('entry.columns.status')}
      >
        {figure.accepted ? t('entry.accepted') : t('entry.pending')}
      </Badge>
      <Anchor component="button" type="button" size="xs" onClick={onHistory} data-testid="entry-history">
        {t('entry.history')}
      </Anchor>
    </Stack>
  );
}

/** What the card's head says about the indicator: its code and name, unit, period, parts and who reports it. */
function IndicatorCaption({
  indicator,
  name,
  suffix,
  canWrite,
  provider,
  reporting,
}: {
  indicator: IndicatorView;
  name: string;
  suffix: string;
  canWrite: boolean;
  provider: Provider | undefined;
  reporting: { unit: { code: string; fullName: string }; value: string; onChange: (code: string) => void };
}) {
  const { t } = useTranslation();
  return (
    <CardCaption>
      <Group gap="sm" justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Badge radius="sm" variant="filled" style={{ flexShrink: 0 }} mt={2}>
            {indicator.code}
          </Badge>
          <Text fw={600} style={{ textWrap: 'pretty' }}>
            {name}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {suffix && (
            <Badge variant="outline" color="gray" radius="sm" tt="none">
              {suffix}
            </Badge>
          )}
          {indicator.periodType !== 'year' && (
            <Badge variant="light" color="blue" radius="sm" tt="none">
              {t(`entry.periodTypes.${indicator.periodType}`)}
            </Badge>
          )}
        </Group>
      </Group>
      {hasParts(indicator) && (
        <Text size="xs" c="dimmed">
          {t('entry.numerator', { text: indicator.numeratorVi })}
          <br />
          {t('entry.denominator', { text: indicator.denominatorVi })}
        </Text>
      )}
      {indicator.unit === 'milestone' && (
        <Text size="xs" c="dimmed">
          {t('entry.milestoneHint')}
        </Text>
      )}
      {provider && (
        <Group gap="sm" align="center" mt={4}>
          <Select
            label={t('entry.reportingUnit')}
            size="xs"
            w={300}
            data={[
              { value: reporting.unit.code, label: reporting.unit.fullName },
              { value: provider.code, label: provider.name },
            ]}
            value={reporting.value}
            onChange={(v) => v && reporting.onChange(v)}
            allowDeselect={false}
            data-testid={`entry-reporting-${indicator.code}`}
          />
          <Text size="xs" c="dimmed" mt={18} maw={360}>
            {t('entry.reportingUnitHint')}
          </Text>
        </Group>
      )}
      {!canWrite && (
        <Text size="xs" c="orange.9" fw={500} data-testid="entry-readonly">
          {t('entry.readOnly')}
        </Text>
      )}
    </CardCaption>
  );
}

/**
 * One indicator's figures for the year, a row per period and sex: the typed values, what the server said about
 * them, and whether a figure is stored and accepted.
 */
export function IndicatorCard({
  indicator,
  rows,
  state,
  suffix,
  canWrite,
  provider,
  unit,
  describe,
  onEdit,
  onChooseReporting,
  onHistory,
}: {
  indicator: IndicatorView;
  rows: readonly RowDef[];
  state: EntryState;
  suffix: string;
  canWrite: boolean;
  provider: Provider | undefined;
  unit: { code: string; fullName: string };
  describe: (key: string) => string;
  onEdit: (key: string, field: Field, text: string) => void;
  onChooseReporting: (code: string) => void;
  onHistory: (row: HistoryRow) => void;
}) {
  const { t, locale } = useLocalized();
  const name = locale === 'vi' ? indicator.nameVi : indicator.nameEn;
  return (
    <TableCard
      card={{
        component: 'section',
        'aria-label': `${indicator.code} ${name}`,
        'data-testid': `entry-indicator-${indicator.code}`,
      }}
      caption={
        <IndicatorCaption
          indicator={indicator}
          name={name}
          suffix={suffix}
          canWrite={canWrite}
          provider={provider}
          reporting={{
            unit,
            value: state.reporting[indicator.code] ?? unit.code,
            onChange: onChooseReporting,
          }}
        />
      }
      items={rows}
      minWidth={900}
      verticalSpacing={6}
      layout="fixed"
      columns={[
        { label: t('entry.columns.period'), w: 100 },
        { label: t('entry.columns.sex'), w: 110 },
        { label: t('entry.columns.numerator'), title: indicator.numeratorVi ?? undefined },
        { label: t('entry.columns.denominator'), title: indicator.denominatorVi ?? undefined },
        { label: t('entry.columns.value') },
        { label: t('entry.columns.status'), w: 150 },
      ]}
    >
      {(row, index) => {
        const values = state.values[row.key] ?? EMPTY;
        const errors = state.errors[row.key] ?? {};
        const isChanged = filled(values) && changed(values, state.initial[row.key] ?? EMPTY);
        const label = describe(row.key);
        const inConflict = state.conflicts.some((c) => c.key === row.key);
        return (
          <Table.Tr
            key={row.key}
            data-testid={rowTestId(row)}
            data-period={row.period}
            data-row-key={row.key}
            data-changed={isChanged || undefined}
            data-conflict={inConflict || undefined}
            style={{ verticalAlign: 'top' }}
            bg={inConflict ? 'yellow.1' : isChanged ? 'indigo.0' : undefined}
          >
            {rows[index - 1]?.period !== row.period && (
              <Table.Td
                pt={14}
                rowSpan={rows.filter((r) => r.period === row.period).length}
                title={periodText(row.period, locale)}
              >
                <Text size="sm" ff="monospace">
                  {row.period}
                </Text>
              </Table.Td>
            )}
            <Table.Td pt={14}>
              <Text size="sm" fw={row.sex === 'total' ? 600 : 400}>
                {t(`sex.${row.sex}`)}
              </Text>
              {errors.row?.map((m, i) => (
                <Text key={i} size="xs" c="red.7" data-testid="entry-error" mt={4}>
                  {m}
                </Text>
              ))}
            </Table.Td>
            <FigureCells
              indicator={indicator}
              values={values}
              errors={errors}
              warnings={state.warnings[row.key] ?? {}}
              label={label}
              canWrite={canWrite}
              suffix={suffix}
              onEdit={(field, text) => onEdit(row.key, field, text)}
            />
            <Table.Td pt={12}>
              <FigureStatus
                figure={state.stored.get(row.key)}
                onHistory={() =>
                  onHistory({
                    key: observationKey({
                      indicator: row.indicator.code,
                      orgUnit: unit.code,
                      period: row.period,
                      sex: row.sex,
                    }),
                    label,
                  })
                }
              />
            </Table.Td>
          </Table.Tr>
        );
      }}
    </TableCard>
  );
}
