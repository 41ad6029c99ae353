import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions, type ActionRule } from '../../core/route-options.js';
import { stringField, uuidParam } from '../../core/route-policy.js';
import {
  cycleCreateBody,
  cycleSchema,
  definitionCreateBody,
  definitionSchema,
  definitionUpdateBody,
  presentCycle,
  presentDefinition,
  reportingSettingsBody,
  reportingSettingsSchema,
  reportingUnitsSchema,
} from './reporting.schemas.js';
import {
  addCycle,
  addReportingUnit,
  createDefinition,
  definitionOwnerUnits,
  deleteCycle,
  deleteDefinition,
  provinceReportingSettings,
  reportingUnits,
  setReportingUnitIncluded,
  updateDefinition,
  writeProvinceReportingSettings,
} from './reporting-regime.service.js';
import { cycleOwnerUnits } from './reporting.service.js';
import { planOwnerUnits } from '../plans/plans.service.js';

const route = routeOptions('reporting');

const idParams = z.object({ id: z.uuid() });
const unitCode = z.string().min(1).max(40);

/**
 * The coordinator's edits to a plan's reporting regime: who owes its reports, its report definitions and cycles,
 * and a province's reporting settings. All on `plan.manage` over the plan's owner (the province for settings).
 */
/** A plan's reporting is managed by whoever may manage the plan, on its owner unit (found from the id in the path). */
export function manageRules(db: Database): Record<'plan' | 'cycle' | 'definition', ActionRule> {
  const rule = (owners: (db: Database, id: string | null) => Promise<string[]>): ActionRule => ({
    action: 'plan.manage',
    units: (req) => owners(db, uuidParam(req)),
  });
  return { plan: rule(planOwnerUnits), cycle: rule(cycleOwnerUnits), definition: rule(definitionOwnerUnits) };
}

export const reportingRegimeRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date }> = async (
  app,
  { db, now },
) => {
  const deps = { db, now };
  const { plan: managePlan, cycle: manageCycle, definition: manageDefinition } = manageRules(db);

  app.get(
    '/api/plans/:id/reporting-units',
    route.public('Đơn vị phải báo cáo theo kế hoạch và lý do / who owes the plan’s reports, and why', {
      params: idParams,
      response: { 200: reportingUnitsSchema, ...errorResponses(404) },
    }),
    async (req) => reportingUnits(deps, req.params.id, req.actor),
  );

  app.post(
    '/api/plans/:id/reporting-units',
    route.action(managePlan, 'Thêm đơn vị phải báo cáo / add a unit that owes the plan’s reports', {
      params: idParams,
      body: z.object({ orgUnit: unitCode.describe('Mã đơn vị') }),
      response: { 200: reportingUnitsSchema, ...errorResponses(400, 404) },
    }),
    async (req) => {
      const actor = requireActor(req);
      await addReportingUnit(deps, actor, req.params.id, req.body.orgUnit);
      return reportingUnits(deps, req.params.id, actor);
    },
  );

  app.patch(
    '/api/plans/:id/reporting-units/:code',
    route.action(
      managePlan,
      'Bỏ ra hoặc đưa lại đơn vị vào danh sách báo cáo / exclude or re-include a unit',
      {
        params: z.object({ id: z.uuid(), code: unitCode }),
        body: z.object({ included: z.boolean({ message: 'Phải báo cáo: có hoặc không' }) }),
        response: { 200: reportingUnitsSchema, ...errorResponses(400, 404) },
      },
    ),
    async (req) => {
      const actor = requireActor(req);
      await setReportingUnitIncluded(deps, actor, req.params.id, req.params.code, req.body.included);
      return reportingUnits(deps, req.params.id, actor);
    },
  );

  app.post(
    '/api/plans/:id/definitions',
    route.action(managePlan, 'Thêm chế độ báo cáo (và các kỳ của nó) / add a report definition', {
      params: idParams,
      body: definitionCreateBody,
      response: { 201: definitionSchema, ...errorResponses(400, 404, 409) },
    }),
    async (req, reply) => {
      const def = await createDefinition(deps, requireActor(req), req.params.id, req.body);
      return reply.code(201).send(presentDefinition(def));
    },
  );

  app.patch(
    '/api/definitions/:id',
    route.action(manageDefinition, 'Sửa chế độ báo cáo / edit a report definition', {
      params: idParams,
      body: definitionUpdateBody,
      response: { 200: definitionSchema, ...errorResponses(400, 404, 409) },
    }),
    async (req) =>
      presentDefinition(await updateDefinition(deps, requireActor(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/definitions/:id',
    route.action(
      manageDefinition,
      'Xóa chế độ báo cáo và các kỳ của nó / delete a definition and its cycles',
      {
        params: idParams,
        response: { 200: z.object({ deleted: z.uuid() }), ...errorResponses(404, 409) },
      },
    ),
    async (req) => {
      await deleteDefinition(deps, requireActor(req), req.params.id);
      return { deleted: req.params.id };
    },
  );

  app.post(
    '/api/plans/:id/cycles',
    route.action(managePlan, 'Thêm một kỳ báo cáo / add a reporting cycle', {
      params: idParams,
      body: cycleCreateBody,
      response: { 201: cycleSchema, ...errorResponses(400, 404, 409) },
    }),
    async (req, reply) => {
      const cycle = await addCycle(deps, requireActor(req), req.params.id, req.body);
      return reply.code(201).send(presentCycle(cycle));
    },
  );

  app.delete(
    '/api/cycles/:id',
    route.action(manageCycle, 'Xóa một kỳ báo cáo / delete a reporting cycle', {
      params: idParams,
      response: { 200: z.object({ deleted: z.uuid() }), ...errorResponses(404, 409) },
    }),
    async (req) => {
      await deleteCycle(deps, requireActor(req), req.params.id);
      return { deleted: req.params.id };
    },
  );

  app.get(
    '/api/org-units/:code/reporting-settings',
    route.public('Chế độ báo cáo chung của tỉnh / a province’s reporting settings', {
      params: z.object({ code: unitCode }),
      response: { 200: reportingSettingsSchema, ...errorResponses(400, 404) },
    }),
    async (req) => provinceReportingSettings(deps, req.params.code),
  );

  app.put(
    '/api/org-units/:code/reporting-settings',
    route.action(
      { action: 'plan.manage', units: (req) => [stringField(req.params, 'code')] },
      'Đặt chế độ báo cáo chung của tỉnh / set a province’s reporting settings',
      {
        params: z.object({ code: unitCode }),
        body: reportingSettingsBody,
        response: { 200: reportingSettingsSchema, ...errorResponses(400, 404, 409) },
      },
    ),
    async (req) => writeProvinceReportingSettings(deps, requireActor(req), req.params.code, req.body),
  );
};
