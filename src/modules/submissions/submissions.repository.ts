import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import { submissions } from '../../db/schema.js';

export type SubmissionRow = typeof submissions.$inferSelect;

export async function findSubmission(db: Executor, planId: string, unit: string, period: string) {
  const [row] = await db
    .select()
    .from(submissions)
    .where(
      and(eq(submissions.planId, planId), eq(submissions.orgUnitCode, unit), eq(submissions.period, period)),
    );
  return row;
}

export async function findSubmissions(
  db: Executor,
  planId: string,
  period: string | null,
  units?: readonly string[],
) {
  const c = [eq(submissions.planId, planId)];
  if (period) c.push(eq(submissions.period, period));
  if (units) c.push(inArray(submissions.orgUnitCode, [...units]));
  return db
    .select()
    .from(submissions)
    .where(and(...c));
}

/**
 * Creates the draft row on first use, stamped `at` (concurrent creators end with the same row), and locks it
 * until the transaction ends: a version read here stays the row's version until the caller's update.
 */
export async function ensureSubmission(
  db: Executor,
  planId: string,
  unit: string,
  period: string,
  at: Date,
): Promise<SubmissionRow> {
  await db
    .insert(submissions)
    .values({ planId, orgUnitCode: unit, period, updatedAt: at })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(submissions)
    .where(
      and(eq(submissions.planId, planId), eq(submissions.orgUnitCode, unit), eq(submissions.period, period)),
    )
    .for('update');
  return row!;
}

/** Moves a submission if it is still at `expectedVersion`; returns the new row, or null when someone moved it first. */
export async function moveSubmission(
  db: Executor,
  row: SubmissionRow,
  set: Partial<typeof submissions.$inferInsert> & { updatedAt: Date },
): Promise<SubmissionRow | null> {
  const [updated] = await db
    .update(submissions)
    .set({ ...set, version: sql`${submissions.version} + 1` })
    .where(and(eq(submissions.id, row.id), eq(submissions.version, row.version)))
    .returning();
  return updated ?? null;
}

/**
 * The demo's figures, accepted for every demo plan as if the reporting chain had run: one accepted submission per
 * reporting unit and year that holds demo figures (an existing submission is left as it is).
 */
export async function acceptDemoSubmissions(db: Executor, comment: string, at: Date): Promise<void> {
  await db.execute(sql`
    insert into submissions (plan_id, org_unit_code, period, status, last_comment, updated_at)
    select p.id, o.reporting_unit_code, left(o.period, 4), 'accepted', ${comment}, ${at.toISOString()}::timestamptz
    from (select distinct reporting_unit_code, period from observations where is_demo) o
    cross join (select id from plans where is_demo) p
    on conflict (plan_id, org_unit_code, period) do nothing`);
}
