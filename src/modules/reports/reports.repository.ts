import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import { reportDrafts } from '../../db/schema.js';

export type DraftRow = typeof reportDrafts.$inferSelect;

/** The parts of a draft a write sets (what the unit writes, or the signed PDF's record). */
export type DraftFields = Partial<Omit<DraftRow, 'cycleId' | 'orgUnitCode' | 'version'>>;

const draftOf = (cycleId: string, unit: string) =>
  and(eq(reportDrafts.cycleId, cycleId), eq(reportDrafts.orgUnitCode, unit));

const nextVersion = () => sql`${reportDrafts.version} + 1`;

/** A unit's report draft for a cycle; `lock` holds it (FOR UPDATE) until the transaction ends. */
export async function findDraft(
  db: Executor,
  cycleId: string,
  unit: string,
  opts: { lock?: boolean } = {},
): Promise<DraftRow | undefined> {
  const query = db.select().from(reportDrafts).where(draftOf(cycleId, unit));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row;
}

/** A write of one unit's draft for a cycle. */
type DraftWrite<R> = (db: Executor, cycleId: string, unit: string, fields: DraftFields) => Promise<R>;

/** Changes an existing draft, raising its version. */
export const updateDraft: DraftWrite<DraftRow | undefined> = async (db, cycleId, unit, fields) => {
  const [row] = await db
    .update(reportDrafts)
    .set({ ...fields, version: nextVersion() })
    .where(draftOf(cycleId, unit))
    .returning();
  return row;
};

/** Creates a unit's first draft; undefined when another writer created it first. */
export const insertFirstDraft: DraftWrite<DraftRow | undefined> = async (db, cycleId, unit, fields) => {
  const [row] = await db
    .insert(reportDrafts)
    .values({ cycleId, orgUnitCode: unit, ...fields })
    .onConflictDoNothing()
    .returning();
  return row;
};

/** Creates the draft with these fields, or sets them on the one another writer created first (version raised). */
export const insertOrUpdateDraft: DraftWrite<DraftRow> = async (db, cycleId, unit, fields) => {
  const [row] = await db
    .insert(reportDrafts)
    .values({ cycleId, orgUnitCode: unit, ...fields })
    .onConflictDoUpdate({
      target: [reportDrafts.cycleId, reportDrafts.orgUnitCode],
      set: { ...fields, version: nextVersion() },
    })
    .returning();
  return row!;
};
