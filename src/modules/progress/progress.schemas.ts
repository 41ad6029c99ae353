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
  coverage: z
    .object({
      owed: z.number().int().describe('Units owing the figure for the period'),
      reported: z.number().int().describe('Units whose figure is counted'),
      missing: z.array(z.string()).describe('Codes of owed units that have not reported'),
    })
    .nullable()
    .describe('Who a rolled-up figure covers; null for a figure entered for the scope itself'),
  complete: z
    .boolean()
    .describe('Entered for the scope, or covered by enough units: only complete figures count for status'),
});

const unitRefSchema = z.object({ code: z.string(), name: z.string() });

const behindSchema = z
  .object({
    period: z.string(),
    notReported: z.array(unitRefSchema).describe('Owed units without a counted figure for the period'),
    belowTarget: z
      .array(unitRefSchema.extend({ value: z.number().nullable() }))
      .describe('For a per-period target: units that did not reach it in the period'),
  })
  .describe('Who is behind in the latest period with figures');

const perPeriodSchema = z.object({
  period: z.string(),
  meeting: z.number().int(),
  owed: z.number().int(),
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
  latest: seriesPointSchema.nullable().describe('The latest complete figure: the one the status rests on'),
  partial: seriesPointSchema
    .nullable()
    .describe('A newer figure that too few units cover: shown, marked, never assessed'),
  basePeriod: z.string().nullable().describe('The period of the base of the growth rates'),
  neededFromLatest: z
    .number()
    .nullable()
    .describe(
      'Change a year needed from the latest value to reach the target (rate, or units when absolute)',
    ),
  neededNextPeriod: z
    .object({ time: z.number().describe('In years, as period times'), value: z.number() })
    .nullable()
    .describe('The value needed one period after the latest, on the path to the target'),
  absolute: z.boolean().describe('Assessed on absolute change a year (a count from 0)'),
  baselineAssumedYear: z
    .number()
    .int()
    .nullable()
    .describe('A baseline the plan states without a year is taken as of this year (the plan’s first)'),
  bySex: z
    .object({ female: statusKeySchema, male: statusKeySchema })
    .nullable()
    .describe('A target set for each sex: the status of each (the measure takes the worse)'),
  perPeriod: z
    .object({ latest: perPeriodSchema.nullable(), periods: z.array(perPeriodSchema) })
    .nullable()
    .describe('A target stated per period for every unit: units meeting it in each complete period'),
  observedGrowth: z.number().nullable().describe('CAGR from the base to the latest value, per year'),
  requiredGrowth: z.number().nullable().describe('CAGR from the base to the target, per year'),
  ratio: z.number().nullable().describe('R with a numeric target'),
  neededThisYear: z.number().nullable(),
  projection: z.object({ year: z.number(), value: z.number() }).nullable(),
  lowConfidence: z.boolean(),
  explanation: z.object({ vi: z.string(), en: z.string() }),
  effort: z
    .object({ vi: z.string(), en: z.string() })
    .nullable()
    .describe('The change needed from the latest value to reach the target, in one sentence'),
  behind: behindSchema.nullable(),
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
