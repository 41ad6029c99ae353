import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.js';
import type { Database, Executor } from '../../db/connection.js';
import { leadershipTerms, orgUnits, staffCounts } from '../../db/schema.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit, type AuditActor } from '../audit/audit.repository.js';
import { findOrgUnit } from '../org-units/org-units.repository.js';

export type TermRow = typeof leadershipTerms.$inferSelect;
export type TermInsert = typeof leadershipTerms.$inferInsert;

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

export async function listTerms(db: Executor, unit: string): Promise<TermRow[]> {
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
async function lockRegisterOf(tx: Executor, unit: string): Promise<void> {
  await tx.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.code, unit)).for('no key update');
}

const dayBefore = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Records who holds a post from a date: the running term of that post ends the day before, a new one starts.
 * One transaction with its audit row. Names are not kept, only the holder's sex.
 */
export async function changeHolder(
  deps: { db: Database; now: Clock },
  actor: AuditActor,
  unit: string,
  input: { position: string; isKeyLeader: boolean; holderSex: 'female' | 'male' | null; fromDate: string },
): Promise<TermRow> {
  if (!(await findOrgUnit(deps.db, unit))) throw notFound(`Đơn vị ${unit}`);
  const position = input.position.trim();
  return deps.db.transaction(async (tx) => {
    await lockRegisterOf(tx, unit);
    const [running] = await tx
      .select()
      .from(leadershipTerms)
      .where(
        and(
          eq(leadershipTerms.orgUnitCode, unit),
          eq(leadershipTerms.position, position),
          isNull(leadershipTerms.toDate),
        ),
      );
    if (running && running.fromDate >= input.fromDate) {
      const message = `Ngày bắt đầu phải sau ngày bắt đầu của nhiệm kỳ hiện tại (${running.fromDate})`;
      throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body.fromDate', message }]);
    }
    if (running) {
      await tx
        .update(leadershipTerms)
        .set({ toDate: dayBefore(input.fromDate), version: sql`${leadershipTerms.version} + 1` })
        .where(eq(leadershipTerms.id, running.id));
    }
    const [term] = await tx
      .insert(leadershipTerms)
      .values({
        orgUnitCode: unit,
        position,
        isKeyLeader: input.isKeyLeader,
        holderSex: input.holderSex,
        fromDate: input.fromDate,
      })
      .returning();
    await recordAudit(
      tx,
      actor,
      {
        action: 'leadership.change',
        entity: 'leadership',
        entityId: term!.id,
        orgUnitCode: unit,
        period: input.fromDate.slice(0, 4),
        before: running ? { position, holderSex: running.holderSex, fromDate: running.fromDate } : null,
        after: {
          position,
          isKeyLeader: input.isKeyLeader,
          holderSex: input.holderSex,
          fromDate: input.fromDate,
        },
      },
      deps.now(),
    );
    return term!;
  });
}

export type StaffRow = typeof staffCounts.$inferSelect;

export async function listStaff(db: Executor, unit: string): Promise<StaffRow[]> {
  return db
    .select()
    .from(staffCounts)
    .where(eq(staffCounts.orgUnitCode, unit))
    .orderBy(asc(staffCounts.asOf));
}

/** Staff by sex on a date (replaces the count of that date). */
export async function recordStaff(
  deps: { db: Database; now: Clock },
  actor: AuditActor,
  unit: string,
  input: { asOf: string; female: number; male: number },
): Promise<StaffRow> {
  if (!(await findOrgUnit(deps.db, unit))) throw notFound(`Đơn vị ${unit}`);
  return deps.db.transaction(async (tx) => {
    await lockRegisterOf(tx, unit);
    const [before] = await tx
      .select()
      .from(staffCounts)
      .where(and(eq(staffCounts.orgUnitCode, unit), eq(staffCounts.asOf, input.asOf)));
    const [row] = await tx
      .insert(staffCounts)
      .values({ orgUnitCode: unit, ...input })
      .onConflictDoUpdate({
        target: [staffCounts.orgUnitCode, staffCounts.asOf],
        set: { female: input.female, male: input.male, version: sql`${staffCounts.version} + 1` },
      })
      .returning();
    await recordAudit(
      tx,
      actor,
      {
        action: 'staff.record',
        entity: 'staff',
        entityId: `${unit}|${input.asOf}`,
        orgUnitCode: unit,
        before: before ? { female: before.female, male: before.male } : null,
        after: input,
      },
      deps.now(),
    );
    return row!;
  });
}
