import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { calendarItemSchema } from './reporting.schemas.js';
import { unitCalendar } from './reporting.service.js';

const route = routeOptions('reporting');

/** A unit's calendar as JSON for the web app, from the same service code as the .ics feed. */
export const reportingViewRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date }> = async (
  app,
  { db, now },
) => {
  app.get(
    '/api/org-units/:code/calendar',
    route.public('Lịch của đơn vị: hạn báo cáo và các ngày kỷ niệm (JSON) / the calendar feed as JSON', {
      params: z.object({ code: z.string().min(1).max(40) }),
      response: {
        200: z.object({
          unit: z.object({ code: z.string(), name: z.string(), fullName: z.string() }),
          items: z.array(calendarItemSchema),
        }),
        ...errorResponses(404),
      },
    }),
    async (req) => {
      const { unit, events } = await unitCalendar({ db, now }, req.params.code, req.actor);
      return { unit: { code: unit.code, name: unit.name, fullName: unit.fullName }, items: events };
    },
  );
};
