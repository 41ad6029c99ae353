import { z } from 'zod';
import { MILESTONE_STATUSES, PROGRESS_STATUSES } from '../../domain/progress.js';
import { measureSchema } from '../plans/plans.schemas.js';

const statusKeySchema = z.enum([...new Set([...PROGRESS_STATUSES, ...MILESTONE_STATUSES])] as [
  string,
  ...string[],
]);

const seriesPointSchema = z.object({
  period: z.string(),
  sex: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  origin: z.enum(['entered', 'computed']),
  contributors: z.number().int(),
  pending: z.boolean().describe('Rests on figures not yet accepted (only with includePending)'),
  fromRecords: z.boolean().describe('Computed from registers or the activity log, not entered'),
});

const indicatorRefSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: z.enum(['higher', 'lower', 'band']),
});

const measureProgressSchema = z.object({
  measureId: z.uuid(),
  position: z.number().int(),
  target: measureSchema,
  indicator: indicatorRefSchema.nullable(),
  status: statusKeySchema,
  reason: z.string().nullable(),
  latest: seriesPointSchema.nullable(),
  observedGrowth: z.number().nullable().describe('CAGR from the base to the latest value, per year'),
  requiredGrowth: z.number().nullable().describe('CAGR from the base to the target, per year'),
  ratio: z.number().nullable().describe('R with a numeric target'),
  neededThisYear: z.number().nullable(),
  projection: z.object({ year: z.number(), value: z.number() }).nullable(),
  lowConfidence: z.boolean(),
  explanation: z.object({ vi: z.string(), en: z.string() }),
});

const targetProgressSchema = z.object({
  targetId: z.uuid(),
  code: z.string(),
  goalCode: z.string(),
  text: z.string(),
  status: statusKeySchema,
  lead: z.array(z.object({ name: z.string(), code: z.string().nullable() })),
  measures: z.array(measureProgressSchema),
});

export const planProgressSchema = z.object({
  planId: z.uuid(),
  scope: z.object({ code: z.string(), name: z.string() }).nullable(),
  year: z.number().int(),
  includePending: z.boolean(),
  counts: z.record(z.string(), z.number()).describe('Measures by status'),
  targets: z.array(targetProgressSchema),
});

export const targetDetailProgressSchema = targetProgressSchema.extend({
  planId: z.uuid(),
  scope: z.object({ code: z.string(), name: z.string() }).nullable(),
  measures: z.array(
    measureProgressSchema.extend({
      series: z.array(seriesPointSchema),
      trajectory: z.array(z.object({ year: z.number(), value: z.number() })),
    }),
  ),
});

export const progressQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  includePending: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also count figures not yet accepted (needs a session that can read the plan)'),
});

export type PlanProgress = z.infer<typeof planProgressSchema>;
export type MeasureProgressView = z.infer<typeof measureProgressSchema>;
export type TargetDetailProgress = z.infer<typeof targetDetailProgressSchema>;
