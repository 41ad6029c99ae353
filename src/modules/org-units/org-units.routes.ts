import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions, type ActionRule } from '../../core/route-options.js';
import { unitIn } from '../../core/route-policy.js';
import { presentOrgUnit, presentOrgUnitDetail } from './org-units.presenter.js';
import {
  childrenQuery,
  orgUnitCodeParams,
  orgUnitDetailSchema,
  orgUnitListSchema,
  searchQuery,
  sectionBody,
  sectionParams,
  orgUnitSummarySchema,
} from './org-units.schemas.js';
import {
  addSection,
  getOrgUnit,
  listChildren,
  removeSection,
  renameSection,
  searchUnits,
} from './org-units.service.js';

const route = routeOptions('org-units');

/** Changing an agency's (or commune's) sections: its coordinator, or its own approver. */
const manageSections: ActionRule = { action: 'section.manage', units: unitIn('params', 'code') };

/** Org units: the nation, provinces, communes, agencies and their sections. Public reads. */
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

  app.post(
    '/api/org-units/:code/sections',
    route.action(manageSections, 'Thêm phòng, ban, trung tâm của đơn vị / add a section to an agency', {
      params: orgUnitCodeParams,
      body: sectionBody,
      response: { 201: orgUnitSummarySchema, ...errorResponses(400, 404, 409) },
    }),
    async (req, reply) =>
      reply
        .code(201)
        .send(presentOrgUnit(await addSection(deps, requireActor(req), req.params.code, req.body))),
  );

  app.patch(
    '/api/org-units/:code/sections/:section',
    route.action(manageSections, 'Đổi tên phòng, ban / rename a section', {
      params: sectionParams,
      body: sectionBody,
      response: { 200: orgUnitSummarySchema, ...errorResponses(400, 404, 409) },
    }),
    async (req) =>
      presentOrgUnit(
        await renameSection(deps, requireActor(req), req.params.code, req.params.section, req.body),
      ),
  );

  app.delete(
    '/api/org-units/:code/sections/:section',
    route.action(manageSections, 'Xóa phòng, ban chưa có dữ liệu / remove a section without records', {
      params: sectionParams,
      response: { 204: z.null(), ...errorResponses(400, 404, 409) },
    }),
    async (req, reply) => {
      await removeSection(deps, requireActor(req), req.params.code, req.params.section);
      return reply.code(204).send(null);
    },
  );
};
