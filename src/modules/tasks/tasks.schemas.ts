import { z } from 'zod';
import { TASK_STATUSES } from '../../domain/activity-log.js';
import { int4 } from '../../core/input-fields.js';

export const taskSchema = z.object({
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

export type TaskView = z.infer<typeof taskSchema>;

export const taskListSchema = z.object({ items: z.array(taskSchema) });

export const taskUpdateBody = z.object({
  status: z.enum(TASK_STATUSES),
  startDate: z.iso.date().nullable(),
  dueDate: z.iso.date().nullable(),
  evidence: z.string().max(20_000).nullable(),
  version: int4(),
});
