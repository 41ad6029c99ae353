import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import { activities, leadershipTerms, orgUnits } from '../../db/schema.js';
import type { ActivityRecord, LeadershipTerm } from '../../domain/computed.js';

const inUnits = (
  column: typeof leadershipTerms.orgUnitCode | typeof activities.orgUnitCode,
  units: readonly string[],
) => sql`${column} = any(${sql.param([...units])}::text[])`;

/** The codes of a unit's direct children of the given kinds. */
export async function findChildUnitCodes(
  db: Executor,
  parentCode: string,
  kinds: readonly ('agency' | 'commune')[],
): Promise<string[]> {
  const rows = await db
    .select({ code: orgUnits.code })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentCode, parentCode), inArray(orgUnits.kind, [...kinds])));
  return rows.map((u) => u.code);
}

/** The leadership terms recorded by these units (the register behind the key-leader indicator). */
export async function findLeadershipTermsOf(
  db: Executor,
  units: readonly string[],
): Promise<(LeadershipTerm & { orgUnitCode: string })[]> {
  return db.select().from(leadershipTerms).where(inUnits(leadershipTerms.orgUnitCode, units));
}

/** The activity log of these units, with only what computed indicators read. */
export async function findActivityRecordsOf(
  db: Executor,
  units: readonly string[],
): Promise<(ActivityRecord & { orgUnitCode: string })[]> {
  return db
    .select({
      orgUnitCode: activities.orgUnitCode,
      kind: activities.kind,
      date: activities.date,
      participantsFemale: activities.participantsFemale,
      participantsMale: activities.participantsMale,
    })
    .from(activities)
    .where(inUnits(activities.orgUnitCode, units));
}
