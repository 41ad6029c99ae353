import { Accordion, Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queries, type AgencyRef, type PlanDetail } from '../../api';
import { AgencyList } from '../../components/AgencyList';
import { Fact } from '../../components/Fact';
import { KeyBadge } from '../../components/KeyBadge';
import { PageSection } from '../../components/PageSection';
import { EmptyState, QueryView } from '../../components/QueryState';
import { useLocalized } from '../../i18n';
import { allows, ancestryOf, useSession } from '../../session';
import { TaskEditor } from './TaskEditor';
import { workQueries, type PlanTask, type TaskStatus } from '../../api/work';
import { formatDay } from './work-format';

const STATUS_COLOR: Record<TaskStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'teal',
  cancelled: 'red',
};

export function TaskStatusBadge({ status, testId = 'task-status' }: { status: TaskStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <KeyBadge color={STATUS_COLOR[status]} testId={testId} data={{ 'data-status': status }}>
      {t(`tasks.statuses.${status}`)}
    </KeyBadge>
  );
}

/** A task's text starts with its heading line; the rest are its bullet points. */
function splitTask(text: string): { heading: string; body: string } {
  const [heading = '', ...rest] = text.split('\n');
  return { heading: heading.trim(), body: rest.join('\n').trim() };
}

const unique = (list: AgencyRef[]) => [...new Map(list.map((a) => [a.code ?? a.name, a])).values()];

/**
 * Who leads and who coordinates a task. Plans name agencies per target, rarely per task: a drafted task "T.3.2"
 * carries target 3.2, a "Nhóm giải pháp thực hiện Mục tiêu 4" the targets of goal 4; else the agencies the task
 * names, without a role.
 */
function unitsOf(task: PlanTask, plan: PlanDetail) {
  const targets = plan.goals.flatMap((g) => g.targets.map((t) => ({ ...t, goal: g.code })));
  const byTarget = /^T\.(.+)$/.exec(task.code ?? '')?.[1];
  const goal = /Mục tiêu (\d+)/u.exec(splitTask(task.text).heading)?.[1];
  const basis = byTarget
    ? { kind: 'target' as const, code: byTarget, items: targets.filter((t) => t.code === byTarget) }
    : goal
      ? { kind: 'goal' as const, code: goal, items: targets.filter((t) => t.goal === goal) }
      : null;
  if (basis && basis.items.length > 0) {
    const lead = unique(basis.items.flatMap((t) => t.lead));
    const leadKeys = new Set(lead.map((a) => a.code ?? a.name));
    const coordinate = unique(basis.items.flatMap((t) => t.coordinate)).filter(
      (a) => !leadKeys.has(a.code ?? a.name),
    );
    return { basis, lead, coordinate, named: [] as AgencyRef[] };
  }
  return {
    basis: null,
    lead: [],
    coordinate: [],
    named: task.agencies.map((a) => ({ ...a, unitName: null })),
  };
}

function TaskPanel({
  task,
  plan,
  canEdit,
  onReload,
}: {
  task: PlanTask;
  plan: PlanDetail;
  canEdit: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t, locale } = useLocalized();
  const { body } = splitTask(task.text);
  const units = unitsOf(task, plan);
  return (
    <Stack gap="md">
      {body && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {body}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        {units.basis ? (
          <>
            <Fact label={t('plan.columns.lead')} testId="task-lead">
              <AgencyList agencies={units.lead} />
            </Fact>
            <Fact label={t('plan.columns.coordinate')} testId="task-coordinate">
              <AgencyList agencies={units.coordinate} />
            </Fact>
          </>
        ) : (
          <Fact label={t('plan.tasksAgencies')} testId="task-agencies">
            <AgencyList agencies={units.named} />
          </Fact>
        )}
        <Fact label={t('tasks.fields.dates')}>
          <Text size="sm" data-testid="task-dates">
            {task.startDate || task.dueDate
              ? `${formatDay(task.startDate, locale) || '…'} – ${formatDay(task.dueDate, locale) || '…'}`
              : t('common.dash')}
          </Text>
        </Fact>
        <Fact label={t('tasks.fields.evidence')}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="task-evidence">
            {task.evidence ?? t('common.dash')}
          </Text>
        </Fact>
      </SimpleGrid>
      {units.basis && (
        <Text size="xs" c="dimmed">
          {units.basis.kind === 'target'
            ? t('tasks.unitsFromTarget', { code: units.basis.code })
            : t('tasks.unitsFromGoal', { code: units.basis.code })}
        </Text>
      )}
      <Fact
        label={t('tasks.children', { done: task.childrenDone, count: task.children.length })}
        testId="task-children"
      >
        {task.children.length === 0 ? (
          <EmptyState>{t('tasks.noChildren')}</EmptyState>
        ) : (
          <Stack gap={4}>
            {task.children.map((c) => (
              <Group key={c.id} gap="xs" data-testid="task-child">
                <Anchor component={Link} to={`/plans/${c.planId}`} size="sm">
                  {c.planIssuer}
                </Anchor>
                <TaskStatusBadge status={c.status} testId="task-child-status" />
              </Group>
            ))}
          </Stack>
        )}
      </Fact>
      {canEdit && <TaskEditor key={`${task.id}-${task.version}`} task={task} onReload={onReload} />}
    </Stack>
  );
}

/** The plan's tasks with their status, dates, evidence, who carries them, and the child plans' progress on them. */
export function PlanTasks({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const tasks = useQuery(workQueries.tasks(plan.id));
  const issuer = useQuery({
    ...queries.orgUnit(plan.issuerUnit?.code ?? ''),
    enabled: !!plan.issuerUnit && !!user,
  });
  // Updating a task is the issuing unit's (its reporters, the province's coordinators); the server decides.
  const canEdit = !!issuer.data && allows(user?.grants, 'submission.submit', ancestryOf(issuer.data));
  return (
    <PageSection title={t('plan.tasks')} testId="plan-tasks">
      <QueryView query={tasks} isEmpty={(data) => data.items.length === 0} empty={t('common.none')}>
        {(data) => (
          <Accordion multiple variant="separated" radius="md">
            {data.items.map((task) => (
              <Accordion.Item key={task.id} value={task.id} data-testid={`task-${task.code ?? task.id}`}>
                <Accordion.Control>
                  <Group gap="sm" wrap="nowrap" align="flex-start" justify="space-between">
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      {task.code && (
                        <Text fw={700} c="indigo.8" style={{ flexShrink: 0 }}>
                          {task.code}
                        </Text>
                      )}
                      <Text fw={500}>{splitTask(task.text).heading}</Text>
                    </Group>
                    <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                      {task.children.length > 0 && (
                        <Badge
                          variant="outline"
                          color="gray"
                          radius="sm"
                          tt="none"
                          data-testid="task-children-count"
                        >
                          {t('tasks.childrenShort', { done: task.childrenDone, count: task.children.length })}
                        </Badge>
                      )}
                      <TaskStatusBadge status={task.status} />
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <TaskPanel task={task} plan={plan} canEdit={canEdit} onReload={tasks.refetch} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </QueryView>
    </PageSection>
  );
}
