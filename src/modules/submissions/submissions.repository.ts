import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.js';
import { NATION_CODE } from '../../db/reference/reference-data.js';
import { submissions } from '../../db/schema.js';

export type SubmissionRow = typeof submissions.$inferSelect;

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

/** A unit's state for a plan and year: its submission (when it has one) and how many figures it holds. */
export interface UnitSubmissionRow {
  unit: string;
  name: string;
  status: SubmissionRow['status'] | null;
  version: number | null;
  comment: string | null;
  figures: number;
}

/** Every unit with figures for the plan's indicators in that year, or with a submission row. */
export async function findUnitSubmissions(
  db: Executor,
  planId: string,
  period: string,
): Promise<UnitSubmissionRow[]> {
  // Only the units under the plan's province (the owner's province, or the nation for a national plan): another
  // province's figures for the same indicators are not this plan's.
  return queryRows<UnitSubmissionRow>(
    db,
    sql`with recursive up(code, parent_code, kind) as (
          select o.code, o.parent_code, o.kind from org_units o
          where o.code = (select owner_unit_code from plans where id = ${planId})
          union all
          select o.code, o.parent_code, o.kind from org_units o join up on o.code = up.parent_code
        ), root(code) as (
          select coalesce((select code from up where kind = 'province'), (select code from up where kind = 'nation'), ${NATION_CODE})
        ), scope(code) as (
          select code from root
          union all
          select o.code from org_units o join scope on o.parent_code = scope.code
        ), units as (
          select o.reporting_unit_code unit, count(*)::int figures
          from observations o
          where left(o.period, 4) = ${period}
            and o.reporting_unit_code in (select code from scope)
            and o.indicator_id in (select m.indicator_id from measures m join targets t on t.id = m.target_id where t.plan_id = ${planId})
          group by o.reporting_unit_code
          union
          select s.org_unit_code, 0 from submissions s where s.plan_id = ${planId} and s.period = ${period}
        )
        select u.unit, ou.name, s.status, s.version, s.last_comment comment, max(u.figures)::int figures
        from units u join org_units ou on ou.code = u.unit
        left join submissions s on s.plan_id = ${planId} and s.period = ${period} and s.org_unit_code = u.unit
        group by u.unit, ou.name, s.status, s.version, s.last_comment
        order by u.unit`,
  );
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
