import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { formatNumber, type Locale } from '../../domain/measure';
import type { AuditEntry, SubmissionStatus } from '../api';
import { useLocalized } from '../i18n';
import { DataTable } from './TableCard';
import { vi } from '../i18n/vi';

type ActionKey = keyof typeof vi.history.actions;
const STATUSES: readonly string[] = ['draft', 'submitted', 'approved', 'accepted'];

function isActionKey(key: string): key is ActionKey {
  return Object.hasOwn(vi.history.actions, key);
}

/** "Nhập số liệu" for observation.record; an unknown action as recorded. */
export function actionLabel(t: TFunction, action: string): string {
  const key = action.replace(/[.-]/g, '_');
  return isActionKey(key) ? t(`history.actions.${key}`) : action;
}

/** Actions the audit page offers as a filter (each has a label in history.actions). */
export const KNOWN_ACTIONS: readonly string[] = [
  'observation.record',
  'submission.submit',
  'submission.approve',
  'submission.accept',
  'submission.return',
  'submission.reopen',
  'submission.bulk-approve',
  'submission.bulk-accept',
  'plan.import',
  'demo.accept',
  'cycles.generate',
  'cycle.update',
  'reminder.due_soon',
  'reminder.overdue',
  'report.draft',
  'report.signed',
  'user.create',
  'password.change',
  'login',
  'login.failed',
  'logout',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** "26/11/2026 21:45:58" in local time: the date first, as both languages read it here. */
function formatTime(at: string): string {
  const d = new Date(at);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A value as compact JSON, shortened for a table cell (the full text goes in the title). */
export function compactJson(value: unknown, max = 140): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface FigureChange {
  key: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

function isFigure(value: unknown): value is FigureChange {
  return typeof value === 'object' && value !== null && 'key' in value && 'value' in value;
}

function isFigureCounts(value: unknown): value is { inserted: number; updated: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'inserted' in value &&
    typeof value.inserted === 'number' &&
    'updated' in value &&
    typeof value.updated === 'number'
  );
}

function figureText(f: FigureChange | undefined, locale: Locale): string {
  if (!f) return '—';
  const value = formatNumber(Math.round(f.value * 100) / 100, locale);
  return f.numerator !== null && f.denominator !== null
    ? `${value} (${formatNumber(f.numerator, locale)}/${formatNumber(f.denominator, locale)})`
    : value;
}

function statusOf(value: unknown): SubmissionStatus | null {
  if (typeof value !== 'object' || value === null || !('status' in value)) return null;
  const status = value.status;
  return typeof status === 'string' && STATUSES.includes(status) ? (status as SubmissionStatus) : null;
}

/**
 * What changed, readably where the shape is known: figures "56,8 (137.382/241.870) → 24,5", statuses
 * "Đã gửi → Đã duyệt"; anything else as compact JSON. `focus` keeps one figure of a batch.
 */
export function changeText(
  t: TFunction,
  entry: AuditEntry,
  locale: Locale,
  focus?: string,
): { text: string; full: string } {
  const full = `${compactJson(entry.before, 2000)} → ${compactJson(entry.after, 2000)}`;
  // A batch's compact row (counts and keys; the values replaced in `before`): its counts.
  if (entry.action === 'observation.record' && isFigureCounts(entry.after)) {
    const { inserted, updated } = entry.after;
    return { text: t('history.figuresWritten', { inserted, updated }), full };
  }
  if (entry.action === 'observation.record' && Array.isArray(entry.after)) {
    const after = entry.after.filter(isFigure).filter((f) => !focus || f.key === focus);
    const before = Array.isArray(entry.before) ? entry.before.filter(isFigure) : [];
    const lines = after.map((f) => {
      const change = `${figureText(
        before.find((b) => b.key === f.key),
        locale,
      )} → ${figureText(f, locale)}`;
      return focus ? change : `${f.key}: ${change}`;
    });
    const shown = lines.slice(0, 3).join('; ');
    return { text: lines.length > 3 ? `${shown}; … (+${lines.length - 3})` : shown, full };
  }
  const before = statusOf(entry.before);
  const after = statusOf(entry.after);
  if (after) {
    const from = before ? t(`workflow.statuses.${before}`) : '—';
    return { text: `${from} → ${t(`workflow.statuses.${after}`)}`, full };
  }
  if (entry.before === null && entry.after === null) return { text: '—', full: '' };
  // Notices (reminders) carry their own sentence.
  if (
    entry.before === null &&
    typeof entry.after === 'object' &&
    entry.after !== null &&
    'message' in entry.after
  ) {
    const message = entry.after.message;
    if (typeof message === 'string') return { text: message, full };
  }
  return { text: `${compactJson(entry.before, 60)} → ${compactJson(entry.after, 100)}`, full };
}

function userText(t: TFunction, entry: AuditEntry): string {
  return !entry.username || entry.username === 'system' ? t('history.system') : entry.username;
}

/** The audit trail as a table: time, user, action, unit, period, before → after, reason. */
export function AuditTable({
  items,
  unitName,
}: {
  items: AuditEntry[];
  unitName?: (code: string) => string;
}) {
  const { t, locale } = useLocalized();
  return (
    <DataTable
      items={items}
      minWidth={980}
      verticalSpacing={6}
      horizontalSpacing="xs"
      striped="even"
      highlightOnHover
      fz="sm"
      data-testid="audit-table"
      columns={[
        { label: t('history.columns.at'), w: 150 },
        { label: t('history.columns.user'), w: 140 },
        { label: t('history.columns.action'), w: 150 },
        { label: t('history.columns.unit'), w: 150 },
        { label: t('history.columns.period'), w: 80 },
        { label: t('history.columns.change') },
        { label: t('history.columns.reason'), w: 180 },
      ]}
    >
      {(entry) => {
        const change = changeText(t, entry, locale);
        return (
          <Table.Tr
            key={entry.id}
            data-testid="audit-row"
            data-action={entry.action}
            style={{ verticalAlign: 'top' }}
          >
            <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              {formatTime(entry.at)}
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {userText(t, entry)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={500}>
                {actionLabel(t, entry.action)}
              </Text>
            </Table.Td>
            <Table.Td>
              {entry.orgUnitCode ? (
                <Text size="sm" title={entry.orgUnitCode}>
                  {unitName?.(entry.orgUnitCode) ?? entry.orgUnitCode}
                </Text>
              ) : (
                t('common.dash')
              )}
            </Table.Td>
            <Table.Td>{entry.period ?? t('common.dash')}</Table.Td>
            <Table.Td>
              <Text size="xs" ff="monospace" title={change.full} style={{ wordBreak: 'break-word' }}>
                {change.text}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ textWrap: 'pretty' }}>
                {entry.reason ?? t('common.dash')}
              </Text>
            </Table.Td>
          </Table.Tr>
        );
      }}
    </DataTable>
  );
}

/** The same rows as cards, narrow enough for a drawer; `focus` is the figure the drawer is about. */
export function AuditTimeline({ items, focus }: { items: AuditEntry[]; focus?: string }) {
  const { t, locale } = useLocalized();
  if (items.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  return (
    <Stack gap="sm" data-testid="history-list">
      {items.map((entry) => {
        const change = changeText(t, entry, locale, focus);
        return (
          <Paper key={entry.id} withBorder radius="md" p="sm" data-testid="history-item">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Badge variant="light" radius="sm" tt="none">
                {actionLabel(t, entry.action)}
              </Badge>
              <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatTime(entry.at)}
              </Text>
            </Group>
            <Text size="sm" mt={6}>
              <Text span inherit c="dimmed">
                {t('history.columns.user')}:{' '}
              </Text>
              <Text span inherit ff="monospace">
                {userText(t, entry)}
              </Text>
              {entry.period && (
                <Text span inherit c="dimmed">
                  {' · '}
                  {t('history.columns.period')} {entry.period}
                </Text>
              )}
            </Text>
            {change.text !== '—' && (
              <Text size="sm" ff="monospace" mt={4} title={change.full} style={{ wordBreak: 'break-word' }}>
                {change.text}
              </Text>
            )}
            {entry.reason && (
              <Text size="sm" mt={4} fs="italic">
                {t('history.columns.reason')}: {entry.reason}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
