import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { stringField } from '../../core/route-policy.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { requirePlan } from '../plans/plans.service.js';
import { renderPlanDraftDocx } from './plan-docx.js';
import { draftSubordinatePlan, planDraftDocument } from './plan-drafts.service.js';

const route = routeOptions('plans');

/** "Create our plan": an agency's or commune's annual plan drafted from the plan it implements, and its DOCX. */
export const planDraftsRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (
  app,
  { db, now },
) => {
  app.post(
    '/api/plans/:id/drafts',
    route.action(
      { action: 'plan.draft', units: (req) => [stringField(req.body, 'unit')] },
      'Lập kế hoạch của đơn vị từ kế hoạch cấp trên / draft a unit’s plan from this plan',
      {
        params: z.object({ id: z.uuid() }),
        body: z.object({ unit: z.string().min(1).max(40), year: z.number().int().min(2000).max(2100) }),
        response: {
          201: z.object({ id: z.uuid(), url: z.string() }),
          ...errorResponses(400, 404, 409),
        },
      },
    ),
    async (req, reply) => {
      const id = await draftSubordinatePlan({ db, now }, requireActor(req), req.params.id, req.body);
      return reply.code(201).send({ id, url: `/api/plans/${id}` });
    },
  );

  app.get(
    '/api/plans/:id/plan.docx',
    route.public('Kế hoạch (DOCX, thể thức Nghị định 30/2020) / the plan as a DOCX draft', {
      params: z.object({ id: z.uuid() }),
    }),
    async (req, reply) => {
      const plan = await requirePlan({ db }, req.params.id, req.actor);
      const bytes = await renderPlanDraftDocx(await planDraftDocument({ db }, plan));
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="ke-hoach-${plan.id.slice(0, 8)}.docx"`)
        .send(bytes);
    },
  );
};
