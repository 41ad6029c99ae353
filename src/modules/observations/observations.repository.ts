import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.js';
import { historyStats, MIN_HISTORY, type HistoryStats } from '../../domain/outlier.js';
import {
  assignments,
  indicators,
  measures,
  observations,
  plans,
  submissions,
  targets,
} from '../../db/schema.js';
import type { SubmissionStatus } from '../../domain/workflow.js';

export type ObservationRow = typeof observations.$inferSelect;

export interface ObservationWrite {
  indicatorId: string;
  orgUnitCode: string;
  reportingUnitCode: string;
  period: string;
  periodType: 'year' | 'half' | 'quarter' | 'month';
  sex: 'total' | 'female' | 'male';
  ageGroup: string;
  ethnicity: string;
  area: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  note: string | null;
  isDemo: boolean;
}

const str = (n: number | null) => (n === null ? null : String(n));

/** The stable key of a stored figure: indicator, unit, period and disaggregation. */
export type ObservationKey = Pick<
  ObservationWrite,
  'indicatorId' | 'orgUnitCode' | 'period' | 'sex' | 'ageGroup' | 'ethnicity' | 'area'
>;

export const keyOf = (k: ObservationKey) =>
  [k.indicatorId, k.orgUnitCode, k.period, k.sex, k.ageGroup, k.ethnicity, k.area].join('\u0000');

/**
 * Inserts or replaces figures in one statement (unnest), stamped `at` (the caller's clock, not the database
 * server's); a replaced figure's version goes up. With `expected`
 * (one version per row, 0 for a figure that must be new), a row is written only while the stored version is
 * still the expected one: the statement itself decides, so two writers from the same version cannot both
 * succeed. Returns the keys of the rows written.
 */
export async function upsertObservations(
  db: Executor,
  rows: readonly ObservationWrite[],
  at: Date,
  expected?: readonly number[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const col = <T>(f: (r: ObservationWrite, i: number) => T) => sql.param(rows.map(f));
  // The expected version travels in the inserted row's own version (expected + 1: a new figure gets 1), so the
  // conflict clause can compare it with the stored one.
  const nextVersion = col((_, i) => (expected ? expected[i]! + 1 : 1));
  const result = await db.execute<Record<string, unknown>>(sql`
    insert into observations (indicator_id, org_unit_code, reporting_unit_code, period, period_type, sex, age_group,
      ethnicity, area, value, numerator, denominator, source, note, is_demo, version, updated_at)
    select indicator_id::uuid, org_unit_code, reporting_unit_code, period, period_type, sex, age_group, ethnicity, area,
      value::numeric, numerator::numeric, denominator::numeric, source, note, is_demo, version,
      ${at.toISOString()}::timestamptz
    from unnest(${col((r) => r.indicatorId)}::text[], ${col((r) => r.orgUnitCode)}::text[],
      ${col((r) => r.reportingUnitCode)}::text[], ${col((r) => r.period)}::text[],
      ${col((r) => r.periodType)}::text[], ${col((r) => r.sex)}::text[], ${col((r) => r.ageGroup)}::text[],
      ${col((r) => r.ethnicity)}::text[], ${col((r) => r.area)}::text[], ${col((r) => String(r.value))}::text[],
      ${col((r) => str(r.numerator))}::text[], ${col((r) => str(r.denominator))}::text[], ${col((r) => r.source)}::text[],
      ${col((r) => r.note)}::text[], ${col((r) => r.isDemo)}::boolean[], ${nextVersion}::int[])
      as t(indicator_id, org_unit_code, reporting_unit_code, period, period_type, sex, age_group, ethnicity, area, value, numerator,
           denominator, source, note, is_demo, version)
    on conflict (indicator_id, org_unit_code, period, sex, age_group, ethnicity, area) do update set
      reporting_unit_code = excluded.reporting_unit_code, value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
      source = excluded.source, note = excluded.note, is_demo = excluded.is_demo,
      version = observations.version + 1, updated_at = excluded.updated_at
    ${expected ? sql`where observations.version = excluded.version - 1` : sql``}
    returning indicator_id, org_unit_code, period, sex, age_group, ethnicity, area`);
  return (
    result as {
      rows: {
        indicator_id: string;
        org_unit_code: string;
        period: string;
        sex: string;
        age_group: string;
        ethnicity: string;
        area: string;
      }[];
    }
  ).rows.map((r) =>
    keyOf({
      indicatorId: r.indicator_id,
      orgUnitCode: r.org_unit_code,
      period: r.period,
      sex: r.sex as ObservationKey['sex'],
      ageGroup: r.age_group,
      ethnicity: r.ethnicity,
      area: r.area,
    }),
  );
}

/**
 * The stored figures with these keys, locked until the transaction ends (FOR UPDATE, in a fixed order so that
 * two batches never wait on each other crosswise): their versions and values cannot change before the write.
 */
export async function lockObservations(
  db: Executor,
  keys: readonly ObservationKey[],
): Promise<ObservationRow[]> {
  if (keys.length === 0) return [];
  const col = (f: (k: ObservationKey) => string) => sql.param(keys.map(f));
  return db
    .select()
    .from(observations)
    .where(
      sql`(${observations.indicatorId}, ${observations.orgUnitCode}, ${observations.period}, ${observations.sex},
        ${observations.ageGroup}, ${observations.ethnicity}, ${observations.area}) in (select * from unnest(
        ${col((k) => k.indicatorId)}::uuid[], ${col((k) => k.orgUnitCode)}::text[], ${col((k) => k.period)}::text[],
        ${col((k) => k.sex)}::text[], ${col((k) => k.ageGroup)}::text[], ${col((k) => k.ethnicity)}::text[],
        ${col((k) => k.area)}::text[]))`,
    )
    .orderBy(observations.id)
    .for('update');
}

/**
 * The submissions (of every plan) of these reporting units and years, locked against status changes until
 * the transaction ends. FOR SHARE: writers of the same unit do not wait for each other, but an approval (an
 * UPDATE of the row) waits for the writes in flight, and a write arriving after an approval waits for it and
 * then reads the approved status.
 */
export async function lockSubmissionsOf(
  db: Executor,
  pairs: readonly { unit: string; year: string }[],
): Promise<{ unit: string; period: string; status: SubmissionStatus }[]> {
  if (pairs.length === 0) return [];
  const unique = [...new Map(pairs.map((p) => [`${p.unit}|${p.year}`, p])).values()];
  return db
    .select({ unit: submissions.orgUnitCode, period: submissions.period, status: submissions.status })
    .from(submissions)
    .where(
      sql`(${submissions.orgUnitCode}, ${submissions.period}) in (select * from unnest(${sql.param(
        unique.map((p) => p.unit),
      )}::text[], ${sql.param(unique.map((p) => p.year))}::text[]))`,
    )
    .orderBy(submissions.id)
    .for('share');
}

/**
 * The stored figures of the groups that must add up (female + male = total): same indicator, unit, period and
 * disaggregation, any sex. Only those, not the history: one query whatever the batch.
 */
export async function findSexGroupFigures(
  db: Executor,
  keys: readonly ObservationKey[],
): Promise<ObservationRow[]> {
  if (keys.length === 0) return [];
  const groups = [...new Map(keys.map((k) => [keyOf({ ...k, sex: 'total' }), k])).values()];
  const col = (f: (k: ObservationKey) => string) => sql.param(groups.map(f));
  return db
    .select()
    .from(observations)
    .where(
      sql`(${observations.indicatorId}, ${observations.orgUnitCode}, ${observations.period}, ${observations.ageGroup},
        ${observations.ethnicity}, ${observations.area}) in (select * from unnest(${col((k) => k.indicatorId)}::uuid[],
        ${col((k) => k.orgUnitCode)}::text[], ${col((k) => k.period)}::text[], ${col((k) => k.ageGroup)}::text[],
        ${col((k) => k.ethnicity)}::text[], ${col((k) => k.area)}::text[]))`,
    );
}

/**
 * For each figure, what the outlier check needs of its history (src/domain/outlier.ts, HistoryStats): the stored
 * values of the same indicator, unit, sex and disaggregation in other periods, gathered per figure in SQL and
 * reduced by the domain's own `historyStats`; only for histories of at least MIN_HISTORY values, by `keyOf`.
 * Each indicator and unit's stored figures are read once, then matched by sex and disaggregation: read key by key,
 * an indicator split by sex and 15 age groups read its unit's figures 45 times over.
 */
export async function findHistoryStats(
  db: Executor,
  keys: readonly ObservationKey[],
): Promise<Map<string, HistoryStats>> {
  if (keys.length === 0) return new Map();
  const unique = [...new Map(keys.map((k) => [keyOf(k), k])).values()];
  const col = (f: (k: ObservationKey) => string) => sql.param(unique.map(f));
  // Hashed, not merged: a merge join sorts every stored figure on six text columns, most of the query's time.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_mergejoin = off`);
    return queryRows<{ i: number; history: number[] }>(
      tx,
      sql`
    with c as (
      select * from unnest(${col((k) => k.indicatorId)}::uuid[], ${col((k) => k.orgUnitCode)}::text[],
        ${col((k) => k.period)}::text[], ${col((k) => k.sex)}::text[], ${col((k) => k.ageGroup)}::text[],
        ${col((k) => k.ethnicity)}::text[], ${col((k) => k.area)}::text[])
        with ordinality as c(indicator_id, org_unit_code, period, sex, age_group, ethnicity, area, i)
    ), stored as materialized (
      select o.indicator_id, o.org_unit_code, o.period, o.sex, o.age_group, o.ethnicity, o.area, o.value::float8 as v
      from (select distinct indicator_id, org_unit_code from c) u
      join observations o on o.indicator_id = u.indicator_id and o.org_unit_code = u.org_unit_code
    )
    select c.i::int as i, array_agg(o.v) as history
    from c join stored o on o.indicator_id = c.indicator_id and o.org_unit_code = c.org_unit_code
      and o.sex = c.sex and o.age_group = c.age_group and o.ethnicity = c.ethnicity and o.area = c.area
      and o.period <> c.period
    group by c.i
    having count(*) >= ${MIN_HISTORY}`,
    );
  });
  return new Map(rows.map((r) => [keyOf(unique[Number(r.i) - 1]!), historyStats(r.history.map(Number))!]));
}

/** How many figures the planner's statistics last counted (0 before any). */
export async function analyzedObservationRows(db: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'observations'::regclass`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Refreshes the planner's statistics of the figures after a large import. PGlite never runs autovacuum, so
 * without this its plans for the next batch would assume the table as it was before.
 */
export async function analyzeObservations(db: Executor): Promise<void> {
  await db.execute(sql`analyze observations`);
}

/** Years in which each indicator's figures are accepted: from the plans whose measures use it. */
export async function findIndicatorYears(
  db: Executor,
  indicatorIds: readonly string[],
): Promise<Map<string, { from: number; to: number }>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await db
    .select({
      indicatorId: measures.indicatorId,
      from: sql<number>`min(${plans.periodFrom})::int`,
      to: sql<number>`max(${plans.periodTo})::int`,
    })
    .from(measures)
    .innerJoin(targets, eq(targets.id, measures.targetId))
    .innerJoin(plans, eq(plans.id, targets.planId))
    .where(inArray(measures.indicatorId, [...new Set(indicatorIds)]))
    .groupBy(measures.indicatorId);
  return new Map(rows.map((r) => [r.indicatorId!, { from: r.from, to: r.to }]));
}

/** Where a page of figures starts: after the figure with this period, sex and id (the list's order). */
export interface FigureCursor {
  period: string;
  sex: string;
  id: string;
}

/**
 * A page of the figures matching `filter` that the caller may see, in (period, sex, id) order after `after`, and
 * how many there are in all. Visible: accepted figures (the reporting unit's year accepted under any plan) for
 * anyone; the others only under `readableRoots` (the units of the caller's grants, with everything below them).
 */
export async function findObservationPage(
  db: Executor,
  filter: { indicatorId?: string; orgUnitCode?: string; period?: string },
  readableRoots: readonly string[],
  after: FigureCursor | null,
  limit: number,
): Promise<{ rows: (ObservationRow & { accepted: boolean })[]; total: number }> {
  const conditions = [sql`true`];
  if (filter.indicatorId) conditions.push(sql`o.indicator_id = ${filter.indicatorId}`);
  if (filter.orgUnitCode) conditions.push(sql`o.org_unit_code = ${filter.orgUnitCode}`);
  if (filter.period) conditions.push(sql`o.period = ${filter.period}`);
  const roots = sql`array[${sql.join(
    [...readableRoots, ''].map((r) => sql`${r}`),
    sql`, `,
  )}]::text[]`;
  const visible = sql`with recursive readable(code) as (
        select code from org_units where code = any(${roots})
        union
        select u.code from org_units u join readable r on u.parent_code = r.code
      ),
      visible as (
        select o.*, exists (select 1 from submissions s where s.org_unit_code = o.reporting_unit_code
                              and s.period = left(o.period, 4) and s.status = 'accepted') as accepted
        from observations o
        where ${sql.join(conditions, sql` and `)}
      )`;
  const readableOrAccepted = sql`(v.accepted or v.reporting_unit_code in (select code from readable))`;
  const [rows, [count]] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`${visible}
          select v.* from visible v
          where ${readableOrAccepted}
            ${after ? sql`and (v.period, v.sex, v.id) > (${after.period}, ${after.sex}, ${after.id}::uuid)` : sql``}
          order by v.period, v.sex, v.id
          limit ${limit}`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`${visible} select count(*)::int as n from visible v where ${readableOrAccepted}`,
    ),
  ]);
  return { rows: rows.map(observationOfRow), total: count!.n };
}

/** A raw `observations` row (snake_case, as SQL returns it) with its accepted flag, as the schema's row type. */
function observationOfRow(r: Record<string, unknown>): ObservationRow & { accepted: boolean } {
  return {
    id: r.id as string,
    indicatorId: r.indicator_id as string,
    orgUnitCode: r.org_unit_code as string,
    reportingUnitCode: r.reporting_unit_code as string,
    period: r.period as string,
    periodType: r.period_type as ObservationRow['periodType'],
    sex: r.sex as ObservationRow['sex'],
    ageGroup: r.age_group as string,
    ethnicity: r.ethnicity as string,
    area: r.area as string,
    value: r.value as string,
    numerator: r.numerator as string | null,
    denominator: r.denominator as string | null,
    source: r.source as string | null,
    note: r.note as string | null,
    isDemo: r.is_demo as boolean,
    version: r.version as number,
    updatedAt: r.updated_at instanceof Date ? r.updated_at : new Date(r.updated_at as string),
    accepted: r.accepted as boolean,
  };
}

/** The stored figure an audit key names (indicator code, unit, period, disaggregation), or null. */
export async function findFigureByAuditKey(
  db: Executor,
  key: {
    indicator: string;
    orgUnit: string;
    period: string;
    sex: string;
    ageGroup: string;
    ethnicity: string;
    area: string;
  },
): Promise<Pick<ObservationRow, 'value' | 'numerator' | 'denominator' | 'version'> | null> {
  const rows = await db
    .select({
      value: observations.value,
      numerator: observations.numerator,
      denominator: observations.denominator,
      version: observations.version,
    })
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .where(
      and(
        eq(indicators.code, key.indicator),
        eq(observations.orgUnitCode, key.orgUnit),
        eq(observations.period, key.period),
        sql`${observations.sex} = ${key.sex}`,
        eq(observations.ageGroup, key.ageGroup),
        eq(observations.ethnicity, key.ethnicity),
        eq(observations.area, key.area),
      ),
    );
  return rows[0] ?? null;
}

/** The indicators of the targets assigned to these units (led or coordinated), one row per unit and indicator. */
export async function findOwedIndicators(db: Executor, unitCodes: readonly string[]) {
  return db
    .selectDistinct({ unit: assignments.orgUnitCode, indicatorId: measures.indicatorId })
    .from(assignments)
    .innerJoin(measures, eq(measures.targetId, assignments.targetId))
    .where(sql`${assignments.orgUnitCode} = any(${sql.param([...new Set(unitCodes)])}::text[])`);
}
