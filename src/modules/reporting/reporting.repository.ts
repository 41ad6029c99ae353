import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.js';
import {
  notifications,
  planDeadlines,
  planReportingUnits,
  plans,
  reportDefinitions,
  reportingCycles,
  submissions,
  unitSettings,
} from '../../db/schema.js';

export type DefinitionRow = typeof reportDefinitions.$inferSelect;
export type CycleRow = typeof reportingCycles.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

export type DefinitionInsert = typeof reportDefinitions.$inferInsert;
export type ReportingUnitSource = (typeof planReportingUnits.$inferSelect)['source'];
export type SettingsRow = typeof unitSettings.$inferSelect;
export type CycleInsert = typeof reportingCycles.$inferInsert;

/** A plan's report definitions, in the order of the report kinds (6-month, annual, mid-term, final, other). */
export async function findDefinitions(db: Executor, planId: string): Promise<DefinitionRow[]> {
  return db
    .select()
    .from(reportDefinitions)
    .where(eq(reportDefinitions.planId, planId))
    .orderBy(
      sql`array_position(array['6-month', 'annual', 'mid-term', 'final', 'other'], ${reportDefinitions.kind})`,
    );
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

/** One reason a unit owes a plan's reports, as derived from the plan. */
export interface DerivedReason {
  code: string;
  source: Exclude<ReportingUnitSource, 'manual'>;
  /** What makes it owe: a target code with the role, a duty's code or agency, a clause, an indicator. */
  detail: string;
}

/** The province a plan belongs to: the first province among its owner's (else issuer's) ancestors. */
const planProvince = (planId: string) => sql`(
  with recursive up(code, parent_code, kind, depth) as (
    select u.code, u.parent_code, u.kind, 0 from plans p
    join org_units u on u.code = coalesce(p.owner_unit_code, p.issuer_unit_code)
    where p.id = ${planId}
    union all
    select o.code, o.parent_code, o.kind, up.depth + 1 from org_units o join up on o.code = up.parent_code
  )
  select code from up where kind = 'province' order by depth limit 1)`;

/** The province of a unit (itself when it is one); null above or outside the provinces. */
export async function findProvinceOf(db: Executor, code: string): Promise<string | null> {
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`with recursive up(code, parent_code, kind, depth) as (
          select code, parent_code, kind, 0 from org_units where code = ${code}
          union all
          select o.code, o.parent_code, o.kind, up.depth + 1 from org_units o join up on o.code = up.parent_code
        )
        select code from up where kind = 'province' order by depth limit 1`,
  );
  return row?.code ?? null;
}

/**
 * Why each unit owes a plan's reports, from the plan itself (docs/DOMAIN.md §4): an assignment to a target (lead
 * or coordinate), a duty (a `responsible` assignment or a duty paragraph of a resolved agency), a clause for a
 * class of units (every agency of the plan's province, or every commune), and every commune when one of the
 * plan's indicators is reported by communes. The plan's owner and issuer owe none.
 */
export async function deriveReportingUnits(db: Executor, planId: string): Promise<DerivedReason[]> {
  return queryRows<DerivedReason>(
    db,
    sql`with plan_row as (select owner_unit_code, issuer_unit_code from plans where id = ${planId}),
        province as (select ${planProvince(planId)} code),
        reasons as (
          select a.org_unit_code code, 'target' source,
                 (case a.role when 'lead' then 'lead ' else 'coordinate ' end) || t.code detail, 1 rank, t.code k
          from assignments a join targets t on t.id = a.target_id
          where a.plan_id = ${planId} and a.org_unit_code is not null
          union all
          select a.org_unit_code, 'duty', 'responsible ' || a.agency_name, 2, a.agency_name
          from assignments a
          where a.plan_id = ${planId} and a.role = 'responsible' and a.org_unit_code is not null
          union all
          select d.org_unit_code, 'duty', 'duty ' || coalesce(d.code, d.agency_name), 2, lpad(d.position::text, 6, '0')
          from plan_duties d
          where d.plan_id = ${planId} and d.org_unit_code is not null and d.covers is null
          union all
          select u.code, 'clause', 'clause ' || coalesce(d.code || ' ', '') || d.agency_name, 3, lpad(d.position::text, 6, '0')
          from plan_duties d, province, org_units u
          where d.plan_id = ${planId} and u.parent_code = province.code
            and ((d.covers = 'agencies' and u.kind = 'agency') or (d.covers = 'communes' and u.kind = 'commune'))
          union all
          select u.code, 'target', 'indicator ' || i.code, 1, i.code
          from province, org_units u,
            (select distinct i.code from measures m join targets t on t.id = m.target_id
             join indicators i on i.id = m.indicator_id
             where t.plan_id = ${planId} and i.unit_kinds ? 'commune') i
          where u.parent_code = province.code and u.kind = 'commune'
        )
        select distinct r.code, r.source, r.detail, r.rank, r.k from reasons r, plan_row p
        where r.code is distinct from p.owner_unit_code and r.code is distinct from p.issuer_unit_code
        order by r.code, r.rank, r.k, r.detail`,
  ).then((rows) => rows.map(({ code, source, detail }) => ({ code, source, detail })));
}

export interface StoredReportingUnit {
  code: string;
  source: ReportingUnitSource;
  included: boolean;
  name: string;
  fullName: string;
  kind: string;
}

/** The stored list of who owes a plan's reports (empty until it is first stored). */
export async function findStoredReportingUnits(db: Executor, planId: string): Promise<StoredReportingUnit[]> {
  return queryRows<StoredReportingUnit>(
    db,
    sql`select r.org_unit_code code, r.source, r.included, u.name, u.full_name "fullName", u.kind
        from plan_reporting_units r join org_units u on u.code = r.org_unit_code
        where r.plan_id = ${planId} order by u.kind, r.org_unit_code`,
  );
}

/** Stores units on a plan's list; a unit already on it is kept as it is. */
export async function insertReportingUnits(
  db: Executor,
  planId: string,
  units: readonly { code: string; source: ReportingUnitSource; included?: boolean }[],
): Promise<void> {
  if (units.length === 0) return;
  await db
    .insert(planReportingUnits)
    .values(
      units.map((u) => ({ planId, orgUnitCode: u.code, source: u.source, included: u.included ?? true })),
    )
    .onConflictDoNothing();
}

/** Includes or excludes a unit of a plan's list; undefined when it is not on the list. */
export async function updateReportingUnitIncluded(
  db: Executor,
  planId: string,
  code: string,
  included: boolean,
) {
  const [row] = await db
    .update(planReportingUnits)
    .set({ included })
    .where(and(eq(planReportingUnits.planId, planId), eq(planReportingUnits.orgUnitCode, code)))
    .returning();
  return row;
}

/**
 * Units that owe figures or a report for a plan: the stored list (included units), or the list derived from
 * the plan while none is stored. Agencies come with the targets assigned to them (none for a unit owing by a
 * duty or a clause), communes with the plan's indicators reported by communes.
 */
export async function findObligations(db: Executor, planId: string) {
  const stored = await findStoredReportingUnits(db, planId);
  const codes =
    stored.length > 0
      ? stored.filter((u) => u.included).map((u) => u.code)
      : [...new Set((await deriveReportingUnits(db, planId)).map((r) => r.code))];
  if (codes.length === 0) return { agencies: [], communes: [] };
  const agencies = await queryRows<{
    code: string;
    name: string;
    fullName: string;
    kind: string;
    target_code: string | null;
    role: string | null;
    indicators: string[];
  }>(
    db,
    sql`select u.code, u.name, u.full_name "fullName", u.kind, t.code target_code, a.role,
          coalesce(array_agg(i.code order by i.code) filter (where i.code is not null), '{}') indicators
        from org_units u
        left join assignments a on a.org_unit_code = u.code and a.plan_id = ${planId} and a.target_id is not null
        left join targets t on t.id = a.target_id
        left join measures m on m.target_id = t.id
        left join indicators i on i.id = m.indicator_id
        where u.code = any(${sql.param(codes)}::text[]) and u.kind <> 'commune'
        group by u.code, u.name, u.full_name, u.kind, t.code, t.position, t.goal_id, a.role
        order by u.code, t.code`,
  );
  const communes = await queryRows<{ code: string; name: string; fullName: string; indicators: string[] }>(
    db,
    sql`with commune_indicators as (
          select distinct i.code from measures m join targets t on t.id = m.target_id
          join indicators i on i.id = m.indicator_id
          where t.plan_id = ${planId} and i.unit_kinds ? 'commune'
        )
        select u.code, u.name, u.full_name "fullName",
          coalesce((select array_agg(code order by code) from commune_indicators), '{}') indicators
        from org_units u
        where u.code = any(${sql.param(codes)}::text[]) and u.kind = 'commune'
        order by u.code`,
  );
  return { agencies, communes };
}

/** A plan's deadlines as it writes them, in document order. */
export async function findPlanDeadlines(db: Executor, planId: string) {
  return db
    .select()
    .from(planDeadlines)
    .where(eq(planDeadlines.planId, planId))
    .orderBy(asc(planDeadlines.position));
}

export async function findSettings(db: Executor, code: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(unitSettings).where(eq(unitSettings.orgUnitCode, code));
  return row;
}

/**
 * Writes a unit's reporting settings while their version is still `version` (0: none stored yet); undefined when
 * someone else changed them first.
 */
export async function writeReportingSettingsAtVersion(
  db: Executor,
  code: string,
  reporting: Record<string, unknown>,
  version: number,
): Promise<SettingsRow | undefined> {
  if (version === 0) {
    const [row] = await db
      .insert(unitSettings)
      .values({ orgUnitCode: code, reporting })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await db
    .update(unitSettings)
    .set({ reporting, version: sql`${unitSettings.version} + 1` })
    .where(and(eq(unitSettings.orgUnitCode, code), eq(unitSettings.version, version)))
    .returning();
  return row;
}

/** One definition; `lock` holds it until the transaction ends. */
export async function findDefinition(
  db: Executor,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<DefinitionRow | undefined> {
  const query = db.select().from(reportDefinitions).where(eq(reportDefinitions.id, id));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row;
}

export type DefinitionChanges = Partial<
  Pick<
    DefinitionRow,
    | 'title'
    | 'content'
    | 'reportingEntities'
    | 'recipient'
    | 'sendingMethod'
    | 'frequency'
    | 'cutoffStart'
    | 'cutoffEnd'
    | 'dueMonthDay'
    | 'outlineTemplate'
    | 'dataForm'
  >
>;

/** Changes a definition while its version is still `version`; undefined when it is not. */
export async function updateDefinitionAtVersion(
  db: Executor,
  id: string,
  changes: DefinitionChanges,
  version: number,
): Promise<DefinitionRow | undefined> {
  const [row] = await db
    .update(reportDefinitions)
    .set({ ...changes, version: sql`${reportDefinitions.version} + 1` })
    .where(and(eq(reportDefinitions.id, id), eq(reportDefinitions.version, version)))
    .returning();
  return row;
}

/** Deletes a definition; its cycles, their reminders and report drafts go with it (foreign keys cascade). */
export async function deleteDefinitionRow(db: Executor, id: string): Promise<void> {
  await db.delete(reportDefinitions).where(eq(reportDefinitions.id, id));
}

export async function deleteCycleRow(db: Executor, id: string): Promise<void> {
  await db.delete(reportingCycles).where(eq(reportingCycles.id, id));
}

/** Inserts one cycle; undefined when the definition already has one for that year. */
export async function insertCycle(db: Executor, values: CycleInsert): Promise<CycleRow | undefined> {
  const [row] = await db.insert(reportingCycles).values(values).onConflictDoNothing().returning();
  return row;
}

/** Reports sent or signed for the cycles given (report drafts with a sending time or a signed PDF). */
export async function countSentReports(db: Executor, cycleIds: readonly string[]): Promise<number> {
  if (cycleIds.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int n from report_drafts d
        where d.cycle_id = any(${sql.param([...cycleIds])}::uuid[])
          and (d.sent_at is not null or d.signed_file is not null)`,
  );
  return row?.n ?? 0;
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
