import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { planIdParams } from '../plans/plans.schemas.js';
import { presentPlanProgress, presentTargetDetailProgress } from './progress.presenter.js';
import { planProgressSchema, progressQuery, targetDetailProgressSchema } from './progress.schemas.js';
import { planProgress, targetProgress, unitNamesBehind } from './progress.service.js';

const route = routeOptions('progress');

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
    route.public('Tiến độ từng chỉ tiêu / progress of every target and measure', {
      params: planIdParams,
      querystring: progressQuery,
      response: { 200: planProgressSchema, ...errorResponses(404) },
    }),
    async (req) => {
      const progress = await planProgress(deps(req.query), req.params.id, req.actor);
      return presentPlanProgress(progress, await unitNamesBehind(db, progress.targets));
    },
  );

  app.get(
    '/api/targets/:id/progress',
    route.public('Tiến độ một chỉ tiêu, chuỗi số liệu theo giới tính / one target with its series by sex', {
      params: z.object({ id: z.uuid() }),
      querystring: progressQuery,
      response: { 200: targetDetailProgressSchema, ...errorResponses(404) },
    }),
    async (req) => {
      const { progress, target, unitNames } = await targetProgress(deps(req.query), req.params.id, req.actor);
      return presentTargetDetailProgress(progress, target, unitNames);
    },
  );
};
