import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.js';
import { notifications, plans, reportDefinitions, reportingCycles, submissions } from '../../db/schema.js';

export type DefinitionRow = typeof reportDefinitions.$inferSelect;
export type CycleRow = typeof reportingCycles.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

export type DefinitionInsert = typeof reportDefinitions.$inferInsert;
export type CycleInsert = typeof reportingCycles.$inferInsert;

export async function findDefinitions(db: Executor, planId: string): Promise<DefinitionRow[]> {
  return db.select().from(reportDefinitions).where(eq(reportDefinitions.planId, planId));
}

export async function findCycles(db: Executor, planId: string): Promise<CycleRow[]> {
  return db
    .select()
    .from(reportingCycles)
    .where(eq(reportingCycles.planId, planId))
    .orderBy(asc(reportingCycles.due), asc(reportingCycles.kind));
}

/** One cycle; `lock` holds it (FOR UPDATE) until the transaction ends, for a write that checks its version. */
export async function findCycle(
  db: Executor,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<CycleRow | undefined> {
  const query = db.select().from(reportingCycles).where(eq(reportingCycles.id, id));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row;
}

export async function insertDefinition(db: Executor, values: DefinitionInsert): Promise<DefinitionRow> {
  const [row] = await db.insert(reportDefinitions).values(values).returning();
  return row!;
}

/** Adds cycles; one that exists already (same definition and year) is kept as it is, with any edits to it. */
export async function insertMissingCycles(db: Executor, values: readonly CycleInsert[]): Promise<void> {
  if (values.length === 0) return;
  await db
    .insert(reportingCycles)
    .values([...values])
    .onConflictDoNothing();
}

/** Changes a cycle's dates while its version is still `version`; undefined when it is not (or the cycle is gone). */
export async function updateCycleDatesAtVersion(
  db: Executor,
  id: string,
  dates: Pick<CycleRow, 'due' | 'cutoffFrom' | 'cutoffTo'>,
  version: number,
): Promise<CycleRow | undefined> {
  const [row] = await db
    .update(reportingCycles)
    .set({ ...dates, version: sql`${reportingCycles.version} + 1` })
    .where(and(eq(reportingCycles.id, id), eq(reportingCycles.version, version)))
    .returning();
  return row;
}

/** Cycles whose deadline is on or before `until` (for reminders and timeliness). */
export async function findCyclesDueBy(
  db: Executor,
  until: string,
): Promise<(CycleRow & { planTitle: string; issuerUnitCode: string | null })[]> {
  const rows = await db
    .select({ c: reportingCycles, planTitle: plans.title, issuerUnitCode: plans.issuerUnitCode })
    .from(reportingCycles)
    .innerJoin(plans, eq(plans.id, reportingCycles.planId))
    .where(lte(reportingCycles.due, until));
  return rows.map((r) => ({ ...r.c, planTitle: r.planTitle, issuerUnitCode: r.issuerUnitCode }));
}

/**
 * Units that owe figures or a report for a plan: the agencies it assigns targets to (with the targets and
 * their roles) and, when any of its indicators is reported by communes, every commune of the issuing province.
 */
export async function findObligations(db: Executor, planId: string) {
  const agencies = await queryRows<{
    code: string;
    name: string;
    fullName: string;
    kind: string;
    target_code: string;
    role: string;
    indicators: string[];
  }>(
    db,
    sql`select a.org_unit_code code, u.name, u.full_name "fullName", u.kind, t.code target_code, a.role,
          coalesce(array_agg(i.code order by i.code) filter (where i.code is not null), '{}') indicators
        from assignments a
        join org_units u on u.code = a.org_unit_code
        join targets t on t.id = a.target_id
        left join measures m on m.target_id = t.id
        left join indicators i on i.id = m.indicator_id
        where a.plan_id = ${planId}
        group by a.org_unit_code, u.name, u.full_name, u.kind, t.code, t.position, t.goal_id, a.role
        order by a.org_unit_code, t.code`,
  );
  const communes = await queryRows<{ code: string; name: string; fullName: string; indicators: string[] }>(
    db,
    sql`with plan_scope as (
          select coalesce(pu.code, p.issuer_unit_code) province
          from plans p left join org_units iu on iu.code = p.issuer_unit_code
          left join org_units pu on pu.code = case when iu.kind = 'province' then iu.code else iu.parent_code end
          where p.id = ${planId}
        ), commune_indicators as (
          select distinct i.code from measures m join targets t on t.id = m.target_id
          join indicators i on i.id = m.indicator_id
          where t.plan_id = ${planId} and i.unit_kinds ? 'commune'
        )
        select u.code, u.name, u.full_name "fullName", coalesce((select array_agg(code order by code) from commune_indicators), '{}') indicators
        from org_units u, plan_scope
        where u.parent_code = plan_scope.province and u.kind = 'commune'
          and exists (select 1 from commune_indicators)
        order by u.code`,
  );
  return { agencies, communes };
}

export async function findSubmissionsOfPlanYear(db: Executor, planId: string, year: number) {
  return db
    .select()
    .from(submissions)
    .where(and(eq(submissions.planId, planId), eq(submissions.period, String(year))));
}

/** Records a reminder unless it already exists; returns the row only to the caller that inserted it. */
export async function insertNotificationOnce(
  db: Executor,
  n: Pick<NotificationRow, 'cycleId' | 'orgUnitCode' | 'kind' | 'message' | 'createdAt'>,
): Promise<NotificationRow | null> {
  const [row] = await db.insert(notifications).values(n).onConflictDoNothing().returning();
  return row ?? null;
}

export async function markEmailed(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(notifications).set({ emailedAt: at }).where(eq(notifications.id, id));
}

/** Active users holding one of `roles` at a unit who have an e-mail address. */
export async function findRecipientEmails(
  db: Executor,
  unit: string,
  roles: readonly string[],
): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(
    db,
    sql`select distinct u.email from users u join role_grants g on g.user_id = u.id
        where g.org_unit_code = ${unit} and g.role in ${[...roles]}
          and u.active and u.email is not null`,
  );
  return rows.map((r) => r.email);
}

export async function findNotificationsOfUnits(
  db: Executor,
  units: readonly string[],
): Promise<NotificationRow[]> {
  if (units.length === 0) return [];
  return db
    .select()
    .from(notifications)
    .where(sql`${notifications.orgUnitCode} = any(${sql.param([...units])}::text[])`)
    .orderBy(sql`${notifications.createdAt} desc`)
    .limit(500);
}
