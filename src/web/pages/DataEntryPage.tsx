import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Drawer,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  type TextInputProps,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Action } from '../../domain/permissions';
import { parseLocaleNumber } from '../../domain/locale-number';
import { formatNumber, type Locale, type MeasureUnit } from '../../domain/measure';
import { parsePeriod } from '../../domain/period';
import {
  ApiError,
  observationKey,
  queries,
  recordObservations,
  type ApiIssue,
  type IndicatorView,
  type ObservationRow,
  type ObservationView,
  type OrgUnitDetail,
  type SessionUser,
} from '../api';
import { AuditTimeline } from '../components/AuditTable';
import { WorkflowIcon } from '../components/Icons';
import { OrgKindBadge } from '../components/OrgKindBadge';
import { Loading, QueryError } from '../components/QueryState';
import { RequireLogin } from '../components/RequireLogin';
import { useLocale } from '../i18n';
import { allows, ancestryOf } from '../session';
import { periodText } from '../status';

const SEXES = ['total', 'female', 'male'] as const;
type Sex = (typeof SEXES)[number];
type Field = 'numerator' | 'denominator' | 'value';
const FIELDS: readonly string[] = ['numerator', 'denominator', 'value'] satisfies Field[];

interface RowDef {
  key: string;
  indicator: IndicatorView;
  period: string;
  sex: Sex;
}
type RowValues = Record<Field, string>;
/** Messages by row key, then by field ("row" for the row as a whole: period, sex, unit, indicator). */
type Messages = Record<string, Partial<Record<Field | 'row', string[]>>>;

const EMPTY: RowValues = { numerator: '', denominator: '', value: '' };
const unitPath = (code: string) => `/org-units/${encodeURIComponent(code)}`;

function hasParts(indicator: IndicatorView): boolean {
  return indicator.numeratorVi !== null && indicator.denominatorVi !== null && indicator.multiplier !== null;
}

/** The periods of one reporting year for an indicator: 2025, or 2025-Q1 … 2025-Q4. */
function periodsOf(indicator: IndicatorView, year: number): string[] {
  switch (indicator.periodType) {
    case 'year':
      return [String(year)];
    case 'half':
      return [`${year}-H1`, `${year}-H2`];
    case 'quarter':
      return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
    case 'month':
      return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  }
}

function rowsOf(indicator: IndicatorView, year: number): RowDef[] {
  const sexes: readonly Sex[] = indicator.disaggregations.includes('sex') ? SEXES : ['total'];
  return periodsOf(indicator, year).flatMap((period) =>
    sexes.map((sex) => ({ key: `${indicator.code}|${period}|${sex}`, indicator, period, sex })),
  );
}

/** Test id of a row: entry-row-BDG-03-total, or entry-row-BDG-22-total-Q1 for a part of the year. */
function rowTestId(row: RowDef): string {
  const part = row.period.includes('-') ? `-${row.period.split('-')[1]}` : '';
  return `entry-row-${row.indicator.code}-${row.sex}${part}`;
}

const byCode = (a: IndicatorView, b: IndicatorView) => a.code.localeCompare(b.code, 'en', { numeric: true });

/** The stored figure of each row (the whole group: no age group, ethnicity or area), by row key. */
function storedByRow(
  rows: readonly RowDef[],
  stored: readonly ObservationView[],
): Map<string, ObservationView> {
  const found = new Map<string, ObservationView>();
  for (const row of rows) {
    const o = stored.find(
      (s) =>
        s.indicator === row.indicator.code &&
        s.period === row.period &&
        s.sex === row.sex &&
        s.ageGroup === '' &&
        s.ethnicity === '' &&
        s.area === '',
    );
    if (o) found.set(row.key, o);
  }
  return found;
}

/** A stored figure as the text a person would type in the UI's language: its parts when it has them. */
function toRowValues(
  indicator: IndicatorView,
  o: { value: number; numerator: number | null; denominator: number | null },
  locale: Locale,
): RowValues {
  if (hasParts(indicator) && o.numerator !== null && o.denominator !== null)
    return {
      numerator: formatNumber(o.numerator, locale),
      denominator: formatNumber(o.denominator, locale),
      value: '',
    };
  return { numerator: '', denominator: '', value: formatNumber(o.value, locale) };
}

/** Figures already stored, as the text a person would type in the UI's language. */
function initialValues(
  rows: readonly RowDef[],
  stored: ReadonlyMap<string, ObservationView>,
  locale: Locale,
) {
  const values: Record<string, RowValues> = {};
  for (const row of rows) {
    const o = stored.get(row.key);
    values[row.key] = o ? toRowValues(row.indicator, o, locale) : EMPTY;
  }
  return values;
}

/** The current figure a 409 answer carries for a row someone else changed meanwhile. */
interface Current {
  value: number;
  numerator: number | null;
  denominator: number | null;
  version: number;
}

function isCurrent(value: unknown): value is Current {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { value?: unknown }).value === 'number' &&
    typeof (value as { version?: unknown }).version === 'number'
  );
}

interface Conflict {
  key: string;
  mine: RowValues;
  current: Current;
}

/** A province-level figure that the agency providing it may report: the province itself or that agency. */
interface Provider {
  code: string;
  name: string;
}

const partsActive = (v: RowValues) => v.numerator.trim() !== '' || v.denominator.trim() !== '';
const filled = (v: RowValues) => partsActive(v) || v.value.trim() !== '';
function changed(a: RowValues, b: RowValues): boolean {
  if (partsActive(a) || partsActive(b))
    return a.numerator.trim() !== b.numerator.trim() || a.denominator.trim() !== b.denominator.trim();
  return a.value.trim() !== b.value.trim();
}

/** value = numerator / denominator × multiplier, as the server computes it; null until both parse. */
function computedValue(indicator: IndicatorView, v: RowValues, locale: Locale): string {
  const n = parseLocaleNumber(v.numerator, locale);
  const d = parseLocaleNumber(v.denominator, locale);
  if (n === null || d === null || d <= 0 || indicator.multiplier === null) return '';
  return formatNumber(Math.round((n / d) * indicator.multiplier * 1000) / 1000, locale);
}

function unitSuffix(unit: MeasureUnit, times: string, locale: Locale): string {
  switch (unit) {
    case '%':
      return '%';
    case 'times':
      return times;
    case 'per100':
      return `/${formatNumber(100, locale)}`;
    case 'per1000':
      return `/${formatNumber(1000, locale)}`;
    case 'per100000':
      return `/${formatNumber(100000, locale)}`;
    default:
      return '';
  }
}

function isMeasureUnit(unit: string): unit is MeasureUnit {
  return ['%', 'times', 'per100', 'per1000', 'per100000', 'count', 'milestone'].includes(unit);
}

function groupIssues(
  issues: readonly ApiIssue[],
  sent: readonly string[],
): { byRow: Messages; loose: string[] } {
  const byRow: Messages = {};
  const loose: string[] = [];
  for (const issue of issues) {
    const key = issue.line !== undefined ? sent[issue.line - 1] : undefined;
    if (!key) {
      loose.push(issue.message);
      continue;
    }
    const field = issue.column && FIELDS.includes(issue.column) ? (issue.column as Field) : 'row';
    const row = (byRow[key] ??= {});
    (row[field] ??= []).push(issue.message);
  }
  return { byRow, loose };
}

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

function EntryForm({
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
          {summary?.kind === 'locked' && (
            <Alert
              color="red"
              variant="light"
              title={t('entry.lockedTitle')}
              role="alert"
              data-testid="entry-locked"
            >
              <Text size="sm">
                {summary.message}. {t('entry.lockedText')}
              </Text>
              <IssueList lines={summary.lines} />
            </Alert>
          )}
          {summary?.kind === 'forbidden' && (
            <Alert
              color="red"
              variant="light"
              title={t('entry.forbiddenTitle')}
              role="alert"
              data-testid="entry-forbidden"
            >
              <Text size="sm">{summary.message}</Text>
              <IssueList lines={summary.lines} />
            </Alert>
          )}
          {summary?.kind === 'error' && (
            <Alert
              color="red"
              variant="light"
              title={t('entry.errorsTitle')}
              role="alert"
              data-testid="entry-errors"
            >
              <Text size="sm">
                {summary.message}. {t('entry.errorsText')}
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
function useOwedIndicators(unit: OrgUnitDetail) {
  const indicators = useQuery(queries.indicators());
  const assignments = useQuery({ ...queries.orgUnitAssignments(unit.code), enabled: unit.kind === 'agency' });
  const { owed, elsewhere } = useMemo(() => {
    if (!indicators.data) return { owed: undefined, elsewhere: [] };
    const ofKind = indicators.data.items.filter((i) => i.unitKinds.includes(unit.kind));
    if (unit.kind !== 'agency') return { owed: ofKind.sort(byCode), elsewhere: [] };
    if (!assignments.data) return { owed: undefined, elsewhere: [] };
    const codes = new Set(
      assignments.data.items.flatMap((a) =>
        a.target.measures.flatMap((m) => (m.indicator ? [m.indicator] : [])),
      ),
    );
    const ofTargets = indicators.data.items.filter((i) => codes.has(i.code)).sort(byCode);
    return {
      owed: ofTargets.filter((i) => i.unitKinds.includes('agency')),
      // Indicators of the agency's targets that a province or commune reports, not the agency itself.
      elsewhere: ofTargets.filter((i) => !i.unitKinds.includes('agency')),
    };
  }, [indicators.data, assignments.data, unit.kind]);
  const error = indicators.error ?? assignments.error;
  const retry = () => {
    void indicators.refetch();
    if (unit.kind === 'agency') void assignments.refetch();
  };
  return { owed, elsewhere, error, retry };
}

function useYears(): number[] {
  const plans = useQuery(queries.plans());
  const thisYear = new Date().getFullYear();
  const items = plans.data?.items ?? [];
  // Figures reach back five years before a plan starts: the baseline progress is measured from.
  const from = items.length > 0 ? Math.min(...items.map((p) => p.document.period.from)) - 5 : thisYear - 5;
  const to = items.length > 0 ? Math.max(...items.map((p) => p.document.period.to)) : thisYear;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Province-level indicators with a provider agency in this province, which may report them itself. */
function useProviders(
  unit: OrgUnitDetail,
  indicators: IndicatorView[] | undefined,
): { providers: Map<string, Provider>; pending: boolean } {
  const children = useQuery({ ...queries.orgUnitChildren(unit.code), enabled: unit.kind === 'province' });
  const providers = useMemo(() => {
    const found = new Map<string, Provider>();
    if (unit.kind !== 'province' || !children.data) return found;
    const agencies = new Map(children.data.items.filter((c) => c.kind === 'agency').map((c) => [c.code, c]));
    for (const indicator of indicators ?? []) {
      if (!indicator.providerAbbr) continue;
      const agency = agencies.get(`${unit.code}-${indicator.providerAbbr}`);
      if (agency) found.set(indicator.code, { code: agency.code, name: agency.name });
    }
    return found;
  }, [unit, indicators, children.data]);
  // Without the agencies the reporting-unit choice cannot be offered; a failed lookup just leaves it out.
  return { providers, pending: unit.kind === 'province' && children.isPending };
}

/** The history of one figure, newest first, in a drawer beside the form. */
function HistoryDrawer({
  row,
  onClose,
}: {
  row: { key: string; label: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useQuery({ ...queries.observationHistory(row?.key ?? ''), enabled: row !== null });
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={<Text fw={700}>{t('entry.historyOf', { label: row?.label ?? '' })}</Text>}
      data-testid="history-drawer"
    >
      {row && (
        <Stack gap="sm">
          <Text size="xs" c="dimmed" ff="monospace">
            {row.key}
          </Text>
          {history.isPending ? (
            <Loading />
          ) : history.error ? (
            <QueryError error={history.error} onRetry={() => void history.refetch()} />
          ) : (
            <AuditTimeline items={history.data.items} focus={row.key} />
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function EntryView({ unit, user }: { unit: OrgUnitDetail; user: SessionUser }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const years = useYears();
  const thisYear = new Date().getFullYear();
  const year = parsePeriod(params.get('period') ?? '')?.year ?? thisYear - 1;
  const yearOptions = [...new Set([...years, year])].sort((a, b) => b - a).map(String);
  const [saved, setSaved] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const [historyRow, setHistoryRow] = useState<{ key: string; label: string } | null>(null);
  useDocumentTitle(`${t('entry.title')} · ${unit.name} · ${t('app.name')}`);

  const { owed, elsewhere, error, retry } = useOwedIndicators(unit);
  const { providers, pending: providersPending } = useProviders(unit, owed);
  const plans = useQuery(queries.plans());
  const unitAncestry = ancestryOf(unit);
  // Someone who may write neither for the unit nor as the provider of one of its figures only reads here.
  const readOnly =
    !allows(user.grants, 'observation.write', unitAncestry) &&
    ![...providers.values()].some((p) => allows(user.grants, 'observation.write', [p.code, ...unitAncestry]));
  const province = unit.ancestors.find((a) => a.kind === 'province');
  const periods = useMemo(() => [...new Set((owed ?? []).flatMap((i) => periodsOf(i, year)))], [owed, year]);
  const observations = useQueries({
    queries: periods.map((p) => queries.observations(unit.code, p)),
    combine: (results) => ({
      items: results.flatMap((r) => r.data?.items ?? []),
      pending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => Promise.all(results.map((r) => r.refetch())),
    }),
  });

  const onSaved = async (count: number) => {
    // Progress depends on every figure; the figures of this unit are shown again as stored.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['observations', unit.code] }),
      queryClient.invalidateQueries({ queryKey: ['progress'] }),
      queryClient.invalidateQueries({ queryKey: ['submissions'] }),
      queryClient.invalidateQueries({ queryKey: ['history'] }),
    ]);
    setSaved(count);
    setGeneration((g) => g + 1);
  };

  let body;
  if (unit.kind === 'nation') body = <Text c="dimmed">{t('entry.notReporting')}</Text>;
  else if (error) body = <QueryError error={error} onRetry={retry} />;
  else if (!owed) body = <Loading />;
  else if (owed.length === 0)
    body = <Text c="dimmed">{unit.kind === 'agency' ? t('entry.noneAgency') : t('entry.none')}</Text>;
  else if (observations.error)
    body = <QueryError error={observations.error} onRetry={() => void observations.refetch()} />;
  else if (observations.pending) body = <Loading />;
  else if (providersPending) body = <Loading />;
  else
    body = (
      <EntryForm
        key={`${year}-${locale}-${generation}`}
        unit={unit}
        user={user}
        providers={providers}
        onHistory={setHistoryRow}
        indicators={owed}
        year={year}
        stored={observations.items}
        saved={saved}
        onSaved={onSaved}
        onDismissSaved={() => setSaved(null)}
      />
    );

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Breadcrumbs
          component="nav"
          aria-label={t('common.breadcrumb')}
          data-testid="breadcrumb"
          separatorMargin={6}
          style={{ flexWrap: 'wrap' }}
        >
          <Anchor component={Link} to="/org-units" size="sm">
            {t('nav.orgUnits')}
          </Anchor>
          {unit.ancestors.map((a) => (
            <Anchor key={a.code} component={Link} to={unitPath(a.code)} size="sm">
              {a.name}
            </Anchor>
          ))}
          <Anchor component={Link} to={unitPath(unit.code)} size="sm">
            {unit.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('entry.title')}
          </Text>
        </Breadcrumbs>
        <Group gap="sm" align="center">
          <Title order={1}>{t('entry.heading', { name: unit.name })}</Title>
          <OrgKindBadge kind={unit.kind} />
        </Group>
        <Group align="flex-end" gap="lg">
          <Select
            label={t('entry.period')}
            data={yearOptions}
            value={String(year)}
            onChange={(v) => {
              if (!v) return;
              setSaved(null);
              setParams({ period: v });
            }}
            allowDeselect={false}
            w={160}
            data-testid="entry-period"
          />
          {owed && owed.length > 0 && (
            <Text size="sm" c="dimmed" pb={8}>
              {t('entry.count', { count: owed.length })}
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('entry.hint')}
        </Text>
        {!readOnly && (plans.data?.items.length ?? 0) > 0 && (
          <Group gap="xs" data-testid="entry-workflow">
            <Text size="sm" c="dimmed">
              {t('entry.workflow')}
            </Text>
            {plans.data?.items.map((plan) => (
              <Button
                key={plan.id}
                component={Link}
                to={`/plans/${plan.id}/submissions?period=${year}`}
                size="compact-sm"
                variant="light"
                leftSection={<WorkflowIcon />}
                title={plan.document.title}
              >
                {t('workflow.open')}
                {(plans.data?.items.length ?? 0) > 1 &&
                  ` · ${plan.document.number ?? ''}/${plan.document.symbol ?? ''}`}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      {readOnly && (
        <Alert color="gray" variant="light" data-testid="entry-readonly-all">
          {t('entry.readOnlyAll')}
        </Alert>
      )}
      {elsewhere.length > 0 && (
        <Alert color="blue" variant="light" data-testid="entry-elsewhere">
          <Text size="sm">
            {t('entry.elsewhere', { codes: elsewhere.map((i) => i.code).join(', ') })}
            {province && (
              <>
                {' '}
                <Anchor component={Link} to={`${unitPath(province.code)}/entry?period=${year}`} inherit>
                  {t('entry.elsewhereLink', { name: province.name })}
                </Anchor>
              </>
            )}
          </Text>
        </Alert>
      )}
      {body}
      <HistoryDrawer row={historyRow} onClose={() => setHistoryRow(null)} />
    </Stack>
  );
}

function EntryQuery({ code, user }: { code: string; user: SessionUser }) {
  const { data, error, isPending, refetch } = useQuery(queries.orgUnit(code));
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return <EntryView key={data.code} unit={data} user={user} />;
}

/**
 * Figures of one unit for one year: every indicator it owes, by sex, validated by the server on save.
 * Signed-in users only; each figure shows whether the province has accepted it, and its history.
 */
export function DataEntryPage() {
  const { code = '' } = useParams();
  return <RequireLogin>{(user) => <EntryQuery code={code} user={user} />}</RequireLogin>;
}
