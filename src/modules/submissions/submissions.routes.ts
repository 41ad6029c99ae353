import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/connection.js';
import type { Clock } from '../../core/clock.js';
import { BULK_TRANSITIONS, TRANSITION_ACTION, TRANSITIONS } from '../../domain/workflow.js';
import { nonEmptyString, unitIn } from '../../core/route-policy.js';
import { requireActor } from '../../core/actor.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { presentSubmission, presentUnitSubmission } from './submissions.presenter.js';
import {
  bulkBody,
  submissionListSchema,
  submissionSchema,
  transitionBody,
  unitSubmissionListSchema,
  unitSubmissionsQuery,
} from './submissions.schemas.js';
import { bulkTransition, listUnitSubmissions, transitionSubmission } from './submissions.service.js';

const route = routeOptions('submissions');

/** The submit → approve → accept chain, with return and reopen, one unit or many at once. */
export const submissionsRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (
  app,
  { db, now },
) => {
  const deps = { db, now };

  for (const t of TRANSITIONS) {
    app.post(
      `/api/submissions/${t}`,
      route.action(
        { action: TRANSITION_ACTION[t], units: unitIn('body', 'orgUnit') },
        `Quy trình số liệu: ${t} / workflow step`,
        {
          body: transitionBody,
          response: { 200: submissionSchema, ...errorResponses(400, 403, 409) },
        },
      ),
      async (req) => presentSubmission(await transitionSubmission(deps, requireActor(req), t, req.body)),
    );
  }

  for (const t of BULK_TRANSITIONS) {
    app.post(
      `/api/submissions/bulk-${t}`,
      route.action(
        {
          action: TRANSITION_ACTION[t],
          units: (req) => {
            const units = (req.body as { units?: unknown } | null | undefined)?.units;
            return Array.isArray(units) ? units.map(nonEmptyString) : [null];
          },
        },
        `Gửi / duyệt / tiếp nhận hàng loạt (${t}) / bulk ${t}`,
        {
          body: bulkBody,
          response: { 200: submissionListSchema, ...errorResponses(403, 404, 409) },
        },
      ),
      async (req) => ({
        items: (await bulkTransition(deps, requireActor(req), t, req.body)).map(presentSubmission),
      }),
    );
  }

  app.get(
    '/api/submissions',
    route.session('Trạng thái số liệu của các đơn vị trong phạm vi / status of the units you can see', {
      querystring: unitSubmissionsQuery,
      response: { 200: unitSubmissionListSchema },
    }),
    async (req) => ({
      items: (await listUnitSubmissions(deps, requireActor(req), req.query.plan, req.query.period)).map(
        presentUnitSubmission,
      ),
    }),
  );
};
