import type { ChildTaskRow, TaskRow } from './tasks.repository.js';
import type { TaskView } from './tasks.schemas.js';

/** Tasks with the child plans' tasks that carry each one out, and how many of those are done. */
export function presentTasks(rows: readonly TaskRow[], children: readonly ChildTaskRow[]): TaskView[] {
  return rows.map((r) => {
    const own = children.filter((c) => c.task.parentTaskId === r.id);
    return {
      id: r.id,
      code: r.code,
      text: r.text,
      agencies: r.agencies,
      status: r.status,
      startDate: r.startDate,
      dueDate: r.dueDate,
      evidence: r.evidence,
      parentTaskId: r.parentTaskId,
      version: r.version,
      children: own.map((c) => ({
        id: c.task.id,
        planId: c.task.planId,
        planIssuer: c.planIssuer,
        status: c.task.status,
      })),
      childrenDone: own.filter((c) => c.task.status === 'done').length,
    };
  });
}
