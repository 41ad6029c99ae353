import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { uuidParam } from '../../core/route-policy.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { presentTasks } from './tasks.presenter.js';
import { taskListSchema, taskSchema, taskUpdateBody } from './tasks.schemas.js';
import { listPlanTasks, unitsOfTask, updateTask } from './tasks.service.js';

const route = routeOptions('plans');

const idParams = z.object({ id: z.uuid() });

/** A plan's tasks with their status, and how far the child plans' tasks that carry each one out have got. */
export const tasksRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (app, { db, now }) => {
  const deps = { db, now };

  app.get(
    '/api/plans/:id/tasks',
    route.public('Nhiệm vụ của kế hoạch và tiến độ của kế hoạch cấp dưới / tasks and their children', {
      params: idParams,
      response: { 200: taskListSchema, ...errorResponses(404) },
    }),
    async (req) => {
      const { tasks, children } = await listPlanTasks(deps, req.params.id, req.actor);
      return { items: presentTasks(tasks, children) };
    },
  );

  app.patch(
    '/api/tasks/:id',
    route.action(
      {
        action: 'task.update',
        // The plan's owner or an agency the task names; a plan without an owner is for admins only.
        match: 'any',
        units: (req) => unitsOfTask(deps, uuidParam(req)),
      },
      'Cập nhật tình trạng, thời hạn, kết quả của nhiệm vụ / update a task',
      {
        params: idParams,
        body: taskUpdateBody,
        response: { 200: taskSchema, ...errorResponses(400, 404, 409) },
      },
    ),
    async (req) => {
      const { tasks, children } = await updateTask(deps, requireActor(req), req.params.id, req.body);
      return presentTasks(tasks, children)[0]!;
    },
  );
};
