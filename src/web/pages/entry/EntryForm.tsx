import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../domain/permissions';
import {
  ApiError,
  observationKey,
  recordObservations,
  type IndicatorView,
  type ObservationRow,
  type ObservationView,
  type OrgUnitDetail,
  type SessionUser,
} from '../../api';
import { useLocale } from '../../i18n';
import { allows, ancestryOf } from '../../session';
import { periodText } from '../../status';

import {
  type Field,
  type RowValues,
  type Messages,
  EMPTY,
  hasParts,
  rowsOf,
  rowTestId,
  storedByRow,
  toRowValues,
  initialValues,
  isCurrent,
  type Conflict,
  type Provider,
  partsActive,
  filled,
  changed,
  computedValue,
  unitSuffix,
  isMeasureUnit,
  groupIssues,
} from './entry-rows';

interface FormProps {
  unit: OrgUnitDetail;
  user: SessionUser;
  indicators: IndicatorView[];
  /** Province-level indicators an agency may report for the province, by indicator code. */
  providers: ReadonlyMap<string, Provider>;
  year: number;
  stored: ObservationView[];
  saved: number | null;
  onSaved: (count: number) => Promise<void>;
  onDismissSaved: () => void;
  onHistory: (row: { key: string; label: string }) => void;
}

type SummaryKind = 'error' | 'warning' | 'locked' | 'forbidden';

/** The red alert shown when a save was refused as a whole, by why (warnings have their own, with a confirm). */
const FAILED_SUMMARY = {
  locked: { title: 'entry.lockedTitle', text: 'entry.lockedText', testId: 'entry-locked' },
  forbidden: { title: 'entry.forbiddenTitle', text: null, testId: 'entry-forbidden' },
  error: { title: 'entry.errorsTitle', text: 'entry.errorsText', testId: 'entry-errors' },
} as const satisfies Record<Exclude<SummaryKind, 'warning'>, object>;

export function EntryForm({
  unit,
  user,
  indicators,
  providers,
  year,
  stored,
  saved,
  onSaved,
  onDismissSaved,
  onHistory,
}: FormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useMemo(() => indicators.flatMap((i) => rowsOf(i, year)), [indicators, year]);
  const [storedRows] = useState(() => storedByRow(rows, stored));
  const [initial, setInitial] = useState(() => initialValues(rows, storedRows, locale));
  const [values, setValues] = useState(initial);
  // The version of each figure as loaded (or as last seen in a conflict): sent back so the server can tell.
  const [versions, setVersions] = useState<Record<string, number>>(() =>
    Object.fromEntries([...storedRows].map(([key, o]) => [key, o.version])),
  );
  const [reporting, setReporting] = useState<Record<string, string>>(() => {
    const own = new Set(user.grants.map((g) => g.orgUnitCode));
    const choice: Record<string, string> = {};
    for (const [code, provider] of providers) {
      // The user's own agency when it provides the figure; else whoever reported it last; else the province.
      const last = stored.find((o) => o.indicator === code)?.reportingUnit;
      choice[code] = own.has(provider.code)
        ? provider.code
        : last === provider.code || last === unit.code
          ? last
          : unit.code;
    }
    return choice;
  });
  const [errors, setErrors] = useState<Messages>({});
  const [warnings, setWarnings] = useState<Messages>({});
  const [summary, setSummary] = useState<{
    kind: SummaryKind;
    message: string;
    lines: string[];
  } | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [notice, setNotice] = useState<'nothing' | 'failed' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: recordObservations });
  // Whether the last attempt confirmed the warnings: a resend after a conflict keeps that confirmation.
  const lastAck = useRef(false);
  const keptMine = useRef(false);

  const rowByKey = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const unitAncestry = useMemo(() => ancestryOf(unit), [unit]);
  const reportingOf = (indicator: IndicatorView) => reporting[indicator.code] ?? unit.code;
  // A provider agency sits directly under the province whose figure it reports.
  const mayWrite = (indicator: IndicatorView, action: Action = 'observation.write') => {
    const code = reportingOf(indicator);
    return allows(user.grants, action, code === unit.code ? unitAncestry : [code, ...unitAncestry]);
  };
  const writable = new Set(indicators.filter((i) => mayWrite(i)).map((i) => i.code));
  // What the user may enter comes first (an agency reporting two figures of a province's twenty).
  const [ordered] = useState(() =>
    [...indicators].sort((a, b) => Number(writable.has(b.code)) - Number(writable.has(a.code))),
  );

  // Problems are listed in the bar at the bottom; bring the first row they point at into view.
  useEffect(() => {
    const first = rows.find(
      (r) => errors[r.key] ?? warnings[r.key] ?? conflicts.find((c) => c.key === r.key),
    );
    if (first)
      document
        .querySelector(`[data-row-key="${CSS.escape(first.key)}"]`)
        ?.scrollIntoView({ block: 'center' });
  }, [errors, warnings, conflicts, rows]);
  const failed = summary && summary.kind !== 'warning' ? FAILED_SUMMARY[summary.kind] : null;
  const pending = rows.filter((r) => {
    const v = values[r.key] ?? EMPTY;
    return filled(v) && changed(v, initial[r.key] ?? EMPTY);
  });

  const describe = (key: string) => {
    const row = rowByKey.get(key);
    if (!row) return '';
    const part = row.indicator.periodType === 'year' ? '' : ` · ${periodText(row.period, locale)}`;
    return `${row.indicator.code}${part} · ${t(`sex.${row.sex}`)}`;
  };

  const clearProblems = () => {
    setErrors({});
    setWarnings({});
    setSummary(null);
  };

  const edit = (key: string, field: Field, text: string) => {
    setValues((prev) => ({ ...prev, [key]: { ...(prev[key] ?? EMPTY), [field]: text } }));
    setErrors((prev) => {
      if (!prev[key]) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    });
    // A confirmation covers the values that were warned about, not edited ones.
    if (Object.keys(warnings).length > 0) {
      setWarnings({});
      setSummary((s) => (s?.kind === 'warning' ? null : s));
    }
    setNotice(null);
  };

  async function save(acknowledgeWarnings: boolean, versionsNow: Record<string, number> = versions) {
    onDismissSaved();
    setNotice(null);
    if (pending.length === 0) {
      setNotice('nothing');
      return;
    }
    lastAck.current = acknowledgeWarnings;
    const sent = pending.map((r) => r.key);
    const body: ObservationRow[] = pending.map((r) => {
      const v = values[r.key] ?? EMPTY;
      const reportingUnit = reportingOf(r.indicator);
      const version = versionsNow[r.key];
      const base = {
        indicator: r.indicator.code,
        orgUnit: unit.code,
        period: r.period,
        sex: r.sex,
        ...(reportingUnit !== unit.code ? { reportingUnit } : {}),
        ...(version !== undefined ? { version } : {}),
      };
      return partsActive(v)
        ? { ...base, numerator: v.numerator.trim(), denominator: v.denominator.trim() }
        : { ...base, value: v.value.trim() };
    });
    try {
      const result = await mutation.mutateAsync({ rows: body, locale, acknowledgeWarnings });
      clearProblems();
      setConflicts([]);
      await onSaved(result.stored);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setNotice('failed');
        setFailure(null);
        return;
      }
      const { byRow, loose } = groupIssues(error.issues, sent);
      const lines = [
        ...error.issues
          .filter((i) => i.line !== undefined && sent[i.line - 1])
          .map((i) => `${describe(sent[i.line! - 1]!)}: ${i.message}`),
        ...loose,
      ];
      if (error.code === 'WARNINGS_UNACKNOWLEDGED') {
        setErrors({});
        setWarnings(byRow);
        setSummary({ kind: 'warning', message: error.message, lines });
      } else if (error.code === 'CONFLICT') {
        // Someone saved these figures after they were loaded: show both values, let the user choose.
        clearProblems();
        keptMine.current = false;
        setConflicts(
          error.issues.flatMap((i) => {
            const key = i.line !== undefined ? sent[i.line - 1] : undefined;
            return key && isCurrent(i.current)
              ? [{ key, mine: values[key] ?? EMPTY, current: i.current }]
              : [];
          }),
        );
      } else if (
        error.code === 'VALIDATION_FAILED' ||
        error.code === 'LOCKED' ||
        (error.code === 'FORBIDDEN' && error.issues.length > 0)
      ) {
        setErrors(byRow);
        setWarnings({});
        const kind = error.code === 'LOCKED' ? 'locked' : error.code === 'FORBIDDEN' ? 'forbidden' : 'error';
        setSummary({ kind, message: error.message, lines });
      } else if (error.code === 'FORBIDDEN') {
        clearProblems();
        setSummary({ kind: 'forbidden', message: error.message, lines: [] });
      } else {
        setNotice('failed');
        // 401 and the like: the server's own words say what is missing.
        setFailure(error.message);
      }
    }
  }

  /** Once every conflict is settled, the figures the user kept are sent again over the current versions. */
  function resolve(conflict: Conflict, choice: 'mine' | 'theirs') {
    const row = rowByKey.get(conflict.key);
    if (!row) return;
    const nextVersions = { ...versions, [conflict.key]: conflict.current.version };
    setVersions(nextVersions);
    if (choice === 'theirs') {
      const theirs = toRowValues(row.indicator, conflict.current, locale);
      setValues((prev) => ({ ...prev, [conflict.key]: theirs }));
      setInitial((prev) => ({ ...prev, [conflict.key]: theirs }));
    } else keptMine.current = true;
    const rest = conflicts.filter((c) => c.key !== conflict.key);
    setConflicts(rest);
    if (rest.length === 0 && keptMine.current) void save(lastAck.current, nextVersions);
  }

  const shownValue = (indicator: IndicatorView, v: RowValues, suffix: string) => {
    if (partsActive(v)) {
      const computed = computedValue(indicator, v, locale);
      return `${v.numerator.trim()} / ${v.denominator.trim()}${computed ? ` = ${computed}${suffix}` : ''}`;
    }
    return v.value.trim() ? `${v.value.trim()}${suffix}` : t('common.dash');
  };

  const times = t('entry.times');
  return (
    <Stack gap="lg">
      {ordered.map((indicator) => {
        const parts = hasParts(indicator);
        const suffix = isMeasureUnit(indicator.unit)
          ? unitSuffix(indicator.unit, times, locale)
          : indicator.unit;
        const name = locale === 'vi' ? indicator.nameVi : indicator.nameEn;
        const indicatorRows = rows.filter((r) => r.indicator.code === indicator.code);
        const provider = providers.get(indicator.code);
        const canWrite = writable.has(indicator.code);
        return (
          <Paper
            key={indicator.code}
            withBorder
            radius="md"
            component="section"
            aria-label={`${indicator.code} ${name}`}
            data-testid={`entry-indicator-${indicator.code}`}
          >
            <Stack
              gap={4}
              px="md"
              py="sm"
              bg="gray.0"
              style={{ borderRadius: 'var(--mantine-radius-md) var(--mantine-radius-md) 0 0' }}
            >
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
              {parts && (
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
                      { value: unit.code, label: unit.fullName },
                      { value: provider.code, label: provider.name },
                    ]}
                    value={reportingOf(indicator)}
                    onChange={(v) => {
                      if (!v) return;
                      setReporting((prev) => ({ ...prev, [indicator.code]: v }));
                      clearProblems();
                      setConflicts([]);
                    }}
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
            </Stack>
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing={6} horizontalSpacing="md" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={100}>{t('entry.columns.period')}</Table.Th>
                    <Table.Th w={110}>{t('entry.columns.sex')}</Table.Th>
                    <Table.Th title={indicator.numeratorVi ?? undefined}>
                      {t('entry.columns.numerator')}
                    </Table.Th>
                    <Table.Th title={indicator.denominatorVi ?? undefined}>
                      {t('entry.columns.denominator')}
                    </Table.Th>
                    <Table.Th>{t('entry.columns.value')}</Table.Th>
                    <Table.Th w={150}>{t('entry.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {indicatorRows.map((row, index) => {
                    const v = values[row.key] ?? EMPTY;
                    const useParts = parts && partsActive(v);
                    const err = errors[row.key] ?? {};
                    const warn = warnings[row.key] ?? {};
                    const isChanged = filled(v) && changed(v, initial[row.key] ?? EMPTY);
                    const label = describe(row.key);
                    const figure = storedRows.get(row.key);
                    const inConflict = conflicts.some((c) => c.key === row.key);
                    const input = (field: Field) => ({
                      'aria-label': `${t(`entry.columns.${field}`)} ${label}`,
                      readOnly: !canWrite,
                      variant: canWrite ? 'default' : 'filled',
                      value: v[field],
                      onChange: (e: ChangeEvent<HTMLInputElement>) =>
                        edit(row.key, field, e.currentTarget.value),
                      error: err[field]?.join(' · '),
                      'data-testid': `entry-${field}`,
                    });
                    const warningText = [...(warn.value ?? []), ...(warn.row ?? [])];
                    const firstOfPeriod = indicatorRows[index - 1]?.period !== row.period;
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
                        {firstOfPeriod && (
                          <Table.Td
                            pt={14}
                            rowSpan={indicatorRows.filter((r) => r.period === row.period).length}
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
                          {err.row?.map((m, i) => (
                            <Text key={i} size="xs" c="red.7" data-testid="entry-error" mt={4}>
                              {m}
                            </Text>
                          ))}
                        </Table.Td>
                        {parts ? (
                          <>
                            <Table.Td>
                              <NumberText
                                {...input('numerator')}
                                title={indicator.numeratorVi ?? undefined}
                              />
                            </Table.Td>
                            <Table.Td>
                              <NumberText
                                {...input('denominator')}
                                title={indicator.denominatorVi ?? undefined}
                              />
                            </Table.Td>
                          </>
                        ) : (
                          <>
                            <Table.Td pt={14} c="dimmed">
                              {t('common.dash')}
                            </Table.Td>
                            <Table.Td pt={14} c="dimmed">
                              {t('common.dash')}
                            </Table.Td>
                          </>
                        )}
                        <Table.Td>
                          <NumberText
                            {...input('value')}
                            value={useParts ? computedValue(indicator, v, locale) : v.value}
                            readOnly={useParts || !canWrite}
                            variant={useParts || !canWrite ? 'filled' : 'default'}
                            title={useParts ? t('entry.computed') : undefined}
                            suffix={suffix}
                          />
                          {warningText.map((m, i) => (
                            <Text key={i} size="xs" c="orange.9" data-testid="entry-warning" mt={4}>
                              {m}
                            </Text>
                          ))}
                        </Table.Td>
                        <Table.Td pt={12}>
                          {figure ? (
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
                              <Anchor
                                component="button"
                                type="button"
                                size="xs"
                                onClick={() =>
                                  onHistory({
                                    key: observationKey({
                                      indicator: row.indicator.code,
                                      orgUnit: unit.code,
                                      period: row.period,
                                      sex: row.sex,
                                    }),
                                    label: label,
                                  })
                                }
                                data-testid="entry-history"
                              >
                                {t('entry.history')}
                              </Anchor>
                            </Stack>
                          ) : (
                            <Text size="xs" c="dimmed" pt={4}>
                              {t('entry.noFigure')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        );
      })}

      <Paper
        withBorder
        shadow="md"
        radius="md"
        p="md"
        pos="sticky"
        bottom={12}
        style={{ zIndex: 5 }}
        data-testid="entry-bar"
      >
        <Stack gap="sm">
          {saved !== null && (
            <Alert
              color="green"
              variant="light"
              title={t('entry.savedTitle')}
              role="status"
              data-testid="entry-success"
              withCloseButton
              onClose={onDismissSaved}
            >
              {t('entry.saved', { count: saved })}
            </Alert>
          )}
          {conflicts.length > 0 && (
            <Alert
              color="yellow"
              variant="light"
              title={t('entry.conflictsTitle')}
              role="alert"
              data-testid="entry-conflicts"
            >
              <Stack gap="sm">
                <Text size="sm">{t('entry.conflictsText')}</Text>
                {conflicts.map((c) => {
                  const row = rowByKey.get(c.key)!;
                  const suffix = isMeasureUnit(row.indicator.unit)
                    ? unitSuffix(row.indicator.unit, times, locale)
                    : row.indicator.unit;
                  const theirs = toRowValues(row.indicator, c.current, locale);
                  return (
                    <Paper key={c.key} withBorder radius="sm" p="sm" data-testid="entry-conflict">
                      <Text size="sm" fw={700} mb={6}>
                        {describe(c.key)}
                      </Text>
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                        <Stack gap={4} align="flex-start">
                          <Text size="sm" c="dimmed" fw={600}>
                            {t('entry.mine')}
                          </Text>
                          <Text fw={600} data-testid="conflict-mine" ff="monospace">
                            {shownValue(row.indicator, c.mine, suffix)}
                          </Text>
                          <Button
                            size="xs"
                            variant="filled"
                            onClick={() => resolve(c, 'mine')}
                            loading={mutation.isPending}
                            data-testid="conflict-keep-mine"
                          >
                            {t('entry.keepMine')}
                          </Button>
                        </Stack>
                        <Stack gap={4} align="flex-start">
                          <Text size="sm" c="dimmed" fw={600}>
                            {t('entry.theirs', { version: c.current.version })}
                          </Text>
                          <Text fw={600} data-testid="conflict-theirs" ff="monospace">
                            {shownValue(row.indicator, theirs, suffix)}
                          </Text>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => resolve(c, 'theirs')}
                            data-testid="conflict-take-theirs"
                          >
                            {t('entry.takeTheirs')}
                          </Button>
                        </Stack>
                      </SimpleGrid>
                    </Paper>
                  );
                })}
              </Stack>
            </Alert>
          )}
          {summary && failed && (
            <Alert
              color="red"
              variant="light"
              title={t(failed.title)}
              role="alert"
              data-testid={failed.testId}
            >
              <Text size="sm">
                {summary.message}
                {failed.text && `. ${t(failed.text)}`}
              </Text>
              <IssueList lines={summary.lines} />
            </Alert>
          )}
          {summary?.kind === 'warning' && (
            <Alert
              color="orange"
              variant="light"
              title={t('entry.warningsTitle')}
              role="alert"
              data-testid="entry-warnings"
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('entry.warningsText')}</Text>
                <IssueList lines={summary.lines} />
                <Button
                  color="orange"
                  size="xs"
                  onClick={() => void save(true)}
                  loading={mutation.isPending}
                  data-testid="entry-confirm"
                >
                  {t('entry.confirm')}
                </Button>
              </Stack>
            </Alert>
          )}
          {notice === 'failed' && (
            <Alert color="red" variant="light" role="alert" data-testid="entry-failed">
              {t('entry.failed')}
              {failure && ` (${failure})`}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" c={pending.length > 0 ? 'indigo.8' : 'dimmed'} data-testid="entry-pending">
              {notice === 'nothing'
                ? t('entry.nothingChanged')
                : pending.length === 0
                  ? t('entry.noChanges')
                  : t('entry.changed', { count: pending.length })}
            </Text>
            <Button
              onClick={() => void save(false)}
              loading={mutation.isPending}
              data-testid="entry-save"
              miw={120}
            >
              {t('entry.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

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

function IssueList({ lines }: { lines: string[] }) {
  const shown = lines.slice(0, 5);
  if (shown.length === 0) return null;
  return (
    <List size="sm" spacing={2} mt={4}>
      {shown.map((line, i) => (
        <List.Item key={i}>{line}</List.Item>
      ))}
      {lines.length > shown.length && <List.Item>… (+{lines.length - shown.length})</List.Item>}
    </List>
  );
}

/** The indicators a unit reports: an agency those of the targets it carries, a commune or province all of its level. */
