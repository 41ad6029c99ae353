import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { int4 } from '../../core/input-fields.js';
import { renderICalendar } from './calendar-ics.js';
import { cycleSchema, definitionSchema, presentCycle, presentDefinition } from './reporting.schemas.js';
import {
  cycleCompleteness,
  ensureCycles,
  notificationsOf,
  planCycles,
  planTimeliness,
  unitCalendar,
  updateCycleDates,
} from './reporting.service.js';
import { reportingViewRoutes } from './reporting-views.routes.js';
import { manageRules, reportingRegimeRoutes } from './reporting-regime.routes.js';

const route = routeOptions('reporting');

const isoDate = z.iso.date();
const idParams = z.object({ id: z.uuid() });

/** Report definitions, cycles and deadlines, completeness and timeliness, the calendar feed, reminders. */
export const reportingRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date }> = async (
  app,
  { db, now },
) => {
  const deps = { db, now };
  await app.register(reportingViewRoutes, deps);
  await app.register(reportingRegimeRoutes, deps);

  const { plan: managePlan, cycle: manageCycle } = manageRules(db);

  app.get(
    '/api/plans/:id/cycles',
    route.public('Chế độ báo cáo và các kỳ báo cáo / report definitions and cycles', {
      params: idParams,
      response: {
        200: z.object({
          definitions: z.array(definitionSchema),
          cycles: z.array(cycleSchema),
        }),
        ...errorResponses(404),
      },
    }),
    async (req) => {
      const { definitions, cycles } = await planCycles(deps, req.params.id, req.actor);
      return {
        definitions: definitions.map(presentDefinition),
        cycles: cycles.map(presentCycle),
      };
    },
  );

  app.post(
    '/api/plans/:id/cycles/generate',
    route.action(
      managePlan,
      'Tạo các kỳ báo cáo còn thiếu theo mặc định / generate the missing default cycles',
      {
        params: idParams,
        body: z
          .object({ year: int4().optional().describe('Only this year of the plan') })
          // No body at all: every missing cycle of the plan.
          .nullish(),
        response: {
          200: z.object({ cycles: z.array(cycleSchema) }),
          ...errorResponses(400, 404),
        },
      },
    ),
    async (req) => ({
      cycles: (await ensureCycles(deps, req.params.id, requireActor(req), req.body?.year)).map(presentCycle),
    }),
  );

  app.patch(
    '/api/cycles/:id',
    route.action(manageCycle, 'Sửa hạn và thời gian chốt số liệu của một kỳ / change a cycle’s dates', {
      params: idParams,
      body: z.object({ due: isoDate, cutoffFrom: isoDate, cutoffTo: isoDate, version: int4() }),
      response: { 200: cycleSchema, ...errorResponses(400, 404, 409) },
    }),
    async (req) => presentCycle(await updateCycleDates(deps, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/cycles/:id/completeness',
    route.session('Tình hình báo cáo của kỳ: ai đã gửi, ai trễ hạn / completeness and timeliness', {
      params: idParams,
      querystring: z.object({ unit: z.string().optional().describe('Only this unit (agency view)') }),
      response: {
        200: z.object({
          cycle: cycleSchema,
          summary: z.object({
            obligated: z.number(),
            submitted: z.number(),
            approved: z.number(),
            accepted: z.number(),
            late: z.number(),
          }),
          units: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              kind: z.enum(['agency', 'commune']),
              state: z.enum(['not_submitted', 'submitted', 'approved', 'accepted']),
              submittedAt: z.string().nullable(),
              daysLate: z.number().int(),
              onTime: z.boolean(),
              targets: z.array(z.object({ code: z.string(), role: z.string() })),
              indicators: z.array(z.string()),
            }),
          ),
        }),
        ...errorResponses(404),
      },
    }),
    async (req) => {
      const view = await cycleCompleteness(deps, req.params.id, requireActor(req), req.query.unit);
      return { ...view, cycle: presentCycle(view.cycle) };
    },
  );

  app.get(
    '/api/plans/:id/timeliness',
    route.session('Tỷ lệ báo cáo đúng hạn theo kỳ / on-time rate per cycle', {
      params: idParams,
      response: {
        200: z.object({
          items: z.array(
            z.object({
              cycleId: z.uuid(),
              kind: z.string(),
              period: z.string(),
              due: z.string(),
              obligated: z.number(),
              onTime: z.number(),
              late: z.number(),
              rate: z.number().nullable(),
            }),
          ),
        }),
        ...errorResponses(404),
      },
    }),
    async (req) => ({ items: await planTimeliness(deps, req.params.id, requireActor(req)) }),
  );

  app.get(
    '/api/org-units/:code/calendar.ics',
    route.public('Lịch iCalendar: hạn báo cáo của đơn vị và các ngày kỷ niệm / iCalendar feed', {
      params: z.object({ code: z.string().min(1).max(40) }),
    }),
    async (req, reply) => {
      const { unit, events } = await unitCalendar(deps, req.params.code, req.actor);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="binhdang-${unit.code}.ics"`)
        .send(renderICalendar(`Bình Đẳng — ${unit.fullName}`, events, now()));
    },
  );

  app.get(
    '/api/notifications',
    route.session('Nhắc hạn của các đơn vị mình có vai trò / reminders of your units', {
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.uuid(),
              orgUnit: z.string(),
              kind: z.string(),
              message: z.string(),
              createdAt: z.string(),
              cycleId: z.uuid(),
            }),
          ),
        }),
      },
    }),
    async (req) => {
      const rows = await notificationsOf(deps, requireActor(req));
      return {
        items: rows.map((n) => ({
          id: n.id,
          orgUnit: n.orgUnitCode,
          kind: n.kind,
          message: n.message,
          createdAt: n.createdAt.toISOString(),
          cycleId: n.cycleId,
        })),
      };
    },
  );
};
