import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { errorResponseSchema } from '../../server/error-handler.js';
import { buildReportDocument } from '../reports/reports.service.js';
import { findOrgUnit } from '../org-units/org-units.repository.js';
import { calendarItemSchema, cycleSchema, presentCycle, reportDocumentSchema } from './reporting.schemas.js';
import { unitCalendar } from './reporting.service.js';

/**
 * JSON views for the web app over the same service code as the files: a unit's calendar (the .ics feed's
 * events) and what a unit's report will say (the DOCX's document).
 */
export const reportingViewRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date }> = async (
  app,
  { db, now },
) => {
  app.get(
    '/api/org-units/:code/calendar',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['reporting'],
        summary: 'Lịch của đơn vị: hạn báo cáo và các ngày kỷ niệm (JSON) / the calendar feed as JSON',
        params: z.object({ code: z.string().min(1).max(40) }),
        response: {
          200: z.object({
            unit: z.object({ code: z.string(), name: z.string(), fullName: z.string() }),
            items: z.array(calendarItemSchema),
          }),
          404: errorResponseSchema,
        },
      },
    },
    async (req) => {
      const { unit, events } = await unitCalendar({ db, now }, req.params.code, req.actor);
      return { unit: { code: unit.code, name: unit.name, fullName: unit.fullName }, items: events };
    },
  );

  app.get(
    '/api/cycles/:id/reports/:unit/document',
    {
      config: {
        policy: {
          access: 'action',
          action: 'unit.read',
          units: (req) => [(req.params as { unit: string }).unit],
        },
      },
      schema: {
        tags: ['reports'],
        summary: 'Nội dung báo cáo lập sẵn từ số liệu (JSON) / what the report will say, as JSON',
        params: z.object({ id: z.uuid(), unit: z.string().min(1).max(40) }),
        response: {
          200: z.object({
            cycle: cycleSchema,
            unit: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
            document: reportDocumentSchema,
          }),
          404: errorResponseSchema,
        },
      },
    },
    async (req) => {
      // Building the document reads the database only; signed files are not involved.
      const { doc, cycle } = await buildReportDocument(
        { db, now, filesDir: '' },
        req.params.id,
        req.params.unit,
      );
      const unit = (await findOrgUnit(db, req.params.unit))!;
      return {
        cycle: presentCycle(cycle),
        unit: { code: unit.code, name: unit.name, kind: unit.kind },
        document: doc,
      };
    },
  );
};
