import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { unitIn } from '../../core/route-policy.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { presentAuditRow } from './audit.presenter.js';
import { auditListSchema, auditQuery, observationHistoryQuery } from './audit.schemas.js';
import { listAuditTrail, observationHistory, planHistory } from './audit.service.js';

const route = routeOptions('audit');

/**
 * The audit trail: a coordinator's view of its province, filtered; history of one record. Reads only (the clock is
 * handed in like to every plugin).
 */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (app, { db }) => {
  const deps = { db };

  app.get(
    '/api/audit',
    route.action(
      { action: 'audit.read', units: unitIn('query', 'unit') },
      'Nhật ký thay đổi / audit trail of a unit and its subtree',
      {
        querystring: auditQuery,
        response: { 200: auditListSchema, ...errorResponses(403) },
      },
    ),
    async (req) => {
      requireActor(req);
      return { items: (await listAuditTrail(deps, req.query)).map(presentAuditRow) };
    },
  );

  app.get(
    '/api/history/observation',
    route.session('Lịch sử một số liệu / history of one figure', {
      querystring: observationHistoryQuery,
      response: { 200: auditListSchema, ...errorResponses(403) },
    }),
    async (req) => ({
      items: (await observationHistory(deps, requireActor(req), req.query.key)).map(presentAuditRow),
    }),
  );

  app.get(
    '/api/plans/:id/history',
    route.session('Lịch sử kế hoạch và quy trình số liệu / history of a plan and its submissions', {
      params: z.object({ id: z.uuid() }),
      response: { 200: auditListSchema, ...errorResponses(404) },
    }),
    async (req) => ({
      items: (await planHistory(deps, requireActor(req), req.params.id)).map(presentAuditRow),
    }),
  );
};
