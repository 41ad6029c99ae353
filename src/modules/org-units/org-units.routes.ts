import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { presentOrgUnit, presentOrgUnitDetail } from './org-units.presenter.js';
import {
  childrenQuery,
  orgUnitCodeParams,
  orgUnitDetailSchema,
  orgUnitListSchema,
  searchQuery,
} from './org-units.schemas.js';
import { getOrgUnit, listChildren, searchUnits } from './org-units.service.js';

const route = routeOptions('org-units');

/** Org units: the nation, provinces, communes and agencies. Public reads. */
export const orgUnitsRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (
  app,
  { db, now },
) => {
  const deps = { db, now };

  app.get(
    '/api/org-units',
    route.public('Tìm đơn vị theo tên, không cần dấu / search units by name, diacritics optional', {
      querystring: searchQuery,
      response: { 200: orgUnitListSchema },
    }),
    async (req) => ({
      items: (
        await searchUnits(deps, {
          q: req.query.q,
          limit: req.query.limit,
          ...(req.query.kind ? { kind: req.query.kind } : {}),
          ...(req.query.parent ? { parent: req.query.parent } : {}),
        })
      ).map(presentOrgUnit),
    }),
  );

  app.get(
    '/api/org-units/:code',
    route.public('Một đơn vị / one org unit', {
      params: orgUnitCodeParams,
      response: { 200: orgUnitDetailSchema, ...errorResponses(404) },
    }),
    async (req) => {
      const { unit, ancestors, counts } = await getOrgUnit(deps, req.params.code);
      return presentOrgUnitDetail(unit, ancestors, counts);
    },
  );

  app.get(
    '/api/org-units/:code/children',
    route.public('Đơn vị trực thuộc, theo thứ tự tiếng Việt / children in Vietnamese order', {
      params: orgUnitCodeParams,
      querystring: childrenQuery,
      response: { 200: orgUnitListSchema, ...errorResponses(404) },
    }),
    async (req) => ({
      items: (await listChildren(deps, req.params.code, req.query.kind)).map(presentOrgUnit),
    }),
  );
};
