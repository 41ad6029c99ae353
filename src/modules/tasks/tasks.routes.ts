import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TASK_STATUSES } from '../../domain/activity-log.js';
import { z } from 'zod';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { plans, tasks } from '../../db/schema.js';
import { requireActor } from '../../core/actor.js';
import { uuidParam } from '../../core/route-policy.js';
import { errorResponseSchema } from '../../core/error-response.js';
import { int4 } from '../../core/input-fields.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requirePlan } from '../plans/plans.service.js';

const taskSchema = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  text: z.string(),
  agencies: z.array(z.object({ name: z.string(), code: z.string().nullable() })),
  status: z.enum(TASK_STATUSES),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  evidence: z.string().nullable(),
  parentTaskId: z.uuid().nullable(),
  version: z.number().int(),
  /** Tasks of child plans that carry this one out. */
  children: z.array(
    z.object({ id: z.uuid(), planId: z.uuid(), planIssuer: z.string(), status: z.enum(TASK_STATUSES) }),
  ),
  childrenDone: z.number().int(),
});

type TaskRow = typeof tasks.$inferSelect;

/** A plan's tasks with their status, and how far the child plans' tasks that carry each one out have got. */
export const tasksRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (app, { db, now }) => {
  const present = async (rows: TaskRow[]) => {
    const ids = rows.map((r) => r.id);
    const children =
      ids.length === 0
        ? []
        : await db
            .select({ t: tasks, issuer: plans.issuer })
            .from(tasks)
            .innerJoin(plans, eq(plans.id, tasks.planId))
            .where(inArray(tasks.parentTaskId, ids));
    return rows.map((r) => {
      const own = children.filter((c) => c.t.parentTaskId === r.id);
      return {
        id: r.id,
        code: r.code,
        text: r.text,
        agencies: r.agencies,
        status: r.status,
        startDate: r.startDate,
        dueDate: r.dueDate,
        evidence: r.evidence,
        parentTaskId: r.parentTaskId,
        version: r.version,
        children: own.map((c) => ({
          id: c.t.id,
          planId: c.t.planId,
          planIssuer: c.issuer,
          status: c.t.status,
        })),
        childrenDone: own.filter((c) => c.t.status === 'done').length,
      };
    });
  };

  app.get(
    '/api/plans/:id/tasks',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['plans'],
        summary: 'Nhiệm vụ của kế hoạch và tiến độ của kế hoạch cấp dưới / tasks and their children',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ items: z.array(taskSchema) }), 404: errorResponseSchema },
      },
    },
    async (req) => {
      const plan = await requirePlan({ db }, req.params.id, req.actor);
      const rows = await db
        .select()
        .from(tasks)
        .where(eq(tasks.planId, plan.id))
        .orderBy(asc(tasks.position));
      return { items: await present(rows) };
    },
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: {
        policy: {
          access: 'action',
          action: 'task.update',
          // The plan's owner or an agency the task names; a plan without an owner is for admins only.
          match: 'any',
          units: async (req) => {
            const id = uuidParam(req);
            const [row] = id
              ? await db
                  .select({ owner: plans.ownerUnitCode, agencies: tasks.agencies })
                  .from(tasks)
                  .innerJoin(plans, eq(plans.id, tasks.planId))
                  .where(eq(tasks.id, id))
              : [];
            if (!row?.owner) return [];
            return [row.owner, ...row.agencies.map((a) => a.code)];
          },
        },
      },
      schema: {
        tags: ['plans'],
        summary: 'Cập nhật tình trạng, thời hạn, kết quả của nhiệm vụ / update a task',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          status: z.enum(TASK_STATUSES),
          startDate: z.iso.date().nullable(),
          dueDate: z.iso.date().nullable(),
          evidence: z.string().max(20_000).nullable(),
          version: int4(),
        }),
        response: {
          200: taskSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { version, ...fields } = req.body;
      if (fields.startDate && fields.dueDate && fields.dueDate < fields.startDate) {
        const message = 'Hạn hoàn thành phải sau ngày bắt đầu';
        throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body.dueDate', message }]);
      }
      const updated = await db.transaction(async (tx) => {
        // Locked: the version checked below and the values audited as "before" are those replaced.
        const [before] = await tx.select().from(tasks).where(eq(tasks.id, req.params.id)).for('update');
        if (!before) throw notFound(`Nhiệm vụ ${req.params.id}`);
        const [row] = await tx
          .update(tasks)
          .set({ ...fields, version: sql`${tasks.version} + 1` })
          .where(and(eq(tasks.id, before.id), eq(tasks.version, version)))
          .returning();
        if (!row) {
          throw new AppError('CONFLICT', 'Nhiệm vụ đã được người khác cập nhật', [
            {
              path: '$.body.version',
              message: `Phiên bản hiện tại ${before.version}`,
              current: { status: before.status, version: before.version },
            },
          ]);
        }
        await recordAudit(
          tx,
          actor,
          {
            action: 'task.update',
            entity: 'task',
            entityId: row.id,
            before: {
              status: before.status,
              startDate: before.startDate,
              dueDate: before.dueDate,
              evidence: before.evidence,
            },
            after: fields,
          },
          now(),
        );
        return row;
      });
      return (await present([updated]))[0]!;
    },
  );
};
