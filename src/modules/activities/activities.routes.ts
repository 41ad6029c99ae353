import fs from 'node:fs';
import type { FileWriter } from '../../core/file-store.js';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { ACTIVITY_CHANNELS, ACTIVITY_OCCASIONS, ATTACHMENT_BODY_LIMIT } from '../../domain/activity-log.js';
import { ACTIVITY_KINDS } from '../../domain/computed.js';
import { requireActor } from '../../core/actor.js';
import { stringField, uuidParam } from '../../core/route-policy.js';
import { canReadUnit } from '../auth/auth.service.js';
import { errorResponseSchema } from '../../core/error-response.js';
import { notFound } from '../../core/errors.js';
import { int4, link, visibleText } from '../../core/input-fields.js';
import {
  attachFile,
  attachmentPath,
  findActivity,
  findAttachment,
  listActivities,
  listAttachments,
  logActivity,
  type ActivityRow,
  type AttachmentRow,
} from './activities.service.js';

const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  url: z.string(),
});
const activitySchema = z.object({
  id: z.uuid(),
  orgUnit: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  channel: z.string().nullable(),
  url: z.string().nullable(),
  date: z.string(),
  endDate: z.string().nullable(),
  occasion: z.string().nullable(),
  participantsFemale: z.number().nullable(),
  participantsMale: z.number().nullable(),
  findings: z.string().nullable(),
  taskIds: z.array(z.string()),
  targetIds: z.array(z.string()),
  isDemo: z.boolean(),
  attachments: z.array(attachmentSchema),
});

const presentAttachment = (a: AttachmentRow) => ({
  id: a.id,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  url: `/api/attachments/${a.id}`,
});
const presentActivity = (a: ActivityRow, files: AttachmentRow[]) => ({
  id: a.id,
  orgUnit: a.orgUnitCode,
  kind: a.kind,
  title: a.title,
  channel: a.channel,
  url: a.url,
  date: a.date,
  endDate: a.endDate,
  occasion: a.occasion,
  participantsFemale: a.participantsFemale,
  participantsMale: a.participantsMale,
  findings: a.findings,
  taskIds: a.taskIds,
  targetIds: a.targetIds,
  isDemo: a.isDemo,
  attachments: files.filter((f) => f.activityId === a.id).map(presentAttachment),
});

/** The file's name as the client sent it (URI-encoded, for Vietnamese letters); a malformed one is kept raw. */
function fileNameOf(header: string | string[] | undefined): string {
  const raw = (Array.isArray(header) ? header[0] : header) ?? 'tep-dinh-kem';
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all: use it as it came.
  }
  return name.slice(0, 200);
}

/** The activity log of a unit and its attachments. */
export const activitiesRoutes: FastifyPluginAsyncZod<{
  db: Database;
  now: Clock;
  filesDir: string;
  fileWriter?: FileWriter;
}> = async (app, { db, now, filesDir, fileWriter }) => {
  /** The unit an activity belongs to, for permission checks; none for an unknown activity. */
  const activityUnit = async (id: string | null): Promise<string[]> => {
    const a = id ? await findActivity(db, id) : undefined;
    return a ? [a.orgUnitCode] : [];
  };

  app.get(
    '/api/org-units/:code/activities',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['activities'],
        summary: 'Nhật ký hoạt động của đơn vị / activity log',
        params: z.object({ code: z.string().min(1).max(40) }),
        querystring: z.object({
          kind: z.enum(ACTIVITY_KINDS).optional(),
          channel: z.enum(ACTIVITY_CHANNELS).optional(),
          occasion: z.enum(ACTIVITY_OCCASIONS).optional(),
          target: z.uuid().optional().describe('id of a target the item serves'),
          task: z.uuid().optional().describe('id of a task the item serves'),
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ items: z.array(activitySchema) }) },
      },
    },
    async (req) => {
      const rows = await listActivities(db, req.params.code, req.query);
      // Inspection findings and attached files are for the unit's own users and those above it.
      if (!(await canReadUnit(db, req.actor, req.params.code))) {
        return { items: rows.map((r) => ({ ...presentActivity(r, []), findings: null })) };
      }
      const files = await listAttachments(
        db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => presentActivity(r, files)) };
    },
  );

  app.post(
    '/api/org-units/:code/activities',
    {
      config: {
        policy: {
          access: 'action',
          action: 'activity.write',
          units: (req) => [stringField(req.params, 'code')],
        },
      },
      schema: {
        tags: ['activities'],
        summary: 'Ghi một hoạt động / log an activity',
        params: z.object({ code: z.string().min(1).max(40) }),
        body: z.object({
          kind: z.enum(ACTIVITY_KINDS),
          title: visibleText(500),
          channel: z.enum(ACTIVITY_CHANNELS).nullable().optional(),
          url: link(2000).nullable().optional(),
          date: z.iso.date(),
          endDate: z.iso.date().nullable().optional(),
          occasion: z.enum(ACTIVITY_OCCASIONS).nullable().optional(),
          participantsFemale: int4().min(0).nullable().optional(),
          participantsMale: int4().min(0).nullable().optional(),
          findings: z.string().max(20_000).nullable().optional(),
          taskIds: z.array(z.uuid()).max(50).default([]),
          targetIds: z.array(z.uuid()).max(50).default([]),
        }),
        response: { 201: activitySchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (req, reply) => {
      const row = await logActivity({ db, now }, requireActor(req), req.params.code, req.body);
      return reply.code(201).send(presentActivity(row, []));
    },
  );

  // Its own scope: every content type arrives as bytes, so that a refused type gets the same clear message as
  // an allowed one, and the parsers of this scope touch no other route.
  await app.register(async (scope) => {
    const files = scope.withTypeProvider<ZodTypeProvider>();
    files.removeAllContentTypeParsers();
    files.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: ATTACHMENT_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );

    files.post(
      '/api/activities/:id/attachments',
      {
        bodyLimit: ATTACHMENT_BODY_LIMIT,
        config: {
          policy: {
            access: 'action',
            action: 'activity.write',
            units: (req) => activityUnit(uuidParam(req)),
          },
        },
        schema: {
          tags: ['activities'],
          summary: 'Đính kèm tệp (ảnh, biên bản) / attach a file; body = the file, name in x-file-name',
          params: z.object({ id: z.uuid() }),
          response: { 201: attachmentSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        },
      },
      async (req, reply) => {
        const name = fileNameOf(req.headers['x-file-name']);
        const row = await attachFile(
          { db, now, filesDir, ...(fileWriter ? { fileWriter } : {}) },
          requireActor(req),
          req.params.id,
          {
            name,
            mediaType: String(req.headers['content-type'] ?? '')
              .split(';')[0]!
              .trim(),
            bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          },
        );
        return reply.code(201).send(presentAttachment(row));
      },
    );
  });

  app.get(
    '/api/attachments/:id',
    {
      config: {
        policy: {
          access: 'action',
          action: 'unit.read',
          units: async (req) => {
            const id = uuidParam(req);
            return activityUnit(id ? ((await findAttachment(db, id))?.activityId ?? null) : null);
          },
        },
      },
      schema: {
        tags: ['activities'],
        summary: 'Tải tệp đính kèm (người dùng của đơn vị và cấp trên) / download an attachment',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const a = await findAttachment(db, req.params.id);
      const file = a ? attachmentPath(filesDir, a) : null;
      if (!a || !file || !fs.existsSync(file)) throw notFound('Tệp đính kèm');
      return reply
        .type(a.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .send(fs.createReadStream(file));
    },
  );
};
