import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { errorResponseSchema } from '../../core/error-response.js';
import { notFound } from '../../core/errors.js';
import { planIdParams } from '../plans/plans.schemas.js';
import { findTarget } from '../plans/plans.repository.js';
import { presentPlanProgress, presentTargetProgress, trajectoryOf } from './progress.presenter.js';
import { planProgressSchema, progressQuery, targetDetailProgressSchema } from './progress.schemas.js';
import { planProgress } from './progress.service.js';

/** Progress against targets, from current data at query time. Public reads. */
export const progressRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date }> = async (
  app,
  { db, now },
) => {
  const deps = (q: { year?: number | undefined; includePending: boolean }) => ({
    db,
    year: q.year ?? now().getUTCFullYear(),
    includePending: q.includePending,
    today: now().toISOString().slice(0, 10),
  });

  app.get(
    '/api/plans/:id/progress',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['progress'],
        summary: 'Tiến độ từng chỉ tiêu / progress of every target and measure',
        params: planIdParams,
        querystring: progressQuery,
        response: { 200: planProgressSchema, 404: errorResponseSchema },
      },
    },
    async (req) => presentPlanProgress(await planProgress(deps(req.query), req.params.id, req.actor)),
  );

  app.get(
    '/api/targets/:id/progress',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['progress'],
        summary: 'Tiến độ một chỉ tiêu, chuỗi số liệu theo giới tính / one target with its series by sex',
        params: z.object({ id: z.uuid() }),
        querystring: progressQuery,
        response: { 200: targetDetailProgressSchema, 404: errorResponseSchema },
      },
    },
    async (req) => {
      const target = await findTarget(db, req.params.id);
      if (!target) throw notFound(`Chỉ tiêu ${req.params.id}`);
      const progress = await planProgress(deps(req.query), target.planId, req.actor);
      const t = progress.targets.find((x) => x.target.id === target.id)!;
      const view = presentTargetProgress(t);
      return {
        ...view,
        planId: progress.plan.id,
        scope: progress.scope ? { code: progress.scope.code, name: progress.scope.name } : null,
        measures: view.measures.map((m, i) => ({
          ...m,
          series: t.measures[i]!.series,
          trajectory: trajectoryOf(t.measures[i]!),
        })),
      };
    },
  );
};
