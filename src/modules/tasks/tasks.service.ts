import type { Actor } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database, Executor } from '../../db/connection.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requirePlan } from '../plans/plans.service.js';
import {
  findChildTasks,
  findTaskScope,
  findTasksOfPlan,
  lockTask,
  updateTaskAtVersion,
  type ChildTaskRow,
  type TaskProgressFields,
  type TaskRow,
} from './tasks.repository.js';

export interface TaskDeps {
  db: Database;
  now: Clock;
}

/** Tasks and the child plans' tasks that carry them out, as the presenter shows them. */
export interface TasksWithChildren {
  tasks: TaskRow[];
  children: ChildTaskRow[];
}

async function withChildren(db: Executor, rows: TaskRow[]): Promise<TasksWithChildren> {
  return {
    tasks: rows,
    children: await findChildTasks(
      db,
      rows.map((r) => r.id),
    ),
  };
}

/** A plan's tasks, in the plan's order; the plan must be one the caller may see. */
export async function listPlanTasks(
  deps: Pick<TaskDeps, 'db'>,
  planId: string,
  actor: Actor | null,
): Promise<TasksWithChildren> {
  const plan = await requirePlan(deps, planId, actor);
  return withChildren(deps.db, await findTasksOfPlan(deps.db, plan.id));
}

/**
 * The units that may update a task: its plan's owner and every agency it names. None for an unknown task or a
 * plan without an owner (admins only, as the route policy says).
 */
export async function unitsOfTask(deps: Pick<TaskDeps, 'db'>, id: string | null): Promise<(string | null)[]> {
  const scope = id ? await findTaskScope(deps.db, id) : undefined;
  if (!scope?.owner) return [];
  return [scope.owner, ...scope.agencies.map((a) => a.code)];
}

/**
 * Updates a task's status, dates and evidence if it is still at the version the user saw; one transaction with
 * its audit row.
 */
export async function updateTask(
  deps: TaskDeps,
  actor: Actor,
  id: string,
  input: TaskProgressFields & { version: number },
): Promise<TasksWithChildren> {
  const { version, ...fields } = input;
  if (fields.startDate && fields.dueDate && fields.dueDate < fields.startDate) {
    const message = 'Hạn hoàn thành phải sau ngày bắt đầu';
    throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body.dueDate', message }]);
  }
  const updated = await deps.db.transaction(async (tx) => {
    // Locked: the version checked below and the values audited as "before" are those replaced.
    const before = await lockTask(tx, id);
    if (!before) throw notFound(`Nhiệm vụ ${id}`);
    const row = await updateTaskAtVersion(tx, before.id, version, fields);
    if (!row) {
      throw new AppError('CONFLICT', 'Nhiệm vụ đã được người khác cập nhật', [
        {
          path: '$.body.version',
          message: `Phiên bản hiện tại ${before.version}`,
          current: { status: before.status, version: before.version },
        },
      ]);
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'task.update',
        entity: 'task',
        entityId: row.id,
        before: {
          status: before.status,
          startDate: before.startDate,
          dueDate: before.dueDate,
          evidence: before.evidence,
        },
        after: fields,
      },
      deps.now(),
    );
    return row;
  });
  return withChildren(deps.db, [updated]);
}
