import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { presentIndicator } from './indicators.presenter.js';
import { indicatorSchema } from './indicators.schemas.js';
import { getIndicator, listIndicators } from './indicators.service.js';

const route = routeOptions('indicators');

/** The indicator catalogue. Public reads (the clock is handed in like to every plugin; nothing here writes). */
export const indicatorsRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (app, { db }) => {
  const deps = { db };

  app.get(
    '/api/indicators',
    route.public('Danh mục chỉ số / indicators', {
      response: { 200: z.object({ items: z.array(indicatorSchema) }) },
    }),
    async () => ({ items: (await listIndicators(deps)).map(presentIndicator) }),
  );
  app.get(
    '/api/indicators/:code',
    route.public('Một chỉ số / one indicator', {
      params: z.object({ code: z.string().min(1).max(40) }),
      response: { 200: indicatorSchema, ...errorResponses(404) },
    }),
    async (req) => presentIndicator(await getIndicator(deps, req.params.code)),
  );
};
