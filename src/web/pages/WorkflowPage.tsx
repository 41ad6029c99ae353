import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  type MantineColor,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  needsComment,
  nextStatus,
  SUBMISSION_STATUSES,
  TRANSITION_ACTION,
  TRANSITIONS,
  type CommentTransition,
} from '../../domain/workflow';
import {
  ApiError,
  bulkTransition,
  historyKeys,
  observationKeys,
  progressKeys,
  queries,
  submissionKeys,
  transitionSubmission,
  type OrgUnitDetail,
  type PlanDetail,
  type SessionUser,
  type SubmissionItem,
  type SubmissionStatus,
  type Transition,
  isUuid,
} from '../api';
import { FeedbackAlert } from '../components/FeedbackAlert';
import { ModalForm } from '../components/ModalForm';
import { PlanPageHeader } from '../components/PlanPageHeader';
import { Loading, NotFound, QueryError, QueryView } from '../components/QueryState';
import { RequireLogin } from '../components/RequireLogin';
import { SUBMISSION_COLOR, SubmissionStatusBadge } from '../components/SubmissionStatusBadge';
import { TableCard } from '../components/TableCard';
import { YearSelect } from '../components/YearSelect';
import { allows, ancestryOf } from '../session';

const ALL = 'all';

const BUTTON: Record<Transition, { color: MantineColor; variant: 'filled' | 'light' }> = {
  submit: { color: 'blue', variant: 'filled' },
  approve: { color: 'violet', variant: 'filled' },
  accept: { color: 'teal', variant: 'filled' },
  return: { color: 'orange', variant: 'light' },
  reopen: { color: 'gray', variant: 'light' },
};

/** The bulk steps: approve what was submitted, accept what was approved. */
const BULK = [
  { transition: 'approve', status: 'approved', label: 'workflow.bulkApprove' },
  { transition: 'accept', status: 'accepted', label: 'workflow.bulkAccept' },
] as const;

type Feedback = { kind: 'success' | 'error'; title?: string; text: string };

/** The years a plan's figures are reported for: from the baseline (five years before it starts) to its end. */
function yearsOf(plan: PlanDetail): string[] {
  const { from, to } = plan.document.period;
  return Array.from({ length: to - from + 6 }, (_, i) => String(to - i));
}

function errorText(err: unknown, fallback: string): string {
  if (!(err instanceof ApiError)) return fallback;
  const details = err.issues.map((i) => i.message).filter((m) => m !== err.message);
  return [err.message, ...details].join(' — ');
}

interface WorkflowProps {
  plan: PlanDetail;
  issuer: OrgUnitDetail;
  user: SessionUser;
}

function Workflow({ plan, issuer, user }: WorkflowProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const years = yearsOf(plan);
  const thisYear = String(new Date().getFullYear() - 1);
  const requested = params.get('period');
  const period =
    requested && /^\d{4}$/.test(requested) ? requested : years.includes(thisYear) ? thisYear : years[0]!;
  const submissions = useQuery(queries.submissions(plan.id, period));
  const [filter, setFilter] = useState<string>(ALL);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [commenting, setCommenting] = useState<{ transition: CommentTransition; row: SubmissionItem } | null>(
    null,
  );
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  const issuerAncestry = useMemo(() => ancestryOf(issuer), [issuer]);
  // Agencies and communes sit directly under their province; the server checks again in any case.
  const ancestry = (code: string) => (code === issuer.code ? issuerAncestry : [code, ...issuerAncestry]);
  const allowed = (row: SubmissionItem, tr: Transition) =>
    nextStatus(row.status, tr) !== null && allows(user.grants, TRANSITION_ACTION[tr], ancestry(row.orgUnit));

  const items = useMemo(() => submissions.data?.items ?? [], [submissions.data]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const item of items) c[item.status] = (c[item.status] ?? 0) + 1;
    return c;
  }, [items]);
  const shown = filter === ALL ? items : items.filter((i) => i.status === filter);
  const bulkable = (row: SubmissionItem) => allowed(row, 'approve') || allowed(row, 'accept');
  const anyBulk = items.some(bulkable);
  const chosen = items.filter((i) => selected.has(i.orgUnit));
  const canBulk = (tr: 'approve' | 'accept') => chosen.length > 0 && chosen.every((row) => allowed(row, tr));

  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: submissionKeys.plan(plan.id) }),
      client.invalidateQueries({ queryKey: progressKeys.all }),
      client.invalidateQueries({ queryKey: observationKeys.all }),
      client.invalidateQueries({ queryKey: historyKeys.all }),
    ]);

  const single = useMutation({
    mutationFn: (v: { transition: Transition; row: SubmissionItem; comment?: string }) =>
      transitionSubmission(v.transition, {
        planId: plan.id,
        orgUnit: v.row.orgUnit,
        period,
        version: v.row.version,
        ...(v.comment ? { comment: v.comment } : {}),
      }),
  });
  const bulk = useMutation({
    mutationFn: (v: { transition: 'approve' | 'accept'; units: string[] }) =>
      bulkTransition(v.transition, { planId: plan.id, period, units: v.units }),
  });

  async function run(transition: Transition, row: SubmissionItem, text?: string) {
    setFeedback(null);
    try {
      await single.mutateAsync({ transition, row, ...(text ? { comment: text } : {}) });
      setCommenting(null);
      setFeedback({ kind: 'success', text: t(`workflow.done.${transition}`, { name: row.orgUnitName }) });
      setSelected((s) => {
        const next = new Set(s);
        next.delete(row.orgUnit);
        return next;
      });
    } catch (err) {
      const commentIssue =
        err instanceof ApiError ? err.issues.find((i) => i.path.endsWith('comment')) : undefined;
      if (commenting && commentIssue) {
        setCommentError(commentIssue.message);
        return;
      }
      setCommenting(null);
      setFeedback({
        kind: 'error',
        title: `${t('workflow.failed')}: ${t(`workflow.actions.${transition}`)} · ${row.orgUnitName}`,
        text: errorText(err, t('common.error')),
      });
    }
    await refresh();
  }

  async function runBulk(transition: 'approve' | 'accept') {
    setFeedback(null);
    const units = chosen.map((c) => c.orgUnit);
    try {
      const result = await bulk.mutateAsync({ transition, units });
      setSelected(new Set());
      setFeedback({
        kind: 'success',
        text: t(transition === 'approve' ? 'workflow.bulkApproved' : 'workflow.bulkAccepted', {
          count: result.items.length,
        }),
      });
    } catch (err) {
      setFeedback({
        kind: 'error',
        title: `${t('workflow.failed')}: ${t(transition === 'approve' ? 'workflow.bulkApprove' : 'workflow.bulkAccept')}`,
        text: errorText(err, t('common.error')),
      });
    }
    await refresh();
  }

  const toggle = (code: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  const eligible = shown.filter(bulkable);
  const allChecked = eligible.length > 0 && eligible.every((r) => selected.has(r.orgUnit));
  const busy = single.isPending || bulk.isPending;

  const rowActions = (row: SubmissionItem) => {
    const actions = TRANSITIONS.filter((tr) => allowed(row, tr));
    if (actions.length === 0)
      return (
        <Text size="xs" c="dimmed">
          {t('workflow.noActions')}
        </Text>
      );
    return (
      <Group gap={6}>
        {actions.map((tr) => (
          <Button
            key={tr}
            size="compact-sm"
            color={BUTTON[tr].color}
            variant={BUTTON[tr].variant}
            disabled={busy}
            loading={
              single.isPending &&
              single.variables?.row.orgUnit === row.orgUnit &&
              single.variables.transition === tr
            }
            data-testid={`action-${tr}`}
            onClick={() => {
              if (needsComment(tr)) {
                setComment('');
                setCommentError(null);
                setCommenting({ transition: tr, row });
              } else void run(tr, row);
            }}
          >
            {t(`workflow.actions.${tr}`)}
          </Button>
        ))}
      </Group>
    );
  };

  const table = (
    <QueryView query={submissions}>
      {() => (
        <TableCard
          items={shown}
          empty={items.length === 0 ? t('workflow.empty', { year: period }) : undefined}
          emptyTestId="workflow-empty"
          minWidth={900}
          data-testid="workflow-table"
          columns={[
            anyBulk && {
              w: 44,
              label: (
                <Checkbox
                  aria-label={t('workflow.selectAll')}
                  checked={allChecked}
                  indeterminate={!allChecked && eligible.some((r) => selected.has(r.orgUnit))}
                  disabled={eligible.length === 0}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setSelected(new Set(on ? eligible.map((r) => r.orgUnit) : []));
                  }}
                />
              ),
            },
            { label: t('workflow.columns.unit') },
            { label: t('workflow.columns.status'), w: 140 },
            { label: t('workflow.columns.figures'), w: 90, ta: 'right' },
            { label: t('workflow.columns.comment') },
            { label: t('workflow.columns.actions'), w: 300 },
          ]}
        >
          {(row) => (
            <Table.Tr
              key={row.orgUnit}
              data-testid={`submission-row-${row.orgUnit}`}
              bg={selected.has(row.orgUnit) ? 'indigo.0' : undefined}
            >
              {anyBulk && (
                <Table.Td>
                  {bulkable(row) && (
                    <Checkbox
                      aria-label={t('workflow.selectRow', { name: row.orgUnitName })}
                      checked={selected.has(row.orgUnit)}
                      onChange={(e) => toggle(row.orgUnit, e.currentTarget.checked)}
                      data-testid="submission-select"
                    />
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/org-units/${encodeURIComponent(row.orgUnit)}/entry?period=${period}`}
                  fw={500}
                  size="sm"
                  title={t('workflow.enter')}
                >
                  {row.orgUnitName}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {row.orgUnit}
                </Text>
              </Table.Td>
              <Table.Td>
                <SubmissionStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.figures}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.lastComment ? undefined : 'dimmed'} lineClamp={2}>
                  {row.lastComment ?? t('common.dash')}
                </Text>
              </Table.Td>
              <Table.Td>{rowActions(row)}</Table.Td>
            </Table.Tr>
          )}
        </TableCard>
      )}
    </QueryView>
  );

  return (
    <Stack gap="lg">
      <PlanPageHeader plan={plan} title={t('workflow.title')} description={t('workflow.description')}>
        <Group gap={6} aria-hidden="true">
          {SUBMISSION_STATUSES.map((s, i) => (
            <Group key={s} gap={6} wrap="nowrap">
              {i > 0 && (
                <Text c="dimmed" size="sm">
                  →
                </Text>
              )}
              <SubmissionStatusBadge status={s} />
            </Group>
          ))}
        </Group>
      </PlanPageHeader>

      <Group align="flex-end" gap="lg">
        <YearSelect
          label={t('workflow.period')}
          years={[...new Set([...years, period])].sort().reverse()}
          value={period}
          onChange={(v) => {
            setSelected(new Set());
            setFeedback(null);
            setParams({ period: v });
          }}
          testId="workflow-period"
        />
        {items.length > 0 && (
          <SegmentedControl
            value={filter}
            onChange={setFilter}
            data-testid="workflow-filter"
            data={[
              { value: ALL, label: `${t('dashboard.all')} (${items.length})` },
              ...SUBMISSION_STATUSES.filter((s) => counts[s]).map((s: SubmissionStatus) => ({
                value: s,
                label: `${t(`workflow.statuses.${s}`)} (${counts[s]})`,
              })),
            ]}
          />
        )}
      </Group>

      {feedback && (
        <FeedbackAlert
          ok={feedback.kind === 'success'}
          title={feedback.title}
          onClose={() => setFeedback(null)}
          testId={feedback.kind === 'success' ? 'workflow-success' : 'workflow-error'}
        >
          {feedback.text}
        </FeedbackAlert>
      )}

      {anyBulk && (
        <Paper withBorder radius="md" p="sm" bg="gray.0" data-testid="bulk-bar">
          <Group justify="space-between" gap="sm">
            <Text size="sm" c={chosen.length > 0 ? 'indigo.8' : 'dimmed'} fw={chosen.length > 0 ? 600 : 400}>
              {chosen.length > 0
                ? t('workflow.selected', { count: chosen.length })
                : t('workflow.selectHint')}
            </Text>
            <Group gap="sm">
              {BULK.map((b) => (
                <Button
                  key={b.transition}
                  color={SUBMISSION_COLOR[b.status]}
                  disabled={!canBulk(b.transition) || busy}
                  loading={bulk.isPending && bulk.variables?.transition === b.transition}
                  onClick={() => void runBulk(b.transition)}
                  data-testid={`bulk-${b.transition}`}
                >
                  {t(b.label)}
                </Button>
              ))}
            </Group>
          </Group>
        </Paper>
      )}

      {table}

      {commenting && (
        <ModalForm
          opened
          onClose={() => setCommenting(null)}
          title={t(`workflow.commentTitle.${commenting.transition}`, { name: commenting.row.orgUnitName })}
          size="lg"
          noValidate={false}
          onSubmit={() => {
            if (!comment.trim()) {
              setCommentError(t('workflow.commentRequired'));
              return;
            }
            void run(commenting.transition, commenting.row, comment.trim());
          }}
          actions={{
            submit: t(`workflow.actions.${commenting.transition}`),
            submitTestId: 'comment-confirm',
            submitColor: BUTTON[commenting.transition].color,
            disabled: !comment.trim(),
            loading: single.isPending,
            cancel: t('workflow.cancel'),
          }}
        >
          <Text size="sm">{t(`workflow.commentText.${commenting.transition}`)}</Text>
          <Textarea
            label={t('workflow.commentLabel')}
            placeholder={t('workflow.commentPlaceholder')}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setCommentError(null);
            }}
            error={commentError}
            autosize
            minRows={3}
            maxLength={2000}
            required
            data-autofocus
            data-testid="comment-input"
          />
        </ModalForm>
      )}
    </Stack>
  );
}

function WorkflowQuery({ id, user }: { id: string; user: SessionUser }) {
  const plan = useQuery(queries.plan(id));
  const issuerCode = plan.data?.issuerUnit?.code ?? null;
  const issuer = useQuery({ ...queries.orgUnit(issuerCode ?? ''), enabled: issuerCode !== null });
  if (plan.isPending) return <Loading />;
  if (plan.error) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!issuerCode) return <NotFound />;
  if (issuer.isPending) return <Loading />;
  if (issuer.error) return <QueryError error={issuer.error} onRetry={() => void issuer.refetch()} />;
  return <Workflow plan={plan.data} issuer={issuer.data} user={user} />;
}

/**
 * /plans/:id/submissions?period=2025: each unit's figures on their way to the province (Đang nhập → Đã gửi →
 * Đã duyệt → Đã tiếp nhận), with the steps the user's roles allow, one unit at a time or many at once.
 */
export function WorkflowPage() {
  const { id = '' } = useParams();
  if (!isUuid(id)) return <NotFound />;
  return <RequireLogin>{(user) => <WorkflowQuery id={id} user={user} />}</RequireLogin>;
}
