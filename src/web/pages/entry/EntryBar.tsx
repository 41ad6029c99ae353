import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/ConflictAlert';
import { FeedbackAlert } from '../../components/FeedbackAlert';
import type { Conflict, RowValues } from './entry-rows';
import type { EntryState, SummaryKind } from './entry-state';

/** The red alert shown when a save was refused as a whole, by why (warnings have their own, with a confirm). */
const FAILED_SUMMARY = {
  locked: { title: 'entry.lockedTitle', text: 'entry.lockedText', testId: 'entry-locked' },
  forbidden: { title: 'entry.forbiddenTitle', text: null, testId: 'entry-forbidden' },
  error: { title: 'entry.errorsTitle', text: 'entry.errorsText', testId: 'entry-errors' },
} as const satisfies Record<Exclude<SummaryKind, 'warning'>, object>;

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

/** How a conflicting figure reads, side by side: "12 / 40 = 30%" for parts, "30%" for a value. */
export type ShowFigure = (key: string, values: RowValues) => string;

/** One figure someone else saved meanwhile: the user's value and theirs, and a button to keep either. */
function ConflictChoice({
  conflict,
  label,
  show,
  theirs,
  busy,
  onChoose,
}: {
  conflict: Conflict;
  label: string;
  show: ShowFigure;
  theirs: RowValues;
  busy: boolean;
  onChoose: (choice: 'mine' | 'theirs') => void;
}) {
  const { t } = useTranslation();
  const sides = [
    {
      choice: 'mine',
      heading: t('entry.mine'),
      values: conflict.mine,
      action: t('entry.keepMine'),
      variant: 'filled',
      loading: busy,
    },
    {
      choice: 'theirs',
      heading: t('entry.theirs', { version: conflict.current.version }),
      values: theirs,
      action: t('entry.takeTheirs'),
      variant: 'default',
      loading: false,
    },
  ] as const;
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="entry-conflict">
      <Text size="sm" fw={700} mb={6}>
        {label}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {sides.map((side) => (
          <Stack key={side.choice} gap={4} align="flex-start">
            <Text size="sm" c="dimmed" fw={600}>
              {side.heading}
            </Text>
            <Text fw={600} data-testid={`conflict-${side.choice}`} ff="monospace">
              {show(conflict.key, side.values)}
            </Text>
            <Button
              size="xs"
              variant={side.variant}
              onClick={() => onChoose(side.choice)}
              loading={side.loading}
              data-testid={side.choice === 'mine' ? 'conflict-keep-mine' : 'conflict-take-theirs'}
            >
              {side.action}
            </Button>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/**
 * The bar at the bottom of the form: what the last save said (saved, conflicts to settle, refusals, warnings to
 * confirm), how many figures changed, and the save button.
 */
export function EntryBar({
  state,
  pending,
  saved,
  busy,
  describe,
  show,
  theirsOf,
  onDismissSaved,
  onSave,
  onResolve,
}: {
  state: EntryState;
  pending: number;
  saved: number | null;
  busy: boolean;
  describe: (key: string) => string;
  show: ShowFigure;
  theirsOf: (conflict: Conflict) => RowValues;
  onDismissSaved: () => void;
  onSave: (acknowledgeWarnings: boolean) => void;
  onResolve: (conflict: Conflict, choice: 'mine' | 'theirs') => void;
}) {
  const { t } = useTranslation();
  const { summary, conflicts, notice, failure } = state;
  const failed = summary && summary.kind !== 'warning' ? FAILED_SUMMARY[summary.kind] : null;
  return (
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
          <FeedbackAlert ok title={t('entry.savedTitle')} testId="entry-success" onClose={onDismissSaved}>
            {t('entry.saved', { count: saved })}
          </FeedbackAlert>
        )}
        {conflicts.length > 0 && (
          <ConflictAlert
            title={t('entry.conflictsTitle')}
            message={t('entry.conflictsText')}
            testId="entry-conflicts"
          >
            {conflicts.map((c) => (
              <ConflictChoice
                key={c.key}
                conflict={c}
                label={describe(c.key)}
                show={show}
                theirs={theirsOf(c)}
                busy={busy}
                onChoose={(choice) => onResolve(c, choice)}
              />
            ))}
          </ConflictAlert>
        )}
        {summary && failed && (
          <Alert color="red" variant="light" title={t(failed.title)} role="alert" data-testid={failed.testId}>
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
                onClick={() => onSave(true)}
                loading={busy}
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
          <Text size="sm" c={pending > 0 ? 'indigo.8' : 'dimmed'} data-testid="entry-pending">
            {notice === 'nothing'
              ? t('entry.nothingChanged')
              : pending === 0
                ? t('entry.noChanges')
                : t('entry.changed', { count: pending })}
          </Text>
          <Button onClick={() => onSave(false)} loading={busy} data-testid="entry-save" miw={120}>
            {t('entry.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
