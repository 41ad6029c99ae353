import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/connection.js';
import type { Clock } from '../../core/clock.js';
import { can } from '../../domain/permissions.js';
import { SUBMISSION_STATUSES, TRANSITION_ACTION, TRANSITIONS } from '../../domain/workflow.js';
import { nonEmptyString, stringField } from '../../core/route-policy.js';
import { requireActor } from '../../core/actor.js';
import { errorResponseSchema } from '../../core/error-response.js';
import { int4 } from '../../core/input-fields.js';
import { ancestryOf } from '../auth/auth.service.js';
import type { SubmissionRow } from './submissions.repository.js';
import { bulkTransition, transitionSubmission } from './submissions.service.js';

export const submissionSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  orgUnit: z.string(),
  period: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  lastComment: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

const present = (r: SubmissionRow) => ({
  id: r.id,
  planId: r.planId,
  orgUnit: r.orgUnitCode,
  period: r.period,
  status: r.status,
  lastComment: r.lastComment,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

const transitionBody = z.object({
  planId: z.uuid(),
  orgUnit: z.string().min(1),
  period: z.string().regex(/^\d{4}$/, 'Kỳ báo cáo là một năm, ví dụ 2025'),
  comment: z.string().max(2000).nullable().optional(),
  version: int4().nullable().optional(),
});

const bulkBody = z.object({
  planId: z.uuid(),
  period: z.string().regex(/^\d{4}$/),
  units: z.array(z.string().min(1)).min(1).max(500),
});

/** The submit → approve → accept chain, with return and reopen, one unit or many at once. */
export const submissionsRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (
  app,
  { db, now },
) => {
  for (const t of TRANSITIONS) {
    app.post(
      `/api/submissions/${t}`,
      {
        config: {
          policy: {
            access: 'action',
            action: TRANSITION_ACTION[t],
            units: (req) => [stringField(req.body, 'orgUnit')],
          },
        },
        schema: {
          tags: ['submissions'],
          summary: `Quy trình số liệu: ${t} / workflow step`,
          body: transitionBody,
          response: {
            200: submissionSchema,
            400: errorResponseSchema,
            403: errorResponseSchema,
            409: errorResponseSchema,
          },
        },
      },
      async (req) => present(await transitionSubmission({ db, now }, requireActor(req), t, req.body)),
    );
  }

  for (const t of ['approve', 'accept'] as const) {
    app.post(
      `/api/submissions/bulk-${t}`,
      {
        config: {
          policy: {
            access: 'action',
            action: TRANSITION_ACTION[t],
            units: (req) => {
              const units = (req.body as { units?: unknown } | null | undefined)?.units;
              return Array.isArray(units) ? units.map(nonEmptyString) : [null];
            },
          },
        },
        schema: {
          tags: ['submissions'],
          summary: `Duyệt / tiếp nhận hàng loạt (${t}) / bulk ${t}`,
          body: bulkBody,
          response: {
            200: z.object({ items: z.array(submissionSchema) }),
            403: errorResponseSchema,
            409: errorResponseSchema,
          },
        },
      },
      async (req) => ({
        items: (await bulkTransition({ db, now }, requireActor(req), t, req.body)).map(present),
      }),
    );
  }

  app.get(
    '/api/submissions',
    {
      config: { policy: { access: 'session' } },
      schema: {
        tags: ['submissions'],
        summary: 'Trạng thái số liệu của các đơn vị trong phạm vi / status of the units you can see',
        querystring: z.object({ plan: z.uuid(), period: z.string().regex(/^\d{4}$/) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                orgUnit: z.string(),
                orgUnitName: z.string(),
                status: z.enum(SUBMISSION_STATUSES),
                version: z.number().int(),
                lastComment: z.string().nullable(),
                figures: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      // Every unit with figures for the plan's indicators in that year, or with a submission row.
      const rows = await queryRows<{
        unit: string;
        name: string;
        status: string | null;
        version: number | null;
        comment: string | null;
        figures: number;
      }>(
        db,
        sql`with units as (
              select o.reporting_unit_code unit, count(*)::int figures
              from observations o
              where left(o.period, 4) = ${req.query.period}
                and o.indicator_id in (select m.indicator_id from measures m join targets t on t.id = m.target_id where t.plan_id = ${req.query.plan})
              group by o.reporting_unit_code
              union
              select s.org_unit_code, 0 from submissions s where s.plan_id = ${req.query.plan} and s.period = ${req.query.period}
            )
            select u.unit, ou.name, s.status, s.version, s.last_comment comment, max(u.figures)::int figures
            from units u join org_units ou on ou.code = u.unit
            left join submissions s on s.plan_id = ${req.query.plan} and s.period = ${req.query.period} and s.org_unit_code = u.unit
            group by u.unit, ou.name, s.status, s.version, s.last_comment
            order by u.unit`,
      );
      const visible = [];
      for (const r of rows) if (can(actor.grants, 'unit.read', await ancestryOf(db, r.unit))) visible.push(r);
      return {
        items: visible.map((r) => ({
          orgUnit: r.unit,
          orgUnitName: r.name,
          status: (r.status ?? 'draft') as (typeof SUBMISSION_STATUSES)[number],
          version: r.version ?? 1,
          lastComment: r.comment,
          figures: r.figures,
        })),
      };
    },
  );
};
