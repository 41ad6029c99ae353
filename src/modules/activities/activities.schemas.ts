import { z } from 'zod';
import { ACTIVITY_CHANNELS, ACTIVITY_OCCASIONS } from '../../domain/activity-log.js';
import { ACTIVITY_KINDS } from '../../domain/computed.js';
import { int4, link, visibleText } from '../../core/input-fields.js';

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  url: z.string(),
});

export const activitySchema = z.object({
  id: z.uuid(),
  orgUnit: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  channel: z.string().nullable(),
  url: z.string().nullable(),
  date: z.string(),
  endDate: z.string().nullable(),
  occasion: z.string().nullable(),
  participantsFemale: z.number().nullable(),
  participantsMale: z.number().nullable(),
  findings: z.string().nullable(),
  taskIds: z.array(z.string()),
  targetIds: z.array(z.string()),
  isDemo: z.boolean(),
  attachments: z.array(attachmentSchema),
});

export const activityListQuery = z.object({
  kind: z.enum(ACTIVITY_KINDS).optional(),
  channel: z.enum(ACTIVITY_CHANNELS).optional(),
  occasion: z.enum(ACTIVITY_OCCASIONS).optional(),
  target: z.uuid().optional().describe('id of a target the item serves'),
  task: z.uuid().optional().describe('id of a task the item serves'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const activityBody = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  title: visibleText(500),
  channel: z.enum(ACTIVITY_CHANNELS).nullable().optional(),
  url: link(2000).nullable().optional(),
  date: z.iso.date(),
  endDate: z.iso.date().nullable().optional(),
  occasion: z.enum(ACTIVITY_OCCASIONS).nullable().optional(),
  participantsFemale: int4().min(0).nullable().optional(),
  participantsMale: int4().min(0).nullable().optional(),
  findings: z.string().max(20_000).nullable().optional(),
  taskIds: z.array(z.uuid()).max(50).default([]),
  targetIds: z.array(z.uuid()).max(50).default([]),
});
