/**
 * The reads of the national scale, each timed against a hand-written indexed SQL aggregate of the same figures:
 * a province's progress, the national progress, a plan's dashboard and its submissions page.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/connection.js';
import { getPlan } from '../../src/modules/plans/plans.service.js';
import { planProgress } from '../../src/modules/progress/progress.service.js';
import { listUnitSubmissions } from '../../src/modules/submissions/submissions.service.js';
import { benchActor } from './load.js';
import { timeRuns, type Timing } from './timing.js';

export interface ReadResult {
  label: string;
  product: Timing;
  baseline: Timing;
}

/** The indicators a plan measures. */
async function planIndicators(db: Database, planId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct m.indicator_id id from measures m join targets t on t.id = m.target_id
        where t.plan_id = ${planId} and m.indicator_id is not null`,
  );
  return rows.map((r) => r.id);
}

/** The whole figures (no disaggregation) of a province's units, or of every unit, summed by indicator, year, sex. */
function aggregate(db: Database, ids: string[], province: string | null) {
  const scope = province
    ? sql`and org_unit_code in (select code from org_units where code = ${province} or parent_code = ${province})`
    : sql``;
  return queryRows(
    db,
    sql`select indicator_id, period, sex, sum(numerator), sum(denominator), count(*)
        from observations
        where indicator_id = any(${sql.param(ids)}::uuid[]) and age_group = '' and ethnicity = '' and area = '' ${scope}
        group by 1, 2, 3`,
  );
}

export async function measureReads(
  db: Database,
  plans: { province: string; provincePlan: string; nationalPlan: string },
  year: number,
  runs: number,
): Promise<ReadResult[]> {
  const coordinator = benchActor('coordinator.read', 'coordinator', plans.province);
  const provinceIds = await planIndicators(db, plans.provincePlan);
  const nationalIds = await planIndicators(db, plans.nationalPlan);
  const provinceAggregate = () => timeRuns(runs, () => aggregate(db, provinceIds, plans.province));
  const period = String(year);
  const results: ReadResult[] = [];
  const add = async (label: string, product: () => Promise<unknown>, baseline: () => Promise<Timing>) => {
    results.push({ label, product: await timeRuns(runs, product), baseline: await baseline() });
  };

  await add(
    `province progress (anonymous, accepted figures)`,
    // As GET /api/plans/{id}/progress computes it (before its cache): by sex only where a target commits for each.
    () => planProgress({ db, year, sexes: 'committed' }, plans.provincePlan, null),
    provinceAggregate,
  );
  // Figures accepted under the provinces' plans count for the national plan (docs/DOMAIN.md §6); the roll-up reads
  // every commune through its province, as the baseline's sum over every unit does.
  await add(
    'national progress (anonymous, accepted figures; SQL: every unit)',
    () => planProgress({ db, year, sexes: 'committed' }, plans.nationalPlan, null),
    () => timeRuns(runs, () => aggregate(db, nationalIds, null)),
  );
  await add(
    'dashboard (plan + progress with pending, coordinator)',
    () =>
      Promise.all([
        getPlan({ db }, plans.provincePlan, coordinator),
        planProgress({ db, year, includePending: true }, plans.provincePlan, coordinator),
      ]),
    provinceAggregate,
  );
  await add(
    `submissions page ${period} (coordinator)`,
    () => listUnitSubmissions({ db }, coordinator, plans.provincePlan, period),
    () =>
      timeRuns(runs, () =>
        queryRows(
          db,
          sql`select s.org_unit_code, s.status, s.version, count(o.id)
              from submissions s left join observations o on o.org_unit_code = s.org_unit_code
                and o.period = s.period and o.indicator_id = any(${sql.param(provinceIds)}::uuid[])
              where s.plan_id = ${plans.provincePlan} and s.period = ${period}
              group by 1, 2, 3`,
        ),
      ),
  );
  return results;
}

/** The database's size in bytes, as the server counts it (PGlite too). */
export async function databaseSize(db: Database): Promise<number> {
  const [row] = await queryRows<{ size: string }>(
    db,
    sql`select pg_database_size(current_database())::text size`,
  );
  return Number(row!.size);
}
