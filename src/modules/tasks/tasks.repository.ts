import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import { plans, tasks } from '../../db/schema.js';

export type TaskRow = typeof tasks.$inferSelect;

/** The fields of a task its plan's units keep up to date. */
export type TaskProgressFields = Pick<TaskRow, 'status' | 'startDate' | 'dueDate' | 'evidence'>;

/** A task of a child plan that carries out a parent task, with the issuer of its plan. */
export interface ChildTaskRow {
  task: TaskRow;
  planIssuer: string;
}

export async function findTasksOfPlan(db: Executor, planId: string): Promise<TaskRow[]> {
  return db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.position));
}

/** The tasks of child plans that carry out any of `parentIds` (one query). */
export async function findChildTasks(db: Executor, parentIds: readonly string[]): Promise<ChildTaskRow[]> {
  if (parentIds.length === 0) return [];
  return db
    .select({ task: tasks, planIssuer: plans.issuer })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(inArray(tasks.parentTaskId, [...parentIds]));
}

/** Who governs a task: its plan's owner unit and the agencies it names; undefined for an unknown task. */
export async function findTaskScope(
  db: Executor,
  id: string,
): Promise<{ owner: string | null; agencies: TaskRow['agencies'] } | undefined> {
  const [row] = await db
    .select({ owner: plans.ownerUnitCode, agencies: tasks.agencies })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(eq(tasks.id, id));
  return row;
}

/** One task, held (FOR UPDATE) until the transaction ends. */
export async function lockTask(tx: Executor, id: string): Promise<TaskRow | undefined> {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, id)).for('update');
  return row;
}

/** Sets a task's fields if it is still at `version`; returns the new row, or undefined when it is not. */
export async function updateTaskAtVersion(
  tx: Executor,
  id: string,
  version: number,
  fields: TaskProgressFields,
): Promise<TaskRow | undefined> {
  const [row] = await tx
    .update(tasks)
    .set({ ...fields, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, id), eq(tasks.version, version)))
    .returning();
  return row;
}
