import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import { activities, attachments } from '../../db/schema.js';

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityInsert = typeof activities.$inferInsert;
export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentInsert = typeof attachments.$inferInsert;

/** Bulk insert (one unnest statement), for the demo and imports. */
export async function insertActivities(db: Executor, rows: readonly ActivityInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: ActivityInsert) => T) => sql.param(rows.map(f));
  await db.execute(sql`
    insert into activities (org_unit_code, kind, title, channel, date, occasion, is_demo)
    select * from unnest(${col((r) => r.orgUnitCode)}::text[], ${col((r) => r.kind)}::text[], ${col((r) => r.title)}::text[],
      ${col((r) => r.channel ?? null)}::text[], ${col((r) => r.date)}::date[], ${col((r) => r.occasion ?? null)}::text[],
      ${col((r) => r.isDemo ?? false)}::boolean[])`);
}

/** What the activity log can be narrowed to; every field is optional but the row limit. */
export interface ActivityFilter {
  kind?: string;
  channel?: string;
  occasion?: string;
  target?: string;
  task?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** A unit's activities, newest first. */
export async function findActivities(db: Executor, unit: string, f: ActivityFilter): Promise<ActivityRow[]> {
  const c: SQL[] = [eq(activities.orgUnitCode, unit)];
  if (f.kind) c.push(eq(activities.kind, f.kind as ActivityRow['kind']));
  if (f.channel) c.push(eq(activities.channel, f.channel as NonNullable<ActivityRow['channel']>));
  if (f.occasion) c.push(eq(activities.occasion, f.occasion));
  // jsonb containment: the item serves this target / task among others.
  if (f.target) c.push(sql`${activities.targetIds} @> ${JSON.stringify([f.target])}::jsonb`);
  if (f.task) c.push(sql`${activities.taskIds} @> ${JSON.stringify([f.task])}::jsonb`);
  if (f.from) c.push(gte(activities.date, f.from));
  if (f.to) c.push(lte(activities.date, f.to));
  return db
    .select()
    .from(activities)
    .where(and(...c))
    .orderBy(desc(activities.date))
    .limit(f.limit);
}

export async function findActivity(db: Executor, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  return row;
}

export async function insertActivity(db: Executor, activity: ActivityInsert): Promise<ActivityRow> {
  const [row] = await db.insert(activities).values(activity).returning();
  return row!;
}

export async function insertAttachment(db: Executor, attachment: AttachmentInsert): Promise<AttachmentRow> {
  const [row] = await db.insert(attachments).values(attachment).returning();
  return row!;
}

/** The attachments of many activities (one query). */
export async function findAttachmentsOfActivities(
  db: Executor,
  activityIds: readonly string[],
): Promise<AttachmentRow[]> {
  if (activityIds.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(sql`${attachments.activityId} = any(${sql.param([...activityIds])}::uuid[])`);
}

export async function findAttachment(db: Executor, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row;
}
