import { z } from 'zod';
import { COMPARATORS, MEASURE_PERIODS, MEASURE_UNITS } from '../../domain/measure.js';
import { DOCUMENT_TYPES, textPartsSchema } from './plan-format.js';

export const measureSchema = z.object({
  label: z.string().nullable().optional(),
  value: z.number(),
  unit: z.enum(MEASURE_UNITS),
  comparator: z.enum(COMPARATORS),
  year: z.number().int().nullable(),
  baseline: z.object({ value: z.number(), year: z.number().int().nullable() }).nullable(),
  per: z.enum(MEASURE_PERIODS).nullable(),
  indicator: z.string().optional().describe('Code of the indicator that measures it'),
});

export const documentSchema = z.object({
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  issuer: z.string(),
  parentBody: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable().describe('ISO date as precise as the document states it'),
  title: z.string(),
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  signer: z
    .object({
      authority: z.string().nullable(),
      name: z.string().nullable(),
      lines: z.array(z.string()).optional().describe('The lines above the name, as the document prints them'),
    })
    .nullable(),
});

/** An agency as a plan names it, and the org unit that name resolves to (null when unknown). */
export const agencyRefSchema = z.object({
  name: z.string(),
  code: z.string().nullable(),
  unitName: z.string().nullable(),
});

export const planLinkSchema = z.object({
  id: z.uuid(),
  isDemo: z.boolean(),
  type: z.string(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  issuer: z.string(),
  date: z.string().nullable(),
  title: z.string(),
  period: z.object({ from: z.number().int(), to: z.number().int() }),
});

export const planSummarySchema = z.object({
  id: z.uuid(),
  isDemo: z.boolean(),
  document: documentSchema,
  issuerUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
  ownerUnitCode: z.string().nullable().describe('The unit whose coordinators manage the plan'),
  published: z.boolean().describe('Published plans are readable by anyone'),
  version: z.number().int().describe('For optimistic concurrency on changes to the plan'),
  counts: z.object({ goals: z.number(), targets: z.number(), measures: z.number() }),
});

export const targetSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  text: z.string(),
  measures: z.array(measureSchema),
  lead: z.array(agencyRefSchema),
  coordinate: z.array(agencyRefSchema),
});

export const planDetailSchema = planSummarySchema.extend({
  references: z.array(
    z.object({
      relation: z.enum(['implements', 'legal-basis']),
      type: z.string().nullable(),
      number: z.string().nullable(),
      symbol: z.string().nullable(),
      date: z.string().nullable(),
      issuer: z.string().nullable(),
      title: z.string().nullable(),
      planId: z.uuid().nullable(),
    }),
  ),
  goals: z.array(
    z.object({ id: z.uuid(), code: z.string(), title: z.string(), targets: z.array(targetSchema) }),
  ),
  tasks: z.array(
    z.object({ code: z.string().nullable(), text: z.string(), agencies: z.array(agencyRefSchema) }),
  ),
  deadlines: z.array(
    z.object({
      report: z.string(),
      due: z.string().nullable(),
      before: z.boolean(),
      recurrence: z.enum(['yearly', 'once']).nullable(),
      year: z.number().int().nullable(),
      recipient: z.string().nullable(),
      text: z.string().nullable(),
    }),
  ),
  text: textPartsSchema,
  duties: z.array(
    z.object({
      code: z.string().nullable(),
      agency: agencyRefSchema,
      heading: z.string().nullable(),
      covers: z.enum(['agencies', 'communes']).nullable(),
      paragraphs: z.array(z.string()),
    }),
  ),
  responsible: z.array(agencyRefSchema).describe('Agencies given duties without a target'),
  formerProvince: z
    .object({
      written: z.string().describe('The province as the document names it ("Bình Phước")'),
      current: z.object({ code: z.string(), name: z.string(), fullName: z.string() }),
    })
    .nullable()
    .describe('A province merged in 2025 that the document names, and the province it is now part of'),
  parents: z.array(planLinkSchema),
  children: z.array(planLinkSchema),
});

export const planListSchema = z.object({ items: z.array(planSummarySchema) });

export const planIdParams = z.object({ id: z.uuid({ message: 'id phải là UUID / id must be a UUID' }) });

export const planPublishedSchema = z.object({
  id: z.uuid(),
  published: z.boolean(),
  version: z.number().int(),
});

const DATE_TEXT = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A draft's identity once issued: "158", "KH-UBND", "2026-04-26". */
export const planIdentityBody = z.object({
  number: z.string().trim().min(1, { message: 'Số văn bản không được để trống' }).max(50).nullable(),
  symbol: z.string().trim().min(1, { message: 'Ký hiệu không được để trống' }).max(50).nullable(),
  date: z.string().regex(DATE_TEXT, { message: 'Ngày ban hành: YYYY-MM-DD, YYYY-MM hoặc YYYY' }).nullable(),
  version: z.number().int().min(1),
});

export const importResultSchema = z.object({ id: z.uuid(), url: z.string() });

export const orgUnitAssignmentsSchema = z.object({
  items: z.array(
    z.object({
      role: z.enum(['lead', 'coordinate', 'responsible']),
      plan: planLinkSchema,
      goal: z.object({ code: z.string(), title: z.string() }),
      target: z.object({
        id: z.uuid(),
        code: z.string(),
        text: z.string(),
        measures: z.array(measureSchema),
      }),
    }),
  ),
});

export type PlanSummary = z.infer<typeof planSummarySchema>;
export type PlanDetail = z.infer<typeof planDetailSchema>;
export type PlanLink = z.infer<typeof planLinkSchema>;
export type TargetView = z.infer<typeof targetSchema>;
export type AgencyRef = z.infer<typeof agencyRefSchema>;
export type OrgUnitAssignments = z.infer<typeof orgUnitAssignmentsSchema>;
