import fs from 'node:fs';
import type { FileStorage } from '../../core/file-store.js';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { ATTACHMENT_BODY_LIMIT } from '../../domain/activity-log.js';
import { requireActor } from '../../core/actor.js';
import { unitIn, uuidParam } from '../../core/route-policy.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { orgUnitCodeParams } from '../org-units/org-units.schemas.js';
import { presentActivity, presentAttachment } from './activities.presenter.js';
import { activityBody, activityListQuery, activitySchema, attachmentSchema } from './activities.schemas.js';
import {
  activityLog,
  attachFile,
  logActivity,
  openAttachment,
  unitsOfActivity,
  unitsOfAttachment,
} from './activities.service.js';

const route = routeOptions('activities');

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
export const activitiesRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock } & FileStorage> = async (
  app,
  { db, now, ...files },
) => {
  const deps = { db, now, ...files };

  app.get(
    '/api/org-units/:code/activities',
    route.public('Nhật ký hoạt động của đơn vị / activity log', {
      params: orgUnitCodeParams,
      querystring: activityListQuery,
      response: { 200: z.object({ items: z.array(activitySchema) }) },
    }),
    async (req) => {
      const log = await activityLog(deps, req.actor, req.params.code, req.query);
      return { items: log.activities.map((r) => presentActivity(r, log.attachments)) };
    },
  );

  app.post(
    '/api/org-units/:code/activities',
    route.action(
      { action: 'activity.write', units: unitIn('params', 'code') },
      'Ghi một hoạt động / log an activity',
      {
        params: orgUnitCodeParams,
        body: activityBody,
        response: { 201: activitySchema, ...errorResponses(400, 404) },
      },
    ),
    async (req, reply) => {
      const row = await logActivity(deps, requireActor(req), req.params.code, req.body);
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
        ...route.action(
          { action: 'activity.write', units: (req) => unitsOfActivity(deps, uuidParam(req)) },
          'Đính kèm tệp (ảnh, biên bản) / attach a file; body = the file, name in x-file-name',
          {
            params: z.object({ id: z.uuid() }),
            response: { 201: attachmentSchema, ...errorResponses(400, 404) },
          },
        ),
      },
      async (req, reply) => {
        const row = await attachFile(deps, requireActor(req), req.params.id, {
          name: fileNameOf(req.headers['x-file-name']),
          mediaType: String(req.headers['content-type'] ?? '')
            .split(';')[0]!
            .trim(),
          bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        });
        return reply.code(201).send(presentAttachment(row));
      },
    );
  });

  app.get(
    '/api/attachments/:id',
    route.action(
      { action: 'unit.read', units: (req) => unitsOfAttachment(deps, uuidParam(req)) },
      'Tải tệp đính kèm (người dùng của đơn vị và cấp trên) / download an attachment',
      {
        params: z.object({ id: z.uuid() }),
      },
    ),
    async (req, reply) => {
      const { attachment, file } = await openAttachment(deps, req.params.id);
      return reply
        .type(attachment.mediaType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
        )
        .send(fs.createReadStream(file));
    },
  );
};
