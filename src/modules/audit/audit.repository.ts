import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import { auditLog } from '../../db/schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** Who acts: recorded with every write. */
export interface AuditActor {
  userId: string | null;
  username: string | null;
}

/** Writes made by the system itself (demo data, reference data). */
export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  orgUnitCode?: string | null;
  period?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Records one audit row; call inside the write's own transaction. `at` is the caller's clock reading (never the
 * database server's `now()`, which is another process with its own clock).
 */
export async function recordAudit(
  tx: Executor,
  actor: AuditActor,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  await tx.insert(auditLog).values({
    at,
    userId: actor.userId,
    username: actor.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    orgUnitCode: entry.orgUnitCode ?? null,
    period: entry.period ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  });
}

/** What the audit trail can be narrowed to; `orgUnitCodes` is a unit's subtree. */
export interface AuditFilter {
  userId?: string;
  orgUnitCodes?: string[];
  period?: string;
  action?: string;
  limit: number;
}

export async function findAudit(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const c: SQL[] = [];
  if (f.userId) c.push(eq(auditLog.userId, f.userId));
  if (f.period) c.push(eq(auditLog.period, f.period));
  if (f.action) c.push(eq(auditLog.action, f.action));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...c))
    .orderBy(desc(auditLog.id))
    .limit(f.orgUnitCodes ? f.limit * 20 : f.limit);
  // Scope filter by unit list (subtree codes) in memory: audit rows carry their unit code.
  return (
    f.orgUnitCodes ? rows.filter((r) => r.orgUnitCode && f.orgUnitCodes!.includes(r.orgUnitCode)) : rows
  ).slice(0, f.limit);
}

/**
 * The `after` of an observation.record row (figure entry), compact whatever the batch's size: counts, what the
 * batch spans, and the keys of the figures written. The values replaced are in `before` (key, value, numerator,
 * denominator, version); the values written are not copied (see auditBatch in observations.write.ts). Rows written
 * before this shape have `after` as a list of figures with their values.
 */
export interface CompactFigureAudit {
  inserted: number;
  updated: number;
  /** Reporting units, periods and indicator codes of the figures written. */
  units: string[];
  periods: string[];
  indicators: string[];
  /** Figures new in this batch (version 1). */
  insertedKeys: string[];
  /** Figures replaced (their version in `before`, plus one). */
  updatedKeys: string[];
}

/**
 * Every audit row that touched one figure: single writes by id, batches by the key inside `after` (the keys of a
 * compact row, or a figure of an older row's list).
 */
export async function findObservationHistory(db: Executor, key: string): Promise<AuditRow[]> {
  const contains = (shape: unknown) => sql`${auditLog.after} @> ${JSON.stringify(shape)}::jsonb`;
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'observation'),
        or(
          eq(auditLog.entityId, key),
          contains([{ key }]),
          contains({ insertedKeys: [key] }),
          contains({ updatedKeys: [key] }),
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(500);
}

/** The plan's own rows and the workflow steps of its submissions. */
export async function findPlanHistory(db: Executor, planId: string): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.entity, 'plan'), eq(auditLog.entityId, planId)),
        and(
          eq(auditLog.entity, 'submission'),
          sql`${auditLog.after} @> ${JSON.stringify({ planId })}::jsonb`,
        ),
        and(
          eq(auditLog.entity, 'submission'),
          sql`${auditLog.after} @> ${JSON.stringify([{ planId }])}::jsonb`,
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1000);
}
