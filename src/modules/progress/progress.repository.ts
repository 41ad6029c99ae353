import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.js';
import { activities, leadershipTerms, orgUnits } from '../../db/schema.js';
import type { ActivityRecord, LeadershipTerm } from '../../domain/computed.js';
import type { ChildrenAggregate } from '../../domain/rollup.js';
import type { PeriodType } from '../../domain/period.js';

const inUnits = (
  column: typeof leadershipTerms.orgUnitCode | typeof activities.orgUnitCode,
  units: readonly string[],
) => sql`${column} = any(${sql.param([...units])}::text[])`;

/** The leadership terms recorded by these units (the register behind the key-leader indicator). */
export async function findLeadershipTermsOf(
  db: Executor,
  units: readonly string[],
): Promise<(LeadershipTerm & { orgUnitCode: string })[]> {
  return db.select().from(leadershipTerms).where(inUnits(leadershipTerms.orgUnitCode, units));
}

/** The first day of the period of a type that a date falls in, in SQL. */
const periodStartOf = (type: PeriodType) => {
  const d = activities.date;
  switch (type) {
    case 'year':
      return sql`make_date(extract(year from ${d})::int, 1, 1)`;
    case 'half':
      return sql`make_date(extract(year from ${d})::int, case when extract(month from ${d}) <= 6 then 1 else 7 end, 1)`;
    case 'quarter':
      return sql`date_trunc('quarter', ${d})::date`;
    case 'month':
      return sql`date_trunc('month', ${d})::date`;
  }
};

/**
 * The activity log of these units, summed per unit, kind and period of the given type (dated the period's first
 * day, with how many activities and participants it holds): what computed indicators read, in as many rows as
 * there are units and periods with activities, not one per activity.
 */
export async function findActivityTotalsOf(
  db: Executor,
  units: readonly string[],
  periodType: PeriodType,
): Promise<(ActivityRecord & { orgUnitCode: string })[]> {
  const start = periodStartOf(periodType);
  const rows = await db
    .select({
      orgUnitCode: activities.orgUnitCode,
      kind: activities.kind,
      date: sql<string>`to_char(${start}, 'YYYY-MM-DD')`,
      participantsFemale: sql<number | null>`sum(${activities.participantsFemale})::int`,
      participantsMale: sql<number | null>`sum(${activities.participantsMale})::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(activities)
    .where(inUnits(activities.orgUnitCode, units))
    .groupBy(activities.orgUnitCode, activities.kind, start);
  return rows;
}

/** One period and sex of an indicator at a parent unit: its own figure (own) or its children's, summed in SQL. */
export interface FigureGroupRow extends Omit<ChildrenAggregate, 'fromRecords' | 'reported'> {
  parent: string;
  indicatorId: string;
  period: string;
  sex: string;
  own: boolean;
  /** The child the row is about, for indicators asked per unit; null for a group of children. */
  unit: string | null;
  /** How many of the children are communes. */
  communes: number;
  /** The children's codes; without the communes' when they were not asked for (`listCommunes`). */
  codes: string[];
}

/** What progress asks of the figures: which units, indicators, years, and which figures count. */
export interface FigureGroupQuery {
  withChildren: readonly string[];
  ownOnly: readonly string[];
  indicators: readonly { id: string; kinds: readonly string[] }[];
  /** Indicators whose children's figures are wanted one by one (targets stated per unit). */
  perUnit: readonly string[];
  /** Indicators whose figures by sex are read besides the totals; null: every indicator's. */
  bySex: readonly string[] | null;
  /** The years read (a plan's own and its baseline years). */
  years: { from: number; to: number };
  acceptedUnder: readonly string[];
  includePending: boolean;
  /** Name every commune behind a group (a province's missing communes); at the nation their count is enough. */
  listCommunes: boolean;
}

const figureGroupRow = (r: Record<string, unknown>): FigureGroupRow => ({
  parent: r.parent as string,
  indicatorId: r.indicator_id as string,
  period: r.period as string,
  sex: r.sex as string,
  own: r.own as boolean,
  unit: (r.unit as string | null) ?? null,
  count: r.count as number,
  sum: Number(r.sum),
  min: Number(r.min),
  max: Number(r.max),
  numerator: r.numerator === null ? null : Number(r.numerator),
  denominator: r.denominator === null ? null : Number(r.denominator),
  pending: r.pending as boolean,
  communes: r.communes as number,
  codes: r.codes as string[],
});

/**
 * The figures (without sub-groups) of indicators at parent units and at their children of the kinds that report
 * each indicator, aggregated in SQL per parent, indicator, period, sex: Σ values, Σ numerators, Σ denominators,
 * min, max and the children's codes, so that the answer grows with the scope's periods, not with the country. A
 * figure counts once its reporting unit's submission for the year is accepted under one of `acceptedUnder`
 * (pending ones too on request, marked). `ownOnly` units contribute their own figure only.
 *
 * Accepted figures only are read from their groups kept per plan (`accepted_figure_groups`), unless a unit-year is
 * accepted under two of the plans (it would count twice there); pending ones, and that case, from the figures.
 */
export async function findFigureGroups(db: Executor, query: FigureGroupQuery): Promise<FigureGroupRow[]> {
  if (query.indicators.length === 0) return [];
  if (query.includePending) return findFigureGroupsFromFigures(db, query);
  const perUnit = query.indicators.filter((i) => query.perUnit.includes(i.id));
  const [children, own, unitByUnit, overlap] = await Promise.all([
    findAcceptedChildGroups(db, query),
    // The units' own figures are few: read as they are.
    findFigureGroupsFromFigures(db, {
      ...query,
      withChildren: [],
      ownOnly: [...query.withChildren, ...query.ownOnly],
      perUnit: [],
    }),
    perUnit.length > 0 ? findFigureGroupsFromFigures(db, { ...query, ownOnly: [], indicators: perUnit }) : [],
    query.acceptedUnder.length > 1 ? acceptedTwice(db, query.acceptedUnder) : false,
  ]);
  if (overlap) return findFigureGroupsFromFigures(db, query);
  return [...children, ...own, ...unitByUnit.filter((r) => !r.own)];
}

/** Whether some unit-year is accepted under more than one of these plans. */
async function acceptedTwice(db: Executor, plans: readonly string[]): Promise<boolean> {
  const [row] = await queryRows<{ twice: boolean }>(
    db,
    sql`select exists (select 1 from submissions where status = 'accepted' and plan_id = any(${sql.param([...plans])}::uuid[])
          group by org_unit_code, period having count(*) > 1) as twice`,
  );
  return row?.twice === true;
}

/** Separates the codes of a group's kinds, joined in SQL (no unit code holds it). */
const CODE_SEPARATOR = '\u001f';

/**
 * The children's groups of accepted figures as the figures would give them: the kept groups of the plans, the
 * kinds reporting each indicator summed (Σ in numeric, as over the figures). Per-unit indicators' children are not
 * here: they are read figure by figure.
 */
async function findAcceptedChildGroups(db: Executor, query: FigureGroupQuery): Promise<FigureGroupRow[]> {
  const pairs = query.indicators.flatMap((i) => i.kinds.map((kind) => ({ id: i.id, kind })));
  const codes = sql`string_agg(array_to_string(g.codes, ${CODE_SEPARATOR}), ${CODE_SEPARATOR})`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with reporting(indicator_id, kind) as (
          select * from unnest(${sql.param(pairs.map((p) => p.id))}::uuid[], ${sql.param(pairs.map((p) => p.kind))}::text[])
        )
        select g.group_unit_code as parent, g.indicator_id, g.period, g.sex, false as own, null as unit,
          sum(g.count)::int as count, sum(g.sum_value)::float8 as sum, min(g.min_value)::float8 as min,
          max(g.max_value)::float8 as max,
          case when bool_and(g.all_parts) then sum(g.sum_numerator)::float8 end as numerator,
          case when bool_and(g.all_parts) then sum(g.sum_denominator)::float8 end as denominator,
          false as pending, coalesce(sum(g.count) filter (where g.kind = 'commune'), 0)::int as communes,
          ${query.listCommunes ? codes : sql`${codes} filter (where g.kind <> 'commune')`} as codes
        from accepted_figure_groups g
        where g.plan_id = any(${sql.param([...query.acceptedUnder])}::uuid[])
          and g.indicator_id = any(${sql.param(query.indicators.map((i) => i.id))}::uuid[])
          and g.period >= ${String(query.years.from)} and g.period < ${String(query.years.to + 1)}
          ${query.bySex ? sql`and (g.sex = 'total' or g.indicator_id = any(${sql.param([...query.bySex])}::uuid[]))` : sql``}
          and g.group_unit_code = any(${sql.param([...query.withChildren])}::text[])
          and not g.indicator_id = any(${sql.param([...query.perUnit])}::uuid[])
          and exists (select 1 from reporting r where r.indicator_id = g.indicator_id and r.kind = g.kind)
        group by 1, 2, 3, 4, 5`,
  );
  return rows.map((r) =>
    figureGroupRow({ ...r, codes: r.codes ? (r.codes as string).split(CODE_SEPARATOR) : [] }),
  );
}

/** The groups read from the figures themselves (and their submissions): pending figures, or the fallback. */
export async function findFigureGroupsFromFigures(
  db: Executor,
  query: FigureGroupQuery,
): Promise<FigureGroupRow[]> {
  if (query.indicators.length === 0) return [];
  const pairs = query.indicators.flatMap((i) => i.kinds.map((kind) => ({ id: i.id, kind })));
  // The scope's figures are read first (materialized), unit by unit through the whole-figures index, and only
  // then matched with the accepted submissions: left to itself the planner, which cannot count the units behind
  // the arrays, started from the submissions and read every figure of each unit-year, splits included.
  const statement = sql`with members(parent, code, kind, own) as (
          select u.code, u.code, u.kind, true from org_units u
          where u.code = any(${sql.param([...query.withChildren, ...query.ownOnly])}::text[])
          union all
          select u.parent_code, u.code, u.kind, false from org_units u
          where u.parent_code = any(${sql.param([...query.withChildren])}::text[])
        ), reporting(indicator_id, kind) as (
          select * from unnest(${sql.param(pairs.map((p) => p.id))}::uuid[], ${sql.param(pairs.map((p) => p.kind))}::text[])
        ), figures as materialized (
          select m.parent, m.own, m.kind, o.org_unit_code, o.reporting_unit_code, o.indicator_id, o.period, o.sex,
            o.value, o.numerator, o.denominator
          from members m
          join observations o on o.org_unit_code = m.code
          where o.indicator_id = any(${sql.param(query.indicators.map((i) => i.id))}::uuid[])
            and o.age_group = '' and o.ethnicity = '' and o.area = ''
            and o.period >= ${String(query.years.from)} and o.period < ${String(query.years.to + 1)}
            ${query.bySex ? sql`and (o.sex = 'total' or o.indicator_id = any(${sql.param([...query.bySex])}::uuid[]))` : sql``}
            and (m.own or exists (select 1 from reporting r where r.indicator_id = o.indicator_id and r.kind = m.kind))
        ), accepted(unit, year) as (
          select distinct s.org_unit_code, s.period from submissions s
          where s.status = 'accepted' and s.plan_id = any(${sql.param([...query.acceptedUnder])}::uuid[])
            and s.org_unit_code in (select reporting_unit_code from figures)
        )
        select o.parent, o.indicator_id, o.period, o.sex, o.own,
          case when not o.own and o.indicator_id = any(${sql.param([...query.perUnit])}::uuid[]) then o.org_unit_code end as unit,
          count(*)::int as count, sum(o.value)::float8 as sum, min(o.value)::float8 as min, max(o.value)::float8 as max,
          case when bool_and(o.numerator is not null and o.denominator is not null)
            then sum(o.numerator)::float8 end as numerator,
          case when bool_and(o.numerator is not null and o.denominator is not null)
            then sum(o.denominator)::float8 end as denominator,
          bool_or(a.unit is null) as pending, count(*) filter (where o.kind = 'commune')::int as communes,
          coalesce(array_agg(o.org_unit_code) ${query.listCommunes ? sql`` : sql`filter (where o.kind <> 'commune')`}, '{}') as codes
        from figures o
        left join accepted a on a.unit = o.reporting_unit_code and a.year = left(o.period, 4)
        ${query.includePending ? sql`` : sql`where a.unit is not null`}
        group by 1, 2, 3, 4, 5, 6`;
  // Many parents (the nation's provinces): a quarter of all figures is read, best by hashing. The planner cannot
  // count the units behind the arrays and would walk them unit by unit (measured: 2.4 s against 0.7 s).
  const rows =
    query.withChildren.length > 1
      ? await db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_nestloop = off`);
          await tx.execute(sql`set local enable_sort = off`);
          return queryRows<Record<string, unknown>>(tx, statement);
        })
      : await queryRows<Record<string, unknown>>(db, statement);
  return rows.map(figureGroupRow);
}

/** Children of these units (their code, parent and kind): who owes figures at each province of a national scope. */
export async function findChildrenOf(
  db: Executor,
  parents: readonly string[],
): Promise<{ code: string; parentCode: string; kind: string }[]> {
  if (parents.length === 0) return [];
  return db
    .select({ code: orgUnits.code, parentCode: sql<string>`${orgUnits.parentCode}`, kind: orgUnits.kind })
    .from(orgUnits)
    .where(inArray(orgUnits.parentCode, [...parents]));
}

/** The plans issued for a whole province (owned by the province itself): where its units' figures are accepted. */
export async function findProvincePlanIds(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select p.id from plans p join org_units u on u.code = p.owner_unit_code where u.kind = 'province'`,
  );
  return rows.map((r) => r.id);
}
