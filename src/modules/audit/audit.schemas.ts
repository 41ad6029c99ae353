import { z } from 'zod';

const auditRowSchema = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  orgUnitCode: z.string().nullable(),
  period: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

export const auditListSchema = z.object({ items: z.array(auditRowSchema) });

export const auditQuery = z.object({
  unit: z.string().min(1).describe('Org unit code: the unit and everything under it'),
  user: z.string().optional().describe('User id'),
  period: z.string().optional(),
  action: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export type AuditQuery = z.infer<typeof auditQuery>;

export const observationHistoryQuery = z.object({
  key: z
    .string()
    .min(3)
    .describe('indicator|orgUnit|period|sex|ageGroup|ethnicity|area, e.g. BDG-02|20|2025|total|||'),
});
