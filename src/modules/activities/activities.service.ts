import crypto from 'node:crypto';
import {
  ATTACHMENT_LIMIT,
  ATTACHMENT_MEDIA_TYPES,
  type AttachmentMediaType,
} from '../../domain/activity-log.js';
import fs from 'node:fs';
import { nodeFileWriter, writeFileAtomically, type FileWriter } from '../../core/file-store.js';
import path from 'node:path';
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../core/clock.js';
import type { Database, Executor } from '../../db/connection.js';
import { activities, attachments } from '../../db/schema.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit, type AuditActor } from '../audit/audit.repository.js';
import { findOrgUnit } from '../org-units/org-units.repository.js';

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityInsert = typeof activities.$inferInsert;
export type AttachmentRow = typeof attachments.$inferSelect;

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

export async function listActivities(db: Executor, unit: string, f: ActivityFilter): Promise<ActivityRow[]> {
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

export type ActivityInput = Pick<
  ActivityInsert,
  | 'kind'
  | 'title'
  | 'channel'
  | 'url'
  | 'date'
  | 'endDate'
  | 'occasion'
  | 'participantsFemale'
  | 'participantsMale'
  | 'findings'
  | 'taskIds'
  | 'targetIds'
>;

/** Logs an activity of a unit (one transaction with its audit row). */
export async function logActivity(
  deps: { db: Database; now: Clock },
  actor: AuditActor & { userId: string | null },
  unit: string,
  input: ActivityInput,
) {
  if (!(await findOrgUnit(deps.db, unit))) throw notFound(`Đơn vị ${unit}`);
  const issues = [];
  if (input.kind === 'communication' && !input.channel)
    issues.push({ path: '$.body.channel', message: 'Kênh truyền thông: chưa chọn' });
  if (input.kind === 'training' && input.participantsFemale == null && input.participantsMale == null) {
    issues.push({ path: '$.body.participantsFemale', message: 'Tập huấn: nhập số người tham dự nữ và nam' });
  }
  if (input.endDate && input.endDate < input.date)
    issues.push({ path: '$.body.endDate', message: 'Ngày kết thúc phải sau ngày bắt đầu' });
  if (issues.length > 0)
    throw new AppError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), issues);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(activities)
      .values({ ...input, orgUnitCode: unit, createdBy: actor.userId })
      .returning();
    await recordAudit(
      tx,
      actor,
      {
        action: 'activity.log',
        entity: 'activity',
        entityId: row!.id,
        orgUnitCode: unit,
        period: input.date.slice(0, 4),
        after: input,
      },
      now,
    );
    return row!;
  });
}

const isAttachmentType = (t: string): t is AttachmentMediaType =>
  (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(t);

/** Media types accepted as attachments, with the bytes their files start with. */
export const ATTACHMENT_TYPES: Record<AttachmentMediaType, { ext: string; magic: (b: Buffer) => boolean }> = {
  'image/jpeg': { ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/png': {
    ext: 'png',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  'application/pdf': { ext: 'pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    ext: 'docx',
    magic: (b) => b[0] === 0x50 && b[1] === 0x4b,
  },
};

/**
 * Attaches a file (photo, minutes) to an activity: checked for size and type (declared type and its first bytes
 * must agree), written to disk first and recorded after; a failure leaves neither a row nor a file.
 */
export async function attachFile(
  deps: { db: Database; now: Clock; filesDir: string; fileWriter?: FileWriter },
  actor: AuditActor,
  activityId: string,
  file: { name: string; mediaType: string; bytes: Buffer },
): Promise<AttachmentRow> {
  const activity = await findActivity(deps.db, activityId);
  if (!activity) throw notFound(`Hoạt động ${activityId}`);
  // The type first: a forbidden file is refused as such whatever its size.
  const type = isAttachmentType(file.mediaType) ? ATTACHMENT_TYPES[file.mediaType] : undefined;
  if (!type || (file.bytes.length > 0 && !type.magic(file.bytes))) {
    const message = `Tệp "${file.name}": chỉ nhận ảnh JPEG, PNG, tệp PDF hoặc Word (.docx)`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: '$.headers.content-type', message }]);
  }
  if (file.bytes.length === 0) {
    const message = `Tệp đính kèm "${file.name}" rỗng`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body', message }]);
  }
  if (file.bytes.length > ATTACHMENT_LIMIT) {
    const message = `Tệp đính kèm "${file.name}" vượt quá giới hạn ${ATTACHMENT_LIMIT / 1024 / 1024} MB`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body', message }]);
  }
  const sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex');
  const storedName = `${crypto.randomUUID()}.${type.ext}`;
  const finalPath = path.join(deps.filesDir, 'attachments', storedName);
  await writeFileAtomically(deps.fileWriter ?? nodeFileWriter, finalPath, file.bytes, `tệp "${file.name}"`);
  const now = deps.now();
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(attachments)
        .values({
          activityId,
          fileName: file.name,
          storedName,
          mediaType: file.mediaType,
          size: file.bytes.length,
          sha256,
          createdAt: now,
        })
        .returning();
      await recordAudit(
        tx,
        actor,
        {
          action: 'attachment.add',
          entity: 'attachment',
          entityId: row!.id,
          orgUnitCode: activity.orgUnitCode,
          after: {
            activityId,
            fileName: file.name,
            mediaType: file.mediaType,
            size: file.bytes.length,
            sha256,
          },
        },
        now,
      );
      return row!;
    });
  } catch (err) {
    fs.rmSync(finalPath, { force: true });
    throw err;
  }
}

export async function listAttachments(
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

export const attachmentPath = (filesDir: string, a: AttachmentRow) =>
  path.join(filesDir, 'attachments', a.storedName);
