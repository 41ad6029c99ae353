import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { planDocumentSchema, planJsonSchema } from './plan-format.js';
import { presentOrgUnitAssignment, presentPlanDetail, presentPlanSummary } from './plans.presenter.js';
import {
  importResultSchema,
  orgUnitAssignmentsSchema,
  planDetailSchema,
  planIdentityBody,
  planIdParams,
  planListSchema,
  planPublishedSchema,
} from './plans.schemas.js';
import {
  assignmentsOfOrgUnit,
  exportPlan,
  getPlan,
  importPlan,
  importOwnerOf,
  listPlans,
  planOwnerUnits,
  setPublished,
  updatePlanIdentity,
} from './plans.service.js';
import { ensureCycles } from '../reporting/reporting.service.js';
import { uuidParam } from '../../core/route-policy.js';
import { requireActor } from '../../core/actor.js';
import { orgUnitCodeParams } from '../org-units/org-units.schemas.js';

const route = routeOptions('plans');
const orgUnitsRoute = routeOptions('org-units');

/** Plans: public reads, the interchange export and import. */
export const plansRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (app, { db, now }) => {
  const deps = { db, now };

  app.get(
    '/api/plans',
    route.public('Danh sách kế hoạch / list plans', {
      response: { 200: planListSchema },
    }),
    async (req) => {
      const rows = await listPlans(deps, req.actor);
      return {
        items: rows.map((r) =>
          presentPlanSummary(
            r.plan,
            { goals: r.goals, targets: r.targets, measures: r.measures },
            r.issuerUnitName,
          ),
        ),
      };
    },
  );

  app.get(
    '/api/plans/:id',
    route.public('Một kế hoạch với mục tiêu, chỉ tiêu, phân công / one plan', {
      params: planIdParams,
      response: { 200: planDetailSchema, ...errorResponses(404) },
    }),
    async (req) => {
      const { plan, parts, parents, children, issuerUnitName, formerProvince } = await getPlan(
        deps,
        req.params.id,
        req.actor,
      );
      return presentPlanDetail(plan, parts, parents, children, issuerUnitName, formerProvince);
    },
  );

  app.get(
    '/api/plans/:id/export',
    route.public('Xuất kế hoạch theo định dạng binhdang.plan/1 / export as binhdang.plan/1', {
      params: planIdParams,
      response: { 200: planDocumentSchema, ...errorResponses(404) },
    }),
    async (req, reply) => {
      const doc = await exportPlan(deps, req.params.id, req.actor);
      return reply
        .header('content-disposition', `attachment; filename="plan-${req.params.id}.binhdang-plan.json"`)
        .send(doc);
    },
  );

  app.post(
    '/api/plans/import',
    {
      bodyLimit: 5 * 1024 * 1024,
      ...route.action(
        {
          action: 'plan.manage',
          // The plan's owner: its issuer, else the importer's unit (a document filed under a unit the importer
          // does not cover, such as "Chính phủ" for a provincial coordinator, is refused); when the document
          // replaces a plan, that plan's owner too.
          units: async (req) => {
            const owner = await importOwnerOf({ db }, req.body, req.actor);
            const replaces = (req.query as { replaces?: unknown } | undefined)?.replaces;
            if (replaces === undefined) return [owner];
            const id = typeof replaces === 'string' && z.uuid().safeParse(replaces).success ? replaces : null;
            // An unknown or unowned plan to replace names no unit it can check: only an admin over the nation.
            const replaced = id ? await planOwnerUnits(db, id) : [];
            return [owner, ...(replaced.length > 0 ? replaced : [null])];
          },
        },
        'Nhập kế hoạch binhdang.plan/1 / import a binhdang.plan/1 document',
        {
          body: z
            .unknown()
            .describe('A binhdang.plan/1 document (see /api/formats/binhdang.plan-1.schema.json)'),
          querystring: z.object({
            replaces: z
              .uuid({ message: 'replaces phải là UUID của kế hoạch được thay thế' })
              .optional()
              .describe('Id of the plan this document is a new version of: that plan is updated in place'),
          }),
          response: { 200: importResultSchema, 201: importResultSchema, ...errorResponses(400, 404, 409) },
        },
      ),
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const replaces = req.query.replaces;
      // The plan's reporting regime follows from what it says: its cycles are made in the import's transaction
      // (the import's audit row covers them).
      const id = await importPlan(deps, req.body, {
        actor,
        ...(replaces ? { replaces } : {}),
        onStored: (tx, planId) => ensureCycles({ db: tx, now }, planId, actor, undefined, { audit: false }),
      });
      return reply.code(replaces ? 200 : 201).send({ id, url: `/api/plans/${id}` });
    },
  );

  // A plan without an owner (or an unknown id) names no unit: only an admin over the whole country passes.
  const ownerOfPlan = (req: Parameters<typeof uuidParam>[0]) => planOwnerUnits(db, uuidParam(req));

  for (const published of [true, false]) {
    app.post(
      `/api/plans/:id/${published ? 'publish' : 'unpublish'}`,
      route.action(
        { action: 'plan.publish', units: ownerOfPlan },
        published
          ? 'Công bố kế hoạch (ai cũng xem được) / publish a plan'
          : 'Thôi công bố kế hoạch / unpublish a plan',
        { params: planIdParams, response: { 200: planPublishedSchema, ...errorResponses(404) } },
      ),
      async (req) => {
        const plan = await setPublished(deps, req.params.id, published, requireActor(req));
        return { id: plan.id, published: plan.published, version: plan.version };
      },
    );
  }

  app.patch(
    '/api/plans/:id/identity',
    route.action(
      { action: 'plan.manage', units: ownerOfPlan },
      'Số, ký hiệu, ngày ban hành (dự thảo thành văn bản ban hành) / number, symbol, date of issue',
      {
        params: planIdParams,
        body: planIdentityBody,
        response: { 200: planPublishedSchema, ...errorResponses(400, 404, 409) },
      },
    ),
    async (req) => {
      const plan = await updatePlanIdentity(deps, req.params.id, req.body, requireActor(req));
      return { id: plan.id, published: plan.published, version: plan.version };
    },
  );

  app.get(
    '/api/formats/binhdang.plan-1.schema.json',
    route.public('JSON Schema of binhdang.plan/1', {}),
    async () => planJsonSchema(),
  );

  app.get(
    '/api/org-units/:code/assignments',
    orgUnitsRoute.public('Chỉ tiêu đơn vị chủ trì, phối hợp / targets a unit leads or coordinates', {
      params: orgUnitCodeParams,
      response: { 200: orgUnitAssignmentsSchema, ...errorResponses(404) },
    }),
    async (req) => {
      return { items: (await assignmentsOfOrgUnit(deps, req.params.code)).map(presentOrgUnitAssignment) };
    },
  );
};
