import { and, eq, like, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.js';
import { orgUnits } from '../../db/schema.js';

export type OrgUnitRecord = typeof orgUnits.$inferSelect;
export type OrgUnitKind = OrgUnitRecord['kind'];

export async function findOrgUnit(db: Executor, code: string): Promise<OrgUnitRecord | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  return row;
}

/** The unit's ancestors from the nation down, the unit itself excluded. */
export async function findAncestors(db: Executor, code: string): Promise<OrgUnitRecord[]> {
  const rows0 = await queryRows<{ code: string }>(
    db,
    sql`
    with recursive up(code, parent_code, depth) as (
      select code, parent_code, 0 from org_units where code = ${code}
      union all
      select o.code, o.parent_code, up.depth + 1 from org_units o join up on o.code = up.parent_code
    )
    select code from up where depth > 0 order by depth desc`,
  );
  const codes = rows0.map((r) => r.code);
  if (codes.length === 0) return [];
  const rows = await db
    .select()
    .from(orgUnits)
    .where(sql`${orgUnits.code} = any(${sql.param(codes)}::text[])`);
  return codes.map((c) => rows.find((r) => r.code === c)).filter((r): r is OrgUnitRecord => r !== undefined);
}

/**
 * The ancestry of many units at once, as permission checks expect it: the unit, its parent, … up to the nation.
 * A code not in the catalogue is its own ancestry.
 */
export async function findAncestries(db: Executor, codes: readonly string[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(codes)];
  const result = new Map(unique.map((c) => [c, [c]]));
  if (unique.length === 0) return result;
  const rows = await queryRows<{ start: string; code: string }>(
    db,
    sql`
    with recursive up(start, code, parent_code, depth) as (
      select code, code, parent_code, 0 from org_units where code = any(${sql.param(unique)}::text[])
      union all
      select up.start, o.code, o.parent_code, up.depth + 1 from org_units o join up on o.code = up.parent_code
    )
    select start, code from up where depth > 0 order by start, depth`,
  );
  for (const r of rows) result.get(r.start)!.push(r.code);
  return result;
}

/** Codes of a unit and everything under it. */
export async function findSubtreeCodes(db: Executor, code: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`with recursive down(code) as (select ${code}::text union all select o.code from org_units o join down on o.parent_code = down.code) select code from down`,
  );
  return rows.map((r) => r.code);
}

export async function findChildren(db: Executor, code: string, kind?: OrgUnitKind): Promise<OrgUnitRecord[]> {
  const conditions: SQL[] = [eq(orgUnits.parentCode, code)];
  if (kind) conditions.push(eq(orgUnits.kind, kind));
  return db
    .select()
    .from(orgUnits)
    .where(and(...conditions));
}

export async function countChildrenByKind(db: Executor, code: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ kind: orgUnits.kind, n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(eq(orgUnits.parentCode, code))
    .groupBy(orgUnits.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/** Units whose folded names contain every folded word of the query. */
export async function searchOrgUnits(
  db: Executor,
  words: readonly string[],
  options: { kind?: OrgUnitKind; parentCode?: string; limit: number },
): Promise<OrgUnitRecord[]> {
  const conditions: SQL[] = words.map((w) => like(orgUnits.searchText, `%${w.replace(/[%_\\]/g, '')}%`));
  if (options.kind) conditions.push(eq(orgUnits.kind, options.kind));
  if (options.parentCode) conditions.push(eq(orgUnits.parentCode, options.parentCode));
  return db
    .select()
    .from(orgUnits)
    .where(and(...conditions))
    .limit(options.limit);
}

export async function findOrgUnitsByCodes(db: Executor, codes: readonly string[]): Promise<OrgUnitRecord[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(orgUnits)
    .where(sql`${orgUnits.code} = any(${sql.param([...new Set(codes)])}::text[])`);
}

export async function listProvinces(db: Executor): Promise<OrgUnitRecord[]> {
  return db.select().from(orgUnits).where(eq(orgUnits.kind, 'province'));
}

/**
 * The highest number ever given to a section of `parent` (`<parent>-<n>`): among the sections there now and those
 * added and removed since (the audit trail keeps every addition), so a removed section's code is never reused.
 */
export async function findLastSectionNumber(db: Executor, parent: string): Promise<number> {
  const rows = await queryRows<{ n: number | null }>(
    db,
    sql`
    select max(substr(code, ${parent.length + 2})::int) as n from (
      select code from org_units where parent_code = ${parent} and kind = 'section'
      union all
      select entity_id as code from audit_log where action = 'section.add' and org_unit_code = ${parent}
    ) s
    where code like ${`${parent.replace(/[%_\\]/g, '\\$&')}-%`} and substr(code, ${parent.length + 2}) ~ '^[0-9]{1,9}$'`,
  );
  return rows[0]?.n ?? 0;
}

export async function insertOrgUnit(db: Executor, row: typeof orgUnits.$inferInsert): Promise<OrgUnitRecord> {
  const [inserted] = await db.insert(orgUnits).values(row).returning();
  return inserted!;
}

export async function updateOrgUnitNames(
  db: Executor,
  code: string,
  names: Pick<OrgUnitRecord, 'name' | 'fullName' | 'unitType' | 'searchText'>,
): Promise<OrgUnitRecord> {
  const [row] = await db.update(orgUnits).set(names).where(eq(orgUnits.code, code)).returning();
  return row!;
}

export async function deleteOrgUnit(db: Executor, code: string): Promise<void> {
  await db.delete(orgUnits).where(eq(orgUnits.code, code));
}

/** Holds a unit's row until the transaction ends, so that two changes of its sections run one after the other. */
export async function lockOrgUnit(tx: Executor, code: string): Promise<void> {
  await tx.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.code, code)).for('no key update');
}

/** True when `err` (or an error it wraps) is a foreign-key violation: rows elsewhere still refer to the row. */
export function isForeignKeyViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === '23503') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The sections of these units, with their parent. */
export async function findSectionsOf(
  db: Executor,
  parents: readonly string[],
): Promise<{ code: string; parentCode: string }[]> {
  if (parents.length === 0) return [];
  const rows = await db
    .select({ code: orgUnits.code, parentCode: orgUnits.parentCode })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, 'section'),
        sql`${orgUnits.parentCode} = any(${sql.param([...new Set(parents)])}::text[])`,
      ),
    );
  return rows.flatMap((r) => (r.parentCode ? [{ code: r.code, parentCode: r.parentCode }] : []));
}
