import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.js';
import { queryRows, type Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { stringField } from '../../core/route-policy.js';
import { errorResponseSchema } from '../../core/error-response.js';
import { findAudit, findObservationHistory, findPlanHistory, type AuditRow } from './audit.repository.js';
import { canReadUnit } from '../auth/auth.service.js';
import { requirePlan } from '../plans/plans.service.js';
import { AppError } from '../../core/errors.js';

const auditRowSchema = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  orgUnitCode: z.string().nullable(),
  period: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

const present = (r: AuditRow) => ({ ...r, at: r.at.toISOString() });

/** Codes of a unit and everything under it. */
async function subtree(db: Database, code: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`with recursive down(code) as (select ${code}::text union all select o.code from org_units o join down on o.parent_code = down.code) select code from down`,
  );
  return rows.map((r) => r.code);
}

/**
 * The audit trail: a coordinator's view of its province, filtered; history of one record. Reads only (the clock is
 * handed in like to every plugin).
 */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      config: {
        policy: {
          access: 'action',
          action: 'audit.read',
          units: (req) => [stringField(req.query, 'unit')],
        },
      },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi / audit trail of a unit and its subtree',
        querystring: z.object({
          unit: z.string().min(1).describe('Org unit code: the unit and everything under it'),
          user: z.string().optional().describe('User id'),
          period: z.string().optional(),
          action: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ items: z.array(auditRowSchema) }), 403: errorResponseSchema },
      },
    },
    async (req) => {
      requireActor(req);
      const rows = await findAudit(db, {
        orgUnitCodes: await subtree(db, req.query.unit),
        limit: req.query.limit,
        ...(req.query.user ? { userId: req.query.user } : {}),
        ...(req.query.period ? { period: req.query.period } : {}),
        ...(req.query.action ? { action: req.query.action } : {}),
      });
      return { items: rows.map(present) };
    },
  );

  app.get(
    '/api/history/observation',
    {
      config: { policy: { access: 'session' } },
      schema: {
        tags: ['audit'],
        summary: 'Lịch sử một số liệu / history of one figure',
        querystring: z.object({
          key: z
            .string()
            .min(3)
            .describe('indicator|orgUnit|period|sex|ageGroup|ethnicity|area, e.g. BDG-02|20|2025|total|||'),
        }),
        response: { 200: z.object({ items: z.array(auditRowSchema) }), 403: errorResponseSchema },
      },
    },
    async (req) => {
      const unit = req.query.key.split('|')[1] ?? '';
      if (!(await canReadUnit(db, requireActor(req), unit))) {
        throw new AppError('FORBIDDEN', `Không có quyền xem số liệu của đơn vị ${unit}`);
      }
      // A batch's row lists every figure it wrote, some perhaps of units the reader may not see: keep this one's.
      const only = (v: unknown) =>
        Array.isArray(v) ? v.filter((e) => (e as { key?: unknown } | null)?.key === req.query.key) : v;
      return {
        items: (await findObservationHistory(db, req.query.key)).map((r) =>
          present({ ...r, before: only(r.before), after: only(r.after) }),
        ),
      };
    },
  );

  app.get(
    '/api/plans/:id/history',
    {
      config: { policy: { access: 'session' } },
      schema: {
        tags: ['audit'],
        summary: 'Lịch sử kế hoạch và quy trình số liệu / history of a plan and its submissions',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ items: z.array(auditRowSchema) }), 404: errorResponseSchema },
      },
    },
    async (req) => {
      const plan = await requirePlan({ db }, req.params.id, requireActor(req));
      if (!(await canReadUnit(db, req.actor, plan.ownerUnitCode))) {
        throw new AppError('FORBIDDEN', 'Không có quyền xem lịch sử kế hoạch này');
      }
      return { items: (await findPlanHistory(db, plan.id)).map(present) };
    },
  );
};
