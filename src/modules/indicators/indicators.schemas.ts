import { z } from 'zod';

export const indicatorSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: z.enum(['higher', 'lower', 'band']),
  band: z.object({ min: z.number(), max: z.number() }).nullable(),
  numeratorVi: z.string().nullable(),
  denominatorVi: z.string().nullable(),
  multiplier: z.number().nullable(),
  disaggregations: z.array(z.string()),
  aggregation: z.enum(['ratio', 'sum', 'min', 'max', 'none']),
  periodType: z.enum(['year', 'half', 'quarter', 'month']),
  unitKinds: z.array(z.string()),
  source: z.string().nullable(),
  providerAbbr: z.string().nullable(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
});

export type IndicatorView = z.infer<typeof indicatorSchema>;
