import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import { scheduledRuns } from '../../db/schema.js';

/** Starts a run of a scheduled job unless some process has: true for the process whose row went in first. */
export async function claimScheduledRun(
  tx: Executor,
  job: string,
  runKey: string,
  startedAt: Date,
): Promise<boolean> {
  const rows = await tx
    .insert(scheduledRuns)
    .values({ job, runKey, startedAt })
    .onConflictDoNothing()
    .returning({ job: scheduledRuns.job });
  return rows.length > 0;
}

/** Records how a run ended: what it produced, or why it failed. */
export async function finishScheduledRun(
  db: Executor,
  job: string,
  runKey: string,
  finishedAt: Date,
  outcome: string,
): Promise<void> {
  await db
    .update(scheduledRuns)
    .set({ finishedAt, outcome })
    .where(and(eq(scheduledRuns.job, job), eq(scheduledRuns.runKey, runKey)));
}
