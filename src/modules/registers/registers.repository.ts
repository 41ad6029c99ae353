import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import { leadershipTerms, orgUnits, staffCounts } from '../../db/schema.js';

export type TermRow = typeof leadershipTerms.$inferSelect;
export type TermInsert = typeof leadershipTerms.$inferInsert;
export type StaffRow = typeof staffCounts.$inferSelect;

/** Bulk insert (one unnest statement), for the demo and imports. */
export async function insertTerms(db: Executor, rows: readonly TermInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: TermInsert) => T) => sql.param(rows.map(f));
  await db.execute(sql`
    insert into leadership_terms (org_unit_code, position, is_key_leader, holder_sex, from_date, to_date, is_demo)
    select * from unnest(${col((r) => r.orgUnitCode)}::text[], ${col((r) => r.position)}::text[],
      ${col((r) => r.isKeyLeader)}::boolean[], ${col((r) => r.holderSex ?? null)}::text[], ${col((r) => r.fromDate)}::date[],
      ${col((r) => r.toDate ?? null)}::date[], ${col((r) => r.isDemo ?? false)}::boolean[])`);
}

export async function findTermsOfUnit(db: Executor, unit: string): Promise<TermRow[]> {
  return db
    .select()
    .from(leadershipTerms)
    .where(eq(leadershipTerms.orgUnitCode, unit))
    .orderBy(asc(leadershipTerms.position), asc(leadershipTerms.fromDate));
}

/**
 * Serializes a unit's register writes: the unit's row is held until the transaction ends (FOR NO KEY UPDATE,
 * which leaves rows referring to the unit free to be inserted elsewhere). Two changes of the same post then
 * cannot both find the same running term and leave two terms open.
 */
export async function lockRegisterOf(tx: Executor, unit: string): Promise<void> {
  await tx.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.code, unit)).for('no key update');
}

/** The term of a post that has not ended yet. */
export async function findRunningTerm(
  db: Executor,
  unit: string,
  position: string,
): Promise<TermRow | undefined> {
  const [row] = await db
    .select()
    .from(leadershipTerms)
    .where(
      and(
        eq(leadershipTerms.orgUnitCode, unit),
        eq(leadershipTerms.position, position),
        isNull(leadershipTerms.toDate),
      ),
    );
  return row;
}

export async function endTerm(db: Executor, id: string, toDate: string): Promise<void> {
  await db
    .update(leadershipTerms)
    .set({ toDate, version: sql`${leadershipTerms.version} + 1` })
    .where(eq(leadershipTerms.id, id));
}

export async function insertTerm(db: Executor, term: TermInsert): Promise<TermRow> {
  const [row] = await db.insert(leadershipTerms).values(term).returning();
  return row!;
}

export async function findStaffCountsOfUnit(db: Executor, unit: string): Promise<StaffRow[]> {
  return db
    .select()
    .from(staffCounts)
    .where(eq(staffCounts.orgUnitCode, unit))
    .orderBy(asc(staffCounts.asOf));
}

export async function findStaffCount(
  db: Executor,
  unit: string,
  asOf: string,
): Promise<StaffRow | undefined> {
  const [row] = await db
    .select()
    .from(staffCounts)
    .where(and(eq(staffCounts.orgUnitCode, unit), eq(staffCounts.asOf, asOf)));
  return row;
}

/** Staff by sex on a date, replacing the count of that date. */
export async function upsertStaffCount(
  db: Executor,
  unit: string,
  count: { asOf: string; female: number; male: number },
): Promise<StaffRow> {
  const [row] = await db
    .insert(staffCounts)
    .values({ orgUnitCode: unit, ...count })
    .onConflictDoUpdate({
      target: [staffCounts.orgUnitCode, staffCounts.asOf],
      set: { female: count.female, male: count.male, version: sql`${staffCounts.version} + 1` },
    })
    .returning();
  return row!;
}

/** The staff counts of these units, oldest first. */
export async function findStaffCountsOfUnits(db: Executor, units: readonly string[]): Promise<StaffRow[]> {
  if (units.length === 0) return [];
  return db
    .select()
    .from(staffCounts)
    .where(sql`${staffCounts.orgUnitCode} = any(${sql.param([...new Set(units)])}::text[])`)
    .orderBy(asc(staffCounts.asOf));
}
