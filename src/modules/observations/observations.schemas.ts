import { z } from 'zod';
import { OBSERVATION_TEXT_LIMITS as MAX } from '../../domain/observation-rules.js';
import { ENTRY_ROW_LIMIT, ISSUE_LIMIT } from '../../domain/input-limits.js';
import { int4 } from '../../core/input-fields.js';

const numberOrText = (max: number) =>
  z
    .union([z.number(), z.string().max(max)])
    .nullable()
    .optional();

const observationInputSchema = z.object({
  indicator: z.string().min(1).max(MAX.indicator).describe('Indicator code, e.g. BDG-01'),
  orgUnit: z.string().min(1).max(MAX.org_unit).describe('Code of the org unit the figure describes'),
  reportingUnit: z
    .string()
    .max(MAX.reporting_unit)
    .nullable()
    .optional()
    .describe('Code of the unit answerable for it, when a provider agency reports a province-level figure'),
  version: int4().nullable().optional().describe('The version the user edited (optimistic concurrency)'),
  period: z.string().min(1).max(MAX.period).describe('"2024", "2024-H1", "2024-Q3" or "2024-07"'),
  sex: z.string().max(MAX.sex).nullable().optional().describe('total (default), female, male'),
  ageGroup: z.string().max(MAX.age_group).nullable().optional(),
  ethnicity: z.string().max(MAX.ethnicity).nullable().optional(),
  area: z.string().max(MAX.area).nullable().optional().describe('urban | rural'),
  value: numberOrText(MAX.value).describe('A number, or text in the given locale ("1.234,5" in vi)'),
  numerator: numberOrText(MAX.numerator),
  denominator: numberOrText(MAX.denominator),
  source: z.string().max(MAX.source).nullable().optional(),
  note: z.string().max(MAX.note).nullable().optional(),
});

export const recordBodySchema = z.object({
  rows: z.array(observationInputSchema).min(1).max(ENTRY_ROW_LIMIT),
  locale: z.enum(['vi', 'en']).default('vi'),
  acknowledgeWarnings: z.boolean().default(false),
  mode: z.enum(['all', 'valid-only']).default('all'),
});

export const importQuerySchema = z.object({
  locale: z.enum(['vi', 'en']).optional(),
  acknowledgeWarnings: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  mode: z.enum(['all', 'valid-only']).default('all'),
});

const rowIssue = z.object({ line: z.number(), column: z.string(), code: z.string(), message: z.string() });

export const recordResultSchema = z.object({
  stored: z.number().int(),
  rejected: z.array(rowIssue).describe(`The first ${ISSUE_LIMIT} rows refused (mode valid-only)`),
  rejectedCount: z.number().int().optional().describe('How many problems there are in all'),
  warnings: z.array(rowIssue).describe(`The first ${ISSUE_LIMIT} warnings`),
  warningCount: z.number().int().optional().describe('How many warnings there are in all'),
});

export const observationSchema = z.object({
  id: z.uuid(),
  indicator: z.string(),
  orgUnit: z.string(),
  reportingUnit: z.string(),
  period: z.string(),
  sex: z.string(),
  ageGroup: z.string(),
  ethnicity: z.string(),
  area: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
  accepted: z.boolean().describe('Accepted by the province in at least one plan'),
  version: z.number().int(),
});

/** Figures a page of the list holds at most (and by default). */
export const OBSERVATION_PAGE_LIMIT = 5000;

export const observationListQuery = z.object({
  indicator: z.string().optional(),
  orgUnit: z.string().optional(),
  period: z.string().optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(OBSERVATION_PAGE_LIMIT)
    .default(OBSERVATION_PAGE_LIMIT)
    .describe('Figures a page holds, at most 5,000'),
  cursor: z.string().max(400).optional().describe('The nextCursor of the page before'),
});

export const observationPageSchema = z.object({
  items: z.array(observationSchema),
  total: z.number().int().describe('Figures matching the filter that the caller may see, on every page'),
  nextCursor: z.string().nullable().describe('Where the next page starts; null on the last page'),
});

export type ObservationView = z.infer<typeof observationSchema>;
export type RecordResultView = z.infer<typeof recordResultSchema>;
export type ObservationInputView = z.infer<typeof observationInputSchema>;
