import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';

/** Links each task of a drafted plan to the parent plan's task of the same code, which it carries out. */
export async function linkRestatedTasks(db: Executor, planId: string, parentPlanId: string): Promise<void> {
  await db.execute(sql`
    update tasks c set parent_task_id = p.id
    from tasks p
    where c.plan_id = ${planId} and p.plan_id = ${parentPlanId} and c.code = p.code`);
}

/** True when `err` (or an error it wraps) is a unique violation of the named index. */
export function isUniqueViolation(err: unknown, index: string): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, constraint, message, cause } = e as {
      code?: unknown;
      constraint?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (
      code === '23505' &&
      (constraint === index || (typeof message === 'string' && message.includes(index)))
    )
      return true;
    e = cause;
  }
  return false;
}
