import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.js';
import { NATION_CODE } from '../../db/reference/reference-data.js';
import { submissions } from '../../db/schema.js';

export type SubmissionRow = typeof submissions.$inferSelect;

/**
 * Creates the draft rows a step needs on first use (one insert for all units, stamped `at`; concurrent creators end
 * with the same rows) and locks them, in id order so that two steps over overlapping units cannot deadlock, until
 * the transaction ends: a version read here stays the row's version until the caller's update.
 */
export async function ensureSubmissions(
  db: Executor,
  planId: string,
  units: readonly string[],
  period: string,
  at: Date,
): Promise<SubmissionRow[]> {
  await db.execute(sql`
    insert into submissions (plan_id, org_unit_code, period, updated_at)
    select ${planId}::uuid, u, ${period}, ${at.toISOString()}::timestamptz from unnest(${sql.param([...units])}::text[]) u
    on conflict (plan_id, org_unit_code, period) do nothing`);
  return db
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.planId, planId),
        eq(submissions.period, period),
        sql`${submissions.orgUnitCode} = any(${sql.param([...units])}::text[])`,
      ),
    )
    .orderBy(submissions.id)
    .for('update');
}

/** One row's move: to `status`, if it is still at `version`. */
export interface SubmissionMove {
  id: string;
  version: number;
  status: SubmissionRow['status'];
}

/**
 * Moves every row in one statement, each only if still at its version; `set` applies to all of them. Returns the
 * rows moved (fewer than asked when someone moved one first).
 */
export async function moveSubmissions(
  db: Executor,
  moves: readonly SubmissionMove[],
  set: Omit<Partial<typeof submissions.$inferInsert>, 'status' | 'version'> & { updatedAt: Date },
): Promise<SubmissionRow[]> {
  if (moves.length === 0) return [];
  const col = <T>(f: (m: SubmissionMove) => T) => sql.param(moves.map(f));
  return db
    .update(submissions)
    .set({ ...set, status: sql`m.status`, version: sql`${submissions.version} + 1` })
    .from(
      sql`unnest(${col((m) => m.id)}::uuid[], ${col((m) => m.version)}::int[], ${col((m) => m.status)}::text[]) as m(id, version, status)`,
    )
    .where(sql`${submissions.id} = m.id and ${submissions.version} = m.version`)
    .returning(getTableColumns(submissions));
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
  const nextYear = String(Number(period) + 1);
  // Only the units under the plan's province (the owner's province, or the nation for a national plan): another
  // province's figures for the same indicators are not this plan's.
  // (The walk down the tree is estimated at thousands of units: with JIT on, PostgreSQL would spend a second
  // compiling it. The pool turns JIT off, see createPool.)
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
        ), plan_indicators(ids) as (
          select coalesce(array_agg(distinct m.indicator_id), '{}') from measures m join targets t on t.id = m.target_id
          where t.plan_id = ${planId} and m.indicator_id is not null
        ), units as (
          -- Unit by unit through observations (reporting_unit_code, period, indicator_id): the periods of a year
          -- ("2025", "2025-H1", "2025-Q3", "2025-07") sort from the year up to the next one.
          select s.code unit, f.figures
          from scope s cross join plan_indicators p cross join lateral (
            select count(*)::int figures from observations o
            where o.reporting_unit_code = s.code and o.period >= ${period} and o.period < ${nextYear}
              and left(o.period, 4) = ${period}
              and o.indicator_id = any(p.ids)
          ) f
          where f.figures > 0
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
