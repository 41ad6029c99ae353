import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import type { DataVersionSource } from '../../db/data-version.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { anonymousRateLimit, PublicAnswerCache, sendPublicAnswer } from '../../core/public-reads.js';
import { planIdParams } from '../plans/plans.schemas.js';
import { presentPlanProgress, presentTargetDetailProgress } from './progress.presenter.js';
import { planProgressSchema, progressQuery, targetDetailProgressSchema } from './progress.schemas.js';
import { planProgress, targetProgress, unitNamesBehind } from './progress.service.js';

const route = routeOptions('progress');

/** Distinct public answers kept (plans × targets × years); one plan's page is its progress and its targets'. */
const CACHED_ANSWERS = 400;

export interface ProgressRoutesOptions {
  db: Database;
  /** The data version public answers are kept by. */
  dataVersion: DataVersionSource;
  now: () => Date;
  /** Anonymous requests a minute per client address to each progress route. */
  publicRateLimit: number;
}

/**
 * Progress against targets, from current data at query time. Public reads: an anonymous caller's answer (accepted
 * figures only, the same for everyone) is kept per data version, so a crowd of readers costs one computation per
 * write, and carries an entity tag; a signed-in caller's is computed for them.
 */
export const progressRoutes: FastifyPluginAsyncZod<ProgressRoutesOptions> = async (
  app,
  { db, dataVersion, now, publicRateLimit },
) => {
  const cache = new PublicAnswerCache(CACHED_ANSWERS);
  const deps = (q: { year?: number | undefined; includePending: boolean }) => ({
    db,
    year: q.year ?? now().getUTCFullYear(),
    includePending: q.includePending,
    today: now().toISOString().slice(0, 10),
  });
  const rateLimit = anonymousRateLimit(publicRateLimit);

  /** Answers from the cache when the answer is the public one, otherwise computes it for the caller. */
  const answer = async <T>(
    req: FastifyRequest,
    reply: FastifyReply,
    what: { route: string; id: string; query: { year?: number | undefined; includePending: boolean } },
    compute: () => Promise<T>,
  ): Promise<T | undefined> => {
    if (req.actor || what.query.includePending) {
      void reply.header('cache-control', 'private, no-store');
      return compute();
    }
    const d = deps(what.query);
    const key = JSON.stringify([what.route, what.id, d.year, d.today]);
    const version = await dataVersion();
    const held = await cache.answer(key, version, async () => reply.serialize(await compute()) as string);
    // Sent here: the handler's undefined tells Fastify the reply is already on its way.
    await sendPublicAnswer(req, reply, held);
    return undefined;
  };

  app.get(
    '/api/plans/:id/progress',
    {
      ...route.public('Tiến độ từng chỉ tiêu / progress of every target and measure', {
        params: planIdParams,
        querystring: progressQuery,
        response: { 200: planProgressSchema, ...errorResponses(404, 429) },
      }),
      config: { policy: { access: 'public' }, rateLimit },
    },
    async (req, reply) =>
      answer(req, reply, { route: 'plan', id: req.params.id, query: req.query }, async () => {
        // The page shows no series: figures by sex are read only where a target commits for each sex.
        const progress = await planProgress(
          { ...deps(req.query), sexes: 'committed' },
          req.params.id,
          req.actor,
        );
        return presentPlanProgress(progress, await unitNamesBehind(db, progress.targets));
      }),
  );

  app.get(
    '/api/targets/:id/progress',
    {
      ...route.public(
        'Tiến độ một chỉ tiêu, chuỗi số liệu theo giới tính / one target with its series by sex',
        {
          params: z.object({ id: z.uuid() }),
          querystring: progressQuery,
          response: { 200: targetDetailProgressSchema, ...errorResponses(404, 429) },
        },
      ),
      config: { policy: { access: 'public' }, rateLimit },
    },
    async (req, reply) =>
      answer(req, reply, { route: 'target', id: req.params.id, query: req.query }, async () => {
        const { progress, target, unitNames } = await targetProgress(
          deps(req.query),
          req.params.id,
          req.actor,
        );
        return presentTargetDetailProgress(progress, target, unitNames);
      }),
  );
};
