import crypto from 'node:crypto';
import {
  ATTACHMENT_LIMIT,
  ATTACHMENT_MEDIA_TYPES,
  type AttachmentMediaType,
} from '../../domain/activity-log.js';
import fs from 'node:fs';
import { nodeFileWriter, writeFileAtomically, type FileWriter } from '../../core/file-store.js';
import path from 'node:path';
import type { Actor } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit, type AuditActor } from '../audit/audit.repository.js';
import { canReadUnit } from '../auth/auth.service.js';
import { requireOrgUnit } from '../org-units/org-units.service.js';
import {
  findActivities,
  findActivity,
  findAttachment,
  findAttachmentsOfActivities,
  insertActivity,
  insertAttachment,
  type ActivityFilter,
  type ActivityInsert,
  type ActivityRow,
  type AttachmentRow,
} from './activities.repository.js';

export interface ActivityDeps {
  db: Database;
  now: Clock;
}

/** A unit's activities and, for the unit's own users and those above it, their attachments. */
export interface ActivityLog {
  activities: ActivityRow[];
  attachments: AttachmentRow[];
}

/**
 * A unit's activity log. Inspection findings and attached files are for the unit's own users and those above it:
 * anyone else gets the activities without them.
 */
export async function activityLog(
  deps: Pick<ActivityDeps, 'db'>,
  actor: Actor | null,
  unit: string,
  filter: ActivityFilter,
): Promise<ActivityLog> {
  const rows = await findActivities(deps.db, unit, filter);
  if (!(await canReadUnit(deps.db, actor, unit))) {
    return { activities: rows.map((r) => ({ ...r, findings: null })), attachments: [] };
  }
  const files = await findAttachmentsOfActivities(
    deps.db,
    rows.map((r) => r.id),
  );
  return { activities: rows, attachments: files };
}

/** The unit an activity belongs to, for permission checks; none for an unknown activity. */
export async function unitsOfActivity(deps: Pick<ActivityDeps, 'db'>, id: string | null): Promise<string[]> {
  const a = id ? await findActivity(deps.db, id) : undefined;
  return a ? [a.orgUnitCode] : [];
}

/** The unit of an attachment's activity, for permission checks; none for an unknown attachment. */
export async function unitsOfAttachment(
  deps: Pick<ActivityDeps, 'db'>,
  id: string | null,
): Promise<string[]> {
  return unitsOfActivity(deps, id ? ((await findAttachment(deps.db, id))?.activityId ?? null) : null);
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
  deps: ActivityDeps,
  actor: AuditActor & { userId: string | null },
  unit: string,
  input: ActivityInput,
) {
  await requireOrgUnit(deps.db, unit);
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
    const row = await insertActivity(tx, { ...input, orgUnitCode: unit, createdBy: actor.userId });
    await recordAudit(
      tx,
      actor,
      {
        action: 'activity.log',
        entity: 'activity',
        entityId: row.id,
        orgUnitCode: unit,
        period: input.date.slice(0, 4),
        after: input,
      },
      now,
    );
    return row;
  });
}

/** Where an attachment's file is stored. */
const attachmentPath = (filesDir: string, storedName: string) =>
  path.join(filesDir, 'attachments', storedName);

const isAttachmentType = (t: string): t is AttachmentMediaType =>
  (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(t);

/** Media types accepted as attachments, with the bytes their files start with. */
const ATTACHMENT_TYPES: Record<AttachmentMediaType, { ext: string; magic: (b: Buffer) => boolean }> = {
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
  deps: ActivityDeps & { filesDir: string; fileWriter?: FileWriter },
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
  const finalPath = attachmentPath(deps.filesDir, storedName);
  await writeFileAtomically(deps.fileWriter ?? nodeFileWriter, finalPath, file.bytes, `tệp "${file.name}"`);
  const now = deps.now();
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await insertAttachment(tx, {
        activityId,
        fileName: file.name,
        storedName,
        mediaType: file.mediaType,
        size: file.bytes.length,
        sha256,
        createdAt: now,
      });
      await recordAudit(
        tx,
        actor,
        {
          action: 'attachment.add',
          entity: 'attachment',
          entityId: row.id,
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
      return row;
    });
  } catch (err) {
    fs.rmSync(finalPath, { force: true });
    throw err;
  }
}

/** An attachment and where its file lies; 404 when either the row or the file is missing. */
export async function openAttachment(
  deps: Pick<ActivityDeps, 'db'> & { filesDir: string },
  id: string,
): Promise<{ attachment: AttachmentRow; file: string }> {
  const attachment = await findAttachment(deps.db, id);
  const file = attachment ? attachmentPath(deps.filesDir, attachment.storedName) : null;
  if (!attachment || !file || !fs.existsSync(file)) throw notFound('Tệp đính kèm');
  return { attachment, file };
}
