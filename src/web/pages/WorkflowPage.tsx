import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  type MantineColor,
} from '@mantine/core';
import { PlanPageHeader } from '../components/PlanPageHeader';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { nextStatus, SUBMISSION_STATUSES, TRANSITION_ACTION, TRANSITIONS } from '../../domain/workflow';
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
} from '../api';
import { Loading, NotFound, QueryError } from '../components/QueryState';
import { RequireLogin } from '../components/RequireLogin';
import { SUBMISSION_COLOR, SubmissionStatusBadge } from '../components/SubmissionStatusBadge';
import { allows, ancestryOf } from '../session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ALL = 'all';

const BUTTON: Record<Transition, { color: MantineColor; variant: 'filled' | 'light' }> = {
  submit: { color: 'blue', variant: 'filled' },
  approve: { color: 'violet', variant: 'filled' },
  accept: { color: 'teal', variant: 'filled' },
  return: { color: 'orange', variant: 'light' },
  reopen: { color: 'gray', variant: 'light' },
};

type CommentTransition = 'return' | 'reopen';
const needsComment = (t: Transition): t is CommentTransition => t === 'return' || t === 'reopen';

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
  useDocumentTitle(`${t('workflow.title')} · ${plan.document.title} · ${t('app.name')}`);

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

  let table;
  if (submissions.isPending) table = <Loading />;
  else if (submissions.error)
    table = <QueryError error={submissions.error} onRetry={() => void submissions.refetch()} />;
  else if (items.length === 0)
    table = (
      <Text c="dimmed" data-testid="workflow-empty">
        {t('workflow.empty', { year: period })}
      </Text>
    );
  else
    table = (
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="workflow-table">
            <Table.Thead>
              <Table.Tr>
                {anyBulk && (
                  <Table.Th w={44}>
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
                  </Table.Th>
                )}
                <Table.Th>{t('workflow.columns.unit')}</Table.Th>
                <Table.Th w={140}>{t('workflow.columns.status')}</Table.Th>
                <Table.Th w={90} ta="right">
                  {t('workflow.columns.figures')}
                </Table.Th>
                <Table.Th>{t('workflow.columns.comment')}</Table.Th>
                <Table.Th w={300}>{t('workflow.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => {
                const actions = TRANSITIONS.filter((tr) => allowed(row, tr));
                return (
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
                    <Table.Td>
                      {actions.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          {t('workflow.noActions')}
                        </Text>
                      ) : (
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

  const doc = plan.document;
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <PlanPageHeader plan={plan} title={t('workflow.title')} />
        <Anchor component={Link} to={`/plans/${plan.id}`} c="dimmed" fw={500}>
          {doc.title}
        </Anchor>
        <Text size="sm" maw={820} style={{ textWrap: 'pretty' }}>
          {t('workflow.description')}
        </Text>
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
      </Stack>

      <Group align="flex-end" gap="lg" justify="space-between">
        <Group align="flex-end" gap="lg">
          <Select
            label={t('workflow.period')}
            data={[...new Set([...years, period])].sort().reverse()}
            value={period}
            onChange={(v) => {
              if (!v) return;
              setSelected(new Set());
              setFeedback(null);
              setParams({ period: v });
            }}
            allowDeselect={false}
            w={160}
            data-testid="workflow-period"
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
      </Group>

      {feedback && (
        <Alert
          color={feedback.kind === 'success' ? 'green' : 'red'}
          variant="light"
          title={feedback.title}
          role={feedback.kind === 'success' ? 'status' : 'alert'}
          withCloseButton
          onClose={() => setFeedback(null)}
          data-testid={feedback.kind === 'success' ? 'workflow-success' : 'workflow-error'}
        >
          {feedback.text}
        </Alert>
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
              <Button
                color={SUBMISSION_COLOR.approved}
                disabled={!canBulk('approve') || busy}
                loading={bulk.isPending && bulk.variables?.transition === 'approve'}
                onClick={() => void runBulk('approve')}
                data-testid="bulk-approve"
              >
                {t('workflow.bulkApprove')}
              </Button>
              <Button
                color={SUBMISSION_COLOR.accepted}
                disabled={!canBulk('accept') || busy}
                loading={bulk.isPending && bulk.variables?.transition === 'accept'}
                onClick={() => void runBulk('accept')}
                data-testid="bulk-accept"
              >
                {t('workflow.bulkAccept')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}

      {table}

      <Modal
        opened={commenting !== null}
        onClose={() => setCommenting(null)}
        title={
          commenting
            ? t(`workflow.commentTitle.${commenting.transition}`, { name: commenting.row.orgUnitName })
            : ''
        }
        size="lg"
      >
        {commenting && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!comment.trim()) {
                setCommentError(t('workflow.commentRequired'));
                return;
              }
              void run(commenting.transition, commenting.row, comment.trim());
            }}
          >
            <Stack gap="sm">
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
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setCommenting(null)}>
                  {t('workflow.cancel')}
                </Button>
                <Button
                  type="submit"
                  color={BUTTON[commenting.transition].color}
                  disabled={!comment.trim()}
                  loading={single.isPending}
                  data-testid="comment-confirm"
                >
                  {t(`workflow.actions.${commenting.transition}`)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
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
  if (!UUID.test(id)) return <NotFound />;
  return <RequireLogin>{(user) => <WorkflowQuery id={id} user={user} />}</RequireLogin>;
}
