import { z } from 'zod';
import { SUBMISSION_STATUSES } from '../../domain/workflow.js';
import { int4 } from '../../core/input-fields.js';

export const submissionSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  orgUnit: z.string(),
  period: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  lastComment: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const submissionListSchema = z.object({ items: z.array(submissionSchema) });

export const transitionBody = z.object({
  planId: z.uuid(),
  orgUnit: z.string().min(1),
  period: z.string().regex(/^\d{4}$/, 'Kỳ báo cáo là một năm, ví dụ 2025'),
  comment: z.string().max(2000).nullable().optional(),
  version: int4().nullable().optional(),
});

export const bulkBody = z.object({
  planId: z.uuid(),
  period: z.string().regex(/^\d{4}$/),
  units: z.array(z.string().min(1)).min(1).max(500),
});

export const unitSubmissionsQuery = z.object({ plan: z.uuid(), period: z.string().regex(/^\d{4}$/) });

export const unitSubmissionListSchema = z.object({
  items: z.array(
    z.object({
      orgUnit: z.string(),
      orgUnitName: z.string(),
      status: z.enum(SUBMISSION_STATUSES),
      version: z.number().int(),
      lastComment: z.string().nullable(),
      figures: z.number().int(),
    }),
  ),
});
